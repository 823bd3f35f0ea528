-- Periods with a published value for an indicator at a level (all industries).
SELECT DISTINCT period, period_start
FROM mart.observation_latest
WHERE indicator_id = ? AND geo_level = ? AND industry_code = 'Total' AND value IS NOT NULL
ORDER BY period_start;
