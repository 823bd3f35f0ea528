"""House-style Plotly charts. Colours are the Okabe-Ito colour-blind-safe palette, and every
meaning carried by colour is also carried by text (labels, reference lines, legends).

Each chart collects its traces and layout as dicts and makes the figure once
(``dashboard.figures``)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import figures, fmt

FONT = "DejaVu Sans, Arial, sans-serif"
TEXT = {"family": FONT, "size": 13, "color": "#222222"}  # every chart's font
ABOVE, BELOW, REFERENCE = "#0072B2", "#E69F00", "#333333"
GRID = "#e5e5e5"
# Periods along an x axis: at most about a dozen labels, so long series stay level and legible.
PERIOD_AXIS = {"type": "category", "nticks": 12}
BUCKET_COLOURS = {
    "Foundational": "#009E73",
    "Frontier & foundational": "#56B4E9",
    "Frontier": "#0072B2",
    "Overlooked": "#F0E442",
    "Other tradeable": "#BBBBBB",
    "Mixed or partial": "#CC79A7",
    "Not disclosed": "#DDDDDD",
}
BUCKET_PATTERNS = {"Mixed or partial": "/", "Frontier & foundational": ".", "Not disclosed": "x"}
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "cross", "star", "triangle-down"]
DASHES = ["solid", "dot", "dash", "longdash", "dashdot"]
REFERENCE_DASHES = ["dash", "dot", "dashdot"]
MANY_ROWS = 60
LABEL_CHARACTERS = 32  # longest area name on an axis shared by panels; hovers give it in full


def area_ticks(names: list[str]) -> dict:
    """Axis properties that label the categories ``names`` with names shortened to
    LABEL_CHARACTERS, so that long ITL3 names leave the panels room."""
    short = [
        name if len(name) <= LABEL_CHARACTERS else name[: LABEL_CHARACTERS - 1].rstrip() + "…"
        for name in names
    ]
    return {"tickmode": "array", "tickvals": list(names), "ticktext": short}


def category_range(count: int) -> dict:
    """A category axis spanning exactly its ``count`` categories: Plotly pads the range of axes
    with scatter markers by 5%, which left rows of blank space above and below long lists."""
    return {"range": [-0.5, count - 0.5]}


def _finish(traces: list[dict], layout: dict, height: int) -> go.Figure:
    """The house style (font, white background, light vertical grid) on ``layout``, then the
    figure, made once."""
    layout |= {
        "font": TEXT,
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "height": height,
        "margin": {"l": 10, "r": 30, "t": 80},
    }
    for key in figures.axis_names(layout, "x") or ["xaxis"]:
        layout[key] = layout.get(key, {}) | {"gridcolor": GRID, "zeroline": False}
    return figures.figure(traces, layout)


def _reference_lines(layout: dict, lines: list[tuple[dict, list[dict]]]) -> None:
    """Add (shape, labels) pairs from ``figures.vline``/``hline`` to ``layout``."""
    layout.setdefault("shapes", []).extend(shape for shape, _ in lines)
    layout.setdefault("annotations", []).extend(label for _, labels in lines for label in labels)


def _above_below(above: pd.Series) -> dict:
    """Bars above the reference blue and plain, below orange and hatched."""
    return {
        "color": [ABOVE if a else BELOW for a in above],
        "pattern": {"shape": ["" if a else "/" for a in above]},
    }


def ranked_bars(data: pd.DataFrame, uk_value: float | None, unit: str, decimals: int) -> go.Figure:
    """Horizontal bars ranked by value, with the UK as a labelled reference line."""
    data = data.sort_values("value", ascending=True)
    above = data["value"] >= (uk_value if uk_value is not None else data["value"].median())
    bar = {
        "type": "bar",
        "x": data["value"],
        "y": data["geo_name"],
        "orientation": "h",
        "marker": _above_below(above),
        "text": [fmt.value(v, unit, decimals) for v in data["value"]],
        "textposition": "outside",
        "cliponaxis": False,
        "hovertemplate": "%{y}: %{text}<extra></extra>",
        "name": "",
    }
    layout = {"xaxis": {"title": unit}}
    if uk_value is not None:
        line = {"color": REFERENCE, "dash": "dash"}
        label = f"UK {fmt.value(uk_value, unit, decimals)}"
        _reference_lines(layout, [figures.vline(uk_value, line, label, "top")])
    return _finish([bar], layout, height=120 + 28 * len(data))


def lens_shares(data: pd.DataFrame) -> go.Figure:
    """100% stacked bars: each area's GVA by exclusive sector-lens bucket."""
    order = data[data["bucket"] == "Foundational"].sort_values("share_pct")[
        "geo_name"
    ].tolist() or sorted(data["geo_name"].unique())
    traces = []
    for bucket, colour in BUCKET_COLOURS.items():
        part = data[data["bucket"] == bucket].set_index("geo_name").reindex(order)
        traces.append(
            {
                "type": "bar",
                "x": part["share_pct"],
                "y": order,
                "orientation": "h",
                "name": bucket,
                "marker": {"color": colour, "pattern": {"shape": BUCKET_PATTERNS.get(bucket, "")}},
                "text": [f"{v:.0f}%" if v >= 4 else "" for v in part["share_pct"].fillna(0)],
                "textposition": "inside",
                "insidetextanchor": "middle",
                "hovertemplate": f"%{{y}}: {bucket} %{{x:.1f}}%<extra></extra>",
            }
        )
    layout = {
        "barmode": "stack",
        "legend": {"orientation": "h", "y": -0.12, "x": 0, "traceorder": "normal"},  # stack order
        "xaxis": {
            "title": "% of GVA (excluding owner-occupiers' imputed rental)",
            "range": [0, 100],
        },
    }
    return _finish(traces, layout, height=200 + 28 * len(order))


