-- For additive indicators the 12 ITL1 regions sum to the UK less Extra-Regio (or, where no such
-- row is published, to the UK), within published rounding: half a unit per region. Indicators
-- whose UK total includes amounts allocated to no region declare regions_sum_to_uk: false.
WITH regions AS (
    SELECT o.indicator_id, o.industry_code, o.sex, o.period, o.release_id,
           sum(o.value) AS regions_total, count(*) AS n
    FROM core.observation AS o
    JOIN core.geography AS g USING (geo_code)
    JOIN core.indicator AS i USING (indicator_id)
    WHERE g.geo_level = 'ITL1' AND i.additive AND i.regions_sum_to_uk
    GROUP BY ALL
),
uk AS (
    SELECT indicator_id, industry_code, sex, period, release_id,
           coalesce(max(value) FILTER (geo_code = 'UKX'), max(value) FILTER (geo_code = 'UK')) AS uk_value
    FROM core.observation
    WHERE geo_code IN ('UK', 'UKX')
    GROUP BY ALL
)
SELECT r.*, u.uk_value
FROM regions AS r
JOIN uk AS u USING (indicator_id, industry_code, sex, period, release_id)
WHERE abs(r.regions_total - u.uk_value) > 0.5 * r.n + 1e-9
LIMIT 20;
