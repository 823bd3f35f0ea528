-- Years with local-authority GVA by industry.
SELECT DISTINCT period FROM mart.observation_latest
WHERE indicator_id = 'gva_cp_gbp_m' AND geo_level = 'LAD' ORDER BY period;
