-- Each area's GVA and BRES employees split by sector-lens membership, for every lens variant:
-- 'In the lens', 'Partly in the lens' (industries at the published grain that straddle the lens
-- boundary, e.g. manufacturing under the frontier lens; not apportioned) and 'Outside the lens'.
-- The two lenses are computed independently, so an industry in both (e.g. telecoms, 61) counts in
-- both. Shares of GVA and of jobs sum to 100 per area, year, lens and variant.
CREATE TABLE mart.sector_lens_jobs_gva AS
SELECT
    t.geo_code, t.geo_name, t.geo_level, t.is_reference, t.period, t.period_start,
    m.lens, m.variant, m.variant_label, m.membership,
    CASE m.membership WHEN 'true' THEN 'In the lens' WHEN 'partial' THEN 'Partly in the lens'
         ELSE 'Outside the lens' END AS membership_label,
    string_agg(t.sections, ', ' ORDER BY t.sections) AS sections,
    sum(t.gva_gbp_m) AS gva_gbp_m,
    sum(t.employees) AS employees,
    1e6 * sum(t.gva_gbp_m) / nullif(sum(t.employees), 0) AS gva_per_job_gbp,
    100 * sum(t.gva_gbp_m) / sum(sum(t.gva_gbp_m)) OVER w AS gva_share_pct,
    100 * sum(t.employees) / sum(sum(t.employees)) OVER w AS jobs_share_pct,
    any_value(t.gva_release_id) AS gva_release_id,
    any_value(t.jobs_release_id) AS jobs_release_id
FROM mart.sector_lens_industry_jobs_gva AS t
JOIN mart.sector_lens_industry AS m USING (industry_code)
GROUP BY t.geo_code, t.geo_name, t.geo_level, t.is_reference, t.period, t.period_start,
         m.lens, m.variant, m.variant_label, m.membership
WINDOW w AS (PARTITION BY t.geo_code, t.geo_level, t.period, m.lens, m.variant)
ORDER BY t.geo_level, t.geo_code, t.period, m.lens, m.variant, m.membership;
