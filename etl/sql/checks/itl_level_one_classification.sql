-- Each ITL2 or ITL3 view the dashboard serves (an indicator, level and period in
-- mart.observation_latest) lies within one classification: ITL 2021, ITL 2025, or ITL 2021 with
-- Dorset on its NUTS 2016 areas. Each is a partition of the UK, so no territory is counted twice
-- and no boundary set is mixed with another. Areas in no classification are not ITL areas.
WITH membership AS (
    SELECT geo_code, alias_kind AS classification
    FROM core.geo_alias
    WHERE alias_kind IN ('itl2021_code', 'itl2025_code', 'nuts2016_code')
),
views AS (
    SELECT DISTINCT indicator_id, geo_level, period, geo_code
    FROM mart.observation_latest
    WHERE geo_level IN ('ITL2', 'ITL3') AND geo_code IN (SELECT geo_code FROM membership)
),
sizes AS (
    SELECT indicator_id, geo_level, period, count(*) AS areas FROM views GROUP BY ALL
),
fits AS (
    SELECT v.indicator_id, v.geo_level, v.period, count(*) AS members
    FROM views AS v
    JOIN membership AS m USING (geo_code)
    GROUP BY v.indicator_id, v.geo_level, v.period, m.classification
)
SELECT s.indicator_id, s.geo_level, s.period, s.areas
FROM sizes AS s
WHERE NOT EXISTS (
    SELECT 1 FROM fits AS f
    WHERE f.indicator_id = s.indicator_id AND f.geo_level = s.geo_level
      AND f.period = s.period AND f.members = s.areas
)
LIMIT 20;