def ranked_intervals(
    data: pd.DataFrame,
    references: list[tuple[str, float]],
    unit: str,
    decimals: int,
    low_is_best: bool = False,
) -> go.Figure:
    """Bars ranked best at the top, 95% confidence intervals as error bars where published,
    and labelled reference lines (e.g. the UK and the parent region). Bars above the first
    reference are blue and plain, those below orange and hatched."""
    data = data.dropna(subset=["value"]).sort_values("value", ascending=not low_is_best)
    pivot = references[0][1] if references else data["value"].median()
    many = len(data) > MANY_ROWS
    labels = [fmt.value(v, unit, decimals) for v in data["value"]]
    bar = {
        "type": "bar",
        "x": data["value"],
        "y": data["geo_name"],
        "orientation": "h",
        "marker": _above_below(data["value"] >= pivot),
        "textposition": "outside",
        "cliponaxis": False,
        "customdata": labels,
        "hovertemplate": "%{y}: %{customdata}<extra></extra>",
        "name": "",
    }
    if not many:
        bar["text"] = labels
    if data["lci_95"].notna().any() and data["uci_95"].notna().any():
        bar["error_x"] = {
            "type": "data",
            "array": (data["uci_95"] - data["value"]).tolist(),
            "arrayminus": (data["value"] - data["lci_95"]).tolist(),
            "color": REFERENCE,
            "thickness": 1.2,
        }
    layout = {
        "xaxis": {"title": unit},
        # every area named, smaller when many
        "yaxis": {"tickfont": {"size": 9 if many else 13}},
    }
    lines = []
    for i, (label, value) in enumerate(references):
        line = {"color": REFERENCE, "dash": REFERENCE_DASHES[i % len(REFERENCE_DASHES)]}
        text = f"{label} {fmt.value(value, unit, decimals)}"
        lines.append(figures.vline(value, line, text, "top" if i == 0 else "bottom"))
    _reference_lines(layout, lines)
    return _finish([bar], layout, height=140 + (14 if many else 28) * len(data))


