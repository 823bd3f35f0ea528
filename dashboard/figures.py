"""Figures assembled as plain dicts and validated once, when ``figure`` makes them.

Plotly's incremental calls (``add_trace``, ``update_layout``, ``make_subplots``, ``add_vline``)
parse and validate every property path again on each call: a four-panel bar chart took about
50 ms to assemble that way and takes 5 ms as one dict. Charts therefore collect their traces and
layout as dicts and call ``figure`` last. The helpers below give, as dicts, the grid that
``make_subplots`` lays out and the reference lines that ``add_vline`` and ``add_hline`` draw.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

SUBPLOT_TITLE_SIZE = 16  # make_subplots' title font size


def figure(traces: list[dict], layout: dict) -> go.Figure:
    """The figure, validated here once: an unknown property or a bad value raises ValueError."""
    return go.Figure({"data": traces, "layout": layout})


def axes(row: int, col: int, cols: int) -> dict:
    """A trace's axis references for the subplot at ``row``, ``col`` (both from 1), numbered
    row by row as make_subplots numbers them: {"xaxis": "x3", "yaxis": "y3"}."""
    n = (row - 1) * cols + col
    suffix = "" if n == 1 else str(n)
    return {"xaxis": f"x{suffix}", "yaxis": f"y{suffix}"}


def grid(
    rows: int,
    cols: int,
    titles: Sequence[str] = (),
    shared_x: bool = False,
    shared_y: bool = False,
    horizontal_spacing: float | None = None,
    vertical_spacing: float | None = None,
) -> dict:
    """Layout entries for ``rows`` × ``cols`` subplots, as ``make_subplots`` lays them out: an
    x and a y axis per subplot with its domain (row 1 at the top), shared axes matching the first
    column's y axis or the bottom row's x axis with the inner tick labels hidden, and ``titles``
    (row by row) as annotations above each subplot."""
    h = 0.2 / cols if horizontal_spacing is None else horizontal_spacing
    v = (0.5 if titles else 0.3) / rows if vertical_spacing is None else vertical_spacing
    width = (1 - h * (cols - 1)) / cols
    height = (1 - v * (rows - 1)) / rows
    layout: dict = {}
    annotations = []
    for row in range(1, rows + 1):
        # the same arithmetic as make_subplots, so the domains are equal to the last digit
        below = rows - row
        bottom = sum([height] * below) + below * v
        y_domain = [min(max(bottom, 0.0), 1.0), min(bottom + height, 1.0)]
        for col in range(1, cols + 1):
            left = sum([width] * (col - 1)) + (col - 1) * h
            x_domain = [left, left + width]
            ref = axes(row, col, cols)
            x, y = ref["xaxis"], ref["yaxis"]
            x_axis = {"anchor": y, "domain": x_domain}
            y_axis = {"anchor": x, "domain": list(y_domain)}
            if shared_x and row < rows:
                x_axis |= {"matches": axes(rows, col, cols)["xaxis"], "showticklabels": False}
            if shared_y and col > 1:
                y_axis |= {"matches": axes(row, 1, cols)["yaxis"], "showticklabels": False}
            layout[x.replace("x", "xaxis")] = x_axis
            layout[y.replace("y", "yaxis")] = y_axis
            n = (row - 1) * cols + col
            if n <= len(titles):
                annotations.append(
                    {
                        "text": titles[n - 1],
                        "x": sum(x_domain) / 2,
                        "y": y_domain[1],
                        "xref": "paper",
                        "yref": "paper",
                        "xanchor": "center",
                        "yanchor": "bottom",
                        "showarrow": False,
                        "font": {"size": SUBPLOT_TITLE_SIZE},
                    }
                )
    if annotations:
        layout["annotations"] = annotations
    return layout


def axis_names(layout: dict, letter: str) -> list[str]:
    """The layout's axis keys for ``letter`` ("x" or "y"): ["xaxis", "xaxis2", ...]."""
    return [key for key in layout if key == f"{letter}axis" or key.startswith(f"{letter}axis")]


def update_axes(layout: dict, letter: str, **props) -> None:
    """Set ``props`` on each of the layout's ``letter`` axes, as ``fig.update_xaxes`` does."""
    for key in axis_names(layout, letter):
        layout[key] |= props


def vline(
    x: float, line: dict, text: str = "", position: str = "top", axis: str = "x"
) -> tuple[dict, list[dict]]:
    """A vertical line across the plot at ``x`` and its label, as ``add_vline`` draws them:
    (shape, annotations). ``position``: "top", "bottom" or "top right" (add_vline's default)."""
    y_axis = axis.replace("x", "y")
    shape = {
        "type": "line",
        "x0": x,
        "x1": x,
        "xref": axis,
        "y0": 0,
        "y1": 1,
        "yref": f"{y_axis} domain",
        "line": line,
    }
    anchors = {
        "top": ("center", 1, "bottom"),
        "bottom": ("center", 0, "top"),
        "top right": ("left", 1, "top"),
    }
    xanchor, y, yanchor = anchors[position]
    label = {
        "text": text,
        "x": x,
        "xref": axis,
        "y": y,
        "yref": f"{y_axis} domain",
        "xanchor": xanchor,
        "yanchor": yanchor,
        "showarrow": False,
    }
    return shape, [label] if text else []


def hline(y: float, line: dict, text: str = "", axis: str = "y") -> tuple[dict, list[dict]]:
    """A horizontal line across the plot at ``y`` and its label at the right end, as
    ``add_hline`` draws them: (shape, annotations)."""
    x_axis = axis.replace("y", "x")
    shape = {
        "type": "line",
        "x0": 0,
        "x1": 1,
        "xref": f"{x_axis} domain",
        "y0": y,
        "y1": y,
        "yref": axis,
        "line": line,
    }
    label = {
        "text": text,
        "x": 1,
        "xref": f"{x_axis} domain",
        "y": y,
        "yref": axis,
        "xanchor": "right",
        "yanchor": "bottom",
        "showarrow": False,
    }
    return shape, [label] if text else []
