"""Reading ONS sheets and cells: text codes stay text, markers become a status, never zero."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
from python_calamine import CalamineWorkbook

from etl.errors import SourceFormatError

# Quality and suppression markers used across ONS tables, mapped to one status vocabulary.
MARKERS = {
    "x": "x",  # unreliable or not available
    "..": "..",  # disclosive / not available
    "u": "u",  # low reliability
    "[u]": "u",
    "[c]": "c",  # confidential
    "c": "c",
    "[x]": "x",
    "*": "*",  # sample too small
    "na": "na",
    ":": "na",
    "-": "na",
}
BLANK = "blank"

_NUMBER_PATTERN = r"^-?(?:[0-9][0-9,]*(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+)$"
_NUMBER = re.compile(_NUMBER_PATTERN)


def read_rows(path: Path, sheet: str | None = None) -> list[list[object]]:
    """All rows of a CSV file (UTF-8, with or without a byte-order mark), or of one sheet of an
    xlsx/xls workbook. An empty, undecodable, truncated or corrupt file raises SourceFormatError."""
    stat = path.stat()
    if stat.st_size == 0:
        raise SourceFormatError(path, "a non-empty file", sheet=sheet, found="0 bytes")
    if path.suffix.lower() == ".csv":
        return _csv_rows(path)
    workbook = _workbook(path, stat.st_mtime_ns, stat.st_size)
    if sheet not in workbook.sheet_names:
        raise SourceFormatError(path, f"a sheet named '{sheet}'", found=workbook.sheet_names)
    try:
        return workbook.get_sheet_by_name(sheet).to_python()
    except Exception as exc:  # a sheet whose part of the archive is damaged
        raise SourceFormatError(path, "a readable sheet", sheet=sheet, found=str(exc)) from exc


@lru_cache(maxsize=2)
def _workbook(path: Path, modified_ns: int, size: int) -> CalamineWorkbook:
    """The workbook at ``path``, opened once for all the sheets and tables read from it (an xls
    file is decoded whole when opened). Its time and size are in the key: a replaced file is
    opened afresh."""
    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own types for corrupt or truncated files
        raise SourceFormatError(path, "a readable xlsx/xls workbook", found=str(exc)) from exc


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        try:
            rows = list(reader)
        except UnicodeDecodeError as exc:
            raise SourceFormatError(
                path, "UTF-8 text", row=reader.line_num + 1, found=str(exc)
            ) from exc
        except csv.Error as exc:  # e.g. a NUL byte from a damaged download
            raise SourceFormatError(
                path, "comma-separated text", row=reader.line_num, found=str(exc)
            ) from exc
    if not any(any(cell.strip() for cell in row) for row in rows):
        raise SourceFormatError(path, "at least one non-blank line", found="only blank lines")
    return rows


def read_csv_columns(path: Path) -> list[pa.Array] | None:
    """The cells of a CSV file as columns of text, read by Arrow's CSV reader: the same cells as
    ``read_rows`` gives, row i of every column being row i of ``read_rows``. None where the file is
    not plainly rectangular (ragged rows, blank lines, an unclosed quote, text that is not UTF-8,
    no bytes): ``read_rows`` then reads it, and names any fault."""
    data = path.read_bytes()
    # Arrow names the columns f0, f1...; naming more than there are is harmless.
    width = re.match(rb"[^\r\n]*", data).group().count(b",") + 1
    try:
        table = pa_csv.read_csv(
            io.BytesIO(data),
            read_options=pa_csv.ReadOptions(autogenerate_column_names=True),
            parse_options=pa_csv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(
                column_types={f"f{i}": pa.string() for i in range(width)}
            ),
        )
    except pa.ArrowInvalid:  # no bytes, a ragged row, an unclosed quote, text that is not UTF-8
        return None
    columns = [column.combine_chunks() for column in table.columns]
    if any(c.type != pa.string() or c.null_count for c in columns):
        return None  # a first row cut by a line break inside quotes: later columns were guessed
    # A blank line is a row of empty cells to Arrow but an empty row to the csv module (a file of
    # one column is left to the csv module as well).
    if len(columns) < 2:
        return None
    empty = pc.equal(columns[0], "")
    for column in columns[1:]:
        empty = pc.and_(empty, pc.equal(column, ""))
    if pc.any(empty).as_py() or not _has_text(columns):
        return None
    return columns


def _has_text(columns: list[pa.Array]) -> bool:
    """Whether any cell holds more than whitespace, as ``str.strip`` sees it (stops at the first,
    which in a real file is the first cell)."""
    return any(cell.as_py().strip() for column in columns for cell in column)


def as_text(cell: object) -> str:
    """A cell as text; numeric codes that a spreadsheet stored as numbers (41.0) become '41'."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def as_year(cell: object) -> int | None:
    """A header cell holding a four-digit year, else None."""
    text = as_text(cell)
    return int(text) if re.fullmatch(r"(19|20)[0-9]{2}", text) else None


def as_texts(cells) -> list[str]:
    """``as_text`` of each cell of a column; text cells, the most common, are stripped directly."""
    return [cell.strip() if type(cell) is str else as_text(cell) for cell in cells]


