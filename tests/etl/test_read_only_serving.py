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
    """Every connect() with a database path passes read_only=True, and every ATTACH of the
    warehouse says READ_ONLY (an in-memory connect() holds nothing of its own)."""
    opened = []
    for path in APP_FILES:
        tree = ast.parse(path.read_text())
        in_fstrings = {
            id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values
        }
        for node in ast.walk(tree):
            if id(node) in in_fstrings:
                continue
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "duckdb.connect":
                keywords = {k.arg: ast.unparse(k.value) for k in node.keywords}
                if node.args or "database" in keywords:
                    opened.append((path.name, keywords.get("read_only") == "True"))
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if node.value.lstrip().upper().startswith("ATTACH"):
                    opened.append((path.name, "READ_ONLY" in node.value.upper()))
            if isinstance(node, ast.JoinedStr) and "ATTACH" in ast.unparse(node):
                opened.append((path.name, "READ_ONLY" in ast.unparse(node).upper()))
    assert opened, "the app should open the warehouse somewhere"
    assert all(read_only for _, read_only in opened), opened


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
