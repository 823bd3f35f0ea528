"""The warehouse file on disk: its staging files, the build lock and what a build holds.

A build writes ``.NAME.building-PID`` beside the live ``NAME`` and swaps it in with os.replace.
The dot and the suffix keep a staging file from ever being taken for the warehouse; one left by
a killed build is removed by the next build, which holds ``.NAME.lock`` while it runs.
Nothing here imports pandas, so `python -m etl refresh` with nothing new starts quickly.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

STAGING_KINDS = ("building", "restoring")


class BuildInProgress(Exception):
    """Another build or restore of the same warehouse holds its lock."""


def staging_path(warehouse: Path, kind: str = "building") -> Path:
    return warehouse.with_name(f".{warehouse.name}.{kind}-{os.getpid()}")


def stale_staging(warehouse: Path) -> list[Path]:
    """Staging files (and their write-ahead logs) that builds left behind."""
    found: list[Path] = []
    for kind in STAGING_KINDS:
        found += warehouse.parent.glob(f".{warehouse.name}.{kind}-*")
    return sorted(found)


@contextlib.contextmanager
def build_lock(warehouse: Path) -> Iterator[None]:
    """Hold the warehouse's build lock; staging files found once it is held are stale and removed.

    The kernel releases the lock when its holder dies, so a killed build never blocks the next."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with open(warehouse.with_name(f".{warehouse.name}.lock"), "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            handle.seek(0)
            raise BuildInProgress(
                f"another build of {warehouse} is running ({handle.read().strip() or 'pid ?'})"
            ) from exc
        handle.truncate(0)
        handle.write(f"pid {os.getpid()}\n")
        handle.flush()
        for path in stale_staging(warehouse):
            path.unlink(missing_ok=True)
        try:
            yield
        finally:
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)


def swap_in(staging: Path, warehouse: Path) -> None:
    """Replace the live warehouse by ``staging`` in one step: readers see the old or the new file,
    and replicas that have the old one open keep reading it until they reopen."""
    os.replace(staging, warehouse)
    directory = os.open(warehouse.parent, os.O_RDONLY)
    try:
        os.fsync(directory)  # the rename itself survives a crash
    finally:
        os.close(directory)


def discard(staging: Path) -> None:
    staging.unlink(missing_ok=True)
    staging.with_name(staging.name + ".wal").unlink(missing_ok=True)


def row_counts(con) -> dict[str, int]:
    """Rows in every table of the raw, core and mart schemas."""
    tables = con.execute(
        "SELECT table_schema || '.' || table_name FROM information_schema.tables "
        "WHERE table_schema IN ('raw', 'core', 'mart') AND table_type = 'BASE TABLE' ORDER BY 1"
    ).fetchall()
    # the names come from the catalogue itself, not from input
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for (t,) in tables}


def loaded_files(warehouse: Path) -> set[tuple[str, str, str]] | None:
    """(release_id, file name, sha256) of every raw file the warehouse was built from, or None
    when there is no readable warehouse."""
    import duckdb

    if not warehouse.exists():
        return None
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error:
        return None
    try:
        rows = con.execute("SELECT release_id, file_name, sha256 FROM raw.release_file").fetchall()
    except duckdb.Error:
        return None
    finally:
        con.close()
    return {tuple(r) for r in rows}
