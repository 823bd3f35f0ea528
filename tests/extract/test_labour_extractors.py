"""Employment, productivity and population extractors on the real ONS files, both JOBS05
editions. Skipped without the mirror."""

from pathlib import Path

import pytest

from etl.catalogue import sources
from etl.extract import (
    OBSERVATION_COLUMNS,
    hi11,
    itl_productivity,
    jobs05,
    nomis_population,
    wide_years,
)
from etl.extract.cells import as_text, read_rows
from tests.conftest import mirror_file, requires_mirror

pytestmark = requires_mirror
JOBS05_2018 = "employment/UK Labour Productivity - Jobs in Regions by Industry.xls"
JOBS05_2021 = "employment/jobs05sep2021.xls"
HI11 = "employment/Regional Labour Market - Scotland.xls"
PRODUCTIVITY = "productivity/itlproductivity.xlsx"
SECTIONS = list("ABCDEFGHIJKLMNOPQRST")
EXTRACTORS = {
    "jobs05": jobs05,
    "hi11": hi11,
    "itl_productivity": itl_productivity,
    "nomis_population": nomis_population,
    "wide_years": wide_years,
}
MINE = ["jobs05", "hi11_scotland", "itl_productivity", "population_itl", "population_lad"]


def _tables():
    for source_id in [*MINE, "population_nomis"]:
        source = sources()[source_id]
        for release in source.releases:
            for file in release.files:
                for table in file.tables:
                    yield pytest.param(
                        source,
                        release,
                        file,
                        table,
                        id=f"{release.release_id}:{Path(file.path).name}:{table.sheet}",
                    )


def _options(release, table) -> dict:
    options = {**release.layout, **table.options, "indicator": table.indicator}
    if table.sheet:
        options["sheet"] = table.sheet
    return options


@pytest.mark.parametrize(("source", "release", "file", "table"), list(_tables()))
def test_every_declared_table_extracts(source, release, file, table):
    extractor = EXTRACTORS[source.extractor]
    frame = extractor.extract(mirror_file(file.path), _options(release, table))
    assert list(frame.columns) == OBSERVATION_COLUMNS
    assert len(frame) > 400
    assert (frame["indicator_id"] == table.indicator).all()
    assert (frame["value"].isna() == frame["status"].notna()).all()
    assert not frame.duplicated(["geo_code", "industry_code", "sex", "period"]).any()


def _jobs05(path: str, sheet: str, geo_code: str = "K02000001"):
    return jobs05.extract(
        mirror_file(path),
        {
            "sheet": sheet,
            "indicator": "workforce_jobs_thousands",
            "geo_code": geo_code,
            "industry_recode": {"A-T": "Total"},
        },
    )


@pytest.mark.parametrize(
    ("path", "quarters", "first", "last"),
    [(JOBS05_2018, 91, "1996-Q1", "2018-Q3"), (JOBS05_2021, 102, "1996-Q1", "2021-Q2")],
)
def test_jobs05_editions_read_every_quarter_and_no_footnote(path, quarters, first, last):
    frame = _jobs05(path, "15. United Kingdom")
    assert frame["period"].nunique() == quarters  # footnotes below the data add no period
    assert frame["period"].min() == first and frame["period"].max() == last
    assert set(frame["industry_code"]) == set(SECTIONS) | {"G-T", "Total"}
    assert frame["status"].isna().all()


@pytest.mark.parametrize("path", [JOBS05_2018, JOBS05_2021])
def test_jobs05_values_equal_the_published_cells(path):
    rows = read_rows(mirror_file(path), "12. Scotland")
    header = [as_text(c) for c in rows[5]]
    frame = _jobs05(path, "12. Scotland", "S92000003")
    value = frame.set_index(["industry_code", "period"])["value"]
    data = [r for r in rows[6:] if jobs05.quarter(r[0])]
    assert len(data) == frame["period"].nunique()
    for row in data:
        period = jobs05.quarter(row[0])[0]
        for code in ["A", "Q", "G-T", "A-T"]:
            assert value["Total" if code == "A-T" else code, period] == row[header.index(code)]


def test_jobs05_literals_read_from_both_editions():
    dec2018 = _jobs05(JOBS05_2018, "15. United Kingdom").set_index(["industry_code", "period"])
    sep2021 = _jobs05(JOBS05_2021, "15. United Kingdom").set_index(["industry_code", "period"])
    assert dec2018.loc[("Total", "2018-Q3"), "value"] == 35_133  # 'Sep 18 (p)'
    assert sep2021.loc[("Total", "2020-Q1"), "value"] == 35_633  # 'Mar 20 4 (r)'
    assert sep2021.loc[("Total", "2021-Q2"), "value"] == 34_802  # 'Jun 21 (p)'
    assert sep2021.loc[("A", "1996-Q1"), "value"] == 468  # date serial 35125
    north_east = _jobs05(JOBS05_2018, "1. North East", "E12000001")
    assert (
        north_east.set_index(["industry_code", "period"]).loc[("Total", "1996-Q1"), "value"] == 1078
    )


@pytest.mark.parametrize("path", [JOBS05_2018, JOBS05_2021])
@pytest.mark.parametrize("sheet", ["1. North East", "7. London", "13. Northern Ireland"])
def test_jobs05_sections_sum_to_all_industries_within_rounding(path, sheet):
    frame = _jobs05(path, sheet, "x")
    wide = frame.pivot(index="period", columns="industry_code", values="value")
    gap = (wide[SECTIONS].sum(axis=1) - wide["Total"]).abs()
    assert (gap <= 0.5 * len(SECTIONS)).all(), gap.max()
    services = (wide[SECTIONS[6:]].sum(axis=1) - wide["G-T"]).abs()
    assert (services <= 0.5 * 14).all()


