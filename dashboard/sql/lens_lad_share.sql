-- Local authorities of one ITL1 region: share of GVA (current prices, leaf industries, imputed
-- rent excluded) by lens membership for the chosen variants. BRES has no district figures.
WITH leaves AS (
    SELECT o.geo_code, o.geo_name, o.industry_code, o.value, o.release_id
    FROM mart.observation_latest AS o
    WHERE o.indicator_id = 'gva_cp_gbp_m' AND o.geo_level = 'LAD' AND o.itl1_code = ?
      AND o.period = ? AND o.is_leaf AND o.industry_code <> '68IMP'
)
SELECT l.geo_code, l.geo_name, m.lens, m.variant_label, m.membership,
       CASE m.membership WHEN 'true' THEN 'In the lens' WHEN 'partial' THEN 'Partly in the lens'
            ELSE 'Outside the lens' END AS membership_label,
       sum(l.value) AS gva_gbp_m,
       100 * sum(l.value) / sum(sum(l.value)) OVER (PARTITION BY l.geo_code, m.lens) AS gva_share_pct,
       any_value(l.release_id) AS release_id
FROM leaves AS l
JOIN mart.sector_lens_industry AS m USING (industry_code)
WHERE (m.lens = 'foundational' AND m.variant = ?) OR (m.lens = 'frontier' AND m.variant = ?)
GROUP BY l.geo_code, l.geo_name, m.lens, m.variant_label, m.membership
ORDER BY l.geo_code, m.lens, m.membership;
