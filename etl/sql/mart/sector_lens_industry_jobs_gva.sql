-- GVA (current prices) and BRES employees side by side, per area, year and industry, at the
-- finest grain both publish. GVA comes by ONS regional-accounts code and BRES by SIC 2007
-- section, so the join unit is the smallest GVA row at each geography level that covers whole
-- sections: 'C (10-33)' = C; at ITL3 'AB (1-9)' = A + B and 'DE (35-39)' = D + E. Real estate is
-- GVA '68', which excludes owner-occupiers' imputed rent, against BRES 'L'. Sections T
-- (households as employers, no BRES employees) and U (extra-territorial, outside regional
-- accounts) are left out. Areas missing from either source (Northern Ireland, which BRES does not
-- cover; Dorset, on different ITL3 boundaries) are left out.
-- Each level also gets a Great Britain reference row (is_reference): the sum of the level's GB
-- areas for ITL1, and of the 40 GB ITL2 areas (same GVA release) for ITL2 and ITL3.
CREATE TABLE mart.sector_lens_industry_jobs_gva AS
WITH section AS (
    SELECT industry_code AS section, unnest(string_split(divisions, ',')) AS division
    FROM core.industry
    WHERE scheme = 'sic2007' AND hierarchy = 'section' AND industry_code NOT IN ('T', 'U')
),
code_sections AS (
    SELECT i.industry_code, list_sort(list(DISTINCT s.section)) AS sections,
           count(*) AS n_divisions, bool_or(s.section IS NULL) AS off_section
    FROM (SELECT DISTINCT industry_code, unnest(string_split(divisions, ',')) AS division
          FROM core.industry WHERE scheme = 'ons_regional_accounts') AS i
    LEFT JOIN section AS s USING (division)
    GROUP BY i.industry_code
),
aligned AS (  -- codes made of whole sections and nothing else
    SELECT c.industry_code, c.sections
    FROM code_sections AS c
    WHERE NOT c.off_section
      AND c.n_divisions = (SELECT count(*) FROM section WHERE list_contains(c.sections, section))
),
gva AS (
    SELECT o.geo_code, o.geo_name, o.geo_level, o.period, o.period_start, o.industry_code,
           a.sections, o.value AS gva_gbp_m, o.release_id
    FROM mart.observation_latest AS o
    JOIN aligned AS a USING (industry_code)
    WHERE o.indicator_id = 'gva_cp_gbp_m' AND o.geo_level IN ('ITL1', 'ITL2', 'ITL3')
),
published AS (
    SELECT DISTINCT geo_level, industry_code, sections FROM gva
),
unit AS (  -- per level, the aligned codes that no other aligned code there subdivides
    SELECT g.geo_level, g.industry_code, g.sections
    FROM published AS g
    WHERE NOT EXISTS (
        SELECT 1 FROM published AS h
        WHERE h.geo_level = g.geo_level AND len(h.sections) < len(g.sections)
          AND list_has_all(g.sections, h.sections)
    )
),
jobs AS (
    SELECT o.geo_code, o.geo_level, o.period, u.industry_code,
           sum(o.value) AS employees, count(o.value) = count(*) AS complete,
           any_value(o.release_id) AS release_id
    FROM mart.observation_latest AS o
    JOIN unit AS u ON u.geo_level = o.geo_level AND list_contains(u.sections, o.industry_code)
    WHERE o.indicator_id = 'bres_employees'
    GROUP BY ALL
),
area AS (
    SELECT g.geo_code, g.geo_name, g.geo_level, g.period, g.period_start, g.industry_code,
           g.sections, g.gva_gbp_m, j.employees, g.release_id AS gva_release_id,
           j.release_id AS jobs_release_id, false AS is_reference
    FROM gva AS g
    JOIN unit AS u USING (geo_level, industry_code)
    JOIN jobs AS j USING (geo_code, geo_level, period, industry_code)
    WHERE j.complete
),
reference AS (
    SELECT 'K03000001' AS geo_code, 'Great Britain' AS geo_name, lvl.geo_level, a.period,
           a.period_start, u.industry_code, u.sections, sum(a.gva_gbp_m) AS gva_gbp_m,
           sum(a.employees) AS employees, any_value(a.gva_release_id) AS gva_release_id,
           any_value(a.jobs_release_id) AS jobs_release_id, true AS is_reference
    FROM (VALUES ('ITL1', 'ITL1'), ('ITL2', 'ITL2'), ('ITL3', 'ITL2')) AS lvl (geo_level, sum_level)
    JOIN area AS a ON a.geo_level = lvl.sum_level
    JOIN unit AS u ON u.geo_level = lvl.geo_level AND list_has_all(u.sections, a.sections)
    GROUP BY ALL
)
SELECT t.* EXCLUDE (sections), array_to_string(t.sections, '') AS sections, i.industry_name,
       1e6 * t.gva_gbp_m / nullif(t.employees, 0) AS gva_per_job_gbp
FROM (SELECT * FROM area UNION ALL BY NAME SELECT * FROM reference) AS t
LEFT JOIN (SELECT DISTINCT industry_code, industry_name FROM core.industry
           WHERE scheme = 'ons_regional_accounts') AS i USING (industry_code)
ORDER BY geo_level, is_reference, geo_code, period, sections;
