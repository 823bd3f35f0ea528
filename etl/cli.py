"""Command line: python -m etl COMMAND [--warehouse FILE] [--raw-dir DIR] [options].

  refresh   fetch declared ONS files (from URLs or --mirror), then rebuild if anything changed
  build     rebuild the warehouse from the cached raw files only
  validate  run the warehouse checks on the live warehouse and print a report
  diff      what changed between two releases of a source, or between two warehouses
  status    what is loaded, from which release, and what is past due
  export    every mart table as partitioned Parquet and CSV, with a data dictionary
  restore   create the warehouse from the embedded default data if it is missing

Heavy modules (pandas, the extractors) are imported by the commands that need them, so a refresh
with nothing new answers in well under a second or two.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from etl.config import raw_dir, warehouse_path
from etl.errors import FetchError, SourceFormatError, ValidationError
from etl.warehouse import BuildInProgress


def _bar(args: argparse.Namespace, **options):
    from tqdm import tqdm

    return tqdm(disable=args.quiet, dynamic_ncols=True, **options)


def _refresh(args: argparse.Namespace) -> int:
    from etl import catalogue
    from etl.fetch import cached_path, fetch_file, read_provenance
    from etl.warehouse import loaded_files

    jobs = [(s, r, f) for s in catalogue.sources().values() for r in s.releases for f in r.files]
    new = 0
    with _bar(args, total=len(jobs), desc="fetch", unit="file") as bar:
        for source, release, file in jobs:
            bar.set_postfix_str(Path(file.path).name[-40:])
            new += fetch_file(source, release, file, args.raw_dir, args.mirror)
            bar.update()
    print(f"{new} new file(s) of {len(jobs)} declared")
    declared = {
        (
            r.release_id,
            cached_path(args.raw_dir, r, f).name,
            read_provenance(args.raw_dir, r, f)["sha256"],
        )
        for _, r, f in jobs
    }
    if not args.force and loaded_files(args.warehouse) == declared:
        print(f"nothing new: {args.warehouse} already holds exactly these files; left as it is")
        return 0
    return _build(args)


def _build(args: argparse.Namespace) -> int:
    from etl.build import build, step_count

    started = time.perf_counter()
    with _bar(args, total=step_count(), desc="build", unit="step") as bar:

        def progress(message: str) -> None:
            bar.set_postfix_str(message[-60:])
            bar.update()

        counts = build(
            args.warehouse,
            args.raw_dir,
            progress=progress,
            allow_shrink=args.allow_shrink,
            workers=args.workers,
        )
    print(f"built {args.warehouse} in {time.perf_counter() - started:.1f} s")
    for table, n in counts.items():
        print(f"  {table:36s} {n:>10,d} rows")
    return 0


def _open_live(args: argparse.Namespace):
    import duckdb

    if not args.warehouse.exists():
        raise FileNotFoundError(
            f"no warehouse at {args.warehouse}; run `make run` or `python -m etl build`"
        )
    return duckdb.connect(str(args.warehouse), read_only=True)


def _validate(args: argparse.Namespace) -> int:
    from etl.checks import run_checks

    con = _open_live(args)
    try:
        build_id, built_at = con.execute("SELECT build_id, built_at_utc FROM core.build").fetchone()
        with _bar(args, desc="checks", unit="check") as bar:
            results = run_checks(con, lambda m: (bar.set_postfix_str(m), bar.update()))
    finally:
        con.close()
    print(f"warehouse {args.warehouse}: build {build_id}, built {built_at}")
    for r in results:
        state = "ok" if r.ok else "FAIL"
        print(f"  {state:4s} {r.name:28s} {r.seconds:6.2f} s  {r.purpose[:90]}")
        if not r.ok:
            print(f"       {r.summary()}")
    failed = sum(not r.ok for r in results)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


def _diff(args: argparse.Namespace) -> int:
    from etl import diff

    if bool(args.source) == bool(args.against):
        print("diff needs either --source SOURCE_ID or --against OTHER.duckdb", file=sys.stderr)
        return 2
    _open_live(args).close()
    if args.source:
        try:
            result = diff.compare_releases(args.warehouse, args.source, args.old, args.new)
        except ValueError as exc:  # unknown source or release, or only one release loaded
            print(f"error: {exc}", file=sys.stderr)
            return 2
    else:
        result = diff.compare_warehouses(args.warehouse, args.against)
    print(diff.report(result, args.limit))
    if args.out:
        for path in diff.write_csv(result, args.out):
            print(f"wrote {path}")
    return 0


def _status(args: argparse.Namespace) -> int:
    con = _open_live(args)
    try:
        build_id, built_at = con.execute("SELECT build_id, built_at_utc FROM core.build").fetchone()
        rows = con.execute(
            """
            SELECT s.source_id, r.release_label, r.release_date, coalesce(n.n, 0),
                   f.fetched_at,
                   CAST(r.release_date + to_months(s.cadence_months) AS DATE) AS next_expected,
                   r.release_date = max(r.release_date) OVER (PARTITION BY s.source_id) AS latest
            FROM core.release AS r
            JOIN core.source AS s USING (source_id)
            LEFT JOIN (SELECT release_id, count(*) AS n FROM core.observation GROUP BY 1) AS n
                USING (release_id)
            LEFT JOIN (SELECT release_id, max(fetched_at) AS fetched_at FROM raw.release_file
                       GROUP BY 1) AS f USING (release_id)
            ORDER BY s.source_id, r.release_date
            """
        ).fetchall()
    finally:
        con.close()
    print(f"warehouse {args.warehouse}: build {build_id}, built {built_at}")
    today = dt.date.today()
    for source_id, label, date, n, fetched, next_due, latest in rows:
        overdue = "  PAST DUE: check for a newer release" if latest and next_due < today else ""
        print(
            f"  {source_id:26s} {label:34s} released {date}  {n:>9,d} rows  "
            f"fetched {(fetched or '?')[:10]}  next expected {next_due}{overdue}"
        )
    return 0


def _export(args: argparse.Namespace) -> int:
    from etl.export import export, mart_tables

    con = _open_live(args)
    try:
        steps = 2 * len(mart_tables(con))
    finally:
        con.close()
    with _bar(args, total=steps, desc="export", unit="file set") as bar:
        spec = export(args.warehouse, args.out, lambda m: (bar.set_postfix_str(m), bar.update()))
    print(
        f"exported build {spec['build_id']} to {args.out}: {len(spec['tables'])} tables, "
        f"{len(spec['indicators'])} indicators in data_dictionary.md/.json"
    )
    return 0


def _restore(args: argparse.Namespace) -> int:
    from etl import default_data

    if args.warehouse.exists() and not args.force:
        print(f"{args.warehouse} exists; nothing to do")
        return 0
    default_data.restore(args.warehouse)
    print(f"restored {args.warehouse} from the embedded default data")
    return 0


def _export_default(args: argparse.Namespace) -> int:
    from etl import default_data

    written = default_data.export(args.warehouse)
    print(f"wrote {written} bytes of embedded default data")
    return 0


COMMANDS = {
    "refresh": (_refresh, "fetch declared ONS files (from URLs or --mirror), then rebuild"),
    "build": (_build, "rebuild the warehouse from the cached raw files only"),
    "validate": (_validate, "run the checks on the live warehouse and print a report"),
    "diff": (_diff, "what changed between two releases of a source, or two warehouses"),
    "status": (_status, "what is loaded, from which release, and when"),
    "export": (_export, "mart tables as partitioned Parquet and CSV, with a data dictionary"),
    "restore": (_restore, "create the warehouse from the embedded default data if it is missing"),
    "export-default": (_export_default, "write the embedded default data from the warehouse"),
}


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--warehouse", type=Path, default=None, help="DuckDB file to serve")
    common.add_argument("--raw-dir", type=Path, default=None, help="raw file cache")
    common.add_argument("--quiet", action="store_true", help="no progress bars")
    building = argparse.ArgumentParser(add_help=False)
    building.add_argument(
        "--allow-shrink",
        action="store_true",
        help="swap in a build even if a table lost more than 5%% of its rows",
    )
    building.add_argument(
        "--workers", type=int, default=None, help="extraction threads (default: up to 2)"
    )
    parser = argparse.ArgumentParser(
        prog="python -m etl", description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    parents = {"refresh": [common, building], "build": [common, building]}
    commands = {
        name: sub.add_parser(name, help=text, parents=parents.get(name, [common]))
        for name, (_, text) in COMMANDS.items()
    }
    commands["refresh"].add_argument(
        "--mirror",
        type=Path,
        default=None,
        help="take files from a folder laid out like the mirror",
    )
    for name in ("refresh", "build", "restore"):
        commands[name].add_argument("--force", action="store_true", help="even if nothing is new")
    diff = commands["diff"]
    diff.add_argument("--source", help="compare two releases of this source (its latest two)")
    diff.add_argument("--old", help="the older release id, e.g. gva_industry_itl@2023-04-25")
    diff.add_argument("--new", help="the newer release id")
    diff.add_argument("--against", type=Path, help="compare the live warehouse with this one")
    diff.add_argument("--limit", type=int, default=20, help="rows shown per list (default 20)")
    diff.add_argument("--out", type=Path, help="also write every list in full as CSV here")
    commands["export"].add_argument(
        "--out", type=Path, default=Path("data/export"), help="folder (default data/export)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.warehouse = args.warehouse or warehouse_path()
    args.raw_dir = args.raw_dir or raw_dir()
    try:
        return COMMANDS[args.command][0](args)
    except (FetchError, SourceFormatError, ValidationError, BuildInProgress) as exc:
        print(f"error: {exc}", file=sys.stderr)
        if args.command in ("refresh", "build", "restore"):
            print(f"the serving warehouse {args.warehouse} was not changed", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:  # no live warehouse to validate, diff, export or report on
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
