-- Indicator, level and sex combinations that can be mapped: a published all-industry value at a
-- level that has boundaries.
SELECT DISTINCT indicator_id, geo_level, sex
FROM mart.observation_latest
WHERE industry_code = 'Total' AND value IS NOT NULL
  AND geo_level IN (SELECT DISTINCT geo_level FROM core.boundary)
ORDER BY ALL;
