-- The RPRD time series equals the unsmoothed ITL1 indices of the subregional productivity workbook
-- released the same day, wherever both publish a year: RPRD rounds to one decimal place and the
-- workbook to two, so they differ by at most 0.05 + 0.005. An RPRD release without a same-day
-- workbook release, or a series that overlaps the workbook in no year, is reported too.
WITH rprd AS (
    SELECT o.*, rel.release_date
    FROM core.observation AS o
    JOIN core.release AS rel USING (release_id)
    WHERE rel.source_id = 'rprd' AND o.value IS NOT NULL
),
workbook AS (
    SELECT o.*, rel.release_date
    FROM core.observation AS o
    JOIN core.release AS rel USING (release_id)
    WHERE rel.source_id = 'itl_productivity'
),
pairs AS (
    SELECT r.indicator_id, r.geo_code, r.period, r.release_date, r.value AS rprd, w.value AS workbook
    FROM rprd AS r
    LEFT JOIN workbook AS w USING (indicator_id, geo_code, industry_code, sex, period, release_date)
)
SELECT indicator_id, geo_code, period, release_date, rprd, workbook, 'differs' AS problem
FROM pairs
WHERE abs(rprd - workbook) > 0.055
UNION ALL
SELECT indicator_id, geo_code, NULL, release_date, NULL, NULL, 'no overlapping year'
FROM pairs
GROUP BY ALL
HAVING count(workbook) = 0
LIMIT 20;
