"""Nomis bulk API CSV (DATE, GEOGRAPHY_CODE, GEOGRAPHY_TYPE, …, OBS_VALUE, OBS_STATUS): one row per
area and category, for the rows selected by the declared ``filters`` (column -> value or list of
values).

An area listed under several geography types (a unitary authority is both a district and a
county) appears once; its copies must agree. Areas outside the reference lookups (counties,
combined authorities, Inner/Outer London) are returned in ``frame.attrs["areas"]``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from etl.errors import SourceFormatError
from etl.extract import annual_totals
from etl.extract.areas import area_frame
from etl.extract.cells import as_year, parse_value, read_rows

REQUIRED = ["DATE", "GEOGRAPHY_CODE", "GEOGRAPHY_NAME", "OBS_VALUE", "OBS_STATUS"]
NORMAL = "A"  # Nomis OBS_STATUS for a normal value


def extract(path: Path, options: dict) -> pd.DataFrame:
    filters: dict[str, str | list[str]] = options["filters"]
    rows = read_rows(path)
    header = rows[0] if rows else []
    missing = [c for c in REQUIRED + list(filters) if c not in header]
    if missing:
        raise SourceFormatError(path, f"columns {missing} in the header", row=1, found=header)
    at = {name: header.index(name) for name in header}

    seen: dict[tuple[str, int], tuple[float | None, str | None]] = {}
    names: dict[str, str] = {}
    for row_number, row in enumerate(rows[1:], start=2):
        if any(row[at[c]] not in (v if isinstance(v, list) else [v]) for c, v in filters.items()):
            continue
        code, year = row[at["GEOGRAPHY_CODE"]], as_year(row[at["DATE"]])
        if year is None:
            raise SourceFormatError(path, "a year in DATE", row=row_number, found=row[at["DATE"]])
        value, status = parse_value(
            row[at["OBS_VALUE"]], path=path, sheet=None, row=row_number, column="OBS_VALUE"
        )
        if value is not None and row[at["OBS_STATUS"]] != NORMAL:
            raise SourceFormatError(
                path, f"OBS_STATUS '{NORMAL}'", row=row_number, found=row[at["OBS_STATUS"]]
            )
        if (code, year) in seen and seen[code, year] != (value, status):
            raise SourceFormatError(
                path, f"one value for {code} in {year}", row=row_number, found=value
            )
        seen[code, year] = (value, status)
        names[code] = row[at["GEOGRAPHY_NAME"]]
    if not seen:
        raise SourceFormatError(path, f"rows matching {filters}", row=2)

    frame = annual_totals(
        [(code, year, value, status) for (code, year), (value, status) in seen.items()],
        options["indicator"],
    )
    frame.attrs["areas"] = area_frame(names)
    return frame
