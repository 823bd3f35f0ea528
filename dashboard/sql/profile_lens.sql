-- GVA by sector-lens bucket for an area and its comparators (a DuckDB list), in the period the
-- area has that most comparators share (the latest such period).
WITH periods AS (
    SELECT period_start, count(DISTINCT geo_code) AS areas, bool_or(geo_code = ?) AS has_area
    FROM mart.gva_lens_share
    WHERE list_contains(?, geo_code)
    GROUP BY period_start
),
chosen AS (
    SELECT period_start FROM periods WHERE has_area
    ORDER BY areas DESC, period_start DESC
    LIMIT 1
)
SELECT l.geo_code, l.geo_name, l.geo_level, l.period, l.bucket, l.gva_gbp_m, l.share_pct,
       l.release_id
FROM mart.gva_lens_share AS l
JOIN chosen USING (period_start)
WHERE list_contains(?, l.geo_code)
ORDER BY l.geo_code, l.bucket;
