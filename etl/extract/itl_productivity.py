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
from etl.extract.cells import (
    as_text,
    as_texts,
    as_year,
    locate_header,
    parse_values,
    read_rows,
    row_cells,
)

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

    body = rows[header_index + 1 :]
    first_row = header_index + 2
    # the table ends at the first empty row: notes follow it
    end = next((k for k, row in enumerate(body) if not any(map(as_text, row))), len(body))
    codes = as_texts(row[1] for row in body[:end])
    checked = codes.index("") if "" in codes else end  # rows up to the first without a code
    labels = list(years.values())
    values, statuses = parse_values(
        row_cells(body[:checked], list(years)),
        path=path,
        sheet=sheet,
        where=lambda i: (first_row + i // len(labels), labels[i % len(labels)]),
    )
    if checked < end:
        raise SourceFormatError(path, "an ITL code", sheet=sheet, row=first_row + checked, found="")
    if not codes:
        raise SourceFormatError(path, "at least one data row", sheet=sheet, row=header_index + 2)

    records = zip(
        [code for code in codes for _ in labels],
        labels * len(codes),
        values.tolist(),
        statuses,
        strict=True,
    )
    return annual_totals(list(records), options["indicator"])
