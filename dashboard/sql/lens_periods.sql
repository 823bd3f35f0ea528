-- Periods for which lens shares exist at a level.
SELECT DISTINCT period, period_start FROM mart.gva_lens_share WHERE geo_level = ? ORDER BY period_start;
