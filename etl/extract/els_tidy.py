"""ONS Explore Local Statistics tidy CSVs: one row per area, indicator and period.

Serves both layouts ONS has published them in. The latest has header ``areacd, areanm,
geography, indicator, period, observation, measure, unit, lci_95, uci_95, status, notes`` with
ISO 8601 periods (``2011-04-01/P1Y``, ``2011-01-01/P3Y``, ASHE dates ``2025-04-30``) and status
``x``/``u``. The 2023 subnational-indicators ('IDS') batch has ``AREACD, AREANM, Geography, …,
Observation Status`` with compact periods (``201112``, ``2011-13``, ``2022``), ``na`` for missing
values and intervals, and suppression spelled out in words. Which columns, period spelling and
status words a release uses are data in its source's ``layout``; which indicator value is loaded
as which indicator id, its sex and its period kind are data in each table entry.

Period labels are the same in both layouts so releases can be compared: '2022/23' (April-March),
'2020-22' (three years), '2021' (calendar year, or the April ASHE reference date).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from etl import dimensions
from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS
from etl.extract.areas import area_frame
from etl.extract.cells import BLANK, parse_value, parse_values, read_csv_columns, read_rows

ROLES = ("code", "name", "indicator", "period", "value", "measure", "lci", "uci", "status")
# Period spellings: the first group is the start year, an optional second group the last two
# digits of the end year.
PERIOD_FORMATS = {
    "iso": {
        "calendar_year": r"([0-9]{4})-01-01/P1Y",
        "financial_year": r"([0-9]{4})-04-01/P1Y",
        "three_year": r"([0-9]{4})-01-01/P3Y",
        "april_date": r"([0-9]{4})-04-[0-9]{2}",
    },
    "compact": {
        "calendar_year": r"([0-9]{4})",
        "financial_year": r"([0-9]{4})([0-9]{2})",
        "three_year": r"([0-9]{4})-([0-9]{2})",
        "april_date": r"([0-9]{4})",
    },
}
ITL_LEVELS = {3: "ITL1", 4: "ITL2", 5: "ITL3"}  # TL codes: level by length (TLC, TLC4, TLC41)
ITL_CODE = re.compile(r"TL[A-Z][0-9A-Z]{0,2}")


def period_of(kind: str, year: int) -> tuple[str, dt.date]:
    """(label, period_start) of a period of ``kind`` beginning in ``year``."""
    if kind == "calendar_year":
        return str(year), dt.date(year, 1, 1)
    if kind == "financial_year":
        return f"{year}/{(year + 1) % 100:02d}", dt.date(year, 4, 1)
    if kind == "three_year":
        return f"{year}-{(year + 2) % 100:02d}", dt.date(year, 1, 1)
    if kind == "april_date":  # ASHE: the pay period including a date in April
        return str(year), dt.date(year, 4, 1)
    raise ValueError(f"unknown period kind {kind!r}")


def extract(path: Path, options: dict) -> pd.DataFrame:
    """Rows of one indicator (``options['select']`` in the indicator column) as observations."""
    pattern = re.compile(PERIOD_FORMATS[options["period_format"]][options["period"]])
    try:
        frame, names = _read_columns(_columns(*_file_key(path)), options, pattern, path)
    except Exception:  # anything irregular: the row-by-row reading finds and names the first error
        frame, names = _read_rows(_rows(*_file_key(path)), options, pattern, path)
    frame["indicator_id"] = options["indicator"]
    frame["industry_code"] = "Total"
    frame["sex"] = options.get("sex", "all")
    frame = drop_repeated_areas(frame[OBSERVATION_COLUMNS], path)
    kept = set(frame["geo_code"].unique())
    frame.attrs["areas"] = source_areas({c: n for c, n in names.items() if c in kept})
    return frame


def _index(header: list[str], options: dict, path: Path) -> dict[str, int]:
    """Position of each role's column in the header."""
    if set(options["columns"]) != set(ROLES):
        raise ValueError(
            f"{path.name}: layout columns must give {ROLES}, got {sorted(options['columns'])}"
        )
    header = [str(c).strip() for c in header]
    return {role: _column(header, name, path) for role, name in options["columns"].items()}


def _check_indicators(seen: set[str], options: dict, path: Path) -> None:
    """The file holds exactly the indicators its layout expects."""
    expected = set(options["expect_indicators"])
    if seen != expected:
        raise SourceFormatError(
            path, f"indicators {sorted(expected)}", row=2, found=sorted(seen - expected)
        )


FIELDS = ["geo_code", "period", "period_start", "value", "lci_95", "uci_95", "status"]


