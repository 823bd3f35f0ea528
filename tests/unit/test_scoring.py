"""Scorecard maths on tiny inline frames."""

import math

import pandas as pd
import pytest

from dashboard import scoring

HIGHER, LOWER = "higher_better", "lower_better"

# Three areas, two themes with one indicator each: A leads on pay, C on health, and B is
# second on both, which wins under equal weights.
VALUES = pd.DataFrame(
    {
        "series": ["pay"] * 3 + ["health"] * 3,
        "geo_code": ["A", "B", "C"] * 2,
        "value": [300.0, 250.0, 200.0, 60.0, 68.0, 70.0],
    }
)
POLARITY = {"pay": HIGHER, "health": HIGHER}
THEME = {"pay": "work", "health": "health"}


def test_min_max_scores_run_from_worst_0_to_best_100():
    scores = scoring.normalise(VALUES, POLARITY).set_index(["series", "geo_code"])["score"]
    assert scores[("pay", "A")] == 100 and scores[("pay", "C")] == 0
    assert scores[("pay", "B")] == 50
    assert scores[("health", "B")] == pytest.approx(80)


def test_lower_better_flips_the_scale():
    scores = scoring.normalise(VALUES, {"pay": LOWER, "health": HIGHER})
    pay = scores[scores["series"] == "pay"].set_index("geo_code")["score"]
    assert pay["C"] == 100 and pay["A"] == 0 and pay["B"] == 50


def test_an_indicator_with_one_value_everywhere_scores_50():
    same = pd.DataFrame({"series": ["x"] * 2, "geo_code": ["A", "B"], "value": [5.0, 5.0]})
    assert scoring.normalise(same, {"x": HIGHER})["score"].tolist() == [50.0, 50.0]


def test_equal_weights_composite_and_ranks():
    # A: pay 100, health 0 -> 50. B: 50, 80 -> 65. C: 0, 100 -> 50.
    table = scoring.scorecard(VALUES, POLARITY, THEME, {"work": 1, "health": 1})
    by_area = table.set_index("geo_code")
    assert by_area.loc["B", "composite"] == pytest.approx(65)
    assert by_area.loc["B", "rank"] == 1
    assert by_area.loc["A", "rank"] == by_area.loc["C", "rank"] == 2  # tie shares the rank


def test_doubling_a_themes_weight_moves_ranks_as_implied():
    # work x2: A = (2*100 + 0)/3 = 66.7, B = (2*50 + 80)/3 = 60, C = 100/3 = 33.3
    table = scoring.scorecard(VALUES, POLARITY, THEME, {"work": 2, "health": 1})
    by_area = table.set_index("geo_code")
    assert by_area.loc["A", "composite"] == pytest.approx(200 / 3)
    assert by_area["rank"].to_dict() == {"A": 1, "B": 2, "C": 3}
    assert by_area["equal_rank"].to_dict() == {"A": 2, "B": 1, "C": 2}
    assert by_area["rank_change"].to_dict() == {"A": 1, "B": -1, "C": -1}


def test_a_zero_weight_drops_the_theme():
    table = scoring.scorecard(VALUES, POLARITY, THEME, {"work": 0, "health": 1})
    assert table.set_index("geo_code")["rank"].to_dict() == {"C": 1, "B": 2, "A": 3}


def test_missing_indicator_is_left_out_not_scored_zero():
    # C has no pay figure: its composite is its health score alone, with half the weight covered.
    values = VALUES[~((VALUES["series"] == "pay") & (VALUES["geo_code"] == "C"))]
    values = pd.concat(
        [values, pd.DataFrame({"series": ["pay"], "geo_code": ["C"], "value": [math.nan]})]
    )
    table = scoring.scorecard(values, POLARITY, THEME, {"work": 1, "health": 1}).set_index(
        "geo_code"
    )
    assert table.loc["C", "composite"] == pytest.approx(100)  # not (0 + 100) / 2
    assert table.loc["C", "coverage"] == pytest.approx(0.5)
    assert table.loc["A", "coverage"] == pytest.approx(1.0)
    # pay is rescaled over A and B only: A 100, B 0
    assert table.loc["B", "composite"] == pytest.approx((0 + 80) / 2)


def test_area_with_under_half_the_weight_is_not_ranked():
    # C has only health; with work weighted 3 its coverage is 1/4, so it keeps a composite
    # but no rank, and cannot top the table on thin data.
    values = VALUES[~((VALUES["series"] == "pay") & (VALUES["geo_code"] == "C"))]
    table = scoring.scorecard(values, POLARITY, THEME, {"work": 3, "health": 1})
    by_area = table.set_index("geo_code")
    assert by_area.loc["C", "coverage"] == pytest.approx(0.25)
    assert pd.isna(by_area.loc["C", "rank"]) and by_area.loc["C", "composite"] == 100
    assert by_area["rank"].dropna().to_dict() == {"A": 1, "B": 2}
    assert table["geo_code"].tolist() == ["A", "B", "C"]


def test_area_with_no_weighted_theme_gets_no_composite():
    values = pd.DataFrame({"series": ["pay", "pay"], "geo_code": ["A", "B"], "value": [1.0, 2.0]})
    more = pd.DataFrame({"series": ["health"], "geo_code": ["C"], "value": [3.0]})
    table = scoring.scorecard(pd.concat([values, more]), POLARITY, THEME, {"work": 1, "health": 0})
    assert set(table["geo_code"]) == {"A", "B"}


def test_weights_from_a_url_keep_valid_entries_and_report_the_rest():
    weights, problems = scoring.parse_weights(
        "work:2,health:9,nonsense,'; DROP TABLE x;--:1,health:abc", ["work", "health"]
    )
    assert weights == {"work": 2.0, "health": 1.0}
    assert len(problems) == 4
    assert scoring.format_weights(weights) == "work:2"
    assert scoring.parse_weights(None, ["work"]) == ({"work": 1.0}, [])
