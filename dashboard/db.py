"""Read-only access to the warehouse: one cached connection, a cursor per query, SQL from files.

Query results are cached on their plain arguments plus the warehouse build id, so a refresh that
swaps in a new warehouse is picked up on the next interaction.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from etl.config import warehouse_path

SQL_DIR = Path(__file__).parent / "sql"


class WarehouseMissing(RuntimeError):
    pass


def _signature() -> tuple[str, float]:
    path = warehouse_path()
    if not path.exists():
        raise WarehouseMissing(
            f"No warehouse at {path}. Run `make run` (which restores the embedded data) or "
            "`python -m etl build`."
        )
    return str(path), path.stat().st_mtime


@st.cache_resource(max_entries=2)
def _connection(path: str, mtime: float) -> duckdb.DuckDBPyConnection:
    """The warehouse attached read-only to a private in-memory database. A new file (new mtime)
    after a swap gets a new connection; ATTACH, unlike connect(path), does not reuse a database
    already open in this process, so the new file is really read."""
    con = duckdb.connect()
    quoted = path.replace("'", "''")  # ATTACH takes no parameters; the path is configuration
    con.execute(f"ATTACH '{quoted}' AS warehouse (READ_ONLY)")
    return con


def _cursor(signature: tuple[str, float]) -> duckdb.DuckDBPyConnection:
    cursor = _connection(*signature).cursor()
    cursor.execute("USE warehouse")
    return cursor


def build_id() -> str:
    """The serving warehouse's build id, read once per file (a swap brings a new mtime)."""
    return _build_id(_signature())


@lru_cache(maxsize=2)
def _build_id(signature: tuple[str, float]) -> str:
    cursor = _cursor(signature)
    try:
        return cursor.execute("SELECT build_id FROM core.build").fetchone()[0]
    finally:
        cursor.close()


@cache
def _sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text()


@st.cache_data(max_entries=512, show_spinner=False)
def _cached_query(name: str, params: tuple, signature: tuple[str, float]) -> pd.DataFrame:
    cursor = _cursor(signature)
    try:
        return cursor.execute(_sql(name), list(params)).df()
    finally:
        cursor.close()


def query(name: str, *params: object) -> pd.DataFrame:
    """Run dashboard/sql/<name>.sql with positional ``?`` parameters."""
    return _cached_query(name, tuple(params), _signature())
