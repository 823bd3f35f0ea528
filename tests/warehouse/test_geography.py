"""ITL boundary vintages in a warehouse built from the real GDHI (ITL 2021 and ITL 2025 releases)
and BRES (ITL 2021 with Dorset on its NUTS 2016 areas) files: every level view is one partition of
the UK, code changes carry the published figures, and new boundaries stay separate areas."""

import csv
import shutil

import duckdb
import pytest

from etl import catalogue
from etl.build import build
from etl.config import SHARED_MIRROR, SQL_DIR
from etl.fetch import fetch_file
from tests.conftest import mirror_file, requires_mirror

pytestmark = requires_mirror
SOURCES = ("gdhi", "bres_edd")
GDHI_CSV = "els_latest/gross-disposable-household-income-per-head.csv"
ONE_CLASSIFICATION = SQL_DIR / "checks" / "itl_level_one_classification.sql"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    selected = {k: v for k, v in catalogue.sources().items() if k in SOURCES}
    raw = tmp_path_factory.mktemp("geo_raw")
    for source in selected.values():
        for release in source.releases:
            for file in release.files:
                fetch_file(source, release, file, raw, SHARED_MIRROR)
    path = tmp_path_factory.mktemp("geo") / "warehouse.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(catalogue, "sources", lambda: selected)
        build(path, raw)  # runs every check in etl/sql/checks, or raises
    return path


@pytest.fixture(scope="module")
def con(warehouse):
    connection = duckdb.connect(str(warehouse), read_only=True)
    yield connection
    connection.close()


def published(code: str, year: str) -> float:
    with mirror_file(GDHI_CSV).open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["areacd"] == code and row["period"] == f"{year}-01-01/P1Y":
                return float(row["observation"])
    raise AssertionError(f"{code} {year} is not in {GDHI_CSV}")


def gdhi(con, geo_code: str, year: str) -> list[tuple]:
    return con.execute(
        "SELECT geo_level, value, release_id FROM mart.observation_latest "
        "WHERE indicator_id = 'gdhi_per_head_gbp' AND geo_code = ? AND period = ?",
        [geo_code, year],
    ).fetchall()


def test_gdhi_levels_at_latest_period_are_itl2025_without_orphans(con):
    period, release = con.execute(
        "SELECT max(period), any_value(release_id) FROM mart.observation_latest "
        "WHERE indicator_id = 'gdhi_per_head_gbp' AND geo_level = 'ITL2'"
    ).fetchone()
    assert (period, release) == ("2023", "gdhi@2025-09-10")
    counts = dict(
        con.execute(
            "SELECT geo_level, count(DISTINCT geo_code) FROM mart.observation_latest "
            "WHERE indicator_id = 'gdhi_per_head_gbp' AND period = ? "
            "AND geo_level IN ('ITL1', 'ITL2', 'ITL3', 'CAUTH') GROUP BY ALL",
            [period],
        ).fetchall()
    )
    # ITL 2025: 12 ITL1, 46 ITL2 (11 of them coded as combined authorities in the file), 182 ITL3
    assert counts == {"ITL1": 12, "ITL2": 46, "ITL3": 182, "CAUTH": 14}
    orphans = con.execute(
        "SELECT geo_code FROM core.geography AS g WHERE geo_level IN ('ITL2', 'ITL3') "
        "AND (parent_code IS NULL OR parent_code NOT IN (SELECT geo_code FROM core.geography))"
    ).fetchall()
    assert orphans == []
    outside = con.execute(
        "SELECT DISTINCT o.geo_code FROM mart.observation_latest AS o "
        "WHERE o.indicator_id = 'gdhi_per_head_gbp' AND o.geo_level IN ('ITL2', 'ITL3') "
        "AND o.geo_code NOT IN (SELECT geo_code FROM core.geo_alias "
        "WHERE alias_kind = 'itl2025_code')"
    ).fetchall()
    assert outside == []


def test_code_change_only_areas_carry_the_published_cell(con):
    # Hartlepool and Stockton-on-Tees: ITL 2021 TLC11, ITL 2025 TLC31, same boundary
    assert gdhi(con, "TLC11", "2023") == [("ITL3", published("TLC31", "2023"), "gdhi@2025-09-10")]
    assert gdhi(con, "TLK24", "2023") == [("ITL3", published("TLK63", "2023"), "gdhi@2025-09-10")]
    assert gdhi(con, "TLC31", "2023") == []


