"""Dispersion measures and ranks on tiny inline frames."""

import math
from types import SimpleNamespace

import pandas as pd
import pytest

from dashboard import dispersion, ranks


def _frame(rows):
    return pd.DataFrame(rows, columns=["geo_code", "period", "period_start", "value"])


VALUES = _frame(
    [
        ("A", "2000", "2000-01-01", 10.0),
        ("B", "2000", "2000-01-01", 30.0),
        ("A", "2001", "2001-01-01", 15.0),
        ("B", "2001", "2001-01-01", 25.0),
    ]
)
POPULATION = pd.DataFrame(
    {
        "geo_code": ["A", "B"] * 2,
        "period": ["2000", "2000", "2001", "2001"],
        "population": [3, 1] * 2,
    }
)


def test_ratio_and_cv_per_period_in_time_order():
    table = dispersion.by_period(VALUES.iloc[::-1])
    assert table["period"].tolist() == ["2000", "2001"]
    assert table["max_min_ratio"].tolist() == [3.0, pytest.approx(25 / 15)]
    # mean 20, population sd 10 -> CV 0.5; then mean 20, sd 5 -> 0.25
    assert table["cv"].tolist() == [pytest.approx(0.5), pytest.approx(0.25)]
    assert table["weighted_cv"].isna().all()
    assert dispersion.trend(table, "cv") == (pytest.approx(0.5), pytest.approx(0.25))


def test_population_weighted_cv():
    table = dispersion.by_period(VALUES, POPULATION)
    # 2000: weighted mean (3*10 + 30)/4 = 15; variance (3*25 + 225)/4 = 75 -> sqrt(75)/15
    assert table["weighted_cv"].iloc[0] == pytest.approx(math.sqrt(75) / 15)


def test_zero_or_negative_values_get_no_ratio_or_cv_but_an_sd():
    table = dispersion.by_period(
        _frame([("A", "2000", "2000-01-01", -2.0), ("B", "2000", "2000-01-01", 2.0)])
    )
    assert table["max_min_ratio"].isna().all() and table["cv"].isna().all()
    assert table["sd"].iloc[0] == pytest.approx(2.0)
    assert dispersion.trend(table, "cv") is None


def test_missing_values_are_left_out_of_the_period():
    rows = _frame([("A", "2000", "2000-01-01", 10.0), ("B", "2000", "2000-01-01", None)])
    assert dispersion.by_period(rows)["areas"].tolist() == [1]


def test_rank_and_rank_range_respect_polarity():
    others = [10.0, 20.0, 30.0]
    assert ranks.rank(25.0, others, "higher_better") == 2
    assert ranks.rank(25.0, others, "lower_better") == 3
    # interval 15-35 against others: best if the truth is 35 (1st), worst if 15 (3rd)
    assert ranks.rank_range(15.0, 35.0, others, "higher_better") == (1, 3)
    assert ranks.rank_range(15.0, 35.0, others, "lower_better") == (2, 4)


def test_gap_says_better_or_worse_by_polarity():
    assert ranks.gap(12.0, 10.0, "higher_better")["verdict"] == "better"
    assert ranks.gap(12.0, 10.0, "lower_better")["verdict"] == "worse"
    assert ranks.gap(8.0, 10.0, "lower_better") == {
        "gap": -2.0,
        "gap_pct": pytest.approx(-20.0),
        "verdict": "better",
    }
    assert ranks.gap(12.0, 10.0, "neutral")["verdict"] == "above"
    assert ranks.gap(12.0, None, "higher_better")["verdict"] is None


def test_totals_are_the_indicators_declared_additive():
    assert ranks.is_total(SimpleNamespace(additive=True))  # e.g. GVA in £ million, population
    assert not ranks.is_total(SimpleNamespace(additive=False))  # e.g. GVA per head
