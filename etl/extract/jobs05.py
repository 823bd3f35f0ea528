"""JOBS05 workforce jobs by region and industry: one sheet per region, one row per quarter.

Each sheet has a header row starting 'SIC 2007 section' with one column per SIC 2007 section
(A … T) and the aggregates G-T and A-T, values in thousands, seasonally adjusted. The first
column names the quarter by its last month. Older editions write it as text ('Mar 96 (r)'); later
ones mix Excel dates with text carrying footnote numbers and flags ('Mar 20 4 (r)', 'Jun 21 (p)').
The revised/provisional flags are dropped: status is kept for missing-value markers only.
Footnotes follow the last quarter and end the table.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS
from etl.extract.cells import as_text, locate_header, parse_values, read_rows, row_cells

QUARTER_OF_MONTH = {3: 1, 6: 2, 9: 3, 12: 4}
MONTHS = {"Mar": 3, "Jun": 6, "Sep": 9, "Dec": 12}
EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 with Excel's 1900 leap-year bug
_LABEL = re.compile(r"^(Mar|Jun|Sep|Dec) (\d{2})(?: \d{1,2})?(?: ?\([rp]\))?$")


def quarter(cell: object) -> tuple[str, dt.date] | None:
    """A quarter named by its last month -> ('1996-Q1', 1996-01-01); None when the cell is not one.

    Accepts a date, an Excel date serial (35125 = 1 March 1996) or a text label with optional
    footnote number and revision flag ('Mar 96 (r)', 'Mar 20 4 (r)', 'Jun 21 (p)')."""
    if isinstance(cell, dt.datetime):
        cell = cell.date()
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        cell = EXCEL_EPOCH + dt.timedelta(days=int(cell))
    if isinstance(cell, dt.date):
        year, month = cell.year, cell.month
    else:
        match = _LABEL.match(" ".join(str(cell).split()))
        if not match:
            return None
        month, two_digits = MONTHS[match.group(1)], int(match.group(2))
        year = (1900 if two_digits >= 50 else 2000) + two_digits
    if month not in QUARTER_OF_MONTH:
        return None
    q = QUARTER_OF_MONTH[month]
    return f"{year}-Q{q}", dt.date(year, 3 * q - 2, 1)


def extract(path: Path, options: dict) -> pd.DataFrame:
    sheet = options["sheet"]
    recode: dict[str, str] = options.get("industry_recode", {})
    rows = read_rows(path, sheet)
    header_index = locate_header(rows, ["SIC 2007 section"], path=path, sheet=sheet)
    header = rows[header_index]
    columns = {i: as_text(c) for i, c in enumerate(header) if i > 0 and as_text(c)}
    if not columns or "A" not in columns.values():
        raise SourceFormatError(
            path,
            "SIC 2007 section letters (A … T) after 'SIC 2007 section'",
            sheet=sheet,
            row=header_index + 1,
            found=[as_text(c) for c in header],
        )

    body = rows[header_index + 1 :]
    end = next((k for k, row in enumerate(body) if quarter(row[0]) is None), len(body))
    if end == 0:
        raise SourceFormatError(
            path, "a quarter such as 'Mar 96' below the header", sheet=sheet, row=header_index + 2
        )
    for k in range(end, len(body)):
        if quarter(body[k][0]) is not None:
            raise SourceFormatError(
                path,
                "only footnotes after the first row that names no quarter",
                sheet=sheet,
                row=header_index + 2 + k,
                found=body[k][0],
            )

    # Values row by row (quarter by quarter), section by section.
    codes = list(columns.values())
    values, statuses = parse_values(
        row_cells(body[:end], list(columns)),
        path=path,
        sheet=sheet,
        where=lambda i: (header_index + 2 + i // len(codes), codes[i % len(codes)]),
    )
    labels, starts = zip(*(quarter(row[0]) for row in body[:end]), strict=True)
    frame = pd.DataFrame(
        {
            "industry_code": [recode.get(code, code) for code in codes] * end,
            "period": [label for label in labels for _ in codes],
            "period_start": [start for start in starts for _ in codes],
            "value": values,
            "status": statuses,
        }
    )
    frame["indicator_id"] = options["indicator"]
    frame["geo_code"] = options["geo_code"]
    frame["sex"] = "all"
    frame["lci_95"] = None
    frame["uci_95"] = None
    frame = frame[OBSERVATION_COLUMNS]
    if "geo_name" in options:
        frame.attrs["areas"] = pd.DataFrame(
            [(options["geo_code"], options["geo_name"], options.get("geo_level", "Other"))],
            columns=["geo_code", "geo_name", "geo_level"],
        )
    return frame
