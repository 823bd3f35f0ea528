"""Build benchmark, run on demand (not a test): how long the warehouse takes to build from the ONS
mirror, how long extraction takes against a baseline parsing the same files with pandas defaults,
source by source, and how long a refresh with nothing new takes.

    .venv/bin/python bench/build_bench.py [--mirror ../shared/data/ons] [--json FILE]

Measures, in one run on one machine, each figure the best of --repeat runs (default 3):
- full build: every declared source from a raw cache filled from the mirror (build(), default
  workers), and its extraction step alone (extract_tables()) with the default workers and with 1;
- per source, our extraction (extract_tables() on that source alone) against the baseline: each
  file and sheet the source's tables read, read once the way a pandas user would by default:
  pd.read_excel(path, sheet_name=sheet, header=None) with pandas' default engines, openpyxl for
  .xlsx and xlrd for .xls, when they are installed (neither is a project dependency: else
  calamine, and the report says which engines ran), then
  melted to one row per cell and made numeric; pd.read_csv(path) for the tidy CSV files, which
  already hold one row per observation; pd.read_parquet for Parquet. The wide_years tables (GVA
  and population, one column per year) are parsed as before: the header row found in the first
  column, the year columns melted, pd.read_csv(thousands=",") for their CSV copies;
- refresh with nothing new: `python -m etl refresh --mirror` in a fresh process, wall time;
- warehouse size and rows per table.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings
import zipfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402
import pandas as pd  # noqa: E402

from etl import catalogue  # noqa: E402
from etl.build import build, default_workers, extract_tables  # noqa: E402
from etl.config import SHARED_MIRROR  # noqa: E402
from etl.fetch import cached_path, fetch_file  # noqa: E402
from etl.warehouse import row_counts  # noqa: E402

# pandas' default reader for each extension, or calamine where that reader is not installed
# (pandas warns that xlrd, still its default for .xls, is deprecated: the baseline uses it anyway)
warnings.filterwarnings("ignore", message="The xlrd engine is deprecated")
EXCEL_ENGINES = {
    suffix: engine if importlib.util.find_spec(engine) else "calamine"
    for suffix, engine in ((".xlsx", "openpyxl"), (".xls", "xlrd"))
}
WIDE = "wide_years"


def _timed(repeat: int, function, *args, **kwargs):
    """Best wall time of ``repeat`` runs (a shared machine: the minimum is the least disturbed)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = function(*args, **kwargs)
        times.append(time.perf_counter() - started)
    return min(times), result


@contextmanager
def _only(sources: dict):
    """The catalogue narrowed to ``sources`` while extracting."""
    original = catalogue.sources
    catalogue.sources = lambda: sources
    try:
        yield
    finally:
        catalogue.sources = original


def ours(raw: Path, sources: dict, workers: int | None = None) -> int:
    """Our extraction of ``sources``; returns the observations."""
    with _only(sources):
        return extract_tables(raw, workers=workers)[0].num_rows


def _reads(source, raw: Path):
    """(path, sheet, options) of each file and sheet the source's tables read, once each."""
    for release in source.releases:
        for file in release.files:
            seen = set()
            for table in file.tables:
                options = {**release.layout, **table.options}
                sheet = table.sheet or options.get("sheet")
                if sheet not in seen:
                    seen.add(sheet)
                    yield cached_path(raw, release, file), sheet, options


def _excel(source, sheet: str | None, suffix: str, header=None) -> pd.DataFrame:
    return pd.read_excel(source, sheet_name=sheet, header=header, engine=EXCEL_ENGINES[suffix])


def _wide_cells(path: Path, sheet: str | None, options: dict) -> int:
    """A wide table the pandas way: header row found, year columns melted, values numeric."""
    id_names = [name for name, _ in options["columns"]]
    if path.suffix == ".csv":
        frame = pd.read_csv(path, thousands=",", encoding="utf-8-sig")
    else:
        grid = _excel(path, sheet, path.suffix)
        first = grid.iloc[:, 0].astype(str).str.strip()
        header = int(first[first == id_names[0]].index[0])
        frame = grid.iloc[header + 1 :].set_axis(
            [str(c).strip() for c in grid.iloc[header]], axis=1
        )
    ids = list(frame.columns[: len(id_names)])
    years = [c for c in frame.columns[len(id_names) :] if str(c)[:4].isdigit()]
    long = frame.melt(id_vars=ids, value_vars=years, var_name="period")
    long["value"] = pd.to_numeric(long["value"], errors="coerce")
    return len(long)


