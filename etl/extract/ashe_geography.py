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

import numpy as np
import pandas as pd
from python_calamine import CalamineWorkbook

from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS
from etl.extract.areas import area_frame
from etl.extract.cells import (
    BLANK,
    MARKERS,
    as_text,
    as_texts,
    locate_header,
    parse_values,
    read_rows,
    row_cells,
)


def extract(path: Path, options: dict) -> pd.DataFrame:
    sheet = options["sheet"]
    rows = _sheet_rows(path, sheet, options.get("member"))
    header_index = locate_header(rows, options["header"], path=path, sheet=sheet)
    label_index = header_index + options.get("label_row_offset", 0)
    columns = _measure_columns(rows[label_index], options["measures"], path, sheet, label_index)
    end_label = options["end_row"]

    body = rows[header_index + 1 :]
    first_row = header_index + 2  # 1-based number of the first data row, as a spreadsheet shows it
    codes = as_texts(row[1] for row in body)
    end = codes.index("") if "" in codes else len(body)  # the first row without an area code
    areas = body[:end]
    measures = list(columns)
    values, statuses = parse_values(
        row_cells(areas, list(columns.values())),
        path=path,
        sheet=sheet,
        where=lambda i: (first_row + i // len(measures), measures[i % len(measures)]),
    )
    if end == len(body):
        raise SourceFormatError(path, f"a '{end_label}' row after the areas", sheet=sheet)
    name = as_text(body[end][0])
    if name != end_label:
        raise SourceFormatError(
            path,
            f"an area code, or the '{end_label}' row",
            sheet=sheet,
            row=first_row + end,
            found=name,
        )
    if not areas:
        raise SourceFormatError(path, "at least one area row", sheet=sheet, row=header_index + 2)
    _fill_blanks(statuses, areas, len(measures))

    codes = codes[:end]
    indicators = [options["indicator"].format(measure=measure) for measure in measures]
    frame = pd.DataFrame(
        {
            "indicator_id": indicators * len(codes),
            "geo_code": [code for code in codes for _ in measures],
            "value": values,
            "status": statuses,
        }
    )
    frame["industry_code"] = "Total"
    frame["sex"] = options["sex"]
    frame["period"] = str(options["period"])
    frame["period_start"] = options["period_start"]
    frame["lci_95"] = None
    frame["uci_95"] = None
    frame = frame[OBSERVATION_COLUMNS]
    frame.attrs["areas"] = area_frame(
        dict(zip(codes, as_texts(row[0] for row in areas), strict=True))
    )
    return frame


def _fill_blanks(statuses: np.ndarray, areas: list[list[object]], width: int) -> None:
    """A marker in a row's first value column ('..' disclosive, ':' not applicable) stands for the
    whole row: ONS leaves the row's other cells blank, and they take the marker as their status."""
    markers = [MARKERS.get(text.lower()) for text in as_texts(row[2] for row in areas)]
    row_status = np.repeat(np.array(markers, dtype=object), width)
    fill = (statuses == BLANK) & pd.notna(row_status)
    statuses[fill] = row_status[fill]


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
