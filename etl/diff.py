"""What changed between two releases of one source, or between two warehouses.

Both sides are reduced to keyed observations (indicator, area, industry, sex, period) and compared
by the SQL in etl/sql/diff: values revised on the areas and periods both hold, periods added,
series dropped and series added. Two warehouses are compared on what each serves
(mart.observation_latest), so a new release shows as revisions of the figures on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from etl.config import SQL_DIR

DIFF_DIR = SQL_DIR / "diff"
REPORTS = ("revised_by_indicator", "revised", "new_periods", "dropped_series", "new_series")


@dataclass
class Diff:
    old: str
    new: str
    tables: dict[str, pd.DataFrame]

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]


def _sql(name: str) -> str:
    return (DIFF_DIR / f"{name}.sql").read_text()


def _compare(old, new, old_label: str, new_label: str) -> Diff:
    """Run every report on two Arrow tables of keyed observations."""
    con = duckdb.connect()
    try:
        con.register("diff_old", old)
        con.register("diff_new", new)
        return Diff(old_label, new_label, {name: con.execute(_sql(name)).df() for name in REPORTS})
    finally:
        con.close()


def source_releases(warehouse: Path, source_id: str) -> list[str]:
    """The releases of a source loaded in the warehouse, oldest first."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "SELECT release_id FROM core.release WHERE source_id = ? ORDER BY release_date",
            [source_id],
        ).fetchall()
    return [r[0] for r in rows]


def compare_releases(
    warehouse: Path, source_id: str, old: str | None = None, new: str | None = None
) -> Diff:
    """Two releases of a source (by default its latest two) as loaded in the warehouse."""
    releases = source_releases(warehouse, source_id)
    if old is None or new is None:
        if len(releases) < 2:
            raise ValueError(
                f"{source_id} has {len(releases)} release(s) in {warehouse}; a diff needs two"
            )
        old, new = old or releases[-2], new or releases[-1]
    missing = [r for r in (old, new) if r not in releases]
    if missing:
        raise ValueError(f"{missing} not among the releases of {source_id}: {releases}")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = _sql("release_rows")
        before = con.execute(rows, [old]).to_arrow_table()
        after = con.execute(rows, [new]).to_arrow_table()
    return _compare(before, after, old, new)


def compare_warehouses(old: Path, new: Path) -> Diff:
    """What ``new`` would serve compared with what ``old`` serves."""
    tables = []
    for path in (old, new):
        with duckdb.connect(str(path), read_only=True) as con:
            tables.append(con.execute(_sql("served_rows")).to_arrow_table())
    return _compare(*tables, str(old), str(new))


def report(diff: Diff, limit: int = 20) -> str:
    """The diff as text: a summary per indicator, then the largest revisions and the lists."""
    lines = [f"changes from {diff.old} to {diff.new}", ""]
    sections = [
        ("values compared and revised, by indicator", "revised_by_indicator", None),
        (f"largest revisions (of {len(diff['revised']):,d})", "revised", limit),
        ("new periods", "new_periods", None),
        (f"series dropped ({len(diff['dropped_series']):,d})", "dropped_series", limit),
        (f"series added ({len(diff['new_series']):,d})", "new_series", limit),
    ]
    for title, name, rows in sections:
        frame = diff[name] if rows is None else diff[name].head(rows)
        body = frame.to_string(index=False) if len(frame) else "  none"
        lines += [f"{title}:", body, ""]
    return "\n".join(lines)


def write_csv(diff: Diff, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in diff.tables.items():
        path = folder / f"{name}.csv"
        frame.to_csv(path, index=False)
        written.append(path)
    return written
