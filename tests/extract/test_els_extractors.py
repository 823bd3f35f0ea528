"""Explore Local Statistics tidy CSVs (latest and 2023 'IDS' layouts) and the BEIS CO2 workbook,
on the real ONS files. Skipped without the mirror."""

import csv
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from etl.catalogue import indicators, sources
from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS, co2_2020, els_tidy
from tests.conftest import mirror_file, requires_mirror

pytestmark = requires_mirror
EXTRACTORS = {"els_tidy": els_tidy, "co2_2020": co2_2020}
WELLBEING_LATEST = "els_latest/personal-wellbeing-estimates.csv"
WELLBEING_IDS = "els_2023-03_levelling_up_IDS/3_2023_Life satisfaction_IDS.csv"
GDHI_LATEST = "els_latest/gross-disposable-household-income-per-head.csv"
GDHI_IDS = "els_2023-03_levelling_up_IDS/3_2023_Gross disposable household income per head_IDS.csv"
CO2_WORKBOOK = "emissions_desnz/UK-local-authority-ghg-emissions-2020.xlsx"
LEEDS = "E08000035"


def _tables():
    for source in (s for s in sources().values() if s.extractor in EXTRACTORS):
        for release in source.releases:
            for file in release.files:
                for table in file.tables:
                    yield pytest.param(
                        source,
                        release,
                        file,
                        table,
                        id=f"{release.release_id}:{Path(file.path).name}:{table.indicator}",
                    )


def _options(source_id: str, path: str, indicator: str, select: str | None = None) -> dict:
    """The options the build passes for one declared table."""
    for release in sources()[source_id].releases:
        for file in release.files:
            for table in file.tables:
                if file.path == path and table.indicator == indicator:
                    if select in (None, table.options.get("select")):
                        return {**release.layout, **table.options, "indicator": indicator}
    raise LookupError(f"{source_id} declares no table {indicator} in {path}")


def _extract(source_id: str, path: str, indicator: str, select: str | None = None):
    module = EXTRACTORS[sources()[source_id].extractor]
    return module.extract(mirror_file(path), _options(source_id, path, indicator, select))


def _published(path: str, **where: str) -> dict:
    """The one row of a published CSV whose columns equal ``where``."""
    with mirror_file(path).open(encoding="utf-8-sig", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if all(r[k] == v for k, v in where.items())]
    assert len(rows) == 1, where
    return rows[0]


def _one(frame, **where):
    rows = frame
    for column, value in where.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, where
    return rows.iloc[0]


@pytest.mark.parametrize(("source", "release", "file", "table"), list(_tables()))
def test_every_declared_table_extracts(source, release, file, table):
    options = {**release.layout, **table.options, "indicator": table.indicator}
    frame = EXTRACTORS[source.extractor].extract(mirror_file(file.path), options)
    assert list(frame.columns) == OBSERVATION_COLUMNS
    assert len(frame) > 1000
    assert (frame["indicator_id"] == table.indicator).all()
    assert table.indicator in indicators()
    # a missing value always carries a status; a status never comes with a value or a zero
    assert (frame["value"].isna() == frame["status"].notna()).all()
    assert not frame.duplicated(["geo_code", "sex", "period"]).any()
    areas = frame.attrs["areas"]
    assert set(areas["geo_code"]) <= set(frame["geo_code"])  # only areas loaded
    assert areas["geo_level"].notna().all() and not areas["geo_code"].duplicated().any()


def test_every_published_row_is_loaded_or_a_repeat_of_a_region():
    """Nothing is dropped: the latest GDHI file gives 17,442 rows, of which the 351 regions and
    nations under their GSS code repeat the ITL1 rows (same figures) and are loaded once."""
    with mirror_file(GDHI_LATEST).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    repeats = [r for r in rows if r["geography"] in ("Region", "Nation")]
    frame = _extract("gdhi", GDHI_LATEST, "gdhi_per_head_gbp")
    assert len(frame) == len(rows) - len(repeats) == 17_091
    assert not frame["geo_code"].str.match("E12|E92|W92|S92|N92").any()
    north_east = frame[(frame["geo_code"] == "TLC") & (frame["period"] == "2023")]
    assert north_east["value"].tolist() == [19_977.0]


def test_life_satisfaction_of_a_local_authority_matches_the_published_cells():
    frame = _extract("personal_wellbeing", WELLBEING_LATEST, "life_satisfaction_mean")
    cell = _published(
        WELLBEING_LATEST, areacd=LEEDS, indicator="Satisfaction", period="2022-04-01/P1Y"
    )
    row = _one(frame, geo_code=LEEDS, period="2022/23")
    assert row["value"] == float(cell["observation"])
    assert (row["lci_95"], row["uci_95"]) == (float(cell["lci_95"]), float(cell["uci_95"]))
    assert (row["value"], row["lci_95"], row["uci_95"]) == (7.46, 7.28, 7.65)  # read by hand
    assert row["period_start"] == dt.date(2022, 4, 1)


