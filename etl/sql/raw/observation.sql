-- Observations as the extractors return them, area codes as each source spells them. Declared
-- here rather than inferred from the data so that every build has the same column types.
CREATE TABLE raw.observation (
    indicator_id VARCHAR,
    geo_code VARCHAR,
    industry_code VARCHAR,
    sex VARCHAR,
    period VARCHAR,
    period_start DATE,
    value DOUBLE,
    lci_95 DOUBLE,
    uci_95 DOUBLE,
    status VARCHAR,
    is_leaf BOOLEAN,
    release_id VARCHAR
);
