"""The industry codes' division coverage, leaves and lenses, on tiny inline cases."""

from etl import industry
from etl.dimensions import DIVISIONS_CSV

DIVISIONS = industry.load_divisions(DIVISIONS_CSV)
KNOWN = set(DIVISIONS)


def test_codes_cover_their_divisions():
    assert industry.covered_divisions("CA-CB (10-15)", KNOWN) == {
        "10",
        "11",
        "12",
        "13",
        "14",
        "15",
    }
    assert industry.covered_divisions("11-12", KNOWN) == {"11", "12"}
    assert industry.covered_divisions("41", KNOWN) == {"41"}
    assert industry.covered_divisions("68", KNOWN) == {"68"}
    assert industry.covered_divisions("L (68)", KNOWN) == {"68", "68IMP"}
    assert industry.covered_divisions("ABDE (1-9; 35-39)", KNOWN) == {
        "01",
        "02",
        "03",
        "05",
        "06",
        "07",
        "08",
        "09",
        "35",
        "36",
        "37",
        "38",
        "39",
    }
    assert "99" not in industry.covered_divisions("Total", KNOWN)


def test_leaves_partition_a_table():
    codes = {
        "Total",
        "A-E",
        "G-T",
        "C (10-33)",
        "CA (10-12)",
        "10",
        "11-12",
        "L (68)",
        "68IMP",
        "68",
    }
    assert industry.leaf_codes(codes, KNOWN) == {"10", "11-12", "68IMP", "68"}


def test_lenses_flag_partial_groups():
    assert industry.lenses(frozenset({"86"}), DIVISIONS)["bucket"] == "Foundational"
    assert industry.lenses(frozenset({"62"}), DIVISIONS)["bucket"] == "Frontier"
    assert industry.lenses(frozenset({"61"}), DIVISIONS)["bucket"] == "Frontier & foundational"
    group = industry.lenses(frozenset({"19", "20"}), DIVISIONS)
    assert group["frontier"] == "partial" and group["bucket"] == "Mixed or partial"
    assert industry.lenses(frozenset({"68IMP"}), DIVISIONS)["bucket"] == "Imputed rent"
