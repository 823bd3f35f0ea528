"""No SQL is built from values in the dashboard: every statement comes from a .sql file or a
plain literal, and parameters are bound with ``?``. A static check of dashboard/, pages/ and
app.py, with known-bad snippets to show that it catches interpolation."""

from __future__ import annotations

import ast
import re

import pytest

from etl.config import PROJECT_ROOT

SOURCES = sorted(
    [*(PROJECT_ROOT / "dashboard").rglob("*.py"), *(PROJECT_ROOT / "pages").glob("*.py")]
) + [PROJECT_ROOT / "app.py"]
SQL_DIR = PROJECT_ROOT / "dashboard" / "sql"
RUNS_SQL = {"execute", "executemany", "sql", "query", "read_sql", "read_sql_query"}
LOOKS_LIKE_SQL = re.compile(
    r"\b(select|insert|update|delete|drop|create|attach|copy|pragma|install|load)\b.*"
    r"\b(from|into|table|set|as|database|extension)\b",
    re.IGNORECASE | re.DOTALL,
)


def _literal_text(node: ast.AST) -> str:
    """The literal parts of a string expression (f-string, concatenation, format, %)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_literal_text(v) for v in node.values)
    if isinstance(node, ast.BinOp):
        return _literal_text(node.left) + " " + _literal_text(node.right)
    if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "format":
        return _literal_text(node.func.value)
    return ""


def _built(node: ast.AST) -> bool:
    """A string put together at run time from pieces."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return bool(_literal_text(node).strip())
    return isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "format"


def _allowed_statement(node: ast.AST, sql_names: set[str]) -> bool:
    """A literal, a .sql file's text (_sql(name)), or a name bound to one of those."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_sql":
        return True
    return isinstance(node, ast.Name) and node.id in sql_names


def problems(source: str, where: str = "<source>") -> list[str]:
    """Every place ``source`` builds SQL from values or runs a statement not from a file."""
    tree = ast.parse(source)
    found = []
    assigned: dict[str, bool] = {}  # name -> every assignment to it is a safe statement
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    safe = _allowed_statement(node.value, set())
                    assigned[target.id] = assigned.get(target.id, True) and safe
    safe_names = {name for name, safe in assigned.items() if safe}
    for node in ast.walk(tree):
        if _built(node) and LOOKS_LIKE_SQL.search(_literal_text(node)):
            found.append(f"{where}:{node.lineno}: SQL text built from values")
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        if name not in RUNS_SQL:
            continue
        statement = node.args[0]
        if name == "query" and isinstance(node.func, ast.Name):  # dashboard.db.query("file")
            if not (isinstance(statement, ast.Constant) and isinstance(statement.value, str)):
                found.append(f"{where}:{node.lineno}: query() needs a literal .sql file name")
            elif not (SQL_DIR / f"{statement.value}.sql").exists():
                found.append(f"{where}:{node.lineno}: no dashboard/sql/{statement.value}.sql")
        elif not _allowed_statement(statement, safe_names):
            found.append(f"{where}:{node.lineno}: {name}() runs a statement built at run time")
    return found


# The only statements allowed to be built: each names the file and its exact source line. The
# warehouse path comes from configuration (BEYOND_GDP_WAREHOUSE), never from a request, is
# quote-escaped, and DuckDB's ATTACH takes no bound parameters.
EXEMPT = {("db.py", """con.execute(f"ATTACH '{quoted}' AS warehouse (READ_ONLY)")""")}


def test_dashboard_never_interpolates_into_sql():
    found = []
    for path in SOURCES:
        lines = path.read_text().splitlines()
        for problem in problems(path.read_text(), path.name):
            line = lines[int(problem.split(":")[1]) - 1].strip()
            if (path.name, line) not in EXEMPT:
                found.append(f"{problem}: {line}")
    assert not found, "\n".join(found)


def test_sql_files_hold_no_format_placeholders():
    placeholder = re.compile(r"\{\w*\}|%s|%\(\w+\)s")
    bad = [p.name for p in SQL_DIR.glob("*.sql") if placeholder.search(p.read_text())]
    assert not bad


@pytest.mark.parametrize(
    "snippet",
    [
        "con.execute(f\"SELECT * FROM t WHERE code = '{code}'\")",
        "con.execute(\"SELECT * FROM t WHERE code = '%s'\" % code)",
        "con.execute(\"SELECT * FROM t WHERE code = '{}'\".format(code))",
        "con.sql('SELECT * FROM ' + table)",
        "statement = f'SELECT value FROM t WHERE year = {year}'\ncon.execute(statement)",
        "q = 'SELECT 1'\nq = build(q, code)\ncon.execute(q)",
        "query(name, code)",
        "query('no_such_file', code)",
        "text = f'DROP TABLE {table}'",
    ],
)
def test_the_check_catches_interpolation(snippet):
    assert problems(snippet)


def test_the_check_passes_bound_parameters():
    good = (
        "con.execute('SELECT build_id FROM core.build')\n"
        "cursor.execute(_sql(name), list(params))\n"
        "query('indicators')\n"
        "st.write(f'{area} ranks first of {n} areas')\n"
    )
    assert problems(good) == []
