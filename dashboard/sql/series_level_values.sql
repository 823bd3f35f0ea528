-- Every area of one level (plus the UK) for one indicator and sex, all periods.
SELECT geo_code, geo_name, geo_level, itl1_code, period, period_start, value, lci_95, uci_95,
       status, release_id
FROM mart.observation_latest
WHERE indicator_id = ? AND sex = ? AND industry_code = 'Total'
  AND (geo_level = ? OR geo_code = 'UK')
ORDER BY period_start, geo_code;
