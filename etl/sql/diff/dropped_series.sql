-- Series (indicator, area, industry, sex) the old data holds and the new does not, for indicators
-- present in both; an indicator missing from the new data altogether is listed once, area '*'.
WITH old_series AS (SELECT DISTINCT indicator_id, geo_code, industry_code, sex FROM diff_old),
new_series AS (SELECT DISTINCT indicator_id, geo_code, industry_code, sex FROM diff_new),
new_indicators AS (SELECT DISTINCT indicator_id FROM diff_new)
SELECT o.indicator_id, o.geo_code, o.industry_code, o.sex
FROM old_series AS o
WHERE o.indicator_id IN (SELECT indicator_id FROM new_indicators)
  AND NOT EXISTS (
      SELECT 1 FROM new_series AS n
      WHERE n.indicator_id = o.indicator_id AND n.geo_code = o.geo_code
        AND n.industry_code = o.industry_code AND n.sex = o.sex
  )
UNION ALL
SELECT DISTINCT indicator_id, '*', '*', '*'
FROM old_series
WHERE indicator_id NOT IN (SELECT indicator_id FROM new_indicators)
ORDER BY ALL;
