-- Headline series with published values: all persons, or each sex where an indicator has no
-- all-persons figure.
WITH sexes AS (
    SELECT DISTINCT indicator_id, sex
    FROM mart.observation_latest
    WHERE industry_code = 'Total' AND value IS NOT NULL
)
SELECT indicator_id, sex
FROM sexes
WHERE sex = 'all' OR indicator_id NOT IN (SELECT indicator_id FROM sexes WHERE sex = 'all')
ORDER BY indicator_id, sex;
