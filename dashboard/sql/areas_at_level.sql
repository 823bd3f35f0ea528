-- Every area of one geography level on the reference boundaries (parameter 2: ITL 2021), for
-- chart packs that draw the same chart for each area.
SELECT geo_code, geo_name
FROM core.geography
WHERE geo_level = ? AND (boundary_vintage IS NULL OR boundary_vintage = ?)
ORDER BY geo_code;
