-- Years for which the gap decomposition can be made at a level.
SELECT DISTINCT period FROM mart.sector_lens_industry_jobs_gva WHERE geo_level = ? ORDER BY period;
