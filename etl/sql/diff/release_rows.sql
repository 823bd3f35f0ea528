-- One release's observations of a source, keyed for comparison.
SELECT indicator_id, geo_code, industry_code, sex, period, period_start, value, status
FROM core.observation
WHERE release_id = ?;
