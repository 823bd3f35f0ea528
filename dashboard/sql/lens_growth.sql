-- One area's GVA and employees by lens membership over every year, for the chosen variants.
SELECT geo_code, geo_name, period, lens, variant, variant_label, membership, membership_label,
       gva_gbp_m, employees, gva_release_id, jobs_release_id
FROM mart.sector_lens_jobs_gva
WHERE geo_level = ? AND geo_code = ?
  AND ((lens = 'foundational' AND variant = ?) OR (lens = 'frontier' AND variant = ?))
ORDER BY lens, membership, period;
