-- Values present in both and changed: old, new, the change and the change in percent. Markers
-- count: a value that became suppressed (or the reverse) is a revision too.
SELECT n.indicator_id, n.geo_code, n.industry_code, n.sex, n.period,
       o.value AS old_value, n.value AS new_value,
       n.value - o.value AS change,
       round(100 * (n.value - o.value) / nullif(abs(o.value), 0), 3) AS change_pct,
       o.status AS old_status, n.status AS new_status
FROM diff_new AS n
JOIN diff_old AS o USING (indicator_id, geo_code, industry_code, sex, period)
WHERE n.value IS DISTINCT FROM o.value OR n.status IS DISTINCT FROM o.status
ORDER BY abs(n.value - o.value) DESC NULLS FIRST, n.indicator_id, n.geo_code, n.industry_code, n.sex,
         n.period;
