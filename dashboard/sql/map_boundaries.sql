-- Simplified boundaries (GeoJSON text, EPSG:4326) of every area of one level.
SELECT geo_code, geojson, release_id
FROM core.boundary
WHERE geo_level = ?
ORDER BY geo_code;
