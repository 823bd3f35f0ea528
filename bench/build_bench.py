"""Build benchmark, run on demand (not a test): how long the warehouse takes to build from the ONS
mirror, against a baseline parsing the same files with pandas defaults, and how long a refresh
with nothing new takes.

    .venv/bin/python bench/build_bench.py [--mirror ../shared/data/ons] [--json FILE]

Measures, in one run on one machine, each figure the best of --repeat runs (default 3):
- full build: every declared source from a raw cache filled from the mirror (build(), default
  workers), and its extraction step alone with 1 and with the default number of workers;
- baseline: the tables that the wide_years extractor reads (the GVA tables, about two million
  cells) parsed with pandas defaults: pd.read_csv(thousands=",") for CSV,
  pd.read_excel(engine="openpyxl") for xlsx when openpyxl is installed (else calamine, and the
  report says so), calamine for .xls in both; then melted to one row per cell and made numeric.
  Our extraction of the same tables is timed beside it and the ratio reported;
- refresh with nothing new: `python -m etl refresh --mirror` in a fresh process, wall time;
- warehouse size and rows per table.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
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

EXCEL_ENGINE = "openpyxl" if importlib.util.find_spec("openpyxl") else "calamine"


def _timed(repeat: int, function, *args, **kwargs):
    """Best wall time of ``repeat`` runs (a shared machine: the minimum is the least disturbed)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = function(*args, **kwargs)
        times.append(time.perf_counter() - started)
    return min(times), result


def _wide_sources() -> dict:
    return {k: s for k, s in catalogue.sources().items() if s.extractor == "wide_years"}


def baseline_parse(raw: Path) -> int:
    """The wide_years tables parsed the pandas way; returns the cells read."""
    cells = 0
    for source in _wide_sources().values():
        for release in source.releases:
            id_names = [name for name, _ in release.layout["columns"]]
            for file in release.files:
                path = cached_path(raw, release, file)
                for table in file.tables:
                    if path.suffix == ".csv":
                        frame = pd.read_csv(path, thousands=",", encoding="utf-8-sig")
                    else:
                        engine = EXCEL_ENGINE if path.suffix == ".xlsx" else "calamine"
                        sheet = pd.read_excel(path, table.sheet, header=None, engine=engine)
                        first = sheet.iloc[:, 0].astype(str).str.strip()
                        header = int(first[first == id_names[0]].index[0])
                        frame = sheet.iloc[header + 1 :].set_axis(
                            [str(c).strip() for c in sheet.iloc[header]], axis=1
                        )
                    ids = list(frame.columns[: len(id_names)])
                    years = [c for c in frame.columns[len(id_names) :] if str(c)[:4].isdigit()]
                    long = frame.melt(id_vars=ids, value_vars=years, var_name="period")
                    long["value"] = pd.to_numeric(long["value"], errors="coerce")
                    cells += len(long)
    return cells


def extract_wide(raw: Path, workers: int) -> int:
    """Our extraction of the same tables."""
    original = catalogue.sources
    chosen = _wide_sources()
    catalogue.sources = lambda: chosen
    try:
        return extract_tables(raw, workers=workers)[0].num_rows
    finally:
        catalogue.sources = original


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
        extract_seconds, _ = _timed(args.repeat, extract_tables, raw)
        extract_one_seconds, _ = _timed(args.repeat, extract_tables, raw, workers=1)
        ours_seconds, ours_rows = _timed(args.repeat, extract_wide, raw, default_workers())
        baseline_seconds, baseline_cells = _timed(args.repeat, baseline_parse, raw)
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
            "excel_engine_in_baseline": EXCEL_ENGINE,
            "fetch_from_mirror_s": round(fetch_seconds, 2),
            "full_build_s": round(build_seconds, 2),
            "extract_all_sources_s": round(extract_seconds, 2),
            "extract_all_sources_1_worker_s": round(extract_one_seconds, 2),
            "wide_tables_ours_s": round(ours_seconds, 2),
            "wide_tables_baseline_s": round(baseline_seconds, 2),
            "wide_tables_rows": ours_rows,
            "wide_tables_baseline_cells": baseline_cells,
            "baseline_over_ours": round(baseline_seconds / ours_seconds, 1),
            "baseline_over_full_build": round(baseline_seconds / build_seconds, 2),
            "refresh_nothing_new_s": round(refresh_seconds, 2),
            "warehouse_mb": round(warehouse.stat().st_size / 2**20, 1),
            "rows": counts,
        }
    for key, value in figures.items():
        if key != "rows":
            print(f"{key:34s} {value}")
    for table, n in figures["rows"].items():
        print(f"  {table:36s} {n:>10,d}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
