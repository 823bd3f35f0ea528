"""Reading ONS sheets and cells: text codes stay text, markers become a status, never zero."""

from __future__ import annotations

import csv
import re
from pathlib import Path

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

_NUMBER = re.compile(r"^-?[0-9][0-9,]*(\.[0-9]+)?([eE][-+]?[0-9]+)?$|^-?\.[0-9]+$")


def read_rows(path: Path, sheet: str | None = None) -> list[list[object]]:
    """All rows of a CSV file, or of one sheet of an xlsx/xls workbook."""
    if path.stat().st_size == 0:
        raise SourceFormatError(path, "a non-empty file", sheet=sheet, found="0 bytes")
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [list(row) for row in csv.reader(handle)]
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own types for corrupt or truncated files
        raise SourceFormatError(path, "a readable xlsx/xls workbook", found=str(exc)) from exc
    if sheet not in workbook.sheet_names:
        raise SourceFormatError(path, f"a sheet named '{sheet}'", found=workbook.sheet_names)
    return workbook.get_sheet_by_name(sheet).to_python()


def as_text(cell: object) -> str:
    """A cell as text; numeric codes that a spreadsheet stored as numbers (41.0) become '41'."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def as_year(cell: object) -> int | None:
    """A header cell holding a four-digit year, else None."""
    text = as_text(cell)
    return int(text) if re.fullmatch(r"(19|20)[0-9]{2}", text) else None


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