def trend_lines(
    data: pd.DataFrame, reference: pd.DataFrame | None, reference_label: str, unit: str
) -> go.Figure:
    """One line per area (colour, marker and dash differ), the reference as a black dashed line,
    each line labelled at its end. ``data``: geo_name, period, period_start, value."""
    order = data.sort_values("period_start")["period"].drop_duplicates().tolist()
    traces = []
    for i, (name, part) in enumerate(data.groupby("geo_name", sort=False)):
        part = part.sort_values("period_start")
        traces.append(
            {
                "type": "scatter",
                "x": part["period"],
                "y": part["value"],
                "name": name,
                "mode": "lines+markers",
                "line": {"color": PALETTE[i % len(PALETTE)], "dash": DASHES[i % len(DASHES)]},
                "marker": {"symbol": SYMBOLS[i % len(SYMBOLS)], "size": 6},
            }
        )
    if reference is not None and len(reference):
        reference = reference.sort_values("period_start")
        traces.append(
            {
                "type": "scatter",
                "x": reference["period"],
                "y": reference["value"],
                "name": reference_label,
                "mode": "lines",
                "line": {"color": REFERENCE, "dash": "dash", "width": 3},
            }
        )
    layout = {
        "xaxis": PERIOD_AXIS | {"categoryorder": "array", "categoryarray": order},
        "yaxis": {"title": unit, "gridcolor": GRID},
        "legend": {"orientation": "h", "y": -0.15, "x": 0},
    }
    return _finish(traces, layout, height=480)


def dispersion_lines(table: pd.DataFrame) -> go.Figure:
    """Max/min ratio above; coefficient of variation (unweighted and population-weighted, in %)
    below, or the standard deviation where values can be zero or negative."""
    has_cv = table["cv"].notna().any()
    titles = (
        "Highest ÷ lowest area",
        "Coefficient of variation (%)" if has_cv else "Standard deviation",
    )
    lines = [(1, "Highest ÷ lowest", table["max_min_ratio"], "solid")]
    if has_cv:
        lines += [
            (2, "Coefficient of variation", 100 * table["cv"], "solid"),
            (2, "Population-weighted CV", 100 * table["weighted_cv"], "dash"),
        ]
    else:
        lines += [(2, "Standard deviation", table["sd"], "solid")]
    traces = [
        {
            "type": "scatter",
            "x": table["period"],
            "y": y,
            "name": name,
            "mode": "lines+markers",
            "line": {"color": PALETTE[i]} | ({"dash": dash} if i else {}),
            "marker": {"symbol": SYMBOLS[i]},
            **figures.axes(row, 1, cols=1),
        }
        for i, (row, name, y, dash) in enumerate(lines)
    ]
    layout = figures.grid(2, 1, titles, shared_x=True, vertical_spacing=0.12)
    figures.update_axes(layout, "x", **PERIOD_AXIS)
    figures.update_axes(layout, "y", gridcolor=GRID)
    layout["legend"] = {"orientation": "h", "y": -0.15, "x": 0}
    return _finish(traces, layout, height=560)


