-- Levels from ITL1 down (ITL1, ITL2, ITL3, local authorities, ...) with values for one
-- indicator and sex, coarsest first, with the number of areas.
SELECT o.geo_level, count(DISTINCT o.geo_code) AS areas, min(g.level_rank) AS level_rank
FROM mart.observation_latest AS o
JOIN core.geography AS g USING (geo_code)
WHERE o.indicator_id = ? AND o.sex = ? AND o.industry_code = 'Total' AND o.value IS NOT NULL
  AND g.level_rank BETWEEN 2 AND 8
GROUP BY o.geo_level
ORDER BY level_rank, o.geo_level;
