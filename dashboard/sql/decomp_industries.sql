-- GVA and employees per industry for every area of a level and its GB reference, one year, with
-- each industry's membership of the chosen foundational and frontier variants.
SELECT t.geo_code, t.geo_name, t.is_reference, t.industry_code, t.industry_name, t.sections,
       t.gva_gbp_m, t.employees, f.membership AS foundational, r.membership AS frontier,
       t.gva_release_id, t.jobs_release_id
FROM mart.sector_lens_industry_jobs_gva AS t
JOIN mart.sector_lens_industry AS f
  ON f.industry_code = t.industry_code AND f.lens = 'foundational' AND f.variant = ?
JOIN mart.sector_lens_industry AS r
  ON r.industry_code = t.industry_code AND r.lens = 'frontier' AND r.variant = ?
WHERE t.geo_level = ? AND t.period = ?
ORDER BY t.is_reference, t.geo_code, t.sections;
