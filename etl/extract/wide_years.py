"""ONS 'accessible' tables: a few id columns, then one column per year.

Serves the all-ITL GVA-by-industry tables, the local-authority GVA workbooks and the per-head
workbook. Which id columns a release has, and any codes a spreadsheet mangled, are data in the
source's YAML, not branches here. Cells are parsed a whole block at a time (``parse_values``):
the tables hold about two million cells. A CSV copy is read column-wise (``read_csv_columns``)
when it is plainly rectangular and well formed; anything else is read row by row, which names the
first row that is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS
from etl.extract.cells import (
    as_text,
    as_year,
    locate_header,
    parse_values,
    read_csv_columns,
    read_rows,
)

ROLES = {"geo_code", "geo_name", "industry_code", "industry_name", "ignore"}
HEADER_SEARCH = 12  # rows searched for the header


def extract(path: Path, options: dict) -> pd.DataFrame:
    columns: list[list[str]] = options["columns"]
    roles = [role for _, role in columns]
    if not set(roles) <= ROLES or "geo_code" not in roles:
        raise ValueError(f"bad column roles for {path.name}: {roles}")
    if path.suffix.lower() == ".csv" and (cells := read_csv_columns(path)) is not None:
        try:
            return _from_columns(cells, path, options)
        except Exception:  # anything irregular: the row-by-row reading finds and names the error
            pass
    return _from_rows(path, options)


def _from_rows(path: Path, options: dict) -> pd.DataFrame:
    """The table read row by row, failing at the first row that is wrong."""
    sheet = options.get("sheet")
    columns: list[list[str]] = options["columns"]
    rows = read_rows(path, sheet)
    header_index = locate_header(
        rows, [name for name, _ in columns], path=path, sheet=sheet, search=HEADER_SEARCH
    )
    header = rows[header_index]
    years = _years(header, len(columns))
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
    position = {role: i for i, (_, role) in enumerate(columns)}
    codes = _texts(body, position["geo_code"])
    checked = codes.index("") if "" in codes else len(body)  # rows up to the first without a code

    # Cells of every data row above the first row without an area code, row by row, year by year.
    year_columns = list(years)
    values, statuses = parse_values(
        _cells(body[:checked], year_columns),
        path=path,
        sheet=sheet,
        where=_where(first_row, years),
    )
    if checked < len(body):
        raise SourceFormatError(
            path, "an area code", sheet=sheet, row=first_row + checked, found=""
        )
    column = {role: list(map(itemgetter(i), body)) for role, i in position.items()}
    return _frame(codes, column, years, values, statuses, options)


def _from_columns(cells: list[pa.Array], path: Path, options: dict) -> pd.DataFrame:
    """``_from_rows`` for a rectangular CSV file read column-wise (``read_csv_columns``): the
    same frame for a well-formed table; at anything irregular it raises without naming the row,
    and ``_from_rows`` reads the file again to name it."""
    columns: list[list[str]] = options["columns"]
    head = [[c[i].as_py() for c in cells] for i in range(min(len(cells[0]), HEADER_SEARCH))]
    header_index = locate_header(
        head, [name for name, _ in columns], path=path, sheet=None, search=HEADER_SEARCH
    )
    years = _years(head[header_index], len(columns))
    start = header_index + 1
    body = [c.slice(start) for c in cells]
    count = _table_length(body)
    position = {role: i for i, (_, role) in enumerate(columns)}
    column = {role: body[i].slice(0, count).to_pylist() for role, i in position.items()}
    codes = [code.strip() for code in column["geo_code"]]
    if not years or not count or "" in codes:
        raise _Irregular
    # The year cells column by column; their values are then put row by row, year by year.
    block = pa.concat_arrays([body[j].slice(0, count) for j in years])
    values, statuses = parse_values(block, path=path, sheet=None, where=lambda i: (0, ""))
    by_row = np.arange(len(block)).reshape(len(years), count).T.ravel()
    return _frame(codes, column, years, values[by_row], statuses[by_row], options)


class _Irregular(Exception):
    """Something that ``_from_columns`` leaves to ``_from_rows``, which names the row."""


def _table_length(body: list[pa.Array]) -> int:
    """Rows of the table under the header: it ends at the first empty row (``_table_body``)."""
    first = body[0].to_pylist()
    for index in (k for k, cell in enumerate(first) if not cell.strip()):
        if not any(c[index].as_py().strip() for c in body):
            return index
    return len(first)


def _years(header: list[object], id_columns: int) -> dict[int, int]:
    """Position -> year of the header's year columns after the id columns."""
    years = {i: as_year(cell) for i, cell in enumerate(header) if i >= id_columns}
    return {i: y for i, y in years.items() if y is not None}


def _where(first_row: int, years: dict[int, int]) -> Callable[[int], tuple[int, str]]:
    """Row number and year of cell i of the year cells taken row by row, year by year."""
    labels = [str(year) for year in years.values()]
    return lambda i: (first_row + i // len(labels), labels[i % len(labels)])


def _frame(
    codes: list[str],
    column: dict[str, list],
    years: dict[int, int],
    values: np.ndarray,
    statuses: np.ndarray,
    options: dict,
) -> pd.DataFrame:
    """Observations of the table's rows (``codes``, id cells by role in ``column``), year by year."""
    repairs: dict[str, str] = options.get("code_repairs", {})
    industries = (
        [_text(c) for c in column["industry_code"]]
        if "industry_code" in column
        else ["Total"] * len(codes)
    )
    industry_names = (
        _names(_repaired(industries, repairs), column["industry_name"])
        if "industry_name" in column
        else {}
    )
    year_numbers = np.array(list(years.values()))
    n_years = len(year_numbers)
    count = len(codes) * n_years
    starts = (year_numbers - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    frame = pd.DataFrame(
        {
            "indicator_id": _repeat([options["indicator"]], count),
            "geo_code": _repeat(codes, n_years),
            "industry_code": _repeat(industries, n_years, repairs),
            "sex": _repeat(["all"], count),
            "period": _tile(year_numbers.astype(str), len(codes)),
            "period_start": np.tile(starts, len(codes)),
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


def _names(codes: list[str], names: list[object]) -> dict[str, str]:
    """Each code's name, from the last row that gives the code."""
    last = dict(zip(codes, names, strict=True))
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