def small_multiples(data: pd.DataFrame, area_label: str, reference_label: str) -> go.Figure:
    """A small chart per indicator: the area (blue solid line with dots) against the reference
    (black dashed). ``data``: label, period, period_start, value, line ('area' | 'reference')."""
    labels = list(dict.fromkeys(data["label"]))
    cols = 3 if len(labels) > 2 else max(len(labels), 1)
    rows = max(1, -(-len(labels) // cols))
    styles = {
        "area": (area_label, {"color": ABOVE}, "lines+markers"),
        "reference": (reference_label, {"color": REFERENCE, "dash": "dash"}, "lines"),
    }
    ordered = data.sort_values("period_start", kind="stable")
    lines = dict(list(ordered.groupby(["label", "line"], sort=False)))
    traces = []
    for at, label in enumerate(labels):
        for line, (name, style, mode) in styles.items():
            points = lines.get((label, line), ordered.iloc[:0])
            traces.append(
                {
                    "type": "scatter",
                    "x": points["period"].tolist(),
                    "y": points["value"].to_numpy(),
                    "name": name,
                    "mode": mode,
                    "line": style,
                    "marker": {"size": 4},
                    "legendgroup": line,
                    "showlegend": at == 0 and len(points) > 0,
                    **figures.axes(at // cols + 1, at % cols + 1, cols),
                }
            )
    layout = figures.grid(rows, cols, labels, vertical_spacing=0.3 / rows)
    figures.update_axes(layout, "x", type="category", nticks=4)
    figures.update_axes(layout, "y", gridcolor=GRID)
    layout["legend"] = {"orientation": "h", "y": -0.08, "x": 0}
    return _finish(traces, layout, height=160 + 230 * rows)


def quadrant_scatter(
    data: pd.DataFrame, x_ref: float, y_ref: float, x_title: str, y_title: str
) -> go.Figure:
    """Areas placed on two indicators with median reference lines. ``data``: geo_name, x, y,
    group (legend text, shown by colour and marker shape), labelled (bool: name drawn)."""
    traces = [
        {
            "type": "scatter",
            "x": part["x"],
            "y": part["y"],
            "name": group,
            "mode": "markers+text",
            "text": part["geo_name"].where(part["labelled"], ""),
            "textposition": "top center",
            "marker": {
                "color": PALETTE[i % len(PALETTE)],
                "symbol": SYMBOLS[i % len(SYMBOLS)],
                "size": 10,
            },
            "hovertext": part["geo_name"],
            "hovertemplate": "%{hovertext}: %{x:,}, %{y:,}<extra></extra>",
        }
        for i, (group, part) in enumerate(data.groupby("group", sort=True))
    ]
    layout = {
        "xaxis": {"title": x_title},
        "yaxis": {"title": y_title, "gridcolor": GRID},
        "legend": {"orientation": "h", "y": -0.18, "x": 0},
    }
    median = {"color": REFERENCE, "dash": "dot"}
    lines = [
        figures.vline(x_ref, median, "median", "top right"),
        figures.hline(y_ref, median, "median"),
    ]
    _reference_lines(layout, lines)
    return _finish(traces, layout, height=560)


def rank_shift(data: pd.DataFrame) -> go.Figure:
    """Composite scores under the chosen weights (filled circles) and under equal weights
    (open diamonds), joined per area, best at the top. ``data``: geo_name, composite,
    equal_composite, rank, equal_rank."""
    data = data.sort_values("composite", ascending=True)
    # one trace of segments, each area's two scores then a gap (None)
    segments = [(row.equal_composite, row.composite, None) for row in data.itertuples()]
    traces = [
        {
            "type": "scatter",
            "x": [x for segment in segments for x in segment],
            "y": [y for name in data["geo_name"] for y in (name, name, None)],
            "mode": "lines",
            "line": {"color": "#BBBBBB", "width": 2},
            "showlegend": False,
            "hoverinfo": "skip",
        },
        # orientation "h" marks the area names as category labels that need a left margin
        {
            "type": "scatter",
            "x": data["equal_composite"],
            "y": data["geo_name"],
            "orientation": "h",
            "name": "Equal weights",
            "mode": "markers",
            "marker": {"symbol": "diamond-open", "size": 10, "color": BELOW, "line": {"width": 2}},
        },
        {
            "type": "scatter",
            "x": data["composite"],
            "y": data["geo_name"],
            "name": "Chosen weights (rank shown)",
            "mode": "markers+text",
            "text": [f"#{r}" for r in data["rank"]],
            "textposition": "middle right",
            "marker": {"symbol": "circle", "size": 10, "color": ABOVE},
        },
    ]
    many = len(data) > MANY_ROWS
    layout = {
        "xaxis": {"title": "Composite score (0 = worst area, 100 = best)", "range": [-5, 108]},
        # every area named, smaller when many
        "yaxis": {"tickfont": {"size": 9 if many else 13}} | category_range(len(data)),
        "legend": {"orientation": "h", "y": -0.12, "x": 0},
    }
    return _finish(traces, layout, height=160 + (14 if many else 28) * len(data))
