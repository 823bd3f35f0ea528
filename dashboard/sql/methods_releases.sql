-- Every release loaded and each of its files, with checksum and fetch date.
SELECT s.title AS publication, r.release_label, r.release_date, f.file_name, f.sha256,
       f.fetched_at, f.download_url, r.note, r.release_id
FROM core.release AS r
JOIN core.source AS s USING (source_id)
JOIN raw.release_file AS f ON f.release_id = r.release_id
ORDER BY r.release_date DESC, s.title, f.file_name;
