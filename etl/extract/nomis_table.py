"""Nomis web table downloads (CSV): a title and 'Key :','value' lines, then a header row 'Area' |
one column per industry ('A : Agriculture, forestry and fishing') each followed by an unnamed
marker column, one row per area named by a Nomis label ('combauth:Greater Manchester'), and
footnotes after a blank row ('*','These figures exclude farm agriculture ...').

Nomis labels carry no codes: each is looked up in a declared reference CSV (nomis_name, geo_code,
geo_name, geo_level), and a label it lacks is an error. The title, the metadata lines, the period
and what each marker means are data in the source's YAML; a marker beside a value annotates the
value (it is kept, and the marker's meaning is declared in the release note).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pandas as pd

from etl.config import REFERENCE_DIR
from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS
from etl.extract.cells import as_text, as_year, parse_value, read_rows

INDUSTRY = re.compile(r"^([A-U]) : \S")


def _area_codes(name: str) -> dict[str, dict[str, str]]:
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as handle:
        return {row["nomis_name"]: row for row in csv.DictReader(handle)}


def _metadata(rows: list[list[str]], path: Path, options: dict) -> int:
    """Check the title and the 'Key :','value' lines above the header; return the header index."""
    texts = [as_text(row[0]) if row else "" for row in rows]
    if options["title"] not in texts[:3]:
        raise SourceFormatError(path, f"the title {options['title']!r}", row=2, found=texts[:3])
    try:
        header = texts.index("Area")
    except ValueError:
        raise SourceFormatError(path, "a header row starting 'Area'", found=texts[:12]) from None
    found = {
        re.sub(r"\s*:$", "", as_text(row[0])).strip(): as_text(row[1])
        for row in rows[:header]
        if len(row) >= 2 and as_text(row[0]).endswith(":")
    }
    for key, value in options["metadata"].items():
        if found.get(key) != str(value):
            raise SourceFormatError(path, f"'{key} : {value}' above the header", found=found)
    return header


def _industries(header: list[str], path: Path, row: int) -> dict[int, str]:
    """Column index -> industry code; every industry column is followed by an empty one."""
    columns = {}
    for i in range(1, len(header), 2):
        match = INDUSTRY.match(as_text(header[i]))
        marker_header = as_text(header[i + 1]) if i + 1 < len(header) else None
        if not match or marker_header != "":
            raise SourceFormatError(
                path,
                "'X : name' industry columns, each followed by an empty column",
                row=row,
                found=header[i : i + 2],
            )
        columns[i] = match.group(1)
    if len(set(columns.values())) != len(columns):
        raise SourceFormatError(path, "each industry once", row=row, found=list(columns.values()))
    return columns


def _footnotes(rows: list[list[str]], path: Path, markers: dict[str, str]) -> None:
    """Every declared marker is explained by a footnote with the declared wording."""
    notes = {as_text(r[0]): as_text(r[1]) for r in rows if len(r) >= 2 and as_text(r[0])}
    for marker, meaning in markers.items():
        if notes.get(marker) != meaning:
            raise SourceFormatError(
                path, f"the footnote {marker!r}: {meaning!r}", found=notes.get(marker)
            )


def extract(path: Path, options: dict) -> pd.DataFrame:
    rows = read_rows(path)
    header_index = _metadata(rows, path, options)
    year = as_year(options["metadata"]["Date"])
    if year is None:
        raise ValueError(f"{path.name}: the declared 'Date' must be a year")
    columns = _industries(rows[header_index], path, header_index + 1)
    markers: dict[str, str] = options.get("markers", {})
    areas = _area_codes(options["area_codes"])

    records, seen, end = [], {}, len(rows)
    for index in range(header_index + 1, len(rows)):
        row, row_number = rows[index], index + 1
        label = as_text(row[0]) if row else ""
        if not label:
            if records:
                end = index
                break
            continue  # the blank line under the header
        area = areas.get(label)
        if area is None:
            raise SourceFormatError(
                path, f"an area named in {options['area_codes']}", row=row_number, found=label
            )
        width = len(rows[header_index])
        if len(row) not in (width - 1, width):  # Nomis leaves off the last, empty marker
            raise SourceFormatError(path, f"{width} fields", row=row_number, found=len(row))
        row = [*row, ""][:width]
        seen[area["geo_code"]] = area
        for i, industry in columns.items():
            marker = as_text(row[i + 1])
            if marker and marker not in markers:
                raise SourceFormatError(
                    path, f"a marker in {sorted(markers)} or none", row=row_number, found=marker
                )
            value, status = parse_value(
                row[i], path=path, sheet=None, row=row_number, column=industry
            )
            records.append((area["geo_code"], industry, value, status))
    if not records:
        raise SourceFormatError(path, "at least one area row", row=header_index + 2)
    _footnotes(rows[end:], path, markers)

    frame = pd.DataFrame(records, columns=["geo_code", "industry_code", "value", "status"])
    frame["indicator_id"] = options["indicator"]
    frame["sex"] = "all"
    frame["period"] = str(year)
    frame["period_start"] = dt.date(year, 1, 1)
    frame["lci_95"] = None
    frame["uci_95"] = None
    frame = frame[OBSERVATION_COLUMNS]
    frame.attrs["areas"] = pd.DataFrame(
        [(a["geo_code"], a["geo_name"], a["geo_level"]) for a in seen.values()],
        columns=["geo_code", "geo_name", "geo_level"],
    )
    return frame
