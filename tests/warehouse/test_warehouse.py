"""SQL assertions on a warehouse built from the real ONS files."""

import duckdb
import pytest

from etl.build import validate
from etl.extract.cells import as_text, read_rows
from tests.conftest import mirror_file, requires_mirror

pytestmark = requires_mirror
ITL1 = ["TLC", "TLD", "TLE", "TLF", "TLG", "TLH", "TLI", "TLJ", "TLK", "TLL", "TLM", "TLN"]


@pytest.fixture(scope="module")
def con(mirror_warehouse):
    connection = duckdb.connect(str(mirror_warehouse), read_only=True)
    yield connection
    connection.close()


def test_every_check_passes(con):
    validate(con)  # raises with the failing check's rows


def test_observation_keys_are_unique(con):
    total, distinct = con.execute(
        "SELECT count(*), count(DISTINCT (indicator_id, geo_code, industry_code, sex, period, "
        "release_id)) FROM core.observation"
    ).fetchone()
    assert total == distinct > 1_000_000


def test_all_twelve_itl1_regions_are_present(con):
    found = con.execute(
        "SELECT list(DISTINCT geo_code ORDER BY geo_code) FROM mart.observation_latest "
        "WHERE geo_level = 'ITL1' AND indicator_id = 'gva_per_head_gbp'"
    ).fetchone()[0]
    assert found == ITL1


def test_itl1_regions_sum_to_uk_less_extra_regio(con):
    rows = con.execute(
        """
        SELECT period, sum(value) FILTER (geo_level = 'ITL1') AS regions,
               max(value) FILTER (geo_code = 'UKX') AS ukx, count(*) FILTER (geo_level = 'ITL1') AS n
        FROM mart.observation_latest
        WHERE indicator_id = 'gva_cp_gbp_m' AND industry_code = 'Total'
          AND release_id = 'gva_industry_itl@2023-04-25'
        GROUP BY period
        """
    ).fetchall()
    assert len(rows) == 24  # 1998 to 2021
    for period, regions, ukx, n in rows:
        assert n == 12 and abs(regions - ukx) <= 6, period


def test_local_authorities_sum_to_their_itl1_region(con):
    rows = con.execute(
        """
        WITH lad AS (
            SELECT g.itl1_code, o.period, sum(o.value) AS total, count(*) AS n
            FROM core.observation AS o JOIN core.geography AS g USING (geo_code)
            WHERE g.geo_level = 'LAD' AND o.indicator_id = 'gva_cp_gbp_m' AND o.industry_code = 'Total'
            GROUP BY ALL
        )
        SELECT lad.itl1_code, lad.period, lad.total, lad.n, o.value
        FROM lad JOIN core.observation AS o
          ON o.geo_code = lad.itl1_code AND o.period = lad.period
         AND o.indicator_id = 'gva_cp_gbp_m' AND o.industry_code = 'Total'
         AND o.release_id = 'gva_industry_itl@2023-04-25'
        """
    ).fetchall()
    assert len(rows) == 12 * 24
    assert sum(n for *_, n, _ in rows) == 374 * 24
    for region, period, total, n, published in rows:
        assert abs(total - published) <= 0.5 * n, (region, period, total, published)


def test_leaves_match_the_taxonomy_reference(con):
    import csv

    from etl.dimensions import GVA_GROUPS_CSV

    with GVA_GROUPS_CSV.open() as handle:
        reference = list(csv.DictReader(handle))
    for level in ("ITL1", "ITL2", "ITL3"):
        expected = {r["sic07_code"] for r in reference if level in r["leaf_at"].split(";")}
        found = {
            c
            for (c,) in con.execute(
                "SELECT DISTINCT industry_code FROM core.observation AS o JOIN core.geography AS g "
                "USING (geo_code) WHERE g.geo_level = ? AND o.is_leaf AND o.indicator_id = 'gva_cp_gbp_m' "
                "AND o.release_id = 'gva_industry_itl@2023-04-25'",
                [level],
            ).fetchall()
        }
        assert found == expected, level


def test_gva_per_head_2021_equals_table_2_for_every_region(con):
    rows = read_rows(
        mirror_file("gva/regionalgrossvalueaddedbalancedperheadandincomecomponents.xlsx"), "Table 2"
    )
    header = [as_text(c) for c in rows[1]]
    published = {
        as_text(r[1]): r[header.index("2021")] for r in rows[2:] if as_text(r[0]) == "ITL1"
    }
    shown = dict(
        con.execute(
            "SELECT geo_code, value FROM mart.observation_latest WHERE indicator_id = 'gva_per_head_gbp' "
            "AND geo_level = 'ITL1' AND period = '2021'"
        ).fetchall()
    )
    assert shown == published and len(shown) == 12


def test_gss_codes_join_to_itl_codes(con):
    rows = con.execute(
        "SELECT alias, geo_code FROM core.geo_alias WHERE alias IN ('E12000001', 'W92000004', "
        "'North East (England)', 'East') ORDER BY alias"
    ).fetchall()
    assert rows == [
        ("E12000001", "TLC"),
        ("East", "TLH"),
        ("North East (England)", "TLC"),
        ("W92000004", "TLL"),
    ]


def test_lens_shares_add_to_one_hundred(con):
    worst = con.execute(
        "SELECT max(abs(s - 100)) FROM (SELECT sum(share_pct) AS s FROM mart.gva_lens_share "
        "GROUP BY geo_code, period)"
    ).fetchone()[0]
    assert worst < 1e-9


def test_lens_buckets_add_up_to_gva_without_double_counting(con):
    """Buckets (suppressed leaves included as 'Not disclosed') sum to each area's total GVA less
    imputed rent, within rounding: no industry is counted twice at any level."""
    rows = con.execute(
        """
        WITH buckets AS (
            SELECT geo_code, period, geo_level, sum(gva_gbp_m) AS gva FROM mart.gva_lens_share
            GROUP BY ALL
        ),
        published AS (
            SELECT geo_code, period,
                   max(value) FILTER (industry_code = 'Total')
                     - coalesce(max(value) FILTER (industry_code = '68IMP'), 0) AS gva,
                   count(*) FILTER (is_leaf) AS leaves
            FROM mart.observation_latest WHERE indicator_id = 'gva_cp_gbp_m' GROUP BY ALL
        )
        SELECT b.geo_level, count(*), max(abs(b.gva - p.gva) - 0.5 * p.leaves)
        FROM buckets AS b JOIN published AS p USING (geo_code, period)
        GROUP BY ALL ORDER BY 1
        """
    ).fetchall()
    levels = {level for level, *_ in rows}
    assert {"ITL1", "ITL2", "ITL3", "LAD", "UK"} <= levels
    for level, n, excess in rows:
        assert excess <= 1e-9, (level, n, excess)
