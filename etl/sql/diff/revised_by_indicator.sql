-- Per indicator: values compared on the areas and periods both hold, how many were revised, and
-- the largest change in percent.
SELECT n.indicator_id,
       count(*) AS compared,
       count(*) FILTER (n.value IS DISTINCT FROM o.value OR n.status IS DISTINCT FROM o.status)
           AS revised,
       round(max(abs(100 * (n.value - o.value) / nullif(abs(o.value), 0))), 3) AS max_change_pct
FROM diff_new AS n
JOIN diff_old AS o USING (indicator_id, geo_code, industry_code, sex, period)
GROUP BY ALL
ORDER BY ALL;
