-- For each indicator and sex, every area of a level in the latest period the given area has.
WITH latest AS (
    SELECT indicator_id, sex, max(period_start) AS period_start
    FROM mart.observation_latest
    WHERE geo_code = ? AND industry_code = 'Total' AND value IS NOT NULL
    GROUP BY indicator_id, sex
)
SELECT o.indicator_id, o.sex, o.geo_code, o.value
FROM mart.observation_latest AS o
JOIN latest USING (indicator_id, sex, period_start)
WHERE o.geo_level = ? AND o.industry_code = 'Total' AND o.value IS NOT NULL;
