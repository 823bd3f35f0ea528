-- Each dimension row is identified by its key, and a warehouse records exactly one build.
-- Industry codes are unique across schemes (ONS writes divisions 10-98 as SIC 2007 does, and
-- those share one row), so joins on industry_code never double count.
SELECT 'core.geography' AS table_name, geo_code AS key, count(*) AS n
FROM core.geography GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT 'core.indicator', indicator_id, count(*) FROM core.indicator GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT 'core.industry', industry_code, count(*)
FROM core.industry GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT 'core.release', release_id, count(*) FROM core.release GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT 'core.source', source_id, count(*) FROM core.source GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT 'core.build', 'rows', count(*) FROM core.build HAVING count(*) <> 1
LIMIT 20;
