"""Concurrent readers against one dashboard server on loopback, and cold start.

    .venv/bin/python bench/concurrency_bench.py [--sessions 10] [--rounds 3]

Reports time from navigation to a rendered chart (p50/p95), error count, server memory, the same
while a build swaps the warehouse (needs the ONS mirror), and cold start: server start to the
first chart in a browser.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from etl import default_data  # noqa: E402
from etl.config import PROJECT_ROOT, SHARED_MIRROR  # noqa: E402
from tests.browser.sessions import percentile, rss_mb, run_sessions  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, start_server  # noqa: E402

YEARS = ["2021", "2015", "2008"]


def report(label: str, logs, pid: int) -> None:
    timings = [t for log in logs for t in log.timings_ms]
    errors = [e for log in logs for e in log.errors]
    print(
        f"{label:32s} charts {len(timings):4d}  p50 {percentile(timings, 0.5):6.0f} ms  "
        f"p95 {percentile(timings, 0.95):6.0f} ms  errors {len(errors)}  "
        f"server RSS {rss_mb(pid):5.0f} MB"
    )
    for error in errors[:5]:
        print("   ", error)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if CHROMIUM is None:
        raise SystemExit("no Chromium installed: apt-get install chromium")
    work = Path(tempfile.mkdtemp(prefix="concurrency-bench-"))
    live = work / "live.duckdb"
    default_data.restore(live)

    start = time.perf_counter()
    url, server = start_server(live)
    ready = time.perf_counter() - start
    first = asyncio.run(run_sessions(url, CHROMIUM, CHROMIUM_ARGS, 1, 1, YEARS))
    print(
        f"cold start: server ready {ready:.1f} s, first chart {first[0].timings_ms[0] / 1000:.1f} s "
        "after ready"
    )
    try:
        logs = asyncio.run(
            run_sessions(url, CHROMIUM, CHROMIUM_ARGS, args.sessions, args.rounds, YEARS)
        )
        report(f"{args.sessions} sessions x {args.rounds} visits", logs, server.pid)
        if SHARED_MIRROR.exists():
            raw = work / "raw"
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "etl",
                    "refresh",
                    "--quiet",
                    "--mirror",
                    str(SHARED_MIRROR),
                    "--raw-dir",
                    str(raw),
                    "--warehouse",
                    str(work / "scratch.duckdb"),
                ],
                cwd=PROJECT_ROOT,
                check=True,
                stdout=subprocess.DEVNULL,
            )

            async def refresh() -> None:
                build = await asyncio.create_subprocess_exec(
                    sys.executable,
                    "-m",
                    "etl",
                    "build",
                    "--quiet",
                    "--warehouse",
                    str(live),
                    "--raw-dir",
                    str(raw),
                    cwd=PROJECT_ROOT,
                    stdout=subprocess.DEVNULL,
                )
                await build.wait()

            logs = asyncio.run(
                run_sessions(url, CHROMIUM, CHROMIUM_ARGS, args.sessions, 1, YEARS, during=refresh)
            )
            report(f"{args.sessions} sessions during a swap", logs, server.pid)
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
