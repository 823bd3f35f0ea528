-- All 12 ITL1 regions appear for every indicator published at ITL1 level, unless its declaration
-- states a narrower coverage.
SELECT o.indicator_id, o.release_id, count(DISTINCT o.geo_code) AS regions
FROM core.observation AS o
JOIN core.geography AS g USING (geo_code)
LEFT JOIN core.indicator AS i USING (indicator_id)
WHERE g.geo_level = 'ITL1' AND coalesce(i.coverage, 'UK') = 'UK'
GROUP BY ALL
HAVING count(DISTINCT o.geo_code) <> 12;
