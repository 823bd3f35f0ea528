"""Replicas share one warehouse file: the app opens it read-only only, and a dashboard holding it
open does not stop a build from swapping a new one in."""

from __future__ import annotations

import ast

import duckdb

from etl.config import PROJECT_ROOT
from tests.etl.conftest import build_id, build_with, own

APP_FILES = [
    PROJECT_ROOT / "app.py",
    *(PROJECT_ROOT / "dashboard").rglob("*.py"),
    *(PROJECT_ROOT / "pages").rglob("*.py"),
]


def test_the_app_opens_the_warehouse_read_only():
    connects = []
    for path in APP_FILES:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "duckdb.connect":
                keywords = {k.arg: ast.unparse(k.value) for k in node.keywords}
                connects.append((path.name, keywords.get("read_only")))
    assert connects, "the app should open the warehouse somewhere"
    assert all(flag == "True" for _, flag in connects), connects


def test_a_build_swaps_in_while_a_reader_holds_the_old_file(live, gva_raw):
    reader = duckdb.connect(str(live), read_only=True)
    try:
        old = reader.execute("SELECT build_id FROM core.build").fetchone()[0]
        build_with(own("gva_per_head"), live, gva_raw)
        # the open connection still reads the file it opened; a new one sees the new build
        assert reader.execute("SELECT build_id FROM core.build").fetchone()[0] == old
        assert reader.execute("SELECT count(*) FROM core.observation").fetchone()[0] > 0
    finally:
        reader.close()
    assert build_id(live) != old
