-- The indicator catalogue with its sources, each source's latest release, and when the next is
-- expected (latest release date + the publication's cadence).
WITH links AS (
    SELECT indicator_id, trim(unnest(string_split(sources, ','))) AS source_id
    FROM core.indicator
),
latest AS (
    SELECT source_id, max(release_date) AS release_date,
           arg_max(release_label, release_date) AS release_label
    FROM core.release
    GROUP BY source_id
),
per_indicator AS (
    SELECT l.indicator_id,
           string_agg(DISTINCT s.title, '; ') AS source,
           string_agg(DISTINCT la.release_label || ' (' || strftime(la.release_date, '%Y-%m-%d')
                      || ')', '; ') AS latest_release,
           min(CAST(la.release_date + to_months(s.cadence_months) AS DATE)) AS next_expected
    FROM links AS l
    JOIN core.source AS s USING (source_id)
    LEFT JOIN latest AS la USING (source_id)
    GROUP BY l.indicator_id
)
SELECT i.title, i.theme, i.definition, i.unit, i.polarity, p.source, p.latest_release,
       p.next_expected, p.next_expected < current_date AS past_due, i.caveats, i.indicator_id
FROM core.indicator AS i
LEFT JOIN per_indicator AS p USING (indicator_id)
ORDER BY i.theme, i.title;
