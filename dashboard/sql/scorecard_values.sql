-- Each indicator and sex at one level in its latest well-covered period (at least half as many
-- areas as its best-covered period): every area's value then, and the UK's.
WITH cover AS (
    SELECT indicator_id, sex, period, period_start, count(*) AS areas
    FROM mart.observation_latest
    WHERE geo_level = ? AND industry_code = 'Total' AND value IS NOT NULL
    GROUP BY indicator_id, sex, period, period_start
),
chosen AS (
    SELECT indicator_id, sex, arg_max(period, period_start) AS period
    FROM (SELECT *, max(areas) OVER (PARTITION BY indicator_id, sex) AS most FROM cover)
    WHERE 2 * areas >= most
    GROUP BY indicator_id, sex
)
SELECT o.indicator_id, o.sex, o.geo_code, o.geo_name, o.period, o.value, o.release_id
FROM mart.observation_latest AS o
JOIN chosen USING (indicator_id, sex, period)
WHERE (o.geo_level = ? OR o.geo_code = 'UK') AND o.industry_code = 'Total'
ORDER BY o.indicator_id, o.sex, o.geo_code;
