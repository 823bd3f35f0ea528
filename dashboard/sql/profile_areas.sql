-- Every area from ITL1 down with at least one published value, by level then name.
SELECT DISTINCT o.geo_level, g.level_rank, o.geo_code, o.geo_name
FROM mart.observation_latest AS o
JOIN core.geography AS g USING (geo_code)
WHERE g.level_rank BETWEEN 2 AND 8 AND o.value IS NOT NULL
ORDER BY g.level_rank, o.geo_level, o.geo_name;
