"""Subregional productivity tables: ITL level, code and name, then one column per year.

Unlike the GVA workbooks the years sit one row above the 'ITL level | ITL code | Region name'
header, whose year columns instead name the unit ('index', '£'); the declared unit is checked
so that a swapped table fails loudly. Notes below the data follow an empty row.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from etl.errors import SourceFormatError
from etl.extract import annual_totals
from etl.extract.cells import as_text, as_year, locate_header, parse_value, read_rows

HEADER = ["ITL level", "ITL code", "Region name"]


def extract(path: Path, options: dict) -> pd.DataFrame:
    sheet, unit = options["sheet"], options["unit"]
    rows = read_rows(path, sheet)
    header_index = locate_header(rows, HEADER, path=path, sheet=sheet)
    if header_index == 0:
        raise SourceFormatError(path, "a row of years above the header", sheet=sheet, row=1)
    above, header = rows[header_index - 1], rows[header_index]
    years = {i: as_year(c) for i, c in enumerate(above) if i >= len(HEADER)}
    years = {i: y for i, y in years.items() if y is not None}
    units = {as_text(header[i]) for i in years if i < len(header)}
    if not years or units != {unit}:
        raise SourceFormatError(
            path,
            f"years above the header and '{unit}' under each year",
            sheet=sheet,
            row=header_index + 1,
            found=sorted(units),
        )

    records = []
    for offset, row in enumerate(rows[header_index + 1 :]):
        row_number = header_index + 2 + offset
        if not any(as_text(c) for c in row):
            break  # notes follow an empty row
        code = as_text(row[1])
        if not code:
            raise SourceFormatError(path, "an ITL code", sheet=sheet, row=row_number, found="")
        for i, year in years.items():
            value, status = parse_value(
                row[i] if i < len(row) else "", path=path, sheet=sheet, row=row_number, column=year
            )
            records.append((code, year, value, status))
    if not records:
        raise SourceFormatError(path, "at least one data row", sheet=sheet, row=header_index + 2)

    return annual_totals(records, options["indicator"])
