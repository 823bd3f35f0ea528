-- Hex-cartogram positions of every area of one level, in each layout that covers it.
SELECT layout, geo_code, q, r, "offset", release_id
FROM core.hex_layout
WHERE geo_level = ?
ORDER BY layout, geo_code;
