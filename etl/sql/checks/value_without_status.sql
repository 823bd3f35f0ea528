-- A missing value must carry a status marker; a marker must not carry a value.
SELECT indicator_id, geo_code, industry_code, period, release_id, value, status
FROM core.observation
WHERE (value IS NULL) <> (status IS NOT NULL)
LIMIT 20;
