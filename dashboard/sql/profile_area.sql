-- One area with its level, parent and ITL1 region.
SELECT geo_code, geo_name, geo_level, parent_code, itl1_code
FROM core.geography
WHERE geo_code = ?;
