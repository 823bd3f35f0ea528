-- Each area's current-price GVA split into the exclusive sector-lens buckets, from leaf rows only
-- so that nothing is counted twice. Owner-occupiers' imputed rental is left out of the shares.
CREATE TABLE mart.gva_lens_share AS
WITH leaves AS (
    SELECT o.geo_code, o.geo_name, o.geo_level, o.period, o.period_start, o.release_id,
           i.bucket, o.value
    FROM mart.observation_latest AS o
    JOIN core.industry AS i USING (industry_code)
    WHERE o.indicator_id = 'gva_cp_gbp_m' AND o.is_leaf AND o.industry_code <> '68IMP'
)
SELECT
    geo_code, geo_name, geo_level, period, period_start, release_id, bucket,
    sum(value) AS gva_gbp_m,
    100 * sum(value) / sum(sum(value)) OVER (PARTITION BY geo_code, period) AS share_pct
FROM leaves
GROUP BY geo_code, geo_name, geo_level, period, period_start, release_id, bucket
ORDER BY geo_code, period_start, bucket;
