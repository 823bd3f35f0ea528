"""The embedded default: compact Parquet copies of the warehouse tables the dashboard reads,
produced by this ETL from the ONS files and committed, so a fresh offline machine opens on real
figures. Contains public sector information licensed under the Open Government Licence v3.0."""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.build import RAW_OBSERVATION_SQL, transforms, validate
from etl.config import DEFAULT_DATA_DIR
from etl.warehouse import build_lock, discard, staging_path, swap_in

# Tables loaded from Parquet; the mart tables are rebuilt from them by the same SQL as a build.
TABLES = [
    "raw.release_file",
    "core.geography",
    "core.geo_alias",
    "core.industry",
    "core.indicator",
    "core.source",
    "core.release",
    "core.observation",
    "core.build",
    "core.boundary",
    "core.hex_layout",
    "core.lad_combined_authority",
]


def _file(table: str) -> Path:
    return DEFAULT_DATA_DIR / f"{table}.parquet"


def export(warehouse: Path) -> int:
    DEFAULT_DATA_DIR.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        for table in TABLES:
            order = (
                "ORDER BY ALL"
                if table != "core.observation"
                else (
                    "ORDER BY indicator_id, release_id, geo_code, industry_code, sex, period_start"
                )
            )
            con.execute(
                f"COPY (SELECT * FROM {table} {order}) TO '{_file(table)}' "
                "(FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 19)"
            )
    finally:
        con.close()
    return sum(_file(t).stat().st_size for t in TABLES)


def restore(warehouse: Path) -> None:
    """Create the warehouse from the embedded Parquet, built and swapped in like any build."""
    with build_lock(warehouse):
        staging = staging_path(warehouse, "restoring")
        con = duckdb.connect(str(staging))
        try:
            for schema in ("raw", "core", "mart"):
                con.execute(f"CREATE SCHEMA {schema}")
            for table in TABLES:
                con.execute(
                    f"CREATE TABLE {table} AS SELECT * FROM read_parquet(?)", [str(_file(table))]
                )
            # raw.observation is not shipped; the checks that read it see an empty table.
            con.execute(RAW_OBSERVATION_SQL.read_text())
            for transform in transforms():
                if transform.parent.name == "mart":
                    con.execute(transform.read_text())
            validate(con)
            con.execute("CHECKPOINT")
            con.close()
            swap_in(staging, warehouse)
        finally:
            con.close()
            discard(staging)
