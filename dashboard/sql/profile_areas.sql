-- Every area from ITL1 down with at least one published value, by level then name, with the
-- boundary set an ITL area belongs to.
SELECT DISTINCT o.geo_level, g.level_rank, o.geo_code, o.geo_name, g.boundary_vintage
FROM mart.observation_latest AS o
JOIN core.geography AS g USING (geo_code)
WHERE g.level_rank BETWEEN 2 AND 8 AND o.value IS NOT NULL
ORDER BY g.level_rank, o.geo_level, o.geo_name;
