"""Earnings extractors on the real files: ASHE Table 8 pay, Living Wage Foundation low pay and the
third-party copy of the Table 8.12 gender pay gap. Skipped without the mirror."""

import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from etl.catalogue import indicators, sources
from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS, ashe_geography, gender_pay_gap_csv
from etl.extract.cells import read_rows
from tests.conftest import mirror_file, requires_mirror

pytestmark = requires_mirror

WEEKLY = "earnings_ashe/PROV - Home Geography Table 8.1a   Weekly pay - Gross 2023.xls"
LIVING_WAGE = "earnings_ashe/livingwagebyworkgeography2022provisional.zip"
LWF_MEMBER = "PROV - Work Geography LWF Table 7 LWF.1a   lwfmgx 2022.xls"
GENDER_PAY_GAP = "earnings_ashe/gender-pay-gap.csv"
EXTRACTORS = {
    "ashe_table8": ashe_geography,
    "living_wage": ashe_geography,
    "gender_pay_gap_published": gender_pay_gap_csv,
}
# The 9 English regions and the three other nations, as ASHE codes them.
NATIONS_AND_REGIONS = [f"E1200000{i}" for i in range(1, 10)] + [
    "W92000004",
    "S92000003",
    "N92000002",
]


def _options(release, table) -> dict:
    options = {**release.layout, **table.options, "indicator": table.indicator}
    if table.sheet:
        options["sheet"] = table.sheet
    return options


def _tables():
    for source_id in EXTRACTORS:
        source = sources()[source_id]
        for release in source.releases:
            for file in release.files:
                for table in file.tables:
                    yield pytest.param(
                        source_id, release, file, table, id=f"{source_id}:{table.sheet}"
                    )


@pytest.mark.parametrize(("source_id", "release", "file", "table"), list(_tables()))
def test_every_declared_table_extracts(source_id, release, file, table):
    frame = EXTRACTORS[source_id].extract(mirror_file(file.path), _options(release, table))
    assert list(frame.columns) == OBSERVATION_COLUMNS
    assert len(frame) > 400
    assert (frame["value"].isna() == frame["status"].notna()).all()
    assert not frame.duplicated(["indicator_id", "geo_code", "sex", "period"]).any()
    assert set(frame["geo_code"]) == set(frame.attrs["areas"]["geo_code"])
    assert set(frame["indicator_id"]) <= set(
        indicators()
    )  # every id the template makes is declared


def _weekly(sheet: str, sex: str, pattern: str) -> pd.DataFrame:
    release = sources()["ashe_table8"].releases[0]
    options = {
        **release.layout,
        "sheet": sheet,
        "sex": sex,
        "indicator": f"{{measure}}_weekly_pay_{pattern}_gbp",
        "period_start": "2023-04-01",
    }
    return ashe_geography.extract(mirror_file(WEEKLY), options)


def test_median_weekly_pay_of_regions_and_nations_equals_the_published_cells():
    frame = _weekly("All", "all", "all")
    median = frame[frame["indicator_id"] == "median_weekly_pay_all_gbp"]
    stored = median.set_index("geo_code")["value"]
    # read the same cells independently: column D ("Median") of the row holding each code
    workbook = CalamineWorkbook.from_path(str(mirror_file(WEEKLY)))
    rows = workbook.get_sheet_by_name("All").to_python()
    published = {str(r[1]).strip(): r[3] for r in rows if str(r[1]).strip() in NATIONS_AND_REGIONS}
    assert sorted(published) == sorted(NATIONS_AND_REGIONS)
    for code in NATIONS_AND_REGIONS:
        assert stored[code] == published[code], code
    assert stored["E12000007"] == 682.6  # London, cell D as published
    assert stored["E12000001"] == 528.2  # North East
    assert stored["K02000001"] == 574.9  # United Kingdom
    assert (median["period"] == "2023").all() and (median["sex"] == "all").all()


def test_percentiles_and_mean_come_from_their_own_columns():
    frame = _weekly("Male Full-Time", "male", "ft").set_index(["indicator_id", "geo_code"])
    rows = read_rows(mirror_file(WEEKLY), "Male Full-Time")
    header = [str(c).strip() for c in rows[4]]
    uk = next(r for r in rows if r[1] == "K02000001")
    for label, measure in (("Mean", "mean"), ("10", "p10"), ("90", "p90")):
        assert (
            frame.loc[(f"{measure}_weekly_pay_ft_gbp", "K02000001"), "value"]
            == uk[header.index(label)]
        )
    assert frame.loc[("median_weekly_pay_ft_gbp", "K02000001"), "sex"] == "male"


