"""Generic ONS time-series CSV downloads: one column per series after a label column, seven header
rows (Title, CDID, PreUnit, Unit, Release Date, Next release, Important Notes), then one row per
period ('1998'). This extractor reads annual rows only; a quarterly or monthly row is an error.

Which series a table loads is declared by CDID in the source's YAML, in file order, with the title
pattern that names each series' measure and area and the release date the header must carry. Area
names resolve through the names of the ITL crosswalk (those core.geo_alias holds), after a
declared map for the former Government Office Region spellings ('North West & Merseyside').
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pandas as pd

from etl.config import REFERENCE_DIR
from etl.errors import SourceFormatError
from etl.extract import annual_totals
from etl.extract.cells import as_text, as_year, parse_value, read_rows

HEADER = ["Title", "CDID", "PreUnit", "Unit", "Release Date", "Next release", "Important Notes"]


def _area_names() -> dict[str, str]:
    """Every name variant of the ITL crosswalk -> its ITL code, as in core.geo_alias."""
    with (REFERENCE_DIR / "itl1_gss_crosswalk.csv").open(encoding="utf-8", newline="") as handle:
        return {
            name: row["itl_code"]
            for row in csv.DictReader(handle)
            for name in row["name_variants"].split("|")
        }


def _series(header: list[list[str]], path: Path, options: dict) -> dict[int, tuple[str, str]]:
    """Column index -> (CDID, area code) for the table's declared series."""
    titles, cdids, dates = header[0], header[1], header[4]
    pattern = re.compile(options["title_pattern"])
    renamed: dict[str, str] = options.get("area_names", {})
    known = _area_names()
    release = options["release_date"]
    columns = {}
    for i in range(1, len(titles)):
        title = as_text(titles[i])
        match = pattern.match(title)
        if not match:
            raise SourceFormatError(path, f"a title matching {pattern.pattern}", row=1, found=title)
        if match["measure"] != options["measure"]:
            continue
        area = renamed.get(match["area"], match["area"])
        if area not in known:
            raise SourceFormatError(
                path,
                "an area name in the ITL crosswalk or the declared area_names",
                row=1,
                found=match["area"],
            )
        date = as_text(dates[i]) if i < len(dates) else ""
        if date != release.strftime("%d-%m-%Y"):
            raise SourceFormatError(
                path, f"release date {release:%d-%m-%Y} for {cdids[i]}", row=5, found=date
            )
        columns[i] = (as_text(cdids[i]), known[area])
    declared = [str(c) for c in options["cdids"]]
    if [cdid for cdid, _ in columns.values()] != declared:
        raise SourceFormatError(
            path,
            f"the series {declared} for {options['measure']!r}",
            row=2,
            found=[cdid for cdid, _ in columns.values()],
        )
    return columns


def extract(path: Path, options: dict) -> pd.DataFrame:
    rows = read_rows(path)
    labels = [as_text(row[0]) if row else "" for row in rows[: len(HEADER)]]
    if labels != HEADER:
        raise SourceFormatError(path, f"header rows {HEADER}", found=labels)
    widths = {len(row) for row in rows[: len(HEADER)]}
    if len(widths) != 1:
        raise SourceFormatError(path, "header rows of one width", found=sorted(widths))
    release = options["release_date"]
    if not isinstance(release, dt.date):
        raise ValueError(f"{path.name}: release_date must be a date")
    columns = _series(rows[: len(HEADER)], path, options)

    records = []
    for offset, row in enumerate(rows[len(HEADER) :]):
        row_number = len(HEADER) + 1 + offset
        year = as_year(row[0]) if row else None
        if year is None or len(row) != len(rows[0]):
            raise SourceFormatError(
                path, f"a year and {len(rows[0]) - 1} values", row=row_number, found=row
            )
        for i, (cdid, code) in columns.items():
            value, status = parse_value(row[i], path=path, sheet=None, row=row_number, column=cdid)
            records.append((code, year, value, status))
    if not records:
        raise SourceFormatError(path, "at least one year row", row=len(HEADER) + 1)
    return annual_totals(records, options["indicator"])
