-- Periods an indicator has in the new data and not in the old, with how many values each adds.
SELECT indicator_id, period, min(period_start) AS period_start, count(*) AS values_added
FROM diff_new AS n
WHERE NOT EXISTS (
    SELECT 1 FROM diff_old AS o WHERE o.indicator_id = n.indicator_id AND o.period = n.period
)
GROUP BY ALL
ORDER BY indicator_id, period_start;
