"""A tidy long CSV of ASHE gender pay gaps: hours, geography_name, geography_code, variable_name,
value, date.

Which ``hours`` and ``variable_name`` values are loaded, the indicator id template they fill
(``{variable}`` and ``{hours}`` slots) and the markers the copy wrote for suppressed cells are data
in the source's YAML.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS
from etl.extract.areas import area_frame
from etl.extract.cells import as_text, as_year, locate_header, parse_value, read_rows

HEADER = ["hours", "geography_name", "geography_code", "variable_name", "value", "date"]


def extract(path: Path, options: dict) -> pd.DataFrame:
    rows = read_rows(path)
    header_index = locate_header(rows, HEADER, path=path, sheet=None, search=1)
    hours: dict[str, str] = options["hours"]
    variables: dict[str, str] = options["variables"]
    missing: dict[str, str] = options.get("missing", {})

    records, names = [], {}
    for offset, row in enumerate(rows[header_index + 1 :]):
        row_number = header_index + 2 + offset
        if len(row) != len(HEADER):
            raise SourceFormatError(path, f"{len(HEADER)} fields", row=row_number, found=row)
        hours_label, name, code, variable, cell, date = (as_text(c) for c in row)
        if hours_label not in hours or variable not in variables:
            raise SourceFormatError(
                path,
                f"hours in {sorted(hours)} and variable_name in {sorted(variables)}",
                row=row_number,
                found=[hours_label, variable],
            )
        year = as_year(date)
        if year is None or not code:
            raise SourceFormatError(
                path, "an area code and a four-digit year", row=row_number, found=row
            )
        if cell in missing:
            value, status = None, missing[cell]
        else:
            value, status = parse_value(cell, path=path, sheet=None, row=row_number, column="value")
        indicator = options["indicator"].format(
            variable=variables[variable], hours=hours[hours_label]
        )
        names[code] = name
        # ASHE describes the April pay period of each year
        records.append((indicator, code, str(year), dt.date(year, 4, 1), value, status))
    if not records:
        raise SourceFormatError(path, "at least one data row", row=header_index + 2)

    frame = pd.DataFrame(
        records,
        columns=["indicator_id", "geo_code", "period", "period_start", "value", "status"],
    )
    frame["industry_code"] = "Total"
    frame["sex"] = "all"
    frame["lci_95"] = None
    frame["uci_95"] = None
    frame = frame[OBSERVATION_COLUMNS]
    frame.attrs["areas"] = area_frame(names)
    return frame
