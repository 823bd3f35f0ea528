-- Periods with a published all-industry value for an indicator, level and sex.
SELECT DISTINCT period, period_start
FROM mart.observation_latest
WHERE indicator_id = ? AND geo_level = ? AND sex = ? AND industry_code = 'Total'
  AND value IS NOT NULL
ORDER BY period_start;