def _read_rows(
    rows: list[list[str]], options: dict, pattern: re.Pattern, path: Path
) -> tuple[pd.DataFrame, dict[str, str]]:
    """The selected rows one at a time, failing at the first that is wrong: (FIELDS, names)."""
    index = _index(rows[0], options, path)
    _check_indicators(
        {row[index["indicator"]] for row in rows[1:] if len(row) == len(rows[0])}, options, path
    )
    columns, kind, statuses = options["columns"], options["period"], options["statuses"]
    repairs: dict[str, str] = options.get("area_codes", {})
    wanted, measure = options["select"], options.get("measure")
    records, names = [], {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(rows[0]):
            raise SourceFormatError(path, f"{len(rows[0])} fields", row=number, found=len(row))
        if row[index["indicator"]] != wanted:
            continue
        if measure is not None and row[index["measure"]] != measure:
            raise SourceFormatError(path, f"measure '{measure}'", row=number, found=row)
        code = repairs.get(row[index["code"]].strip(), row[index["code"]].strip())
        names[code] = row[index["name"]].strip()
        label, start = _period(row[index["period"]], kind, pattern, path, number)
        value, status = _value_and_status(row, index, statuses, path, number)
        lci = _bound(row[index["lci"]], path, number, columns["lci"])
        uci = _bound(row[index["uci"]], path, number, columns["uci"])
        records.append((code, label, start, value, lci, uci, status))
    if not records:
        raise SourceFormatError(path, f"rows for indicator '{wanted}'", row=2)
    return pd.DataFrame(records, columns=FIELDS), names


class _Irregular(Exception):
    """Something that ``_read_columns`` leaves to ``_read_rows``, which names the row."""


def _read_columns(
    cells: list[pa.Array] | None, options: dict, pattern: re.Pattern, path: Path
) -> tuple[pd.DataFrame, dict[str, str]]:
    """``_read_rows`` a whole column at a time, for a file without errors (then the result is the
    same); it raises at anything irregular, without naming the row."""
    if cells is None:
        raise _Irregular
    index = _index([c[0].as_py() for c in cells], options, path)
    body = {role: cells[i].slice(1) for role, i in index.items()}
    _check_indicators(set(body["indicator"].unique().to_pylist()), options, path)
    selected = pc.equal(body["indicator"], options["select"])
    if not pc.any(selected).as_py():
        raise _Irregular

    def column(role: str) -> list[str]:
        return body[role].filter(selected).to_pylist()

    measure = options.get("measure")
    if measure is not None and set(column("measure")) != {measure}:
        raise _Irregular
    repairs: dict[str, str] = options.get("area_codes", {})
    raw_codes = column("code")
    fixed = {c: repairs.get(c.strip(), c.strip()) for c in set(raw_codes)}
    codes = list(map(fixed.__getitem__, raw_codes))
    last_names = dict(zip(codes, column("name"), strict=True))
    periods = {t: _period(t, options["period"], pattern, path, 0) for t in set(column("period"))}
    labels, starts = zip(*map(periods.__getitem__, column("period")), strict=True)

    values, markers = _values(body["value"].filter(selected), path)
    words = np.array([w.strip() for w in column("status")], dtype=object)
    worded = np.flatnonzero(words != "")
    statuses: dict[str, str] = options["statuses"]
    if not set(words[worded]) <= statuses.keys() or not np.isnan(values[worded]).all():
        raise _Irregular
    markers[worded] = [statuses[w] for w in words[worded]]
    bounds = {}
    for role, field in (("lci", "lci_95"), ("uci", "uci_95")):
        bound, kinds = _values(body[role].filter(selected), path)
        if not set(kinds) <= {None, BLANK, "na"}:
            raise _Irregular
        bounds[field] = _nullable(bound)
    frame = pd.DataFrame(
        {
            "geo_code": codes,
            "period": list(labels),
            "period_start": list(starts),
            "value": _nullable(values),
            **bounds,
            "status": markers.tolist(),
        },
        columns=FIELDS,
    )
    return frame, {code: name.strip() for code, name in last_names.items()}


def _values(cells: pa.Array, path: Path) -> tuple[np.ndarray, np.ndarray]:
    return parse_values(cells, path=path, sheet=None, where=lambda i: (0, ""))


def _nullable(values: np.ndarray) -> list[float | None]:
    """Floats with None where missing, as the row-by-row records hold them."""
    return [None if v != v else v for v in values.tolist()]


def source_areas(names: dict[str, str]) -> pd.DataFrame:
    """geo_code, geo_name, geo_level of every area named; ITL codes get their ITL level (newer
    ITL 2025 areas are not in the reference lookups)."""
    frame = area_frame(names)
    frame["geo_level"] = [
        ITL_LEVELS[len(code)] if ITL_CODE.fullmatch(code) else level
        for code, level in zip(frame["geo_code"].tolist(), frame["geo_level"].tolist(), strict=True)
    ]
    return frame


def drop_repeated_areas(frame: pd.DataFrame, path: Path) -> pd.DataFrame:
    """Keep one row per area where a file gives an area twice, under its GSS code and its ITL
    code (e.g. region E12000001 and ITL1 TLC); the two rows must agree, else the file is wrong."""
    keyed = frame.assign(area=frame["geo_code"].map(gss_to_itl()).fillna(frame["geo_code"]))
    key = ["area", "indicator_id", "sex", "period"]
    repeated = keyed[keyed.duplicated(key, keep=False)]
    if repeated.empty:
        return frame
    figures = repeated[["value", "lci_95", "uci_95", "status"]].astype(str)
    differing = figures.groupby([repeated[k] for k in key]).nunique().gt(1).any(axis=1)
    if differing.any():
        raise SourceFormatError(
            path,
            "the same figures where an area appears under two codes",
            found=differing[differing].index[0],
        )
    alias_rows = keyed.duplicated(key, keep=False) & (keyed["geo_code"] != keyed["area"])
    return frame[~alias_rows]


@cache
def gss_to_itl() -> dict[str, str]:
    """GSS code -> ITL code of the areas the crosswalk pairs (regions, nations, UK)."""
    _, alias = dimensions.geography()
    pairs = alias[alias["alias_kind"] == "gss_code"]
    return dict(zip(pairs["alias"], pairs["geo_code"], strict=True))


@cache
def name_to_code() -> dict[str, str]:
    """Area name variant -> geography code, from the alias table."""
    _, alias = dimensions.geography()
    names = alias[alias["alias_kind"] == "name"]
    return dict(zip(names["alias"], names["geo_code"], strict=True))


# One file serves several indicators in turn: it is read once (its time and size are in the key,
# so a replaced file is read afresh).
def _file_key(path: Path) -> tuple[Path, int, int]:
    stat = path.stat()
    return path, stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=2)
