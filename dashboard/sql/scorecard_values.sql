-- Each indicator and sex at one level in its latest well-covered period (at least half as many
-- areas as its best-covered period): every area's value then, and the UK's. Only areas on the
-- reference boundaries (parameter 1) are scored, so areas of one boundary set are compared.
WITH scope AS (
    SELECT o.*
    FROM mart.observation_latest AS o
    JOIN core.geography AS g USING (geo_code)
    WHERE o.industry_code = 'Total'
      AND (g.boundary_vintage IS NULL OR g.boundary_vintage = ?)
      AND (o.geo_level = ? OR o.geo_code = 'UK')
),
cover AS (
    SELECT indicator_id, sex, period, period_start, count(*) AS areas
    FROM scope
    WHERE geo_code <> 'UK' AND value IS NOT NULL
    GROUP BY indicator_id, sex, period, period_start
),
chosen AS (
    SELECT indicator_id, sex, arg_max(period, period_start) AS period
    FROM (SELECT *, max(areas) OVER (PARTITION BY indicator_id, sex) AS most FROM cover)
    WHERE 2 * areas >= most
    GROUP BY indicator_id, sex
)
SELECT s.indicator_id, s.sex, s.geo_code, s.geo_name, s.period, s.value, s.release_id
FROM scope AS s
JOIN chosen USING (indicator_id, sex, period)
ORDER BY s.indicator_id, s.sex, s.geo_code;
