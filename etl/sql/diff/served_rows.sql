-- What a warehouse serves: the latest release of each indicator at each level, keyed for comparison.
SELECT indicator_id, geo_code, industry_code, sex, period, period_start, value, status, release_id
FROM mart.observation_latest;
