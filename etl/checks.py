"""The checks a warehouse must pass before it is served, and a report of them.

Each file in etl/sql/checks returns no rows when the warehouse is healthy; expected_columns runs
first and, when a table or column is missing, the others are not run. A new build is also
compared with the live one: a table that loses more than SHRINK_TOLERANCE of its rows fails the
build unless shrinking is allowed (``--allow-shrink``), e.g. when a release is withdrawn.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl.config import SQL_DIR
from etl.errors import ValidationError
from etl.warehouse import row_counts

CHECKS_DIR = SQL_DIR / "checks"
SCHEMA_CHECK = "expected_columns"
SHRINK_TOLERANCE = 0.05


@dataclass
class CheckResult:
    name: str
    purpose: str
    rows: list[tuple] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    skipped: bool = False

    @property
    def ok(self) -> bool:
        return not (self.rows or self.error or self.skipped)

    def summary(self) -> str:
        if self.skipped:
            return f"{self.name}: not run, the schema check failed"
        if self.error:
            return f"{self.name}: could not run: {self.error}"
        return f"{self.name}: {len(self.rows)} failing row(s), e.g. {self.rows[:3]}"


def check_files() -> list[Path]:
    files = sorted(CHECKS_DIR.glob("*.sql"))
    return sorted(files, key=lambda p: p.stem != SCHEMA_CHECK)


def _purpose(sql: str) -> str:
    lines = [line[2:].strip() for line in sql.splitlines() if line.startswith("--")]
    return " ".join(lines)


def run_checks(
    con: duckdb.DuckDBPyConnection, progress: Callable[[str], None] = lambda _: None
) -> list[CheckResult]:
    results: list[CheckResult] = []
    for path in check_files():
        sql = path.read_text()
        result = CheckResult(path.stem, _purpose(sql))
        if results and not results[0].ok and results[0].name == SCHEMA_CHECK:
            result.skipped = True
        else:
            progress(f"check {path.stem}")
            started = time.perf_counter()
            try:
                result.rows = con.execute(sql).fetchall()
            except duckdb.Error as exc:
                result.error = str(exc).splitlines()[0]
            result.seconds = time.perf_counter() - started
        results.append(result)
    return results


def live_row_counts(warehouse: Path) -> dict[str, int] | None:
    """Row counts of the live warehouse to compare a new build with; None when there is none."""
    if not warehouse.exists():
        return None
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error as exc:
        raise ValidationError(
            f"cannot open the live warehouse {warehouse} to compare row counts ({exc}); "
            "rebuild with --allow-shrink to replace it without the comparison"
        ) from exc
    try:
        return row_counts(con)
    finally:
        con.close()


def shrunk_tables(
    new: dict[str, int], old: dict[str, int], tolerance: float = SHRINK_TOLERANCE
) -> list[str]:
    """Tables of the live warehouse that the new build drops or shrinks by more than tolerance."""
    return [
        f"{table}: {before:,d} rows live, {new.get(table, 0):,d} in the new build"
        + ("" if table in new else " (table missing)")
        for table, before in old.items()
        if new.get(table, 0) < before * (1 - tolerance)
    ]


def validate(
    con: duckdb.DuckDBPyConnection,
    previous: dict[str, int] | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> list[CheckResult]:
    """Run every check, and compare row counts with ``previous`` when given; raise
    ValidationError naming each failure."""
    results = run_checks(con, progress)
    failures = [r.summary() for r in results if not r.ok]
    if previous is not None:
        shrunk = shrunk_tables(row_counts(con), previous)
        failures += [
            f"row count fell by more than {SHRINK_TOLERANCE:.0%} (--allow-shrink to accept): {s}"
            for s in shrunk
        ]
    if failures:
        raise ValidationError("warehouse checks failed:\n  " + "\n  ".join(failures))
    return results
