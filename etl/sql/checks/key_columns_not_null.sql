-- Every observation is fully keyed: no key column is null, sex is one of the three values, and
-- every area the dashboard serves has a name and a level.
SELECT 'core.observation' AS table_name, indicator_id, geo_code, industry_code, sex, period,
       release_id
FROM core.observation
WHERE indicator_id IS NULL OR geo_code IS NULL OR industry_code IS NULL OR period IS NULL
   OR period_start IS NULL OR release_id IS NULL OR is_leaf IS NULL
   OR sex IS NULL OR sex NOT IN ('all', 'male', 'female')
UNION ALL
SELECT 'mart.observation_latest', indicator_id, geo_code, industry_code, sex, period, release_id
FROM mart.observation_latest
WHERE geo_name IS NULL OR geo_level IS NULL OR release_date IS NULL
LIMIT 20;
