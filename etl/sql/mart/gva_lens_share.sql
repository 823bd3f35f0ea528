-- Each area's current-price GVA split into the exclusive sector-lens buckets, from leaf rows only
-- so that nothing is counted twice. Owner-occupiers' imputed rental is left out of the shares.
-- Where ONS suppressed a leaf (confidential), the GVA it hides is the area's total less its
-- published leaves; it is shown as its own 'Not disclosed' bucket, never dropped (where imputed
-- rent is itself suppressed, as for Cornwall, that bucket includes it).
CREATE TABLE mart.gva_lens_share AS
WITH leaves AS (
    SELECT o.geo_code, o.geo_name, o.geo_level, o.period, o.period_start, o.release_id,
           i.bucket, o.value
    FROM mart.observation_latest AS o
    JOIN core.industry AS i USING (industry_code)
    WHERE o.indicator_id = 'gva_cp_gbp_m' AND o.is_leaf AND o.industry_code <> '68IMP'
),
totals AS (
    SELECT geo_code, period, release_id,
           max(value) FILTER (industry_code = 'Total')
             - coalesce(max(value) FILTER (industry_code = '68IMP'), 0) AS gva_excl_imputed
    FROM mart.observation_latest
    WHERE indicator_id = 'gva_cp_gbp_m' AND industry_code IN ('Total', '68IMP')
    GROUP BY ALL
),
published AS (
    SELECT geo_code, geo_name, geo_level, period, period_start, release_id, bucket,
           sum(value) AS gva_gbp_m
    FROM leaves
    WHERE value IS NOT NULL
    GROUP BY geo_code, geo_name, geo_level, period, period_start, release_id, bucket
),
undisclosed AS (
    SELECT l.geo_code, l.geo_name, l.geo_level, l.period, l.period_start, l.release_id,
           'Not disclosed' AS bucket, t.gva_excl_imputed - sum(l.value) AS gva_gbp_m
    FROM leaves AS l
    JOIN totals AS t USING (geo_code, period, release_id)
    GROUP BY l.geo_code, l.geo_name, l.geo_level, l.period, l.period_start, l.release_id,
             t.gva_excl_imputed
    HAVING count(l.value) < count(*)
),
buckets AS (
    SELECT * FROM published
    UNION ALL
    SELECT * FROM undisclosed
)
SELECT b.*, 100 * b.gva_gbp_m / sum(b.gva_gbp_m) OVER (PARTITION BY b.geo_code, b.period) AS share_pct
FROM buckets AS b
ORDER BY b.geo_code, b.period_start, b.bucket;
