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
from etl.extract.cells import (
    as_text,
    as_texts,
    as_year,
    locate_header,
    parse_values,
    read_rows,
)
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

    body = rows[header_index + 1 :]
    first_row = header_index + 2
    years = _years([row[4] for row in body])
    loaded, codes, names, error = _areas(
        body, years, aggregates, not_loaded, path, sheet, first_row
    )
    values, statuses = parse_values(
        [body[k][column] for k in loaded],
        path=path,
        sheet=sheet,
        where=lambda i: (first_row + loaded[i], label),
    )
    if error is not None:  # raised after the values above it, as a row-by-row reading would
        raise error
    if not loaded:
        raise SourceFormatError(path, "at least one data row", sheet=sheet, row=header_index + 2)

    years = [years[k] for k in loaded]
    records = list(zip(codes, years, values.tolist(), statuses, strict=True))
    frame = annual_totals(records, options["indicator"])
    frame.attrs["areas"] = area_frame(names)
    return frame


def _areas(
    body: list[list[object]],
    years: list[int | None],
    aggregates: dict,
    not_loaded: set[str],
    path: Path,
    sheet: str,
    first_row: int,
) -> tuple[list[int], list[str], dict[str, str], SourceFormatError | None]:
    """(rows loaded, their area codes, name of each local authority code, the error of the first
    row that is wrong or None), given each row's year. Rows named as not loaded are skipped; the
    reading stops at the first row without a known area or a calendar year."""
    loaded, codes, names = [], [], {}
    names_codes = zip(
        as_texts(row[2] for row in body), as_texts(row[3] for row in body), strict=True
    )
    for k, ((name, code), year) in enumerate(zip(names_codes, years, strict=True)):
        number = first_row + k
        if not code:
            if name in not_loaded:
                continue
            try:
                code = _aggregate_code(name, aggregates, path, sheet, number)
            except SourceFormatError as error:
                return loaded, codes, names, error
        else:
            names[code] = name
        if year is None:
            error = SourceFormatError(
                path, "a calendar year", sheet=sheet, row=number, found=body[k][4]
            )
            return loaded, codes, names, error
        loaded.append(k)
        codes.append(code)
    return loaded, codes, names, None


def _years(cells: list[object]) -> list[int | None]:
    """``as_year`` of each cell of the year column, worked out once for each distinct cell."""
    year_of = {(type(cell), cell): None for cell in cells}
    for key in year_of:
        year_of[key] = as_year(key[1])
    return [year_of[type(cell), cell] for cell in cells]


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
