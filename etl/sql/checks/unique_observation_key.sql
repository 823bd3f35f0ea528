-- Each observation is identified by indicator, area, industry, sex, period and release.
SELECT indicator_id, geo_code, industry_code, sex, period, release_id, count(*) AS n
FROM core.observation
GROUP BY ALL
HAVING count(*) > 1
LIMIT 20;
