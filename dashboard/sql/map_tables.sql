-- How many of the map tables (core.boundary, core.hex_layout) this warehouse holds.
SELECT count(*) AS n
FROM information_schema.tables
WHERE table_schema = 'core' AND table_name IN ('boundary', 'hex_layout');