def row_cells(rows: list[list[object]], columns: list[int]) -> list[object]:
    """The cells of ``columns`` in every row, row by row, as one flat list (for ``parse_values``);
    a row too short to reach a column gives an empty cell there."""
    width = max(columns) + 1
    rows = [row if len(row) >= width else [*row, *[""] * (width - len(row))] for row in rows]
    pick = itemgetter(*columns)  # one column gives the cell itself, several give a tuple
    return (
        list(map(pick, rows)) if len(columns) == 1 else list(chain.from_iterable(map(pick, rows)))
    )


def parse_value(
    cell: object, *, path: Path, sheet: str | None, row: int, column: str
) -> tuple[float | None, str | None]:
    """A numeric cell as (value, status). Markers give (None, marker); anything else fails loudly."""
    if isinstance(cell, bool):
        raise SourceFormatError(
            path, f"a number in column '{column}'", sheet=sheet, row=row, found=cell
        )
    if isinstance(cell, int | float):
        return float(cell), None
    text = str(cell).strip()
    if text == "":
        return None, BLANK
    if text.lower() in MARKERS:
        return None, MARKERS[text.lower()]
    if _NUMBER.match(text):
        return float(text.replace(",", "")), None
    raise SourceFormatError(
        path, f"a number or a known marker in column '{column}'", sheet=sheet, row=row, found=text
    )


def parse_values(
    cells: list | pa.Array,
    *,
    path: Path,
    sheet: str | None,
    where: Callable[[int], tuple[int, str]],
) -> tuple[np.ndarray, np.ndarray]:
    """``parse_value`` over a whole list of cells (or an Arrow array of text) at once: (values,
    statuses), with NaN where the value is missing. ``where(i)`` gives cell i's row number and
    column label, for errors only. Numbers, and text that is plainly a number, convert a whole
    block at a time; only the rest goes cell by cell through ``parse_value``, so markers and errors
    are exactly the same."""
    count = len(cells)
    statuses = np.full(count, None, dtype=object)
    if isinstance(cells, pa.Array):  # text cells of a CSV file read by ``read_csv_columns``
        values, parsed = _plain_numbers(cells)
        rest = np.flatnonzero(~parsed)
        _parse_rest(values, statuses, rest, cells.take(rest).to_pylist(), path, sheet, where)
        return values, statuses
    kinds = set(map(type, cells))
    if kinds <= {float, int}:  # bool is a type of its own here, so True is never a number
        return np.array(cells, dtype=np.float64), statuses
    if kinds == {str}:  # every cell of a CSV file
        values, parsed = _plain_numbers(cells)
    else:
        cells = np.fromiter(cells, dtype=object, count=count)
        types = np.fromiter(map(type, cells), dtype=object, count=count)
        parsed = np.equal(types, float) | np.equal(types, int)
        values = np.full(count, np.nan)
        values[parsed] = cells[parsed].astype(np.float64)
        texts = np.flatnonzero(np.equal(types, str))
        values[texts], parsed[texts] = _plain_numbers(cells[texts])
    rest = np.flatnonzero(~parsed)
    _parse_rest(values, statuses, rest, [cells[i] for i in rest], path, sheet, where)
    return values, statuses


def _parse_rest(values, statuses, rest, cells, path, sheet, where) -> None:
    """Fills in ``values`` and ``statuses`` at ``rest``, the cells that are not plainly numbers
    (markers, blanks, errors; ``cells`` holds them in order). They repeat a few texts: each
    distinct cell is parsed once, at its first occurrence, in order, so the first error raised is
    still the first in the block."""
    if not len(rest):
        return
    keys = [(type(cell), cell) for cell in cells]
    first = {}
    for i, key in zip(rest.tolist(), keys, strict=True):
        first.setdefault(key, i)
    parsed_as = {}
    for key, i in first.items():
        row, column = where(i)
        parsed_as[key] = parse_value(key[1], path=path, sheet=sheet, row=row, column=column)
    parsed = [parsed_as[key] for key in keys]
    values[rest] = [np.nan if value is None else value for value, _ in parsed]
    statuses[rest] = [status for _, status in parsed]


def _plain_numbers(texts) -> tuple[np.ndarray, np.ndarray]:
    """(values, plain): text cells that are plainly numbers (digits, thousands separators, a
    decimal point) as floats, NaN for the rest, and which ones were."""
    strings = texts if isinstance(texts, pa.Array) else pa.array(texts, type=pa.string())
    plain = pc.match_substring_regex(strings, _NUMBER_PATTERN)
    if not pc.all(plain).as_py():
        strings = pc.if_else(plain, strings, None)
    digits = pc.replace_substring(strings, ",", "")
    values = pc.cast(digits, pa.float64()).to_numpy(zero_copy_only=False)
    return values, plain.to_numpy(zero_copy_only=False)


def locate_header(
    rows: list[list[object]],
    expected: list[str],
    *,
    path: Path,
    sheet: str | None,
    search: int = 12,
) -> int:
    """Index of the row whose first cells are ``expected`` (case and spacing ignored)."""
    want = [e.strip().lower() for e in expected]
    for index, row in enumerate(rows[:search]):
        cells = [as_text(c).lower() for c in row[: len(want)]]
        if cells == want:
            return index
    first = [as_text(c) for c in rows[0][: len(want)]] if rows else []
    raise SourceFormatError(
        path,
        f"a header row starting {expected} within the first {search} rows",
        sheet=sheet,
        row=1,
        found=first,
    )
