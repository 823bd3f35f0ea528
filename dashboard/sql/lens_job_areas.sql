-- Areas of a level with GVA and BRES employees side by side (the GB reference excluded).
SELECT DISTINCT geo_code, geo_name
FROM mart.sector_lens_jobs_gva
WHERE geo_level = ? AND NOT is_reference
ORDER BY geo_code;
