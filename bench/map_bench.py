"""Map payload per level and server-side time to build map views, on the serving warehouse.

    BEYOND_GDP_WAREHOUSE=... .venv/bin/python bench/map_bench.py [--repeat 7]

Payload: bytes of simplified GeoJSON per level in core.boundary, and of the figure JSON sent to
the browser. Time: building the view (queries, geometry, figure) for districts, cold (first run,
empty query cache) and warm (p50 of the repeats: query results cached, as in a live session).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.db import query  # noqa: E402
from dashboard.views.maps import map_view  # noqa: E402

CASES = [("gva_cp_gbp_m", "LAD", "2021", "choropleth"), ("gva_cp_gbp_m", "LAD", "2021", "hex")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    for level in ("ITL1", "ITL2", "ITL3", "LAD", "CAUTH"):
        shapes = query("map_boundaries", level)
        print(f"{level:6s} {len(shapes):4d} areas {shapes['geojson'].str.len().sum():>9,d} bytes")
    for case in CASES:
        started = time.perf_counter()
        view = map_view(*case[:3], style=case[3])
        cold = time.perf_counter() - started
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            view = map_view(*case[:3], style=case[3])
            times.append(time.perf_counter() - started)
        size = len(view.figure.to_json())
        print(
            f"{case[1]} {case[3]:10s} cold {cold * 1000:6.0f} ms, warm p50 "
            f"{statistics.median(times) * 1000:6.0f} ms, figure {size:,d} bytes"
        )


if __name__ == "__main__":
    main()
