-- Each observation is identified by indicator, area, industry, sex, period and release.
-- Grouping on one hash of the key first is cheap; only keys whose hash repeats are compared.
WITH repeated AS (
    SELECT hash(indicator_id, geo_code, industry_code, sex, period, release_id) AS key_hash
    FROM core.observation
    GROUP BY key_hash
    HAVING count(*) > 1
)
SELECT indicator_id, geo_code, industry_code, sex, period, release_id, count(*) AS n
FROM core.observation
WHERE hash(indicator_id, geo_code, industry_code, sex, period, release_id)
      IN (SELECT key_hash FROM repeated)
GROUP BY ALL
HAVING count(*) > 1
LIMIT 20;