def test_ids_vintage_uses_the_same_period_labels_and_maps_spelled_out_suppression():
    frame = _extract("personal_wellbeing", WELLBEING_IDS, "life_satisfaction_mean")
    cell = _published(WELLBEING_IDS, AREACD=LEEDS, Period="202122")
    row = _one(frame, geo_code=LEEDS, period="2021/22")
    assert row["value"] == float(cell["Value"]) == 7.54
    assert (row["lci_95"], row["uci_95"]) == (7.36, 7.72)
    suppressed = _one(frame, geo_code="E11000007", period="2018/19")
    assert suppressed["status"] == "u"
    assert pd.isna(suppressed["value"]) and pd.isna(suppressed["lci_95"])
    assert (frame["status"] == "u").sum() == 83
    latest = _extract("personal_wellbeing", WELLBEING_LATEST, "life_satisfaction_mean")
    assert set(frame["period"]) < set(latest["period"])  # 2011/12 .. 2021/22 vs .. 2022/23


def test_gdhi_of_a_region_matches_the_published_cells_in_both_vintages():
    latest = _extract("gdhi", GDHI_LATEST, "gdhi_per_head_gbp")
    older = _extract("gdhi", GDHI_IDS, "gdhi_per_head_gbp")
    cell = _published(GDHI_LATEST, areacd="TLC", period="2020-01-01/P1Y")
    assert _one(latest, geo_code="TLC", period="2020")["value"] == float(cell["observation"])
    ids_cell = _published(GDHI_IDS, AREACD="E12000001", Period="2020")
    assert _one(older, geo_code="E12000001", period="2020")["value"] == float(ids_cell["Value"])
    assert float(ids_cell["Value"]) == 17_416
    assert older["lci_95"].isna().all()  # the IDS file's 'na' intervals are NULL


def test_gdhi_revision_is_visible_between_vintages():
    latest = _extract("gdhi", GDHI_LATEST, "gdhi_per_head_gbp")
    older = _extract("gdhi", GDHI_IDS, "gdhi_per_head_gbp")
    assert _one(older, geo_code="K02000001", period="1997")["value"] == 10_757
    assert _one(latest, geo_code="K02000001", period="1997")["value"] == 10_596


def test_periods_are_labelled_alike_across_layouts():
    hle = _extract(
        "healthy_life_expectancy",
        "els_latest/healthy-life-expectancy.csv",
        "healthy_life_expectancy_years",
        "Female healthy life expectancy",
    )
    assert set(hle["sex"]) == {"female"}
    assert {"2011-13", "2022-24"} <= set(hle["period"])
    pay = _extract(
        "median_weekly_pay", "els_latest/gross-median-weekly-pay.csv", "median_weekly_pay_gbp"
    )
    uk = _one(pay, geo_code="K02000001", period="2025")
    assert (uk["value"], uk["lci_95"], uk["period_start"]) == (642.5, 641.2407, dt.date(2025, 4, 1))


def test_source_areas_carry_their_level():
    frame = _extract("gdhi", GDHI_LATEST, "gdhi_per_head_gbp")
    levels = frame.attrs["areas"].set_index("geo_code")["geo_level"]
    assert levels["E47000001"] == "CAUTH"
    assert levels["E10000003"] == "CTYUA"
    assert levels["TLC31"] == "ITL3" and levels["TLH5"] == "ITL2"
    assert levels["K03000001"] == "Other"
    gva = _extract("gva_per_hour", "els_latest/gross-value-added.csv", "gva_per_hour_worked_gbp")
    assert "UKX" in set(gva["geo_code"]) and "K99000002" not in set(gva["geo_code"])


def test_co2_workbook_loads_regions_by_name_and_matches_published_cells():
    frame = _extract("co2_emissions_2020", CO2_WORKBOOK, "co2_emissions_per_person_t")
    assert _one(frame, geo_code="E06000005", period="2005")["value"] == pytest.approx(8.434309)
    assert _one(frame, geo_code="TLI", period="2020")["value"] == pytest.approx(2.885407)
    assert _one(frame, geo_code="UK", period="2020")["value"] == pytest.approx(4.561525)
    assert frame["geo_code"].nunique() == 374 + 14  # authorities, 12 ITL1, England, UK


def test_co2_rows_without_a_code_must_be_declared():
    options = _options("co2_emissions_2020", CO2_WORKBOOK, "co2_emissions_kt")
    declared = options["aggregates"]["not_loaded"]
    options["aggregates"] = {**options["aggregates"], "not_loaded": {k: [] for k in declared}}
    with pytest.raises(SourceFormatError, match="Cheshire Total"):
        co2_2020.extract(mirror_file(CO2_WORKBOOK), options)


def test_co2_and_greenhouse_gas_series_never_share_an_indicator():
    declared = {
        s.id: {t.indicator for r in s.releases for f in r.files for t in f.tables}
        for s in sources().values()
    }
    co2, ghg = declared["co2_emissions_2020"], declared["greenhouse_gas_emissions"]
    assert co2 and ghg and not co2 & ghg
    assert all(i.startswith("co2_") for i in co2) and ghg == {"ghg_emissions_per_person_t"}
    assert all(indicators()[i]["sources"] == ["co2_emissions_2020"] for i in co2)


def test_a_new_indicator_in_the_file_fails_loudly():
    options = _options("personal_wellbeing", WELLBEING_LATEST, "anxiety_mean")
    options["expect_indicators"] = ["Anxiety", "Happiness", "Worthwhile"]
    with pytest.raises(SourceFormatError, match="Satisfaction"):
        els_tidy.extract(mirror_file(WELLBEING_LATEST), options)
