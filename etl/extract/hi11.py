"""Regional labour market headline tables (HI11 Scotland and its siblings): rolling quarters.

A sheet holds blocks titled by population ('All aged 16 & over', 'All aged 16 to 64'), each with
a heading row naming its columns and three sub-blocks of rolling quarters ('Mar-May 1992') for
people, men and women, labelled in the first column and closed by 'Change on quarter' footer
rows. Quarters laid out for future releases are left blank; they are not observations.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path

import pandas as pd

from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS
from etl.extract.cells import BLANK, as_text, parse_value, read_rows

SEXES = {"People": "all", "Men": "male", "Women": "female"}
FOOTER = "Change on quarter"
MONTH = {name: number for number, name in enumerate(calendar.month_abbr) if name}
_ROLLING = re.compile(r"^([A-Z][a-z]{2})-([A-Z][a-z]{2}) (\d{4})$")


def _text(cell: object) -> str:
    return " ".join(as_text(cell).split())


def rolling_quarter(cell: object) -> tuple[str, dt.date] | None:
    """'Mar-May 1992' -> ('Mar-May 1992', 1992-03-01); 'Nov-Jan 1993' starts in November 1992."""
    match = _ROLLING.match(_text(cell))
    if not match or match.group(1) not in MONTH or match.group(2) not in MONTH:
        return None
    first, last, year = MONTH[match.group(1)], MONTH[match.group(2)], int(match.group(3))
    start_year = year - 1 if first > last else year
    return match.group(0), dt.date(start_year, first, 1)


def _block_column(rows, block: str, heading: str, path: Path, sheet: str) -> tuple[int, int]:
    """(index of the block's title row, index of the column headed ``heading`` in it)."""
    for index, row in enumerate(rows):
        if any(_text(c) == block for c in row):
            for below in rows[index : index + 4]:
                for column, cell in enumerate(below):
                    if _text(cell) == heading:
                        return index, column
            raise SourceFormatError(
                path, f"a column headed '{heading}' under '{block}'", sheet=sheet, row=index + 1
            )
    raise SourceFormatError(path, f"a block titled '{block}'", sheet=sheet)


def extract(path: Path, options: dict) -> pd.DataFrame:
    sheet, block, heading = options["sheet"], options["block"], options["heading"]
    rows = read_rows(path, sheet)
    title, column = _block_column(rows, block, heading, path, sheet)

    records, pending, sex = [], [], None
    for index in range(title + 1, len(rows)):
        row = rows[index]
        label = _text(row[0])
        if label in SEXES:
            sex = SEXES[label]
        period = rolling_quarter(row[1]) if len(row) > 1 else None
        if period is not None:
            cell = row[column] if column < len(row) else ""
            value, status = parse_value(cell, path=path, sheet=sheet, row=index + 1, column=heading)
            pending.append((*period, value, status))
        elif label == FOOTER:
            if sex is None:
                raise SourceFormatError(
                    path, f"one of {list(SEXES)} in column A", sheet=sheet, row=index + 1
                )
            while pending and pending[-1][3] == BLANK:
                pending.pop()  # quarters laid out for releases still to come
            records += [(sex, *p) for p in pending]
            pending, sex = [], None
            if len({r[0] for r in records}) == len(SEXES):
                break
    if {r[0] for r in records} != set(SEXES.values()):
        raise SourceFormatError(
            path,
            f"sub-blocks for {list(SEXES)} under '{block}', each closed by '{FOOTER}'",
            sheet=sheet,
            row=title + 1,
            found=sorted({r[0] for r in records}),
        )

    frame = pd.DataFrame(records, columns=["sex", "period", "period_start", "value", "status"])
    frame["indicator_id"] = options["indicator"]
    frame["geo_code"] = options["geo_code"]
    frame["industry_code"] = "Total"
    frame["lci_95"] = None
    frame["uci_95"] = None
    return frame[OBSERVATION_COLUMNS]
