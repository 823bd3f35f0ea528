"""ONS 'accessible' tables: a few id columns, then one column per year.

Serves the all-ITL GVA-by-industry tables, the local-authority GVA workbooks and the per-head
workbook. Which id columns a release has, and any codes a spreadsheet mangled, are data in the
source's YAML, not branches here. Cells are parsed a whole block at a time (``parse_values``):
the tables hold about two million cells.
"""

from __future__ import annotations

from itertools import chain
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd

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
    position = {role: i for i, role in enumerate(roles)}
    codes = _texts(body, position["geo_code"])
    checked = codes.index("") if "" in codes else len(body)  # rows up to the first without a code

    # Cells of every data row above the first row without an area code, row by row, year by year.
    year_columns = list(years)
    cells = _cells(body[:checked], year_columns)
    n_years = len(year_columns)
    values, statuses = parse_values(
        cells,
        path=path,
        sheet=sheet,
        where=lambda i: (first_row + i // n_years, str(years[year_columns[i % n_years]])),
    )
    if checked < len(body):
        raise SourceFormatError(
            path, "an area code", sheet=sheet, row=first_row + checked, found=""
        )

    industries = (
        _texts(body, position["industry_code"])
        if "industry_code" in position
        else ["Total"] * len(body)
    )
    industry_names = (
        _names(_repaired(industries, repairs), body, position["industry_name"])
        if "industry_name" in position
        else {}
    )
    year_numbers = np.array([years[i] for i in year_columns])
    count = len(body) * n_years
    starts = (year_numbers - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    frame = pd.DataFrame(
        {
            "indicator_id": _repeat([options["indicator"]], count),
            "geo_code": _repeat(codes, n_years),
            "industry_code": _repeat(industries, n_years, repairs),
            "sex": _repeat(["all"], count),
            "period": _tile(year_numbers.astype(str), len(body)),
            "period_start": np.tile(starts, len(body)),
            "value": values,
            "lci_95": np.full(count, np.nan),
            "uci_95": np.full(count, np.nan),
            "status": pd.Categorical(statuses),
        },
        columns=OBSERVATION_COLUMNS,
    )
    frame.attrs["industry_names"] = industry_names
    return frame


def _table_body(rows: list[list[object]]) -> list[list[object]]:
    """The data rows under the header: the table ends at the first empty row."""
    for index, row in enumerate(rows):
        first = row[0] if row else ""
        if type(first) is str and not first.strip() and not any(map(_text, row)):
            return rows[:index]  # (a row whose first cell holds something is not empty)
    return rows


def _text(cell: object) -> str:
    """``as_text``, quicker for the text cells that most id columns hold."""
    return cell.strip() if type(cell) is str else as_text(cell)


def _texts(rows: list[list[object]], column: int) -> list[str]:
    """One column of every row, as text (``_text`` written out: this runs for every row)."""
    return [c.strip() if type(c) is str else as_text(c) for c in map(itemgetter(column), rows)]


def _names(codes: list[str], rows: list[list[object]], column: int) -> dict[str, str]:
    """Each code's name, from the last row that gives the code."""
    last = dict(zip(codes, map(itemgetter(column), rows), strict=True))
    return {code: _text(name) for code, name in last.items()}


def _cells(rows: list[list[object]], columns: list[int]) -> list[object]:
    """The cells of ``columns`` in every row, row by row, as one flat list."""
    pick = itemgetter(*columns)  # one column gives the cell itself, several give a tuple
    return (
        list(map(pick, rows)) if len(columns) == 1 else list(chain.from_iterable(map(pick, rows)))
    )


def _repaired(labels: list[str], repairs: dict[str, str]) -> list[str]:
    return [repairs.get(label, label) for label in labels] if repairs else labels


# Text columns hold a few hundred codes repeated over hundreds of thousands of observations: they
# become categoricals (codes and labels), without a Python string for each observation. Labels are
# sorted and ordered, so that sorting, min and max give what they give on text.
def _factorized(labels, repairs: dict[str, str]) -> tuple[np.ndarray, np.ndarray]:
    """(codes, labels): labels factorized, with spreadsheet-mangled codes repaired."""
    labels = np.asarray(labels, dtype=object)
    if repairs:  # repaired once per distinct label; a repaired code may equal one already present
        codes, uniques = pd.factorize(labels)
        labels = np.asarray(_repaired(list(uniques), repairs), dtype=object)[codes]
    return pd.factorize(labels, sort=True)


def _repeat(labels, times: int, repairs: dict[str, str] | None = None) -> pd.Categorical:
    """Each label ``times`` times over, in order (a, a, b, b)."""
    codes, uniques = _factorized(labels, repairs or {})
    return pd.Categorical.from_codes(np.repeat(codes, times), uniques, ordered=True)


def _tile(labels, times: int) -> pd.Categorical:
    """The whole sequence of labels ``times`` times over (a, b, a, b)."""
    codes, uniques = _factorized(labels, {})
    return pd.Categorical.from_codes(np.tile(codes, times), uniques, ordered=True)
