-- Every figure the dashboard shows for one indicator, for a CSV download.
SELECT indicator_id, geo_code, geo_name, geo_level, industry_code, sex, period, period_start,
       value, lci_95, uci_95, status, release_id, release_label
FROM mart.observation_latest
WHERE indicator_id = ?
ORDER BY geo_level, geo_code, industry_code, sex, period_start;
