"""Static image export: the cold first export (browser start + first PNG), then PNG and SVG with
the image server warm, p50/p95 over repeated exports, as ratios to the cold export.

    BEYOND_GDP_WAREHOUSE=... .venv/bin/python bench/export_bench.py [--repeat 20]

Uses the app's own export functions and image server on the ranked GVA-per-head view; CSV and
HTML (no browser) are timed for comparison.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit.logger import set_log_level  # noqa: E402

set_log_level("error")  # before dashboard.db, whose cached queries warn that no app is running

from dashboard import export  # noqa: E402
from dashboard.views import overview  # noqa: E402


def _timed(function, *args) -> tuple[float, int]:
    start = time.perf_counter()
    size = len(function(*args))
    return time.perf_counter() - start, size


def _row(label: str, times: list[float], sizes: list[int], cold: float) -> str:
    p50 = statistics.median(times)
    p95 = statistics.quantiles(times, n=20, method="inclusive")[-1] if len(times) > 1 else p50
    return (
        f"{label:<22} {len(times):>3} {p50:>8.3f} {p95:>8.3f} "
        f"{p50 / cold:>9.3f} {p95 / cold:>9.3f} {statistics.median(sizes) / 1024:>9.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    if reason := export.images_unavailable_reason():
        sys.exit(reason)
    view = overview.ranked("gva_per_head_gbp", "ITL1", "2021")
    social, print_ = export.PRESETS["social"], export.PRESETS["print"]

    cold, cold_size = _timed(export.png, view, social)
    cases = {
        "PNG social 1200x675": (export.png, social),
        "SVG print 1600x1000": (export.svg, print_),
        "PNG print 1600x1000": (export.png, print_),
        "CSV": (lambda v, _: export.csv(v), None),
        "HTML (plotly inlined)": (lambda v, _: export.html_page(v), None),
    }
    print(
        f"{'export':<22} {'n':>3} {'p50 s':>8} {'p95 s':>8} {'p50/cold':>9} {'p95/cold':>9} {'KiB':>9}"
    )
    print(_row("cold: start + PNG", [cold], [cold_size], cold))
    for label, (function, preset) in cases.items():
        runs = [_timed(function, view, preset) for _ in range(args.repeat)]
        print(_row(label, [t for t, _ in runs], [s for _, s in runs], cold))
    export.SERVER.stop()


if __name__ == "__main__":
    main()
