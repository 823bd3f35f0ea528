-- One indicator and sex for a list of areas (a DuckDB list), all periods.
SELECT geo_code, geo_name, period, period_start, value, lci_95, uci_95, status, release_id
FROM mart.observation_latest
WHERE indicator_id = ? AND sex = ? AND industry_code = 'Total' AND list_contains(?, geo_code)
ORDER BY geo_code, period_start;
