-- Tidy observations with every source's area code resolved to the geography dimension.
-- A release that uses any code only ITL 2025 has (e.g. TLC31, TLH5) is read as ITL 2025 throughout:
-- its ITL codes resolve through their 'itl2025_code' aliases (so TLM93 there is the ITL 2025
-- boundary, not ITL 2021's), and a combined authority code that ONS also uses for a matching ITL2
-- area ('itl2025_gss') gives that ITL2 area as well. Other releases resolve codes as published.
CREATE TABLE core.observation AS
WITH release_codes AS (
    SELECT DISTINCT release_id, geo_code FROM raw.observation
),
itl2025_release AS (
    SELECT DISTINCT c.release_id
    FROM release_codes AS c
    JOIN core.geo_alias AS a ON a.alias = c.geo_code AND a.alias_kind = 'itl2025_code'
    WHERE c.geo_code NOT IN (
        SELECT alias FROM core.geo_alias WHERE alias_kind IN ('itl2021_code', 'nuts2016_code')
    )
),
resolved AS (
    SELECT DISTINCT c.release_id, c.geo_code AS code, a.geo_code
    FROM release_codes AS c
    JOIN core.geo_alias AS a ON a.alias = c.geo_code
    WHERE CASE
        WHEN c.release_id IN (SELECT release_id FROM itl2025_release)
            THEN a.alias_kind IN ('itl2025_code', 'itl2025_gss')
              OR (a.alias_kind IN ('code', 'gss_code') AND c.geo_code NOT IN (
                    SELECT alias FROM core.geo_alias WHERE alias_kind = 'itl2025_code'))
        ELSE a.alias_kind IN ('code', 'gss_code')
    END
)
SELECT
    r.indicator_id,
    a.geo_code,
    r.industry_code,
    r.sex,
    r.period,
    r.period_start,
    r.value,
    r.lci_95,
    r.uci_95,
    r.status,
    r.is_leaf,
    r.release_id
FROM raw.observation AS r
JOIN resolved AS a ON a.release_id = r.release_id AND a.code = r.geo_code;
