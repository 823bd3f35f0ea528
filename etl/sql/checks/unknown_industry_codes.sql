-- Every industry code a source uses must be in the industry dimension.
SELECT DISTINCT o.industry_code, o.release_id
FROM core.observation AS o
LEFT JOIN core.industry AS i USING (industry_code)
WHERE i.industry_code IS NULL
LIMIT 20;
