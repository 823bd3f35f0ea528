-- The tables and columns that the dashboard, the marts and the other checks read all exist.
-- Run first: when it fails, the other checks are not run.
WITH expected(table_schema, table_name, column_name) AS (
    SELECT 'raw', 'observation', unnest(['indicator_id', 'geo_code', 'industry_code', 'sex',
        'period', 'period_start', 'value', 'lci_95', 'uci_95', 'status', 'is_leaf', 'release_id'])
    UNION ALL
    SELECT 'raw', 'release_file', unnest(['release_id', 'source_id', 'release_date',
        'release_label', 'file_name', 'download_url', 'sha256', 'fetched_at', 'fetched_from'])
    UNION ALL
    SELECT 'core', 'observation', unnest(['indicator_id', 'geo_code', 'industry_code', 'sex',
        'period', 'period_start', 'value', 'lci_95', 'uci_95', 'status', 'is_leaf', 'release_id'])
    UNION ALL
    SELECT 'core', 'geography', unnest(['geo_code', 'geo_name', 'geo_level', 'parent_code',
        'itl1_code', 'gss_code', 'level_rank'])
    UNION ALL
    SELECT 'core', 'geo_alias', unnest(['alias', 'geo_code', 'alias_kind'])
    UNION ALL
    SELECT 'core', 'industry', unnest(['industry_code', 'industry_name', 'bucket'])
    UNION ALL
    SELECT 'core', 'indicator', unnest(['indicator_id', 'title', 'short_title', 'unit',
        'decimals', 'polarity', 'theme', 'by_industry', 'additive', 'definition', 'caveats',
        'sources'])
    UNION ALL
    SELECT 'core', 'source', unnest(['source_id', 'title', 'publisher', 'dataset_page',
        'licence', 'cadence_months'])
    UNION ALL
    SELECT 'core', 'release', unnest(['release_id', 'source_id', 'release_date',
        'release_label'])
    UNION ALL
    SELECT 'core', 'build', unnest(['build_id', 'built_at_utc'])
    UNION ALL
    SELECT 'mart', 'observation_latest', unnest(['indicator_id', 'geo_code', 'industry_code',
        'sex', 'period', 'period_start', 'value', 'status', 'is_leaf', 'release_id', 'geo_name',
        'geo_level', 'release_date', 'release_label', 'source_id'])
)
SELECT e.table_schema, e.table_name, e.column_name
FROM expected AS e
LEFT JOIN information_schema.columns AS c USING (table_schema, table_name, column_name)
WHERE c.column_name IS NULL
ORDER BY ALL;
