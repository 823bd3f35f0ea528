"""Long-format Parquet tables: one row per date, area, industry and value, with dotted column names
("geography.code", "industry.code", ...), as written by the edd R package from Nomis.

Serves the Business Register and Employment Survey extract. Which columns hold what, the
employment status kept, and area codes the extract reuses for another area (it labels Great
Britain 'UK') are data in the source's YAML.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd

from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS

ROLES = ("date", "geo_code", "geo_name", "industry_code", "industry_name", "filter", "value")


def _read(path: Path, columns: dict[str, str]) -> pd.DataFrame:
    con = duckdb.connect()
    try:
        described = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [str(path)]).fetchall()
        present = [row[0] for row in described]
        missing = [c for c in columns.values() if c not in present]
        if missing:
            raise SourceFormatError(path, f"columns {missing}", found=present)
        select = ", ".join(f'"{column}" AS {role}' for role, column in columns.items())
        return con.execute(f"SELECT {select} FROM read_parquet(?)", [str(path)]).df()
    finally:
        con.close()


def extract(path: Path, options: dict) -> pd.DataFrame:
    columns: dict[str, str] = options["columns"]
    if set(columns) != set(ROLES):
        raise ValueError(f"{path.name}: column roles must be {ROLES}, got {sorted(columns)}")
    rows = _read(path, columns)
    kept = rows[rows["filter"] == options["keep"]]
    if kept.empty:
        raise SourceFormatError(
            path,
            f"rows where {columns['filter']} is {options['keep']!r}",
            found=rows["filter"].unique().tolist(),
        )
    renamed: dict[str, dict[str, str]] = options.get("areas", {})
    for old, new in renamed.items():
        names = set(kept.loc[kept["geo_code"] == old, "geo_name"])
        if names and names != {new["source_name"]}:
            raise SourceFormatError(
                path, f"area {old!r} named {new['source_name']!r}", found=sorted(names)
            )
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
            "period_start": [dt.date(d.year, d.month, d.day) for d in dates],
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
