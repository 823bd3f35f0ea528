-- Every published value (all industries) for one area and for the UK, all periods.
SELECT indicator_id, sex, geo_code, period, period_start, value, lci_95, uci_95, release_id
FROM mart.observation_latest
WHERE geo_code IN (?, 'UK') AND industry_code = 'Total' AND value IS NOT NULL
ORDER BY indicator_id, sex, geo_code, period_start;
