-- The dashboard is served one value per indicator, area, industry, sex and period: two sources
-- or releases never both reach mart.observation_latest for the same figure. Grouping on one hash
-- of the key first is cheap; only keys whose hash repeats are compared.
WITH repeated AS (
    SELECT hash(indicator_id, geo_code, industry_code, sex, period) AS key_hash
    FROM mart.observation_latest
    GROUP BY key_hash
    HAVING count(*) > 1
)
SELECT indicator_id, geo_code, industry_code, sex, period, count(*) AS n
FROM mart.observation_latest
WHERE hash(indicator_id, geo_code, industry_code, sex, period) IN (SELECT key_hash FROM repeated)
GROUP BY ALL
HAVING count(*) > 1
LIMIT 20;
