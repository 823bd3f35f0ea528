"""BEIS 'UK local authority greenhouse gas emissions 2005 to 2020', sheet 1_2: territorial CO2
by local authority and year, one column per sector, total, population and per-person figure.

Local authorities carry a GSS code. Aggregate rows carry only a name: regions and nations
('North East Total', 'Wales Total'), resolved through the area names of the alias table, and
the rows the source's YAML names in ``aggregates``: names mapped explicitly ('National Total')
and rows not loaded, each with the reason. Any other row without a code fails loudly.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from etl.errors import SourceFormatError
from etl.extract import annual_totals
from etl.extract.areas import area_frame
from etl.extract.cells import as_text, as_year, locate_header, parse_value, read_rows
from etl.extract.els_tidy import name_to_code

ID_COLUMNS = ["Region/Country", "Second Tier Authority", "Local Authority", "Local Authority Code"]
YEAR_COLUMN = "Calendar Year"


def extract(path: Path, options: dict) -> pd.DataFrame:
    sheet, label = options["sheet"], options["column"]
    rows = _rows(path, sheet)
    header_index = locate_header(rows, [*ID_COLUMNS, YEAR_COLUMN], path=path, sheet=sheet)
    header = [as_text(c) for c in rows[header_index]]
    if label not in header:
        raise SourceFormatError(
            path, f"a column named '{label}'", sheet=sheet, row=header_index + 1, found=header
        )
    column = header.index(label)
    aggregates = options["aggregates"]
    not_loaded = {name for names in aggregates["not_loaded"].values() for name in names}

    records, names = [], {}
    for offset, row in enumerate(rows[header_index + 1 :]):
        number = header_index + 2 + offset
        name, code = as_text(row[2]), as_text(row[3])
        if not code:
            if name in not_loaded:
                continue
            code = _aggregate_code(name, aggregates, path, sheet, number)
        else:
            names[code] = name
        year = as_year(row[4])
        if year is None:
            raise SourceFormatError(path, "a calendar year", sheet=sheet, row=number, found=row[4])
        value, status = parse_value(row[column], path=path, sheet=sheet, row=number, column=label)
        records.append((code, year, value, status))
    if not records:
        raise SourceFormatError(path, "at least one data row", sheet=sheet, row=header_index + 2)

    frame = annual_totals(records, options["indicator"])
    frame.attrs["areas"] = area_frame(names)
    return frame


def _aggregate_code(name: str, aggregates: dict, path: Path, sheet: str, row: int) -> str:
    """The area code of a code-less total row, by its name without the ' Total' suffix or by the
    name the YAML gives it."""
    known = name_to_code()
    alias = aggregates["names"].get(name, name.removesuffix(aggregates["suffix"]))
    if alias not in known:
        raise SourceFormatError(
            path,
            "an area code, a region or nation total, or a row named in the source's aggregates",
            sheet=sheet,
            row=row,
            found=name,
        )
    return known[alias]


@lru_cache(maxsize=1)
def _rows(path: Path, sheet: str) -> list[list[object]]:
    """The sheet's rows; cached because one sheet serves several indicators in turn."""
    return read_rows(path, sheet)
