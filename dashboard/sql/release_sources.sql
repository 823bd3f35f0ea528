-- Publication title, release label and fetch date for a list of releases (a DuckDB list).
SELECT r.release_id, s.title, s.publisher, s.licence, s.dataset_page, r.release_label,
       r.release_date, (SELECT max(f.fetched_at) FROM raw.release_file AS f
                         WHERE f.release_id = r.release_id) AS fetched_at
FROM core.release AS r
JOIN core.source AS s USING (source_id)
WHERE list_contains(?, r.release_id)
ORDER BY r.release_date DESC;
