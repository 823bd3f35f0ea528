-- Every area code a source uses must resolve to the geography dimension.
SELECT DISTINCT r.geo_code, r.release_id
FROM raw.observation AS r
LEFT JOIN core.geo_alias AS a
  ON a.alias = r.geo_code AND a.alias_kind IN ('code', 'gss_code', 'itl2025_code')
WHERE a.geo_code IS NULL
LIMIT 20;
