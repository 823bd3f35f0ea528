"""Extractors on the real ONS files, both vintages where two exist. Skipped without the mirror."""

from pathlib import Path

import pytest

from etl.catalogue import sources
from etl.extract import OBSERVATION_COLUMNS, wide_years
from tests.conftest import mirror_file, requires_mirror

pytestmark = requires_mirror


def _tables():
    for source in (s for s in sources().values() if s.extractor == "wide_years"):
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


@pytest.mark.parametrize(("source", "release", "file", "table"), list(_tables()))
def test_every_declared_table_extracts(source, release, file, table):
    options = {**release.layout, **table.options, "indicator": table.indicator}
    if table.sheet:
        options["sheet"] = table.sheet
    frame = wide_years.extract(mirror_file(file.path), options)
    assert list(frame.columns) == OBSERVATION_COLUMNS
    assert len(frame) > 1000
    assert (frame["indicator_id"] == table.indicator).all()
    # a missing value always carries a status, and no status is ever turned into zero
    assert (frame["value"].isna() == frame["status"].notna()).all()


def _extract(path: str, indicator: str, columns, **options):
    return wide_years.extract(
        mirror_file(path), {"indicator": indicator, "columns": columns, **options}
    )


ITL_2023 = [
    ["ITL region code", "geo_code"],
    ["ITL region name", "geo_name"],
    ["SIC07 code", "industry_code"],
    ["SIC07 description", "industry_name"],
]


def test_itl1_current_prices_match_published_cells():
    frame = _extract(
        "gva/derived_csv_2023-04/Table 1c ITL1 UK current price estimates pounds million.csv",
        "gva_cp_gbp_m",
        ITL_2023,
    )
    value = frame.set_index(["geo_code", "industry_code", "period"])["value"]
    assert value["UK", "Total", "1998"] == 900_616  # "900,616" in the file
    assert value["UK", "A (1-3)", "1998"] == 9_358
    assert set(frame["geo_code"]) >= {"TLC", "TLN", "UK", "UKX", "TLZ"}


def test_2024_vintage_repairs_codes_a_spreadsheet_turned_into_dates():
    frame = _extract(
        "gva/derived_csv_2024-04/Table 2c ITL2 current price estimates pounds million 2024.csv",
        "gva_cp_gbp_m",
        [
            ["ITL code", "geo_code"],
            ["Region name", "geo_name"],
            ["SIC07 code", "industry_code"],
            ["SIC07 description", "industry_name"],
        ],
        code_repairs={"02-Mar": "2-3", "11-Dec": "11-12"},
    )
    codes = set(frame["industry_code"])
    assert {"2-3", "11-12"} <= codes and not {"02-Mar", "11-Dec"} & codes
    assert frame["period"].max() == "2022"


def test_local_authority_workbook_keeps_confidential_cells_as_status():
    frame = _extract(
        "gva/lad_by_itl1_2023-04/regionalgrossvalueaddedbalancedbyindustrylocalauthoritiestlksouthwest.xlsx",
        "gva_cp_gbp_m",
        [
            ["ITL1 region", "ignore"],
            ["LAD code", "geo_code"],
            ["LA name", "geo_name"],
            ["SIC07", "industry_code"],
            ["SIC07 description", "industry_name"],
        ],
        sheet="Current Price",
    )
    confidential = frame[frame["status"] == "c"]
    assert len(confidential) > 0 and confidential["value"].isna().all()
    assert "41" in set(frame["industry_code"])  # stored as the number 41.0, read as a code
    assert frame["geo_code"].nunique() == 30


def test_per_head_workbook_table_2_north_east_2021():
    frame = _extract(
        "gva/regionalgrossvalueaddedbalancedperheadandincomecomponents.xlsx",
        "gva_per_head_gbp",
        [["ITL", "ignore"], ["ITL code", "geo_code"], ["Region name", "geo_name"]],
        sheet="Table 2",
    )
    value = frame.set_index(["geo_code", "period"])["value"]
    assert value["TLC", "2021"] == 21_340 and value["TLI", "2021"] == 55_412
