-- The figures the dashboard shows: for each indicator and geography level, the latest release
-- that covers it, with names and release labels attached. When releases of two sources share
-- that date, the source the indicator lists first in its sources is served (a source listed
-- later, e.g. RPRD beside the productivity workbook, stays in core.observation as a check).
CREATE TABLE mart.observation_latest AS
WITH located AS (
    SELECT
        o.*,
        g.geo_name,
        g.geo_level,
        g.parent_code,
        g.itl1_code,
        rel.release_date,
        rel.release_label,
        rel.source_id
    FROM core.observation AS o
    JOIN core.geography AS g USING (geo_code)
    JOIN core.release AS rel USING (release_id)
),
chosen AS (
    SELECT r.indicator_id, r.geo_level, r.release_id
    FROM (SELECT DISTINCT indicator_id, geo_level, release_id, release_date, source_id
          FROM located) AS r
    LEFT JOIN core.indicator AS i USING (indicator_id)
    QUALIFY row_number() OVER (
        PARTITION BY r.indicator_id, r.geo_level
        ORDER BY r.release_date DESC,
                 coalesce(list_position(string_split(i.sources, ','), r.source_id), 1000)
    ) = 1
)
SELECT l.*
FROM located AS l
JOIN chosen AS c USING (indicator_id, geo_level, release_id)
ORDER BY indicator_id, geo_level, geo_code, industry_code, sex, period_start;
