-- For each indicator and sex at one level: how many periods and areas it covers and, in its latest
-- period, every area's value and the UK's (to tell totals from rates).
WITH lvl AS (
    SELECT indicator_id, sex, geo_code, period, period_start, value
    FROM mart.observation_latest
    WHERE geo_level = ? AND industry_code = 'Total' AND value IS NOT NULL
),
latest AS (
    SELECT indicator_id, sex, max(period_start) AS period_start,
           count(DISTINCT period) AS periods, count(DISTINCT geo_code) AS areas
    FROM lvl
    GROUP BY indicator_id, sex
)
SELECT a.indicator_id, a.sex, a.periods, a.areas, list(v.value) AS area_values,
       any_value(uk.value) AS uk_value
FROM latest AS a
JOIN lvl AS v USING (indicator_id, sex, period_start)
LEFT JOIN mart.observation_latest AS uk
  ON uk.geo_code = 'UK' AND uk.indicator_id = a.indicator_id AND uk.sex = a.sex
 AND uk.period_start = a.period_start AND uk.industry_code = 'Total'
GROUP BY a.indicator_id, a.sex, a.periods, a.areas;
