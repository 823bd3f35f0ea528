-- Series (indicator, area, industry, sex) the new data holds and the old does not.
SELECT DISTINCT n.indicator_id, n.geo_code, n.industry_code, n.sex
FROM diff_new AS n
WHERE NOT EXISTS (
    SELECT 1 FROM diff_old AS o
    WHERE o.indicator_id = n.indicator_id AND o.geo_code = n.geo_code
      AND o.industry_code = n.industry_code AND o.sex = n.sex
)
ORDER BY ALL;
