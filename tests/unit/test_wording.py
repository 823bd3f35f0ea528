"""Level names, counts and theme order as readers see them in pickers and sentences."""

from dashboard import fmt, words
from dashboard.catalogue import THEME_ORDER, theme_rank
from etl import catalogue
from etl.dimensions import LEVEL_ORDER


def test_every_level_the_warehouse_uses_has_a_reader_facing_name():
    named = set(fmt.LEVELS)
    assert set(LEVEL_ORDER) - {"Other"} == named
    assert fmt.level("LAD") == "Local authorities"
    assert fmt.areas("LAD") == "local authority districts"
    assert fmt.areas("ITL1") == "ITL1 areas"
    assert fmt.level("XYZ") == "XYZ" and fmt.areas("XYZ") == "XYZ areas"


def test_counts_agree_in_number():
    assert words.count(1, "area") == "1 area"
    assert words.count(3, "area") == "3 areas"
    assert words.count(0, "output indicator") == "0 output indicators"
    assert words.count(2, "authority", "authorities") == "2 authorities"
    assert words.agree(1, "has", "have") == "has" and words.agree(2, "has", "have") == "have"


def test_themes_sort_output_first_and_unknown_themes_last():
    themes = ["wellbeing", "zeta", "output", "alpha", "population"]
    assert sorted(themes, key=theme_rank) == ["output", "wellbeing", "population", "alpha", "zeta"]
    assert THEME_ORDER[0] == "output" and len(set(THEME_ORDER)) == len(THEME_ORDER)


def test_every_declared_theme_has_its_place_in_the_order():
    declared = {meta["theme"] for meta in catalogue.indicators().values()}
    assert declared <= set(THEME_ORDER)
