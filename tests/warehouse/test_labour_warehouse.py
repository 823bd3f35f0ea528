"""Employment, productivity and population in a warehouse built from the real ONS files."""

import duckdb
import pytest

from tests.conftest import requires_mirror

pytestmark = requires_mirror
ITL1 = ["TLC", "TLD", "TLE", "TLF", "TLG", "TLH", "TLI", "TLJ", "TLK", "TLL", "TLM", "TLN"]


@pytest.fixture(scope="module")
def con(mirror_warehouse):
    connection = duckdb.connect(str(mirror_warehouse), read_only=True)
    yield connection
    connection.close()


def test_both_jobs05_editions_are_releases_of_one_indicator(con):
    rows = con.execute(
        "SELECT release_id, count(DISTINCT geo_code), max(period) FROM core.observation "
        "WHERE indicator_id = 'workforce_jobs_thousands' GROUP BY ALL ORDER BY 1"
    ).fetchall()
    assert rows == [("jobs05@2018-12-11", 15, "2018-Q3"), ("jobs05@2021-09-14", 15, "2021-Q2")]
    regions = con.execute(
        "SELECT list(DISTINCT geo_code ORDER BY geo_code), min(release_id) FROM mart.observation_latest "
        "WHERE indicator_id = 'workforce_jobs_thousands' AND geo_level = 'ITL1'"
    ).fetchone()
    assert regions == (ITL1, "jobs05@2021-09-14")
    britain = con.execute(
        "SELECT geo_name, geo_level FROM core.geography WHERE geo_code = 'K03000001'"
    ).fetchone()
    assert britain == ("Great Britain", "Other")


def test_jobs05_sections_are_the_leaves_and_sum_to_the_total(con):
    rows = con.execute(
        """
        SELECT o.release_id, o.geo_code, o.period,
               sum(o.value) FILTER (o.is_leaf) AS sections, count(*) FILTER (o.is_leaf) AS n,
               max(o.value) FILTER (o.industry_code = 'Total') AS total
        FROM core.observation AS o
        WHERE o.indicator_id = 'workforce_jobs_thousands'
        GROUP BY ALL
        """
    ).fetchall()
    assert len(rows) == 15 * (91 + 102)
    for release, geo, period, sections, n, total in rows:
        assert n == 20 and abs(sections - total) <= 0.5 * n, (release, geo, period)


def test_jobs05_uk_exceeds_the_regions_only_by_unallocated_jobs(con):
    rows = con.execute(
        """
        SELECT period, sum(value) FILTER (geo_level = 'ITL1') AS regions,
               max(value) FILTER (geo_code = 'UK') AS uk
        FROM mart.observation_latest
        WHERE indicator_id = 'workforce_jobs_thousands' AND industry_code = 'Total'
        GROUP BY period
        """
    ).fetchall()
    assert len(rows) == 102
    for period, regions, uk in rows:
        assert 0 < uk - regions <= 40, period


def test_scotland_rates_by_sex(con):
    rows = con.execute(
        "SELECT indicator_id, list(DISTINCT geo_code), list(DISTINCT sex ORDER BY sex), count(*) "
        "FROM mart.observation_latest WHERE indicator_id LIKE '%16_64_quarterly_pct' "
        "GROUP BY ALL ORDER BY 1"
    ).fetchall()
    assert rows == [
        ("employment_rate_16_64_quarterly_pct", ["TLM"], ["all", "female", "male"], 957),
        ("inactivity_rate_16_64_quarterly_pct", ["TLM"], ["all", "female", "male"], 957),
    ]
    first = con.execute(
        "SELECT period, period_start FROM mart.observation_latest "
        "WHERE indicator_id = 'employment_rate_16_64_quarterly_pct' ORDER BY period_start LIMIT 1"
    ).fetchone()
    assert first[0] == "Mar-May 1992" and str(first[1]) == "1992-03-01"


@pytest.mark.parametrize("indicator", ["gva_per_hour_index", "gva_per_job_unsmoothed_index"])
def test_productivity_index_is_100_for_the_uk_and_covers_itl1_to_itl3(con, indicator):
    uk = con.execute(
        "SELECT min(value), max(value), count(*) FROM mart.observation_latest "
        "WHERE indicator_id = ? AND geo_code = 'UKX'",
        [indicator],
    ).fetchone()
    assert uk[0] == uk[1] == 100 and uk[2] >= 18
    levels = dict(
        con.execute(
            "SELECT geo_level, count(DISTINCT geo_code) FROM mart.observation_latest "
            "WHERE indicator_id = ? GROUP BY ALL",
            [indicator],
        ).fetchall()
    )
    assert levels["ITL1"] == 12 and levels["ITL2"] == 41 and levels["ITL3"] == 179


def test_population_latest_release_per_level(con):
    latest = dict(
        (level, (release, period))
        for level, release, period in con.execute(
            "SELECT geo_level, min(release_id), max(period) FROM mart.observation_latest "
            "WHERE indicator_id = 'population_persons' GROUP BY ALL"
        ).fetchall()
    )
    assert latest["ITL1"] == ("population_itl@2024-04-24", "2022")
    assert latest["LAD"] == ("population_lad@2023-04-25", "2021")
    assert latest["CAUTH"] == ("population_nomis@2022-12-21", "2021")
    marked = con.execute(
        "SELECT count(*), count(value) FROM core.observation WHERE indicator_id = "
        "'population_persons' AND release_id = 'population_itl@2024-04-24' AND status = 'u'"
    ).fetchone()
    assert marked == (8, 0)  # '[u]' kept as a status, never a zero


def test_district_population_sums_to_its_region(con):
    rows = con.execute(
        """
        WITH lad AS (
            SELECT g.itl1_code, o.period, sum(o.value) AS total
            FROM core.observation AS o JOIN core.geography AS g USING (geo_code)
            WHERE o.indicator_id = 'population_persons' AND g.geo_level = 'LAD'
              AND o.release_id = 'population_lad@2023-04-25'
            GROUP BY ALL
        )
        SELECT lad.itl1_code, lad.period, lad.total, o.value
        FROM lad JOIN core.observation AS o
          ON o.geo_code = lad.itl1_code AND o.period = lad.period
         AND o.indicator_id = 'population_persons' AND o.release_id = 'gva_per_head@2023-04-25'
        """
    ).fetchall()
    assert len(rows) == 12 * 24
    for region, period, total, published in rows:
        assert abs(total - published) <= 1, (region, period)  # within a person
