"""Server-side time per interaction on every page, at each geography level the page offers.

    BEYOND_GDP_WAREHOUSE=... .venv/bin/python bench/page_bench.py [--repeat 15] [--page map]

Each case runs the whole app (app.py, then the page) in Streamlit's AppTest, as the server does
for a reader. Cold: the first run with every Streamlit cache cleared. Warm: runs after changing
one selection back and forth between two values (query results and chart views then cached, as
in a live session); new view: the same with the views that the change touches built anew, as
for a selection no reader has drawn since the warehouse was built. p50 and p95 in ms. Targets: p95 at most 150 ms
at ITL levels, 300 ms at LAD, for both.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from dashboard import views  # noqa: E402
from tests.app.pages import open_page  # noqa: E402

LEVELS = ["ITL1", "ITL2", "ITL3", "LAD"]
TARGET_MS = {"ITL1": 150, "ITL2": 150, "ITL3": 150, "LAD": 300, "-": 150}
# page script, URL parameters besides the level, widget kind, widget key prefix, levels offered
CASES = [
    ("pages/home.py", {}, "select_slider", "home_year", ["-"]),
    ("pages/area_profile.py", {}, "selectbox", "profile_area_", LEVELS),
    ("pages/compare.py", {"indicator": "gva_cp_gbp_m"}, "select_slider", "compare_year_", LEVELS),
    ("pages/scorecard.py", {}, "slider", "w_", LEVELS),
    ("pages/methods.py", {}, "selectbox", "methods_indicator", ["-"]),
    ("pages/map.py", {"indicator": "gva_cp_gbp_m"}, "select_slider", "map_year", LEVELS),
    ("pages/lenses.py", {}, "select_slider", "lens_year", LEVELS[:3]),
    ("pages/decomposition.py", {}, "select_slider", "decomp_year", LEVELS[:3]),
]
# what a reader changes, by widget key prefix
CHANGED = {
    "home_year": "year",
    "profile_area_": "area",
    "compare_year_": "year ranked",
    "w_": "a theme weight",
    "methods_indicator": "indicator",
    "map_year": "year",
    "lens_year": "year",
    "decomp_year": "year",
}


def _widget(at: AppTest, kind: str, prefix: str):
    found = [w for w in getattr(at, kind) if (w.key or "").startswith(prefix)]
    if not found:
        raise LookupError(f"no {kind} keyed {prefix}* on the page")
    return found[0]


def _change(widget, kind: str, i: int) -> None:
    """Move the widget to one of two values, alternating with ``i``."""
    if kind == "selectbox":
        widget.select_index(len(widget.options) - 1 - i % 2)
    elif kind == "slider":
        widget.set_value(widget.min + 1 + i % 2)
    else:
        widget.set_value(widget.options[-1 - i % 2])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _app(page: str, params: dict[str, str]) -> AppTest:
    return open_page(page, timeout=300, **params)


def _timed_changes(at: AppTest, kind: str, prefix: str, repeat: int, fresh_views: bool) -> list:
    """ms per run after each change; the first two changes fill the caches for both values.
    ``fresh_views``: the views the change touches are built anew (queries stay cached), as for a
    selection no reader has drawn since the warehouse was built: the view cache is emptied and
    the page drawn once at its current selection before each change is timed."""
    times = []
    for i in range(repeat + 2):
        if fresh_views:
            views.clear_cache()
            at.run()
        _change(_widget(at, kind, prefix), kind, i)
        started = time.perf_counter()
        at.run()
        if i >= 2:
            times.append(1000 * (time.perf_counter() - started))
        if at.exception:
            raise RuntimeError(at.exception[0].message)
    return times


def run_case(page: str, params: dict, kind: str, prefix: str, repeat: int) -> dict:
    at = _app(page, params)  # runs home first, so that app.py routes to the page
    st.cache_data.clear()
    st.cache_resource.clear()
    started = time.perf_counter()
    at.run()
    cold = 1000 * (time.perf_counter() - started)
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    if at.info and any("link's level" in i.value for i in at.info):
        return {"offered": False}
    warm = _timed_changes(at, kind, prefix, repeat, fresh_views=False)
    fresh = _timed_changes(at, kind, prefix, repeat, fresh_views=True)
    return {
        "offered": True,
        "cold": cold,
        "p50": statistics.median(warm),
        "p95": percentile(warm, 0.95),
        "fresh_p50": statistics.median(fresh),
        "fresh_p95": percentile(fresh, 0.95),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--page", help="only pages whose script name contains this")
    args = parser.parse_args()
    print(
        "| page | level | selection changed | cold ms | warm p50 ms | warm p95 ms "
        "| new view p50 ms | new view p95 ms | target p95 ms | |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---|")
    for page, params, kind, prefix, levels in CASES:
        if args.page and args.page not in page:
            continue
        for level in levels:
            query = params | ({} if level == "-" else {"level": level})
            result = run_case(page, query, kind, prefix, args.repeat)
            name = Path(page).stem
            if not result["offered"]:
                print(f"| {name} | {level} | {CHANGED[prefix]} | not offered | | | | | | |")
                continue
            target = TARGET_MS[level]
            worst = max(result["p95"], result["fresh_p95"])
            verdict = "pass" if worst <= target else "over"
            print(
                f"| {name} | {level} | {CHANGED[prefix]} | {result['cold']:.0f} | "
                f"{result['p50']:.0f} | {result['p95']:.0f} | {result['fresh_p50']:.0f} | "
                f"{result['fresh_p95']:.0f} | {target} | {verdict} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
