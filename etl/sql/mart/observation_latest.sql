-- The figures the dashboard shows: for each indicator and geography level, the latest release
-- that covers it, with names and release labels attached.
CREATE TABLE mart.observation_latest AS
WITH ranked AS (
    SELECT
        o.*,
        g.geo_name,
        g.geo_level,
        g.parent_code,
        g.itl1_code,
        rel.release_date,
        rel.release_label,
        rel.source_id,
        max(rel.release_date) OVER (PARTITION BY o.indicator_id, g.geo_level) AS latest_date
    FROM core.observation AS o
    JOIN core.geography AS g USING (geo_code)
    JOIN core.release AS rel USING (release_id)
)
SELECT * EXCLUDE (latest_date)
FROM ranked
WHERE release_date = latest_date
ORDER BY indicator_id, geo_level, geo_code, industry_code, sex, period_start;
