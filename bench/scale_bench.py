"""Page queries on synthetic warehouses at 1x, 10x and 100x the real row count, against a pandas
in-memory baseline measured in the same run.

    .venv/bin/python bench/scale_bench.py [--factors 1 10 100] [--repeat 30] [--pandas-max 10]

The 1x warehouse is the real one (restored from the embedded default). An Nx warehouse holds N
copies of every area (codes suffixed), so a level with 374 districts gets 37,400 areas at 100x:
as many as England and Wales have LSOAs. The page queries are the dashboard's own SQL files.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from etl import default_data  # noqa: E402

SQL_DIR = Path(__file__).resolve().parent.parent / "dashboard" / "sql"

# (name, SQL file, parameters): the interactions behind the home and compare pages.
QUERIES = [
    ("ranked ITL1", "ranked_areas", ["gva_per_head_gbp", "2021", "ITL1"]),
    ("ranked LAD", "ranked_areas", ["gva_cp_gbp_m", "2021", "LAD"]),
    ("periods LAD", "available_periods", ["gva_cp_gbp_m", "LAD"]),
    ("lens shares ITL1", "lens_shares", ["ITL1", "2021"]),
    ("lens shares LAD", "lens_shares", ["LAD", "2021"]),
]


def synthetic(real: Path, factor: int, target: Path) -> None:
    """Copy the real mart tables ``factor`` times with suffixed area codes, in the same order."""
    con = duckdb.connect(str(target))
    con.execute("SET memory_limit = '8GB'")  # sort 100x in bounded memory, spilling to disk
    con.execute("SET preserve_insertion_order = false")
    quoted = str(real).replace("'", "''")  # ATTACH takes no parameters; the path is ours
    con.execute(f"ATTACH '{quoted}' AS real (READ_ONLY)")
    con.execute("CREATE SCHEMA mart")
    columns = {
        "observation_latest": "indicator_id, geo_code, geo_name, geo_level, itl1_code, "
        "industry_code, sex, period, period_start, value, status, lci_95, uci_95, release_id",
        "gva_lens_share": "*",
    }
    for table, order in (
        (
            "observation_latest",
            "indicator_id, geo_level, industry_code, sex, period_start, geo_code",
        ),
        ("gva_lens_share", "geo_level, period_start, geo_code, bucket"),
    ):
        suffix = "CASE WHEN c.i = 0 THEN t.geo_code ELSE t.geo_code || '-' || c.i END"
        con.execute(
            f"CREATE TABLE mart.{table} AS SELECT * REPLACE ({suffix} AS geo_code) "
            f"FROM (SELECT {columns[table]} FROM real.mart.{table}) AS t, range(?) AS c(i) "
            f"ORDER BY {order}",
            [factor],
        )
    con.close()


# What the pandas baseline holds: the columns the page queries filter on or return.
FRAME_COLUMNS = {
    "observation_latest": [
        "indicator_id",
        "geo_code",
        "geo_name",
        "geo_level",
        "industry_code",
        "sex",
        "period",
        "period_start",
        "value",
        "status",
        "lci_95",
        "uci_95",
        "release_id",
    ],
    "gva_lens_share": [
        "geo_code",
        "geo_name",
        "geo_level",
        "period",
        "bucket",
        "gva_gbp_m",
        "share_pct",
        "release_id",
    ],
}


def in_memory(con: duckdb.DuckDBPyConnection, table: str, chunk: int = 2_000_000) -> pd.DataFrame:
    """A mart table as a pandas frame, text columns as categoricals with the smallest integer
    codes (as a careful pandas user would hold it), read in row ranges into preallocated arrays
    so that the 100x tables fit in memory."""
    columns = FRAME_COLUMNS[table]
    rows = con.execute(f"SELECT count(*) FROM mart.{table}").fetchone()[0]
    select = f"SELECT {', '.join(columns)} FROM mart.{table}"
    schema = con.execute(f"{select} LIMIT 0").to_arrow_table().schema
    text = {
        field.name: con.execute(
            f"SELECT DISTINCT {field.name} FROM mart.{table} "
            f"WHERE {field.name} IS NOT NULL ORDER BY 1"
        )
        .to_arrow_table()
        .column(0)
        .combine_chunks()
        for field in schema
        if pa.types.is_string(field.type) or pa.types.is_large_string(field.type)
    }
    arrays: dict[str, np.ndarray] = {}
    filled = 0
    for start in range(0, rows, chunk):
        part = con.execute(
            f"{select} WHERE rowid >= ? AND rowid < ?", [start, start + chunk]
        ).to_arrow_table()
        start, end = filled, filled + part.num_rows
        for name in columns:
            column = part.column(name)
            if name in text:
                dtype = np.min_scalar_type(-len(text[name]))
                values = pc.index_in(column, value_set=text[name]).fill_null(-1).to_numpy()
            else:
                values = column.to_numpy()
                dtype = values.dtype
            if name not in arrays:
                arrays[name] = np.empty(rows, dtype=dtype)
            arrays[name][start:end] = values
        filled = end
    if filled != rows:
        raise RuntimeError(f"read {filled:,} of {rows:,} rows of mart.{table}")
    return pd.DataFrame(
        {
            name: pd.Categorical.from_codes(arrays[name], categories=text[name].to_pylist())
            if name in text
            else arrays[name]
            for name in columns
        },
        copy=False,
    )


def timed(function, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(1000 * (time.perf_counter() - start))
    times.sort()
    return statistics.median(times), times[max(0, int(0.95 * len(times)) - 1)]


def pandas_query(frames: dict[str, pd.DataFrame], name: str, params: list[str]) -> pd.DataFrame:
    """The same selections done on in-memory frames with boolean masks."""
    obs, lens = frames["observation_latest"], frames["gva_lens_share"]
    if name == "ranked_areas":
        ind, period, level = params
        mask = (
            (obs["indicator_id"] == ind)
            & (obs["period"] == period)
            & (obs["industry_code"] == "Total")
            & (obs["sex"] == "all")
            & ((obs["geo_level"] == level) | (obs["geo_code"] == "UK"))
        )
        return obs.loc[mask].sort_values("value", ascending=False)
    if name == "available_periods":
        ind, level = params
        mask = (
            (obs["indicator_id"] == ind)
            & (obs["geo_level"] == level)
            & (obs["industry_code"] == "Total")
            & obs["value"].notna()
        )
        return (
            obs.loc[mask, ["period", "period_start"]].drop_duplicates().sort_values("period_start")
        )
    level, period = params
    return lens.loc[(lens["geo_level"] == level) & (lens["period"] == period)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument(
        "--pandas-max",
        type=int,
        default=10,
        help="largest factor also measured in pandas (memory bound)",
    )
    parser.add_argument(
        "--warehouse",
        type=Path,
        default=None,
        help="the 1x warehouse (default: restored from the embedded data)",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=None,
        help="keep the synthetic warehouses here and reuse those already built",
    )
    args = parser.parse_args()

    work = args.work or Path(tempfile.mkdtemp(prefix="scale-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    real = args.warehouse or work / "real.duckdb"
    if args.warehouse is None:
        default_data.restore(real)
    print(
        f"{'factor':>6} {'rows':>12} {'query':18} {'duckdb p50':>10} {'p95':>8} "
        f"{'pandas p50':>10} {'p95':>8} {'ratio':>6}"
    )
    for factor in args.factors:
        path = work / f"x{factor}.duckdb"
        start = time.perf_counter()
        reused = args.work is not None and path.exists()
        if not reused:
            synthetic(real, factor, path)
        built = time.perf_counter() - start
        con = duckdb.connect(str(path), read_only=True)
        rows = con.execute("SELECT count(*) FROM mart.observation_latest").fetchone()[0]
        frames = None
        if factor <= args.pandas_max:
            loading = time.perf_counter()
            frames = {table: in_memory(con, table) for table in FRAME_COLUMNS}
            size = sum(frame.memory_usage(deep=True).sum() for frame in frames.values())
            print(
                f"       (pandas frames: {size / 1e9:.2f} GB, "
                f"loaded in {time.perf_counter() - loading:.1f} s)"
            )
        for label, sql_name, params in QUERIES:
            sql = (SQL_DIR / f"{sql_name}.sql").read_text()
            d50, d95 = timed(
                lambda c=con, q=sql, p=params: c.cursor().execute(q, p).df(), args.repeat
            )
            if frames is not None:
                p50, p95 = timed(
                    lambda f=frames, n=sql_name, p=params: pandas_query(f, n, p), args.repeat
                )
                tail = f"{p50:>10.1f} {p95:>8.1f} {p50 / d50:>5.1f}x"
            else:
                tail = f"{'-':>10} {'-':>8} {'-':>6}"
            print(f"{factor:>5}x {rows:>12,d} {label:18} {d50:>10.1f} {d95:>8.1f} {tail}")
        how = "reused" if reused else f"built in {built:.1f} s"
        print(f"       (synthetic {factor}x {how}, {path.stat().st_size / 1e6:.0f} MB)")
        con.close()
        if args.work is None:
            path.unlink()


if __name__ == "__main__":
    main()