def test_boundary_changes_are_their_own_areas(con):
    # TLM93 kept its code but gained Arran and Cumbrae: the ITL 2025 figure is a separate area.
    assert gdhi(con, "TLM93_2025", "2022") == [
        ("ITL3", published("TLM93", "2022"), "gdhi@2025-09-10")
    ]
    assert gdhi(con, "TLM93", "2022") == []
    parents = dict(
        con.execute(
            "SELECT geo_code, parent_code FROM core.geography "
            "WHERE geo_code IN ('TLM93_2025', 'TLM9_2025', 'TLC3', 'TLD13', 'TLH5')"
        ).fetchall()
    )
    assert parents == {
        "TLM93_2025": "TLM9_2025",
        "TLM9_2025": "TLM",
        "TLC3": "TLC",
        "TLD13": "TLD1",
        "TLH5": "TLH",
    }
    vintages = con.execute(
        "SELECT boundary_vintage, count(*) FROM core.geography "
        "WHERE geo_level IN ('ITL2', 'ITL3') GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    assert vintages == [("ITL2021", 220), ("ITL2025", 40), ("NUTS2016", 2)]


def test_combined_authority_coded_itl2_is_both_levels(con):
    # Greater Manchester: the file's ITL2 row E47000001 is ITL2 TLD3 and the combined authority.
    value = published("E47000001", "2023")
    rows = con.execute(
        "SELECT geo_code, geo_level, value FROM mart.observation_latest "
        "WHERE indicator_id = 'gdhi_per_head_gbp' AND period = '2023' "
        "AND geo_code IN ('E47000001', 'TLD3') ORDER BY geo_code"
    ).fetchall()
    assert rows == [("E47000001", "CAUTH", value), ("TLD3", "ITL2", value)]


@pytest.mark.parametrize("year", ["2015", "2022"])
def test_bres_itl3_covers_each_itl2_once(con, year):
    rows = con.execute(
        "SELECT p.geo_code, p.value, list(c.geo_code ORDER BY c.geo_code), sum(c.value) "
        "FROM core.observation AS p "
        "JOIN core.geography AS g ON g.parent_code = p.geo_code AND g.geo_level = 'ITL3' "
        "JOIN core.observation AS c ON c.geo_code = g.geo_code AND c.period = p.period "
        " AND c.indicator_id = p.indicator_id AND c.industry_code = p.industry_code "
        "WHERE p.indicator_id = 'bres_employees' AND p.industry_code = 'Total' AND p.period = ? "
        "GROUP BY ALL",
        [year],
    ).fetchall()
    assert len(rows) == 40  # Great Britain's ITL2 areas
    by_parent = {code: (itl2, kids, total) for code, itl2, kids, total in rows}
    assert by_parent["TLK2"][1] == ["TLK21", "TLK22", "TLK23"]
    # Nomis rounds each level separately: the ITL3 sums differ from the published ITL2 figures
    # by up to 1.4% (Kent 2015: 699,390 against 706,850); a double-counted area would be far more.
    for code, (itl2, _, total) in by_parent.items():
        assert total == pytest.approx(itl2, rel=0.015), code
    itl2_total = sum(v[0] for v in by_parent.values())
    itl3_total = sum(v[2] for v in by_parent.values())
    assert itl3_total == pytest.approx(itl2_total, rel=0.001)


def test_one_classification_check_passes_and_catches_a_mixed_view(con, warehouse, tmp_path):
    sql = ONE_CLASSIFICATION.read_text()
    assert con.execute(sql).fetchall() == []
    assert con.execute((SQL_DIR / "checks" / "itl1_sum_to_uk.sql").read_text()).fetchall() == []
    mixed = tmp_path / "mixed.duckdb"
    shutil.copy(warehouse, mixed)
    with duckdb.connect(str(mixed)) as other:
        # an ITL 2021 area (Tees Valley and Durham) slipped into the ITL 2025 GDHI view
        other.execute(
            "INSERT INTO mart.observation_latest BY NAME SELECT * REPLACE ('TLC1' AS geo_code) "
            "FROM mart.observation_latest WHERE indicator_id = 'gdhi_per_head_gbp' "
            "AND geo_code = 'TLC3' AND period = '2023'"
        )
        assert other.execute(sql).fetchall() == [("gdhi_per_head_gbp", "ITL2", "2023", 47)]
