-- The indicator catalogue, as declared in etl/indicators/*.yml.
SELECT * FROM core.indicator ORDER BY theme, indicator_id;
