-- Every area of one geography level, for chart packs that draw the same chart for each area.
SELECT geo_code, geo_name
FROM core.geography
WHERE geo_level = ?
ORDER BY geo_code;
