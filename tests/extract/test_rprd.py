"""The ONS time-series extractor on the real RPRD download: spot checks against its cells, its
header checked against the source's declaration, and its figures against the productivity
workbook's unsmoothed indices."""

import datetime as dt

import pytest

from etl.catalogue import sources
from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS, itl_productivity, ons_timeseries
from tests.conftest import mirror_file, requires_mirror

pytestmark = requires_mirror

RELEASE = sources()["rprd"].releases[-1]
FILE = RELEASE.files[0]
TABLES = {
    t.indicator: {**RELEASE.layout, **t.options, "indicator": t.indicator} for t in FILE.tables
}
SHEETS = {"gva_per_job_unsmoothed_index": "B2", "gva_per_hour_unsmoothed_index": "A2"}
REGIONS = {
    "TLB",
    "TLC",
    "TLD",
    "TLE",
    "TLF",
    "TLG",
    "TLH",
    "TLI",
    "TLJ",
    "TLK",
    "TLL",
    "TLM",
    "TLN",
}


def _extract(indicator: str, **changes):
    return ons_timeseries.extract(mirror_file(FILE.path), {**TABLES[indicator], **changes})


def _values(frame) -> dict:
    return frame.set_index(["geo_code", "period"])["value"].to_dict()


@pytest.fixture(scope="module", params=sorted(TABLES))
def pair(request):
    """(indicator, RPRD values, workbook values) by (area, year)."""
    workbook = itl_productivity.extract(
        mirror_file("productivity/itlproductivity.xlsx"),
        {"sheet": SHEETS[request.param], "unit": "index", "indicator": request.param},
    )
    return request.param, _values(_extract(request.param)), _values(workbook)


def test_release_date_matches_the_declared_release():
    assert RELEASE.layout["release_date"] == RELEASE.date == dt.date(2023, 6, 20)


def test_shape_and_spot_values():
    job = _extract("gva_per_job_unsmoothed_index")
    hour = _extract("gva_per_hour_unsmoothed_index")
    for frame in (job, hour):
        assert list(frame.columns) == OBSERVATION_COLUMNS
        assert set(frame["geo_code"]) == REGIONS
        assert sorted(frame["period"].unique()) == [str(y) for y in range(1997, 2022)]
        assert set(frame.loc[frame["period"] == "1997", "status"]) == {"blank"}
    job, hour = _values(job), _values(hour)
    assert job["TLC", "2021"] == 80.9  # DJDO, North East
    assert job["TLD", "1998"] == 91.7  # DJDP, 'GOR North West & Merseyside'
    assert job["TLI", "2021"] == 141.4
    assert hour["TLN", "2021"] == 89.4  # DMWA, 'GOR Northern Ireland Index UK=100)'
    assert hour["TLE", "2021"] == 85.0  # 'GOR Yorkshire & Humberside'


def test_figures_are_the_workbook_unsmoothed_indices_to_one_decimal(pair):
    indicator, rprd, workbook = pair
    shared = [key for key in rprd if key in workbook and rprd[key] == rprd[key]]
    assert (
        len(shared)
        == {"gva_per_job_unsmoothed_index": 260, "gva_per_hour_unsmoothed_index": 234}[indicator]
    )
    for key in shared:  # both round one figure: to 0.1 in RPRD, to 0.01 in the workbook
        assert abs(rprd[key] - workbook[key]) <= 0.055, key
    assert rprd["TLC", "2021"] == round(workbook["TLC", "2021"], 1)  # 80.92 -> 80.9, 82.57 -> 82.6


def test_rprd_has_years_the_workbook_lacks(pair):
    indicator, rprd, workbook = pair
    assert ("TLC", "1998") in rprd and ("TLC", "1998") not in workbook


def test_header_must_match_the_declaration():
    with pytest.raises(SourceFormatError, match="row 2"):
        _extract("gva_per_job_unsmoothed_index", cdids=["DJDP", "DJDO"])
    with pytest.raises(SourceFormatError, match="release date 21-06-2023"):
        _extract("gva_per_job_unsmoothed_index", release_date=dt.date(2023, 6, 21))
    with pytest.raises(SourceFormatError, match="North West & Merseyside"):
        _extract("gva_per_job_unsmoothed_index", area_names={})


def test_a_title_of_another_form_fails(tmp_path):
    text = mirror_file(FILE.path).read_text(encoding="utf-8")
    path = tmp_path / "rprd.csv"
    path.write_text(text.replace("GOR London (Index", "London (Index", 1), encoding="utf-8")
    with pytest.raises(SourceFormatError, match="row 1"):
        ons_timeseries.extract(path, TABLES["gva_per_job_unsmoothed_index"])
