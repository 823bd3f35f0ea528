-- One indicator, period and sex: every area of one level, plus the UK, for a map.
SELECT geo_code, geo_name, geo_level, value, status, release_id
FROM mart.observation_latest
WHERE indicator_id = ? AND period = ? AND sex = ? AND industry_code = 'Total'
  AND (geo_level = ? OR geo_code = 'UK')
ORDER BY geo_code;
