"""The sector-lens marts and the gap decomposition on a warehouse built from the real files."""

import duckdb
import pytest

from dashboard import decomposition
from tests.conftest import requires_mirror

pytestmark = requires_mirror


@pytest.fixture(scope="module")
def con(mirror_warehouse):
    connection = duckdb.connect(str(mirror_warehouse), read_only=True)
    yield connection
    connection.close()


def test_shares_by_lens_sum_to_100_per_area_and_year(con):
    worst = con.execute(
        """
        SELECT max(abs(g - 100)), max(abs(j - 100)), count(*)
        FROM (SELECT sum(gva_share_pct) AS g, sum(jobs_share_pct) AS j
              FROM mart.sector_lens_jobs_gva
              GROUP BY geo_code, geo_level, period, lens, variant)
        """
    ).fetchone()
    assert worst[0] < 1e-9 and worst[1] < 1e-9 and worst[2] > 1000


def test_gva_per_job_is_gva_over_jobs(con):
    row = con.execute(
        "SELECT gva_gbp_m, employees, gva_per_job_gbp FROM mart.sector_lens_industry_jobs_gva "
        "WHERE geo_code = 'TLC' AND geo_level = 'ITL1' AND period = '2019' AND sections = 'Q'"
    ).fetchone()
    assert row[2] == pytest.approx(1e6 * row[0] / row[1])
    assert row[1] == 171_000  # BRES human health and social work, North East, 2019


def test_sections_join_gva_published_codes(con):
    units = dict(
        con.execute(
            "SELECT geo_level, string_agg(DISTINCT sections, ',' ORDER BY sections) "
            "FROM mart.sector_lens_industry_jobs_gva GROUP BY geo_level"
        ).fetchall()
    )
    assert units["ITL1"] == "A,B,C,D,E,F,G,H,I,J,K,L,M,N,O,P,Q,R,S"
    assert units["ITL3"] == "AB,C,DE,F,G,H,I,J,K,L,M,N,O,P,Q,R,S"
    # real estate is GVA '68' (imputed rent excluded), not 'L (68)'
    codes = con.execute(
        "SELECT DISTINCT industry_code FROM mart.sector_lens_industry_jobs_gva WHERE sections = 'L'"
    ).fetchall()
    assert codes == [("68",)]


def test_lens_variants_follow_the_taxonomy(con):
    member = dict(
        con.execute(
            "SELECT industry_code || ':' || lens || ':' || variant, membership "
            "FROM mart.sector_lens_industry WHERE industry_code IN ('61', '77', 'F', 'J', '62')"
        ).fetchall()
    )
    assert member["61:foundational:strict"] == member["61:frontier:default"] == "true"  # overlap
    assert member["F:foundational:strict"] == "false" and member["F:foundational:broad"] == "true"
    assert member["77:frontier:default"] == "false" and member["77:frontier:broad"] == "true"
    assert member["J:frontier:default"] == "true" and member["J:frontier:narrow"] == "partial"


@pytest.mark.parametrize("level", ["ITL1", "ITL2", "ITL3"])
def test_decomposition_adds_up_for_every_area(con, level):
    rows = con.execute(
        "SELECT geo_code, is_reference, industry_code, 1e6 * gva_gbp_m AS gva, employees AS jobs "
        "FROM mart.sector_lens_industry_jobs_gva WHERE geo_level = ? AND period = '2019'",
        [level],
    ).df()
    reference = rows[rows["is_reference"]].set_index("industry_code")[["gva", "jobs"]]
    areas = rows[~rows["is_reference"]]
    assert areas["geo_code"].nunique() > 10
    for code, area in areas.groupby("geo_code"):
        result = decomposition.gap(area.set_index("industry_code")[["gva", "jobs"]], reference)
        assert result["mix"] + result["within"] == pytest.approx(result["gap"], abs=1e-6), code
