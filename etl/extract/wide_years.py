"""ONS 'accessible' tables: a few id columns, then one column per year.

Serves the all-ITL GVA-by-industry tables, the local-authority GVA workbooks and the per-head
workbook. Which id columns a release has, and any codes a spreadsheet mangled, are data in the
source's YAML, not branches here. Cells are parsed a whole block at a time (``parse_values``):
the tables hold about two million cells.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS
from etl.extract.cells import as_text, as_year, locate_header, parse_values, read_rows

ROLES = {"geo_code", "geo_name", "industry_code", "industry_name", "ignore"}


def extract(path: Path, options: dict) -> pd.DataFrame:
    sheet = options.get("sheet")
    columns: list[list[str]] = options["columns"]
    roles = [role for _, role in columns]
    if not set(roles) <= ROLES or "geo_code" not in roles:
        raise ValueError(f"bad column roles for {path.name}: {roles}")
    repairs: dict[str, str] = options.get("code_repairs", {})

    rows = read_rows(path, sheet)
    header_index = locate_header(rows, [name for name, _ in columns], path=path, sheet=sheet)
    header = rows[header_index]
    years = {i: as_year(cell) for i, cell in enumerate(header) if i >= len(columns)}
    years = {i: y for i, y in years.items() if y is not None}
    if not years:
        raise SourceFormatError(
            path,
            "year columns (e.g. '1998') after the id columns",
            sheet=sheet,
            row=header_index + 1,
            found=[as_text(c) for c in header],
        )

    first_row = header_index + 2  # 1-based number of the first data row, as a spreadsheet shows it
    body = _table_body(rows[header_index + 1 :])
    if not body:
        raise SourceFormatError(path, "at least one data row", sheet=sheet, row=first_row)
    width = max(max(years), len(columns) - 1) + 1
    short = next((k for k, row in enumerate(body) if len(row) < width), None)
    if short is not None:  # a CSV cut off mid-row, or a row that lost its cells
        raise SourceFormatError(
            path,
            f"{width} cells, as the header has up to year {years[width - 1]}",
            sheet=sheet,
            row=first_row + short,
            found=f"{len(body[short])} cells",
        )
    grid = np.empty((len(body), width), dtype=object)  # rows x columns, filled in one pass
    grid[:] = [row[:width] for row in body]
    ids = {
        role: np.array([_text(c) for c in grid[:, i]], dtype=object)
        for i, role in enumerate(roles)
        if role != "ignore"
    }
    missing_code = np.flatnonzero(ids["geo_code"] == "")
    checked = int(missing_code[0]) if len(missing_code) else len(body)

    # Cells of every data row above the first row without an area code, row by row, year by year.
    year_columns = list(years)
    cells = grid[:checked, year_columns]
    row_numbers = np.repeat(np.arange(first_row, first_row + checked), len(year_columns))
    labels = np.tile(np.array([str(years[i]) for i in year_columns], dtype=object), checked)
    values, statuses = parse_values(
        cells.ravel(), path=path, sheet=sheet, rows=row_numbers, columns=labels
    )
    if checked < len(body):
        raise SourceFormatError(
            path, "an area code", sheet=sheet, row=first_row + checked, found=""
        )

    if "industry_code" in ids:
        industries = np.array([repairs.get(c, c) for c in ids["industry_code"]], dtype=object)
    else:
        industries = np.full(len(body), "Total", dtype=object)
    industry_names = (
        dict(zip(industries, ids["industry_name"], strict=True)) if "industry_name" in ids else {}
    )
    year_numbers = np.array([years[i] for i in year_columns])
    count = len(body) * len(year_numbers)
    starts = (year_numbers - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    frame = pd.DataFrame(
        {
            "indicator_id": _repeat([options["indicator"]], count),
            "geo_code": _repeat(ids["geo_code"], len(year_numbers)),
            "industry_code": _repeat(industries, len(year_numbers)),
            "sex": _repeat(["all"], count),
            "period": _tile(year_numbers.astype(str), len(body)),
            "period_start": np.tile(starts, len(body)),
            "value": values,
            "lci_95": np.full(count, np.nan),
            "uci_95": np.full(count, np.nan),
            "status": pa.array(statuses, type=pa.string()).to_pandas(),
        },
        columns=OBSERVATION_COLUMNS,
    )
    frame.attrs["industry_names"] = industry_names
    return frame


def _table_body(rows: list[list[object]]) -> list[list[object]]:
    """The data rows under the header: the table ends at the first empty row."""
    for index, row in enumerate(rows):
        if not any(_text(c) for c in row):
            return rows[:index]
    return rows


def _text(cell: object) -> str:
    """``as_text``, quicker for the text cells that most id columns hold."""
    return cell.strip() if type(cell) is str else as_text(cell)


# Text columns hold a few hundred codes repeated over hundreds of thousands of rows: built as Arrow
# dictionaries and decoded to pandas' (Arrow-backed) string columns, without a Python object each.
def _strings(codes: np.ndarray, labels: np.ndarray) -> pd.Series:
    dictionary = pa.DictionaryArray.from_arrays(
        pa.array(codes, type=pa.int32()), pa.array(labels, type=pa.string())
    )
    return dictionary.dictionary_decode().to_pandas()


def _repeat(labels, times: int) -> pd.Series:
    """Each label ``times`` times over, in order (a, a, b, b)."""
    codes, uniques = pd.factorize(np.asarray(labels, dtype=object))
    return _strings(np.repeat(codes, times), uniques)


def _tile(labels, times: int) -> pd.Series:
    """The whole sequence of labels ``times`` times over (a, b, a, b)."""
    codes, uniques = pd.factorize(np.asarray(labels, dtype=object))
    return _strings(np.tile(codes, times), uniques)
