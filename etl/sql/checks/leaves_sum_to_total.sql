-- Leaf industries partition their table: for additive indicators they sum to the Total row,
-- within rounding (half a unit per leaf). Tables with a suppressed leaf cannot be checked.
WITH leaves AS (
    SELECT o.indicator_id, o.geo_code, o.sex, o.period, o.release_id,
           sum(o.value) AS leaf_total, count(*) AS n
    FROM core.observation AS o
    JOIN core.indicator AS i USING (indicator_id)
    WHERE o.is_leaf AND o.industry_code <> 'Total' AND i.additive
    GROUP BY ALL
    HAVING count(o.value) = count(*)
)
SELECT l.*, t.value AS total
FROM leaves AS l
JOIN core.observation AS t
  ON t.indicator_id = l.indicator_id AND t.geo_code = l.geo_code AND t.sex = l.sex
 AND t.period = l.period AND t.release_id = l.release_id AND t.industry_code = 'Total'
WHERE abs(l.leaf_total - t.value) > 0.5 * l.n + 1e-9
LIMIT 20;
