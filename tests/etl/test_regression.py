"""The vectorised extraction and Arrow loading give exactly the observations the cell-by-cell
extractor gave: a digest of core.observation for the three GVA publications, taken from a build
with the previous code, must not move."""

from __future__ import annotations

import duckdb

DIGEST_SQL = """
SELECT md5(string_agg(concat_ws('|', indicator_id, geo_code, industry_code, sex, period,
                                period_start, value, lci_95, uci_95, status, is_leaf, release_id),
                      ',' ORDER BY indicator_id, release_id, geo_code, industry_code, sex, period))
FROM core.observation
"""
# computed on a build of gva_industry_itl, gva_per_head and gva_industry_lad with pandas loading
# and per-cell parsing, before extraction was vectorised
BEFORE = "81ceaa7375c2e7ee0084fa30336f6304"
COUNTS = {
    ("gva_cp_gbp_m", "gva_industry_itl@2023-04-25"): (410_496, 788_166_390.0),
    ("gva_cp_gbp_m", "gva_industry_itl@2024-04-24"): (384_800, 281_809_196.0),
    ("gva_cp_gbp_m", "gva_industry_lad@2023-04-25"): (412_896, 124_392_905.0),
    ("gva_cvm_gbp_m", "gva_industry_itl@2023-04-25"): (410_496, 922_065_364.0),
    ("gva_cvm_gbp_m", "gva_industry_lad@2023-04-25"): (412_896, 145_891_705.0),
    ("gva_per_head_gbp", "gva_per_head@2023-04-25"): (5_640, 129_925_396.0),
    ("population_persons", "gva_per_head@2023-04-25"): (5_640, 8_778_475_628.0),
}


def test_observations_are_unchanged(gva_warehouse):
    with duckdb.connect(str(gva_warehouse), read_only=True) as con:
        counts = con.execute(
            "SELECT indicator_id, release_id, count(*), sum(value) FROM core.observation "
            "GROUP BY ALL"
        ).fetchall()
        digest = con.execute(DIGEST_SQL).fetchone()[0]
    found = {(i, r): (n, s) for i, r, n, s in counts}
    assert {k: found[k] for k in COUNTS} == COUNTS
    assert digest == BEFORE