def _columns(path: Path, modified_ns: int, size: int) -> list[pa.Array] | None:
    """The file's columns, header included (None where it is not plainly rectangular)."""
    return read_csv_columns(path)


@lru_cache(maxsize=2)
def _rows(path: Path, modified_ns: int, size: int) -> list[list[str]]:
    """The file's rows, for the row-by-row reading."""
    rows = read_rows(path)
    if not rows:
        raise SourceFormatError(path, "a header row", row=1)
    return rows


def _column(header: list[str], name: str, path: Path) -> int:
    if name not in header:
        raise SourceFormatError(path, f"a column named '{name}'", row=1, found=header)
    return header.index(name)


def _period(text: str, kind: str, pattern: re.Pattern, path: Path, row: int):
    match = pattern.fullmatch(text.strip())
    if not match:
        raise SourceFormatError(
            path, f"a {kind} period like {pattern.pattern}", row=row, found=text
        )
    year = int(match.group(1))
    label, start = period_of(kind, year)
    if pattern.groups > 1 and not label.endswith(match.group(2)):
        raise SourceFormatError(
            path, f"a {kind} period ending in {label[-2:]}", row=row, found=text
        )
    return label, start


def _value_and_status(
    row: list[str], index: dict[str, int], statuses: dict[str, str], path: Path, number: int
) -> tuple[float | None, str | None]:
    """A published status word becomes its marker and carries no value; otherwise the value cell
    is a number or a marker such as 'na'."""
    cell, word = row[index["value"]], row[index["status"]].strip()
    value, marker = parse_value(cell, path=path, sheet=None, row=number, column="value")
    if not word:
        return value, marker
    if word not in statuses:
        raise SourceFormatError(path, f"a status among {sorted(statuses)}", row=number, found=word)
    if value is not None:
        raise SourceFormatError(path, f"no value beside status '{word}'", row=number, found=cell)
    return None, statuses[word]


def _bound(cell: str, path: Path, row: int, column: str) -> float | None:
    value, marker = parse_value(cell, path=path, sheet=None, row=row, column=column)
    if marker not in (None, BLANK, "na"):
        raise SourceFormatError(path, f"a number, blank or 'na' in '{column}'", row=row, found=cell)
    return value
