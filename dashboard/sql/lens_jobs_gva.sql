-- GVA and employees by lens membership for every area of a level (and the GB reference), one
-- year, the chosen foundational and frontier variants.
SELECT geo_code, geo_name, is_reference, lens, variant, variant_label, membership,
       membership_label, sections, gva_gbp_m, employees, gva_per_job_gbp, gva_share_pct,
       jobs_share_pct, gva_release_id, jobs_release_id
FROM mart.sector_lens_jobs_gva
WHERE geo_level = ? AND period = ?
  AND ((lens = 'foundational' AND variant = ?) OR (lens = 'frontier' AND variant = ?))
ORDER BY is_reference, geo_code, lens, membership;
