"""Figure assembly: each chart made once from its dicts (``dashboard.figures.figure``) against
the same traces and layout added through Plotly's incremental API, in the same run.

    BEYOND_GDP_WAREHOUSE=... .venv/bin/python bench/figure_bench.py [--repeat 15]

The views are built with the app's own code; the traces and layout each passes to
``figures.figure`` are captured and then assembled both ways. The baseline (``go.Figure()``,
``update_layout``, then ``add_trace`` for each trace) is the cheapest incremental route: the
``make_subplots`` and ``add_bar(row=, col=)`` calls that charts used before cost more still.
Also shown: the whole view (queries cached), for the share that assembly is of it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import plotly.graph_objects as go  # noqa: E402
from streamlit.logger import set_log_level  # noqa: E402

set_log_level("error")  # before dashboard.db, whose cached queries warn that no app is running

from dashboard import figures  # noqa: E402
from dashboard.views import REGISTRY, load_all  # noqa: E402

CASES = [
    ("lens_jobs_gva_share", ("ITL1", "2022", "strict", "default")),
    ("lens_jobs_gva_share", ("ITL3", "2022", "strict", "default")),
    ("lens_gva_per_job", ("ITL3", "2022", "strict", "default")),
    ("lens_growth", ("ITL1", "TLI", "strict", "default")),
    ("lens_lad_share", ("TLC", "2022", "strict", "default")),
    ("profile", ("TLI",)),
    ("profile_lens", ("TLC11",)),
    ("scorecard", ("ITL3", "")),
    ("decoupling", ("ITL3", "gva_per_head_gbp", "gdhi_per_head_gbp")),
    ("decomp_lens", ("ITL3", "2021", "TLI31", "strict", "default")),
    ("compare_ranked", ("gva_per_head_gbp", "LAD", "2021")),
    ("compare_dispersion", ("gva_per_head_gbp", "ITL3", "2010", "2021")),
    ("map", ("gva_per_head_gbp", "LAD", "2021")),
]


def incremental(traces: list[dict], layout: dict) -> go.Figure:
    """The baseline: the same figure built up call by call."""
    fig = go.Figure()
    fig.update_layout(layout)
    for trace in traces:
        fig.add_trace(trace)
    return fig


def _captured(name: str, args: tuple) -> tuple[list[dict], dict]:
    """The traces and layout the view hands to ``figures.figure``."""
    with mock.patch.object(figures, "figure", wraps=figures.figure) as spy:
        REGISTRY[name](*args)
    return spy.call_args.args


def _p50(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(1000 * (time.perf_counter() - start))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    load_all()
    print(
        "| view | parameters | traces | view ms | ours ms | incremental ms | incremental / ours |"
    )
    print("|---|---|---:|---:|---:|---:|---:|")
    ratios = []
    for name, params in CASES:
        traces, layout = _captured(name, params)
        assert incremental(traces, layout) == figures.figure(traces, layout)  # the same figure
        view = _p50(lambda n=name, p=params: REGISTRY[n](*p), args.repeat)
        ours = _p50(lambda t=traces, lay=layout: figures.figure(t, lay), args.repeat)
        theirs = _p50(lambda t=traces, lay=layout: incremental(t, lay), args.repeat)
        ratios.append(theirs / ours)
        print(
            f"| {name} | {', '.join(params)} | {len(traces)} | {view:.1f} | {ours:.1f} | "
            f"{theirs:.1f} | {theirs / ours:.1f}x |",
            flush=True,
        )
    print(f"\nmedian incremental / ours: {statistics.median(ratios):.1f}x")


if __name__ == "__main__":
    main()
