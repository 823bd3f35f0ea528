-- The gender pay gap by area, derived from ASHE Table 8.1a on the ONS definition
-- (male median - female median) / male median x 100, using median gross weekly pay of full-time
-- employees (the hourly basis ONS prefers is not loaded). Added to core.observation so that it is
-- served like any published indicator. A suppressed median gives the gap its status, not a value.
INSERT INTO core.observation (
    indicator_id, geo_code, industry_code, sex, period, period_start,
    value, lci_95, uci_95, status, is_leaf, release_id
)
SELECT
    'gender_pay_gap_pct',
    m.geo_code,
    m.industry_code,
    'all',
    m.period,
    m.period_start,
    100 * (m.value - f.value) / m.value,
    NULL,
    NULL,
    CASE WHEN m.value IS NULL OR f.value IS NULL THEN coalesce(m.status, f.status) END,
    m.is_leaf,
    m.release_id
FROM core.observation AS m
JOIN core.observation AS f
  ON f.indicator_id = m.indicator_id AND f.geo_code = m.geo_code
 AND f.industry_code = m.industry_code AND f.period = m.period AND f.release_id = m.release_id
WHERE m.indicator_id = 'median_weekly_pay_ft_gbp' AND m.sex = 'male' AND f.sex = 'female';
