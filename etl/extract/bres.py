"""Long-format Parquet tables: one row per date, area, industry and value, with dotted column names
("geography.code", "industry.code", ...), as written by the edd R package from Nomis.

Serves the Business Register and Employment Survey extract. Which columns hold what, the
employment status kept, and area codes the extract reuses for another area (it labels Great
Britain 'UK') are data in the source's YAML. Rows in errors count the file's data rows from 1.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS

ROLES = ("date", "geo_code", "geo_name", "industry_code", "industry_name", "filter", "value")
KEY = ["date", "geo_code", "industry_code"]
# What a role's column holds: in words, the type it is read as, and the Parquet types accepted.
DATE = ("a date", "DATE", {"DATE", "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS"})
INTEGERS = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT"}
NUMBER = (
    "a number",
    "DOUBLE",
    INTEGERS | {"U" + t for t in INTEGERS} | {"FLOAT", "DOUBLE", "DECIMAL"},
)
TEXT = ("text", "VARCHAR", {"VARCHAR"})
KINDS = {"date": DATE, "value": NUMBER}


def _read(path: Path, columns: dict[str, str]) -> pd.DataFrame:
    source = "read_parquet(?, file_row_number = true)"
    con = duckdb.connect()
    try:
        types = dict(
            row[:2]
            for row in con.execute(f"DESCRIBE SELECT * FROM {source}", [str(path)]).fetchall()
        )
        missing = [c for c in columns.values() if c not in types]
        if missing:
            raise SourceFormatError(path, f"columns {missing}", found=list(types))
        for role, column in columns.items():
            kind, read_as, accepted = KINDS.get(role, TEXT)
            if types[column].split("(")[0] not in accepted:
                bad = con.execute(
                    f'SELECT file_row_number + 1, "{column}"::VARCHAR FROM {source} '
                    f'WHERE "{column}" IS NOT NULL AND TRY_CAST("{column}" AS {read_as}) IS NULL '
                    "ORDER BY 1 LIMIT 1",
                    [str(path)],
                ).fetchone()
                if bad:
                    raise SourceFormatError(path, f"{kind} in {column}", row=bad[0], found=bad[1])
                raise SourceFormatError(path, f"{column} stored as {kind}", found=types[column])
        select = ", ".join(
            f'CAST("{column}" AS {KINDS.get(role, TEXT)[1]}) AS {role}'
            for role, column in columns.items()
        )
        return con.execute(
            f"SELECT file_row_number + 1 AS row, {select} FROM {source} ORDER BY row", [str(path)]
        ).df()
    except duckdb.Error as error:
        found = str(error).splitlines()[0]
        raise SourceFormatError(path, "a readable Parquet file", found=found) from error
    finally:
        con.close()


def _check(path: Path, rows: pd.DataFrame, bad: pd.Series, expected: str, found) -> None:
    """A SourceFormatError at the first row flagged in ``bad``, if any; ``found`` gives what
    that row holds."""
    flagged = rows[bad.to_numpy(dtype=bool)]
    if len(flagged):
        first = flagged.iloc[0]
        raise SourceFormatError(path, expected, row=int(first["row"]), found=found(first))


def _checked(path: Path, rows: pd.DataFrame, columns: dict[str, str], keep: str) -> pd.DataFrame:
    """The rows to keep, once every one has a date, area, industry and finite or missing value,
    and no date, area and industry repeats."""
    _check(path, rows, rows["filter"].isna(), f"a value in {columns['filter']}", lambda r: None)
    kept = rows[rows["filter"] == keep]
    if kept.empty:
        raise SourceFormatError(
            path,
            f"rows where {columns['filter']} is {keep!r}",
            found=rows["filter"].unique().tolist(),
        )
    for role in KEY:
        blank = kept[role].isna()
        if role != "date":
            blank |= kept[role].str.strip().eq("")
        kind = KINDS.get(role, TEXT)[0]
        _check(path, kept, blank, f"{kind} in {columns[role]}", lambda r: None)
    infinite = pd.Series(np.isinf(kept["value"].to_numpy(dtype=float)))
    _check(
        path, kept, infinite, f"a finite number in {columns['value']}", lambda r: float(r["value"])
    )
    repeated = kept.duplicated(KEY)
    _check(
        path,
        kept,
        repeated,
        "one row per date, area and industry",
        lambda r: f"{r['geo_code']} {r['industry_code']} {r['date']:%Y-%m-%d} again",
    )
    return kept


def extract(path: Path, options: dict) -> pd.DataFrame:
    columns: dict[str, str] = options["columns"]
    if set(columns) != set(ROLES):
        raise ValueError(f"{path.name}: column roles must be {ROLES}, got {sorted(columns)}")
    kept = _checked(path, _read(path, columns), columns, options["keep"])
    renamed: dict[str, dict[str, str]] = options.get("areas", {})
    for old, new in renamed.items():
        misnamed = kept["geo_code"].eq(old) & ~kept["geo_name"].eq(new["source_name"])
        expected = f"area {old!r} named {new['source_name']!r}"
        _check(path, kept, misnamed, expected, lambda r: r["geo_name"])
    dates = pd.to_datetime(kept["date"])
    frame = pd.DataFrame(
        {
            "indicator_id": options["indicator"],
            "geo_code": kept["geo_code"].replace(
                {old: new["geo_code"] for old, new in renamed.items()}
            ),
            "industry_code": kept["industry_code"],
            "sex": "all",
            "period": dates.dt.year.astype(str),
            "period_start": dates.to_numpy().astype("datetime64[D]"),
            "value": kept["value"].astype(float),
            "lci_95": None,
            "uci_95": None,
            "status": None,
        }
    )
    missing = frame["value"].isna()
    frame.loc[missing, "status"] = "na"  # the extract marks nothing; a gap is not a zero
    frame = frame[OBSERVATION_COLUMNS].reset_index(drop=True)
    # Section letters and 'Total' are already in the industry dimension, so no names are passed.
    frame.attrs["areas"] = pd.DataFrame(
        [(new["geo_code"], new["geo_name"], new["geo_level"]) for new in renamed.values()],
        columns=["geo_code", "geo_name", "geo_level"],
    )
    return frame
