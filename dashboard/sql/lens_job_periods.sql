-- Years for which GVA and BRES employees can be set side by side at a level.
SELECT DISTINCT period FROM mart.sector_lens_jobs_gva WHERE geo_level = ? ORDER BY period;