def _hi11(heading: str):
    return hi11.extract(
        mirror_file(HI11),
        {
            "sheet": "1",
            "block": "All aged 16 to 64",
            "heading": heading,
            "indicator": "x",
            "geo_code": "S92000003",
        },
    )


def test_hi11_reads_people_men_and_women_to_the_last_published_quarter():
    frame = _hi11("Employment rate (%)")
    counts = frame.groupby("sex")["period"].agg(["count", "first", "last"])
    assert counts["count"].to_dict() == {"all": 319, "female": 319, "male": 319}
    assert set(counts["first"]) == {"Mar-May 1992"} and set(counts["last"]) == {"Sep-Nov 2018"}
    value = frame.set_index(["sex", "period"])["value"]
    assert value["all", "Sep-Nov 2018"] == pytest.approx(75.25, abs=0.005)  # published as 75.3
    assert value["female", "Nov-Jan 1993"] == pytest.approx(59.98, abs=0.005)


def test_hi11_values_equal_the_published_cells():
    rows = read_rows(mirror_file(HI11), "1")
    start = next(i for i, r in enumerate(rows) if as_text(r[2]).startswith("All aged 16 to 64"))
    people = [r for r in rows[start:] if hi11.rolling_quarter(r[1]) and r[18] != ""]
    inactivity = _hi11("Economic inactivity rate (%)").set_index(["sex", "period"])["value"]
    for row in people[:319]:
        assert inactivity["all", hi11.rolling_quarter(row[1])[0]] == row[18]


def _productivity(sheet: str, unit: str):
    return itl_productivity.extract(
        mirror_file(PRODUCTIVITY), {"sheet": sheet, "unit": unit, "indicator": "x"}
    )


@pytest.mark.parametrize("sheet", ["A1", "A2", "B1", "B2"])
def test_productivity_uk_index_is_100_and_areas_are_complete(sheet):
    frame = _productivity(sheet, "index")
    uk = frame[frame["geo_code"] == "UKX"]
    assert len(uk) >= 18 and (uk["value"] == 100).all()
    codes = set(frame["geo_code"])
    assert len([c for c in codes if c.startswith("TL") and len(c) == 3]) == 13  # 12 ITL1 + TLB
    assert len([c for c in codes if len(c) == 5]) == 179  # ITL3


def test_productivity_index_is_pounds_relative_to_the_uk():
    pounds = _productivity("A3", "£").set_index(["geo_code", "period"])["value"]
    index = _productivity("A1", "index").set_index(["geo_code", "period"])["value"]
    assert pounds["UKX", "2004"] == 25.53 and index["TLC", "2004"] == 88.91
    for code in ["TLC", "TLI", "TLN", "TLM61"]:
        for year in ["2004", "2021"]:
            ratio = 100 * pounds[code, year] / pounds["UKX", year]
            assert ratio == pytest.approx(index[code, year], abs=0.25)


def test_productivity_rejects_a_table_of_the_wrong_unit():
    with pytest.raises(Exception, match="'£' under each year"):
        _productivity("A1", "£")


def test_population_sources_agree_on_mid_2021_districts():
    lad = wide_years.extract(
        mirror_file("gva/lad_by_itl1_2023-04/populationestimatesbylocalauthority.xlsx"),
        {
            "sheet": "Data population",
            "indicator": "population_persons",
            "columns": [["Region Code", "geo_code"], ["Region name", "geo_name"]],
        },
    )
    assert lad["geo_code"].nunique() == 374  # the source footnote is not an area
    by_lad = lad.set_index(["geo_code", "period"])["value"]
    assert by_lad["E06000001", "1998"] == 89_753  # Hartlepool
    release = sources()["population_nomis"].releases[-1]
    nomis = nomis_population.extract(
        mirror_file("population/lad.csv"), _options(release, release.files[0].tables[0])
    )
    assert nomis["geo_code"].is_unique and len(nomis) == 416  # 428 areas less 12 regions
    by_area = nomis.set_index("geo_code")["value"]
    assert by_area["E47000001"] == 2_868_387  # Greater Manchester
    assert "N92000002" not in by_area.index
    districts = lad[lad["period"] == "2021"].set_index("geo_code")["value"]
    assert (by_area[districts.index] == districts).all()
    levels = nomis.attrs["areas"].set_index("geo_code")["geo_level"]
    assert levels["E47000001"] == "CAUTH" and levels["E10000003"] == "CTYUA"


def test_itl_population_2024_keeps_low_reliability_markers():
    frame = wide_years.extract(
        mirror_file(
            "gva/derived_csv_2024-04/Table 6 Total resident population numbers persons Apr2024.csv"
        ),
        {
            "indicator": "population_persons",
            "columns": [["ITL", "ignore"], ["ITL code", "geo_code"], ["Region name", "geo_name"]],
        },
    )
    value = frame.set_index(["geo_code", "period"])
    assert value.loc[("UK", "1998"), "value"] == 58_474_943
    marked = frame[frame["status"] == "u"]
    assert set(marked["period"]) == {"2022"} and "TLM6" in set(marked["geo_code"])
    assert marked["value"].isna().all()
