-- Tidy observations with every source's area code resolved to the geography dimension.
CREATE TABLE core.observation AS
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
JOIN core.geo_alias AS a ON a.alias = r.geo_code AND a.alias_kind IN ('code', 'gss_code');