def test_markers_become_status_and_whole_row_markers_cover_blank_cells():
    frame = _weekly("Female Full-Time", "female", "ft").set_index(["indicator_id", "geo_code"])
    scilly = frame.loc[("median_weekly_pay_ft_gbp", "E06000053")]  # row reads '..', then blanks
    assert scilly["status"] == ".." and scilly["value"] != scilly["value"]
    melton = frame.loc[("median_weekly_pay_ft_gbp", "E07000133")]  # 'x' in the file
    assert melton["status"] == "x"
    assert "Not Classified" not in set(frame.attrs["areas"]["geo_name"])


def test_areas_outside_the_lookups_carry_a_level():
    areas = _weekly("All", "all", "all").attrs["areas"].set_index("geo_code")
    assert areas.loc["K03000001", "geo_level"] == "Other"  # Great Britain
    assert areas.loc["E10000030", "geo_level"] == "CTYUA"  # Surrey
    assert areas.loc["E11000007", "geo_level"] == "CTYUA"  # Tyne and Wear
    assert areas.loc["E06000065", "geo_level"] == "LAD"  # North Yorkshire, new in 2023
    assert areas.loc["E12000001", "geo_name"] == "North East"  # trailing space dropped


def test_a_missing_column_label_names_file_sheet_and_row():
    release = sources()["ashe_table8"].releases[0]
    options = {
        **release.layout,
        "measures": {"Median": "median", "95": "p95"},
        "sheet": "All",
        "sex": "all",
        "indicator": "{measure}_weekly_pay_all_gbp",
        "period_start": "2023-04-01",
    }
    with pytest.raises(
        SourceFormatError, match=r"sheet 'All', row 5: expected one column labelled '95'"
    ):
        ashe_geography.extract(mirror_file(WEEKLY), options)


def _living_wage(sheet: str, pattern: str = "") -> pd.DataFrame:
    release = sources()["living_wage"].releases[0]
    options = {
        **release.layout,
        "sheet": sheet,
        "sex": "all",
        "indicator": f"jobs_below_living_wage_{pattern}{{measure}}",
    }
    return ashe_geography.extract(mirror_file(LIVING_WAGE), options)


def test_living_wage_share_equals_the_published_cells():
    frame = _living_wage("All").set_index(["indicator_id", "geo_code"])["value"]
    assert frame["jobs_below_living_wage_pct", "K02000001"] == 12.2  # UK, as published
    assert frame["jobs_below_living_wage_thousand", "K02000001"] == 3495
    assert frame["jobs_below_living_wage_pct", "E12000001"] == 14.8  # North East
    with zipfile.ZipFile(mirror_file(LIVING_WAGE)) as archive:
        book = CalamineWorkbook.from_filelike(io.BytesIO(archive.read(LWF_MEMBER)))
    rows = book.get_sheet_by_name("All").to_python()
    published = {str(r[1]).strip(): r[3] for r in rows if str(r[1]).strip() in NATIONS_AND_REGIONS}
    for code in NATIONS_AND_REGIONS:
        assert frame["jobs_below_living_wage_pct", code] == published[code], code


def test_living_wage_zip_member_must_exist():
    release = sources()["living_wage"].releases[0]
    options = {**release.layout, "member": "Table 9.xls", "sheet": "All", "sex": "all"}
    with pytest.raises(SourceFormatError, match="zip member named 'Table 9.xls'"):
        ashe_geography.extract(mirror_file(LIVING_WAGE), {**options, "indicator": "{measure}"})


def _gender_pay_gap() -> pd.DataFrame:
    release = sources()["gender_pay_gap_published"].releases[0]
    table = release.files[0].tables[0]
    return gender_pay_gap_csv.extract(mirror_file(GENDER_PAY_GAP), _options(release, table))


def test_published_gender_pay_gap_copy_keeps_its_values_and_marks_na():
    frame = _gender_pay_gap()
    value = frame.set_index(["indicator_id", "geo_code"])["value"]
    assert value["gender_pay_gap_hourly_median_all_pct", "E12000001"] == 15  # "15" in the CSV
    assert value["gender_pay_gap_hourly_mean_all_pct", "E12000001"] == 10.6
    assert value["gender_pay_gap_hourly_median_ft_pct", "E12000001"] == 7
    assert (frame["status"] == "x").sum() == Path(mirror_file(GENDER_PAY_GAP)).read_text().count(
        ",NA,"
    )
    assert set(frame["period"]) == {"2022"}
    assert frame["geo_code"].nunique() == 83
