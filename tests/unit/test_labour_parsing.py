"""Quarter labels of JOBS05 and rolling quarters of HI11, on tiny inline values."""

import datetime as dt

import pytest

from etl import industry
from etl.dimensions import DIVISIONS_CSV
from etl.extract.hi11 import rolling_quarter
from etl.extract.jobs05 import quarter


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (35125, ("1996-Q1", dt.date(1996, 1, 1))),  # Excel serial for 1 March 1996
        (35125.0, ("1996-Q1", dt.date(1996, 1, 1))),
        (dt.date(2013, 12, 1), ("2013-Q4", dt.date(2013, 10, 1))),
        (dt.datetime(2010, 9, 1), ("2010-Q3", dt.date(2010, 7, 1))),
        ("Mar 96 (r)", ("1996-Q1", dt.date(1996, 1, 1))),
        ("Mar 20 4 (r)", ("2020-Q1", dt.date(2020, 1, 1))),  # footnote 4 and revised flag
        ("Jun 21 (p)", ("2021-Q2", dt.date(2021, 4, 1))),
        ("Jun 20 (r) ", ("2020-Q2", dt.date(2020, 4, 1))),
        ("Sep 18   ", ("2018-Q3", dt.date(2018, 7, 1))),
        ("Dec 99", ("1999-Q4", dt.date(1999, 10, 1))),
    ],
)
def test_quarter_labels_dates_and_serials(cell, expected):
    assert quarter(cell) == expected


@pytest.mark.parametrize(
    "cell",
    ["", "1. Workforce Jobs estimates include data from the LFS", "Apr 96", 35156, True, None],
)
def test_footnotes_and_other_months_are_not_quarters(cell):
    assert quarter(cell) is None  # 35156 is 1 April 1996, not a quarter's last month


def test_rolling_quarters_start_in_their_first_month():
    assert rolling_quarter("Mar-May 1992") == ("Mar-May 1992", dt.date(1992, 3, 1))
    assert rolling_quarter("Nov-Jan 1993") == ("Nov-Jan 1993", dt.date(1992, 11, 1))
    assert rolling_quarter("Oct-Dec 2013 ") == ("Oct-Dec 2013", dt.date(2013, 10, 1))
    assert rolling_quarter("Change on quarter") is None


def test_jobs05_sections_are_leaves_under_the_services_aggregate_and_total():
    known = set(industry.load_divisions(DIVISIONS_CSV))
    codes = set("ABCDEFGHIJKLMNOPQRST") | {"G-T", "Total"}
    assert industry.leaf_codes(codes, known) == set("ABCDEFGHIJKLMNOPQRST")
    assert industry.covered_divisions("A-T", known) == industry.covered_divisions("Total", known)
