"""Command line: python -m etl {refresh,build,status} [--mirror DIR] [--warehouse FILE]."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

import duckdb
from tqdm import tqdm

from etl import catalogue, default_data
from etl.build import build
from etl.config import raw_dir, warehouse_path
from etl.errors import FetchError, SourceFormatError, ValidationError
from etl.fetch import fetch_file


def _refresh(args: argparse.Namespace) -> int:
    jobs = [(s, r, f) for s in catalogue.sources().values() for r in s.releases for f in r.files]
    new = 0
    for source, release, file in tqdm(jobs, desc="fetch", unit="file", disable=args.quiet):
        new += fetch_file(source, release, file, args.raw_dir, args.mirror)
    print(f"{new} new file(s) of {len(jobs)} declared")
    if new == 0 and args.warehouse.exists() and not args.force:
        print(f"nothing new; {args.warehouse} left as it is")
        return 0
    return _build(args)


def _build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    with tqdm(desc="build", unit="step", disable=args.quiet) as bar:
        counts = build(
            args.warehouse,
            args.raw_dir,
            progress=lambda m: (bar.set_postfix_str(m[-60:]), bar.update()),
        )
    print(f"built {args.warehouse} in {time.perf_counter() - started:.1f} s")
    for table, n in counts.items():
        print(f"  {table:32s} {n:>10,d} rows")
    return 0


def _status(args: argparse.Namespace) -> int:
    if not args.warehouse.exists():
        print(f"no warehouse at {args.warehouse}; run `make run` or `python -m etl build`")
        return 1
    con = duckdb.connect(str(args.warehouse), read_only=True)
    build_id, built_at = con.execute("SELECT build_id, built_at_utc FROM core.build").fetchone()
    print(f"warehouse {args.warehouse}: build {build_id}, built {built_at}")
    rows = con.execute(
        """
        SELECT s.source_id, r.release_label, r.release_date,
               (SELECT count(*) FROM core.observation AS o WHERE o.release_id = r.release_id) AS n,
               (SELECT max(f.fetched_at) FROM raw.release_file AS f
                 WHERE f.release_id = r.release_id) AS fetched_at,
               CAST(r.release_date + to_months(s.cadence_months) AS DATE) AS next_expected,
               r.release_date = max(r.release_date) OVER (PARTITION BY s.source_id) AS latest
        FROM core.release AS r
        JOIN core.source AS s USING (source_id)
        ORDER BY s.source_id, r.release_date
        """
    ).fetchall()
    today = dt.date.today()
    for source_id, label, date, n, fetched, next_due, latest in rows:
        overdue = "  PAST DUE: check for a newer release" if latest and next_due < today else ""
        print(
            f"  {source_id:22s} {label:34s} released {date}  {n:>9,d} rows  "
            f"fetched {fetched[:10]}  next expected {next_due}{overdue}"
        )
    return 0


def _restore(args: argparse.Namespace) -> int:
    if args.warehouse.exists() and not args.force:
        print(f"{args.warehouse} exists; nothing to do")
        return 0
    default_data.restore(args.warehouse)
    print(f"restored {args.warehouse} from the embedded default data")
    return 0


def _export_default(args: argparse.Namespace) -> int:
    written = default_data.export(args.warehouse)
    print(f"wrote {written} bytes of embedded default data")
    return 0


COMMANDS = {
    "refresh": (_refresh, "fetch declared ONS files (from URLs or --mirror), then rebuild"),
    "build": (_build, "rebuild the warehouse from the cached raw files only"),
    "status": (_status, "what is loaded, from which release, and when"),
    "restore": (_restore, "create the warehouse from the embedded default data if it is missing"),
    "export-default": (_export_default, "write the embedded default data from the warehouse"),
}


def main(argv: list[str] | None = None) -> int:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--warehouse", type=Path, default=None, help="DuckDB file to serve")
    common.add_argument("--raw-dir", type=Path, default=None, help="raw file cache")
    common.add_argument(
        "--mirror",
        type=Path,
        default=None,
        help="take raw files from a folder laid out like the ONS mirror",
    )
    common.add_argument("--force", action="store_true", help="rebuild even when nothing is new")
    common.add_argument("--quiet", action="store_true", help="no progress bars")
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (_, help_text) in COMMANDS.items():
        sub.add_parser(name, help=help_text, parents=[common])
    args = parser.parse_args(argv)
    args.warehouse = args.warehouse or warehouse_path()
    args.raw_dir = args.raw_dir or raw_dir()
    try:
        return COMMANDS[args.command][0](args)
    except (FetchError, SourceFormatError, ValidationError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        print(f"the serving warehouse {args.warehouse} was not changed", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
