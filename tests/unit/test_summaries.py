"""The plain-language summaries (on screen, alt text, in every export) say what the data says:
checked against the warehouse directly for several selections."""

from __future__ import annotations

import re

import duckdb
import pytest

from dashboard import fmt
from dashboard.catalogue import indicator
from dashboard.views import overview

RANKED = [
    ("gva_per_head_gbp", "ITL1", "2021"),
    ("gva_per_head_gbp", "ITL1", "1998"),
    ("gva_per_head_gbp", "ITL2", "2015"),
    ("gva_per_head_gbp", "ITL3", "2008"),
    ("gva_cp_gbp_m", "ITL1", "2019"),
    ("population_persons", "ITL2", "2021"),
    ("gva_per_head_index", "ITL1", "2021"),  # no UK row: "the highest" instead of a ratio
]
AREA_VALUES = """
SELECT geo_code, geo_name, value FROM mart.observation_latest
WHERE indicator_id = ? AND geo_level = ? AND period = ? AND industry_code = 'Total'
  AND sex = 'all' AND value IS NOT NULL
"""
UK_VALUE = """
SELECT value FROM mart.observation_latest
WHERE indicator_id = ? AND geo_code = 'UK' AND period = ? AND industry_code = 'Total'
  AND sex = 'all'
"""


@pytest.fixture
def warehouse(app_warehouse):
    con = duckdb.connect(str(app_warehouse), read_only=True)
    yield con
    con.close()


def _area(name: str) -> str:
    return name.removeprefix("The ").removeprefix("the ")


@pytest.mark.parametrize(("indicator_id", "level", "period"), RANKED)
def test_ranked_summary_names_the_true_top_and_bottom_and_the_ratio_to_the_uk(
    warehouse, indicator_id, level, period
):
    ind = indicator(indicator_id)
    summary = overview.ranked(indicator_id, level, period).summary
    rows = warehouse.execute(AREA_VALUES, [indicator_id, level, period]).df()
    assert len(rows) > 1
    top, bottom = rows.loc[rows["value"].idxmax()], rows.loc[rows["value"].idxmin()]
    title = re.escape(ind["short_title"])
    found = re.match(
        rf"(?P<top>.+)'s {title} \((?P<top_value>[^)]+)\) was (?P<relation>.+) in "
        rf"(?P<period>\S+); (?P<bottom>.+)'s was the (?:lowest|smallest) "
        rf"\((?P<bottom_value>[^)]+)\)\.",
        summary,
    )
    assert found, summary
    assert found["period"] == period
    # the named areas hold the extreme values (a tie may name either)
    named = dict(zip(rows["geo_name"], rows["value"], strict=True))
    assert named[_area(found["top"])] == top.value
    assert named[_area(found["bottom"])] == bottom.value
    assert found["top_value"] == fmt.value(top.value, ind["unit"], ind["decimals"])
    assert found["bottom_value"] == fmt.value(bottom.value, ind["unit"], ind["decimals"])

    uk = warehouse.execute(UK_VALUE, [indicator_id, period]).fetchall()
    if not uk or uk[0][0] is None:
        assert found["relation"] == "the highest"
        return
    ratio = top.value / uk[0][0]
    relation = found["relation"]
    if ind["additive"]:  # a total is put as its share of the UK total
        assert relation == f"the largest, {100 * ratio:.1f}% of the UK total"
        return
    if relation.endswith("times the UK figure"):
        assert ratio >= 1.5
        assert relation == f"{ratio:.1f} times the UK figure"
    else:
        change = re.fullmatch(r"([\d.]+)% (above|below) the UK figure", relation)
        assert change, relation
        assert float(change[1]) == pytest.approx(abs(100 * (ratio - 1)), abs=0.05)
        assert change[2] == ("above" if ratio > 1 else "below")


@pytest.mark.parametrize("period", ["2021", "2010"])
def test_lens_summary_names_the_true_highest_and_lowest_shares(warehouse, period):
    summary = overview.lens_share("ITL1", period).summary
    shares = warehouse.execute(
        "SELECT geo_name, bucket, share_pct FROM mart.gva_lens_share "
        "WHERE geo_level = 'ITL1' AND period = ?",
        [period],
    ).df()
    for bucket in ("Foundational", "Frontier"):
        part = shares[shares["bucket"] == bucket]
        hi, lo = part.loc[part["share_pct"].idxmax()], part.loc[part["share_pct"].idxmin()]
        found = re.search(
            rf"{bucket.lower()} industries produced ([\d.]+)% of GVA in (.+?) \(the highest\) "
            rf"and ([\d.]+)% in (.+?) \(the lowest\)",
            summary,
        )
        assert found, summary
        assert (found[1], found[2]) == (f"{hi.share_pct:.1f}", hi.geo_name)
        assert (found[3], found[4]) == (f"{lo.share_pct:.1f}", lo.geo_name)
