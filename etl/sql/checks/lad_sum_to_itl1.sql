-- Local authority GVA sums to its ITL1 region's GVA in the same release, within rounding
-- (half a unit per authority).
WITH lads AS (
    SELECT o.indicator_id, g.itl1_code AS geo_code, o.industry_code, o.period, rel.release_date,
           sum(o.value) AS lad_total, count(*) AS n
    FROM core.observation AS o
    JOIN core.geography AS g USING (geo_code)
    JOIN core.release AS rel USING (release_id)
    JOIN core.indicator AS i USING (indicator_id)
    WHERE g.geo_level = 'LAD' AND o.industry_code = 'Total' AND i.additive
    GROUP BY ALL
)
SELECT l.*, o.value AS itl1_value
FROM lads AS l
JOIN core.observation AS o
  ON o.indicator_id = l.indicator_id AND o.geo_code = l.geo_code
 AND o.industry_code = 'Total' AND o.period = l.period
JOIN core.release AS rel ON rel.release_id = o.release_id AND rel.release_date = l.release_date
WHERE abs(l.lad_total - o.value) > 0.5 * l.n + 1e-9
LIMIT 20;
