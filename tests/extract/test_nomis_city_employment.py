"""The Nomis table extractor on the real BRES 2017 download for combined authorities and major towns
and cities: spot checks against the file's cells, its area codes against Nomis's own and ONS's
lookups, and its combined authorities against the ITL areas of the same survey."""

import csv

import pytest

from etl.catalogue import sources
from etl.config import REFERENCE_DIR
from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS, bres, nomis_table
from tests.conftest import mirror_file, requires_mirror

pytestmark = requires_mirror

RELEASE = sources()["nomis_city_employment"].releases[-1]
FILE = RELEASE.files[0]
OPTIONS = {**RELEASE.layout, "indicator": FILE.tables[0].indicator}
CA_LOOKUP = (
    "boundaries/combined_authorities/"
    "Local_Authority_District_to_Combined_Authority_(May_2025)_Lookup_in_EN.csv"
)


@pytest.fixture(scope="module")
def frame():
    return nomis_table.extract(mirror_file(FILE.path), OPTIONS)


@pytest.fixture(scope="module")
def values(frame):
    return frame.set_index(["geo_code", "industry_code"])["value"]


def _reference() -> list[dict]:
    with (REFERENCE_DIR / OPTIONS["area_codes"]).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_shape_and_coverage(frame):
    assert list(frame.columns) == OBSERVATION_COLUMNS
    assert len(frame) == 119 * 21  # 10 combined authorities and 109 towns, sections A to U
    assert set(frame["industry_code"]) == set("ABCDEFGHIJKLMNOPQRSTU")
    assert set(frame["indicator_id"]) == {"bres_employees"}
    assert set(frame["period"]) == {"2017"} and frame["status"].isna().all()
    areas = frame.attrs["areas"]
    assert areas["geo_level"].value_counts().to_dict() == {"Other": 109, "CAUTH": 10}


def test_spot_values(values):
    assert values["E47000001", "C"] == 107_000  # Greater Manchester, manufacturing
    assert values["TCITY-YORK", "G"] == 15_000
    assert values["E47000002", "G"] == 88_000  # 'Sheffield City Region' is South Yorkshire
    assert values["TCITY-LONDON", "M"] == 673_000
    assert values["TCITY-STEVENAGE", "A"] == 0  # a published zero, marked '*'
    assert values["TCITY-YORK", "A"] == 40  # '40,"*"': the marker does not replace the value


def test_sections_t_and_u_are_published_zeros(values):
    for section in "TU":
        assert (values.xs(section, level="industry_code") == 0).all()


def test_sections_are_in_the_industry_dimension(frame):
    with (REFERENCE_DIR / "sic2007_divisions.csv").open(encoding="utf-8-sig") as handle:
        sections = {row["sic2007_section"] for row in csv.DictReader(handle)}
    assert set(frame["industry_code"]) <= sections


def test_combined_authority_codes_are_those_nomis_and_ons_give():
    nomis = {}  # Nomis's own combined-authority names and GSS codes (population download)
    with mirror_file("population/lad.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["GEOGRAPHY_CODE"].startswith("E47"):
                nomis[row["GEOGRAPHY_NAME"]] = row["GEOGRAPHY_CODE"]
    with mirror_file(CA_LOOKUP).open(encoding="utf-8-sig", newline="") as handle:
        ons = {row["CAUTH25CD"]: row["CAUTH25NM"] for row in csv.DictReader(handle)}
    authorities = [r for r in _reference() if r["geo_level"] == "CAUTH"]
    assert len(authorities) == 10
    for row in authorities:
        assert nomis[row["nomis_name"].removeprefix("combauth:")] == row["geo_code"]
        if row["geo_code"] in ons:  # North East and North of Tyne were replaced in 2024
            assert ons[row["geo_code"]] == row["geo_name"]
    assert {r["geo_code"] for r in authorities} - set(ons) == {"E47000010", "E47000011"}
    assert ons["E47000002"] == "South Yorkshire"


def test_combined_authorities_match_the_itl_areas_they_coincide_with(values):
    release = sources()["bres_edd"].releases[-1]
    itl = bres.extract(
        mirror_file(release.files[0].path), {**release.layout, "indicator": "bres_employees"}
    )
    itl = itl[itl["period"] == "2017"].set_index(["geo_code", "industry_code"])["value"]
    same_area = {"E47000001": "TLD3", "E47000002": "TLE3", "E47000003": "TLE4", "E47000007": "TLG3"}
    for authority, area in same_area.items():
        for section in "ABCDEFGHIJKLMNOPQRS":
            assert values[authority, section] == itl[area, section], (authority, section)
    # North East (E47000010), North of Tyne and Tees Valley make up the North East region (TLC),
    # whose figure is a sum of separately rounded ITL3 figures.
    parts = sum(
        values[c, s] for c in ("E47000010", "E47000011", "E47000006") for s in "ABCDEFGHIJKLMNOPQRS"
    )
    region = sum(itl["TLC", s] for s in "ABCDEFGHIJKLMNOPQRS")
    assert abs(parts - region) / region < 0.005  # 1,058,250 against 1,062,000


def _copy(tmp_path, old: str, new: str):
    text = mirror_file(FILE.path).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "nomis.csv"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_an_unmapped_area_name_fails_naming_file_row_and_name(tmp_path):
    path = _copy(tmp_path, '"towncity:York"', '"towncity:Yorke"')
    with pytest.raises(SourceFormatError) as error:
        nomis_table.extract(path, OPTIONS)
    message = str(error.value)
    assert "nomis.csv" in message and "row 129" in message and "towncity:Yorke" in message


def test_an_undeclared_marker_fails(tmp_path):
    path = _copy(tmp_path, '"towncity:York",40,"*"', '"towncity:York",40,"!"')
    with pytest.raises(SourceFormatError, match="row 129"):
        nomis_table.extract(path, OPTIONS)


def test_a_different_period_or_measure_fails(tmp_path):
    with pytest.raises(SourceFormatError, match="Date"):
        nomis_table.extract(
            _copy(tmp_path, '"Date       :","2017"', '"Date       :","2018"'), OPTIONS
        )
    with pytest.raises(SourceFormatError, match="measure"):
        nomis_table.extract(_copy(tmp_path, '"Count"', '"Percent"'), OPTIONS)
