"""SQL assertions on a warehouse built from the Explore Local Statistics sources (both vintages)
and the two emissions sources, from the real ONS files. Every warehouse check must pass on it."""

import datetime as dt

import duckdb
import pytest

from etl import catalogue
from etl.build import build, validate
from etl.config import SHARED_MIRROR
from etl.fetch import fetch_file
from tests.conftest import requires_mirror

pytestmark = requires_mirror
ELS_SOURCES = (
    "personal_wellbeing",
    "gdhi",
    "healthy_life_expectancy",
    "employment_rate",
    "median_weekly_pay",
    "gva_per_hour",
    "greenhouse_gas_emissions",
    "co2_emissions_2020",
)
ITL1 = ["TLC", "TLD", "TLE", "TLF", "TLG", "TLH", "TLI", "TLJ", "TLK", "TLL", "TLM", "TLN"]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    selected = {k: v for k, v in catalogue.sources().items() if k in ELS_SOURCES}
    assert set(selected) == set(ELS_SOURCES)
    raw = tmp_path_factory.mktemp("els_raw")
    for source in selected.values():
        for release in source.releases:
            for file in release.files:
                fetch_file(source, release, file, raw, SHARED_MIRROR)
    path = tmp_path_factory.mktemp("els") / "warehouse.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(catalogue, "sources", lambda: selected)
        build(path, raw)  # runs every check in etl/sql/checks
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


def _values(con, sql: str, *params) -> list[tuple]:
    return con.execute(sql, list(params)).fetchall()


def test_every_check_passes(con):
    validate(con)


def test_both_vintages_are_kept_and_the_latest_is_shown(con):
    kept = _values(
        con,
        "SELECT release_id, value FROM core.observation WHERE indicator_id = 'gdhi_per_head_gbp' "
        "AND geo_code = 'UK' AND period = '1997' ORDER BY release_id",
    )
    assert kept == [("gdhi@2023-03-31", 10_757.0), ("gdhi@2025-09-10", 10_596.0)]
    shown = _values(
        con,
        "SELECT value, release_label FROM mart.observation_latest "
        "WHERE indicator_id = 'gdhi_per_head_gbp' AND geo_code = 'UK' AND period = '1997'",
    )
    assert shown == [(10_596.0, "September 2025 (1997 to 2023)")]


def test_life_satisfaction_of_a_local_authority_is_the_published_cell(con):
    row = _values(
        con,
        "SELECT value, lci_95, uci_95, period_start, geo_level, release_id "
        "FROM mart.observation_latest WHERE indicator_id = 'life_satisfaction_mean' "
        "AND geo_code = 'E08000035' AND period = '2022/23'",
    )
    assert row == [(7.46, 7.28, 7.65, dt.date(2022, 4, 1), "LAD", "personal_wellbeing@2023-11-07")]


def test_a_region_appears_once_under_its_itl_code(con):
    regions = _values(
        con,
        "SELECT list(DISTINCT geo_code ORDER BY geo_code), count(*) FROM mart.observation_latest "
        "WHERE indicator_id = 'gdhi_per_head_gbp' AND geo_level = 'ITL1' AND period = '2023'",
    )
    assert regions == [(ITL1, 12)]
    north_east = _values(
        con,
        "SELECT value FROM core.observation WHERE indicator_id = 'gdhi_per_head_gbp' "
        "AND geo_code = 'TLC' AND period = '2023'",
    )
    assert north_east == [(19_977.0,)]


def test_every_indicator_has_all_twelve_itl1_regions_in_each_release(con):
    counts = _values(
        con,
        "SELECT indicator_id, release_id, count(DISTINCT geo_code) FROM core.observation "
        "JOIN core.geography USING (geo_code) WHERE geo_level = 'ITL1' GROUP BY ALL",
    )
    assert len(counts) >= 20 and {n for *_, n in counts} == {12}


def test_source_areas_keep_their_level(con):
    levels = dict(
        _values(
            con,
            "SELECT geo_code, geo_level FROM core.geography "
            "WHERE geo_code IN ('E47000001', 'E10000003', 'TLC3', 'W11000023', 'E06000065')",
        )
    )
    assert levels == {
        "E47000001": "CAUTH",
        "E10000003": "CTYUA",
        "TLC3": "ITL2",
        "W11000023": "Other",
        "E06000065": "LAD",
    }


def test_healthy_life_expectancy_is_by_sex(con):
    sexes = _values(
        con,
        "SELECT sex, value FROM mart.observation_latest "
        "WHERE indicator_id = 'healthy_life_expectancy_years' AND geo_code = 'UK' "
        "AND period = '2011-13' ORDER BY sex",
    )
    assert sexes == [("female", 63.7), ("male", 62.7)]


def test_co2_and_greenhouse_gas_series_are_apart(con):
    by_source = _values(
        con,
        "SELECT DISTINCT r.source_id, o.indicator_id FROM core.observation AS o "
        "JOIN core.release AS r USING (release_id) "
        "WHERE o.indicator_id LIKE 'co2%' OR o.indicator_id LIKE 'ghg%' ORDER BY 1, 2",
    )
    co2 = {i for s, i in by_source if s == "co2_emissions_2020"}
    ghg = {i for s, i in by_source if s == "greenhouse_gas_emissions"}
    assert ghg == {"ghg_emissions_per_person_t"} and len(co2) == 9 and not co2 & ghg
    assert all(i.startswith("co2_") for i in co2)


def test_co2_local_authorities_sum_to_their_region(con):
    gaps = _values(
        con,
        "SELECT g.itl1_code, abs(sum(o.value) - any_value(r.value)) AS gap "
        "FROM core.observation AS o JOIN core.geography AS g USING (geo_code) "
        "JOIN core.observation AS r ON r.geo_code = g.itl1_code AND r.period = o.period "
        " AND r.indicator_id = o.indicator_id "
        "WHERE o.indicator_id = 'co2_emissions_kt' AND g.geo_level = 'LAD' AND o.period = '2020' "
        "GROUP BY ALL ORDER BY 1",
    )
    assert [code for code, _ in gaps] == ITL1
    assert max(gap for _, gap in gaps) < 1e-6
