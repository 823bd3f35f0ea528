"""The dashboard's cached connection follows a swapped-in warehouse on the next query."""

from __future__ import annotations

import os
import time

import duckdb

from dashboard import db


def _warehouse(path, build: str) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE SCHEMA core")
        con.execute("CREATE TABLE core.build AS SELECT ? AS build_id", [build])


def test_a_swap_is_seen_by_the_next_query(tmp_path, monkeypatch):
    live = tmp_path / "live.duckdb"
    _warehouse(live, "old000000000")
    monkeypatch.setenv("BEYOND_GDP_WAREHOUSE", str(live))
    assert db.build_id() == "old000000000"
    staging = tmp_path / ".live.duckdb.building"
    _warehouse(staging, "new000000000")
    later = time.time() + 5  # a distinct modification time, as any later build has
    os.utime(staging, (later, later))
    os.replace(staging, live)
    assert db.build_id() == "new000000000"