def _cells(path: Path, sheet: str | None, options: dict) -> int | None:
    """Any other file the pandas way: a sheet melted to one row per cell, a tidy file read."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return len(pd.read_csv(path))
    if suffix == ".parquet":
        return len(pd.read_parquet(path))
    if suffix == ".zip":  # a workbook inside a zip archive
        with zipfile.ZipFile(path) as archive:
            member = options["member"]
            grid = _excel(io.BytesIO(archive.read(member)), sheet, Path(member).suffix.lower())
    elif suffix in (".xlsx", ".xls"):
        grid = _excel(path, sheet, suffix)
    else:
        return None
    long = grid.melt()
    long["value"] = pd.to_numeric(long["value"], errors="coerce")
    return len(long)


def baseline(raw: Path, source) -> int | None:
    """The source's files parsed the pandas way; returns the rows made, or None where pandas
    defaults cannot read a file."""
    parse = _wide_cells if source.extractor == WIDE else _cells
    try:
        counts = [parse(path, sheet, options) for path, sheet, options in _reads(source, raw)]
    except pd.errors.ParserError:  # e.g. a Nomis CSV with a title block above its header
        return None
    return None if not counts or None in counts else sum(counts)


def compare(raw: Path, repeat: int) -> list[dict]:
    """Per source with tables: our extraction against the baseline, best of ``repeat`` each."""
    rows = []
    for key, source in catalogue.sources().items():
        if not any(file.tables for release in source.releases for file in release.files):
            continue  # side tables (boundaries, hex layouts) are not observations
        ours_s, observations = _timed(repeat, ours, raw, {key: source})
        base_s, base_rows = _timed(repeat, baseline, raw, source)
        rows.append(
            {
                "source": key,
                "extractor": source.extractor,
                "observations": observations,
                "ours_s": round(ours_s, 3),
                "baseline_s": round(base_s, 3) if base_rows is not None else None,
                "baseline_rows": base_rows,
                "ratio": round(base_s / ours_s, 1) if base_rows is not None else None,
            }
        )
    return rows


def _group(rows: list[dict], name: str) -> dict:
    """Sums over ``rows`` that have a baseline."""
    measured = [r for r in rows if r["baseline_s"] is not None]
    ours_s = sum(r["ours_s"] for r in measured)
    base_s = sum(r["baseline_s"] for r in measured)
    return {
        "group": name,
        "sources": len(measured),
        "observations": sum(r["observations"] for r in measured),
        "ours_s": round(ours_s, 2),
        "baseline_s": round(base_s, 2),
        "ratio": round(base_s / ours_s, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=SHARED_MIRROR)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (best kept)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="build_bench_") as tmp:
        raw, warehouse = Path(tmp) / "raw", Path(tmp) / "warehouse.duckdb"
        fetch_seconds, _ = _timed(
            1,
            lambda: [
                fetch_file(s, r, f, raw, args.mirror)
                for s in catalogue.sources().values()
                for r in s.releases
                for f in r.files
            ],
        )
        build_seconds, _ = _timed(args.repeat, build, warehouse, raw)
        sources = catalogue.sources()
        extract_seconds, rows = _timed(args.repeat, ours, raw, sources)
        extract_one_seconds, _ = _timed(args.repeat, ours, raw, sources, 1)
        per_source = compare(raw, args.repeat)
        wide = {k: s for k, s in sources.items() if s.extractor == WIDE}
        wide_seconds, wide_rows = _timed(args.repeat, ours, raw, wide)
        groups = [
            _group([r for r in per_source if r["extractor"] == WIDE], "wide_years tables"),
            _group([r for r in per_source if r["extractor"] != WIDE], "every other source"),
            _group(per_source, "every source, one at a time"),
        ]
        baseline_all = groups[-1]["baseline_s"]
        env = {**os.environ, "BEYOND_GDP_WAREHOUSE": str(warehouse), "BEYOND_GDP_RAW_DIR": str(raw)}
        command = [sys.executable, "-m", "etl", "refresh", "--mirror", str(args.mirror), "--quiet"]
        refresh_seconds, done = _timed(
            args.repeat, subprocess.run, command, cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert "nothing new" in done.stdout, done.stdout + done.stderr
        with duckdb.connect(str(warehouse), read_only=True) as con:
            counts = row_counts(con)
        figures = {
            "workers": default_workers(),
            "excel_engines_in_baseline": EXCEL_ENGINES,
            "fetch_from_mirror_s": round(fetch_seconds, 2),
            "full_build_s": round(build_seconds, 2),
            "extract_all_sources_s": round(extract_seconds, 2),
            "extract_all_sources_1_worker_s": round(extract_one_seconds, 2),
            "extract_all_sources_rows": rows,
            "baseline_all_sources_s": baseline_all,
            "baseline_over_extract_all": round(baseline_all / extract_seconds, 1),
            "wide_tables_ours_s": round(wide_seconds, 2),
            "wide_tables_rows": wide_rows,
            "wide_tables_baseline_s": groups[0]["baseline_s"],
            "wide_tables_baseline_over_ours": round(groups[0]["baseline_s"] / wide_seconds, 1),
            "refresh_nothing_new_s": round(refresh_seconds, 2),
            "warehouse_mb": round(warehouse.stat().st_size / 2**20, 1),
            "groups": groups,
            "sources": per_source,
            "rows": counts,
        }
    for key, value in figures.items():
        if key not in ("rows", "groups", "sources"):
            print(f"{key:34s} {value}")
    print(f"\n{'source':34s} {'extractor':18s} {'rows':>10s} {'ours s':>8s} {'pandas s':>9s} ratio")
    for r in [*per_source, *groups]:
        name = r.get("source") or r["group"]
        base = "–" if r["baseline_s"] is None else f"{r['baseline_s']:.2f}"
        ratio = "–" if r["ratio"] is None else f"{r['ratio']}x"
        print(
            f"{name:34s} {r.get('extractor', ''):18s} {r['observations']:>10,d} "
            f"{r['ours_s']:>8.2f} {base:>9s} {ratio}"
        )
    print()
    for table, n in figures["rows"].items():
        print(f"  {table:36s} {n:>10,d}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
