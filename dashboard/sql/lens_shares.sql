-- Share of each area's GVA by sector-lens bucket, for one level and period.
SELECT geo_code, geo_name, bucket, gva_gbp_m, share_pct, release_id
FROM mart.gva_lens_share
WHERE geo_level = ? AND period = ?
ORDER BY geo_code, bucket;
