"""ASHE geography workbooks: one sheet per population, one row per area, one column per statistic.

Serves ASHE Table 8 (pay by place of residence) and the Living Wage Foundation low-pay tables
(by work geography, shipped as workbooks inside a zip). Per sheet, the source's YAML gives the
population's sex, an indicator id template with a ``{measure}`` slot, and which column labels are
loaded as which measure. Areas run from the header down to the 'Not Classified' row, which
belongs to no area and is not loaded; footnotes follow it.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
from python_calamine import CalamineWorkbook

from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS
from etl.extract.areas import area_frame
from etl.extract.cells import BLANK, MARKERS, as_text, locate_header, parse_value, read_rows


def extract(path: Path, options: dict) -> pd.DataFrame:
    sheet = options["sheet"]
    rows = _sheet_rows(path, sheet, options.get("member"))
    header_index = locate_header(rows, options["header"], path=path, sheet=sheet)
    label_index = header_index + options.get("label_row_offset", 0)
    columns = _measure_columns(rows[label_index], options["measures"], path, sheet, label_index)
    end_label = options["end_row"]

    records, names = [], {}
    for offset, row in enumerate(rows[header_index + 1 :]):
        row_number = header_index + 2 + offset  # 1-based, as a spreadsheet shows it
        name, code = as_text(row[0]), as_text(row[1])
        if not code:
            if name != end_label:
                raise SourceFormatError(
                    path,
                    f"an area code, or the '{end_label}' row",
                    sheet=sheet,
                    row=row_number,
                    found=name,
                )
            break
        names[code] = name
        # a marker in a row's first value column ('..' disclosive, ':' not applicable) stands for
        # the whole row: ONS leaves the row's other cells blank
        row_status = MARKERS.get(as_text(row[2]).lower())
        for measure, index in columns.items():
            cell = row[index] if index < len(row) else ""
            value, status = parse_value(
                cell, path=path, sheet=sheet, row=row_number, column=measure
            )
            if status == BLANK and row_status:
                status = row_status
            records.append((options["indicator"].format(measure=measure), code, value, status))
    else:
        raise SourceFormatError(path, f"a '{end_label}' row after the areas", sheet=sheet)
    if not records:
        raise SourceFormatError(path, "at least one area row", sheet=sheet, row=header_index + 2)

    frame = pd.DataFrame(records, columns=["indicator_id", "geo_code", "value", "status"])
    frame["industry_code"] = "Total"
    frame["sex"] = options["sex"]
    frame["period"] = str(options["period"])
    frame["period_start"] = options["period_start"]
    frame["lci_95"] = None
    frame["uci_95"] = None
    frame = frame[OBSERVATION_COLUMNS]
    frame.attrs["areas"] = area_frame(names)
    return frame


def _sheet_rows(path: Path, sheet: str, member: str | None) -> list[list[object]]:
    """One sheet of the workbook at ``path``, or of the workbook ``member`` inside a zip."""
    if member is None:
        return read_rows(path, sheet)
    with zipfile.ZipFile(path) as archive:
        if member not in archive.namelist():
            raise SourceFormatError(
                path, f"a zip member named '{member}'", found=archive.namelist()
            )
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(archive.read(member)))
    if sheet not in workbook.sheet_names:
        raise SourceFormatError(
            f"{path.name}!{member}", f"a sheet named '{sheet}'", found=workbook.sheet_names
        )
    return workbook.get_sheet_by_name(sheet).to_python()


def _measure_columns(
    labels: list[object], measures: dict[str, str], path: Path, sheet: str, index: int
) -> dict[str, int]:
    """Column index of each measure, found by its label; each label must appear exactly once."""
    texts = [as_text(cell) for cell in labels]
    columns = {}
    for label, measure in measures.items():
        hits = [i for i, text in enumerate(texts) if text == str(label)]
        if len(hits) != 1:
            raise SourceFormatError(
                path, f"one column labelled '{label}'", sheet=sheet, row=index + 1, found=texts
            )
        columns[measure] = hits[0]
    return columns
