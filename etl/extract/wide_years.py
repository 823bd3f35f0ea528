"""ONS 'accessible' tables: a few id columns, then one column per year.

Serves the all-ITL GVA-by-industry tables, the local-authority GVA workbooks and the per-head
workbook. Which id columns a release has, and any codes a spreadsheet mangled, are data in the
source's YAML, not branches here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS
from etl.extract.cells import as_text, as_year, locate_header, parse_value, read_rows

ROLES = {"geo_code", "geo_name", "industry_code", "industry_name", "ignore"}


def extract(path: Path, options: dict) -> pd.DataFrame:
    sheet = options.get("sheet")
    columns: list[list[str]] = options["columns"]
    roles = [role for _, role in columns]
    if not set(roles) <= ROLES or "geo_code" not in roles:
        raise ValueError(f"bad column roles for {path.name}: {roles}")
    repairs: dict[str, str] = options.get("code_repairs", {})

    rows = read_rows(path, sheet)
    header_index = locate_header(rows, [name for name, _ in columns], path=path, sheet=sheet)
    header = rows[header_index]
    years = {i: as_year(cell) for i, cell in enumerate(header) if i >= len(columns)}
    years = {i: y for i, y in years.items() if y is not None}
    if not years:
        raise SourceFormatError(
            path,
            "year columns (e.g. '1998') after the id columns",
            sheet=sheet,
            row=header_index + 1,
            found=[as_text(c) for c in header],
        )

    records = []
    industry_names: dict[str, str] = {}
    for offset, row in enumerate(rows[header_index + 1 :]):
        row_number = header_index + 2 + offset  # 1-based, as a spreadsheet shows it
        if not any(as_text(c) for c in row):
            break  # the table ends at the first empty row
        ids = {role: as_text(row[i]) for i, role in enumerate(roles) if role != "ignore"}
        if not ids["geo_code"]:
            raise SourceFormatError(path, "an area code", sheet=sheet, row=row_number, found="")
        industry = repairs.get(ids.get("industry_code", "Total"), ids.get("industry_code", "Total"))
        if "industry_name" in ids:
            industry_names[industry] = ids["industry_name"]
        for i, year in years.items():
            cell = row[i] if i < len(row) else ""
            value, status = parse_value(
                cell, path=path, sheet=sheet, row=row_number, column=str(year)
            )
            records.append((ids["geo_code"], industry, year, value, status))

    frame = pd.DataFrame(records, columns=["geo_code", "industry_code", "year", "value", "status"])
    if frame.empty:
        raise SourceFormatError(path, "at least one data row", sheet=sheet, row=header_index + 2)
    frame["indicator_id"] = options["indicator"]
    frame["sex"] = "all"
    frame["period"] = frame["year"].astype(str)
    frame["period_start"] = [dt.date(y, 1, 1) for y in frame["year"]]
    frame["lci_95"] = None
    frame["uci_95"] = None
    frame = frame[OBSERVATION_COLUMNS]
    frame.attrs["industry_names"] = industry_names
    return frame
