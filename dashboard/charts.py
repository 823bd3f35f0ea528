"""House-style Plotly charts. Colours are the Okabe-Ito colour-blind-safe palette, and every
meaning carried by colour is also carried by text (labels, reference lines, legends)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import fmt

FONT = "DejaVu Sans, Arial, sans-serif"
ABOVE, BELOW, REFERENCE = "#0072B2", "#E69F00", "#333333"
BUCKET_COLOURS = {
    "Foundational": "#009E73",
    "Frontier & foundational": "#56B4E9",
    "Frontier": "#0072B2",
    "Overlooked": "#F0E442",
    "Other tradeable": "#BBBBBB",
    "Mixed or partial": "#CC79A7",
}
BUCKET_PATTERNS = {"Mixed or partial": "/", "Frontier & foundational": "."}


def _style(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(
        font={"family": FONT, "size": 13, "color": "#222222"},
        plot_bgcolor="white",
        paper_bgcolor="white",
        height=height,
        margin={"l": 10, "r": 30, "t": 80},
    )
    fig.update_xaxes(gridcolor="#e5e5e5", zeroline=False)
    return fig


def ranked_bars(data: pd.DataFrame, uk_value: float | None, unit: str, decimals: int) -> go.Figure:
    """Horizontal bars ranked by value, with the UK as a labelled reference line."""
    data = data.sort_values("value", ascending=True)
    above = data["value"] >= (uk_value if uk_value is not None else data["value"].median())
    labels = [fmt.value(v, unit, decimals) for v in data["value"]]
    fig = go.Figure(
        go.Bar(
            x=data["value"],
            y=data["geo_name"],
            orientation="h",
            marker_color=[ABOVE if a else BELOW for a in above],
            marker_pattern_shape=["" if a else "/" for a in above],
            text=labels,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
            name="",
        )
    )
    if uk_value is not None:
        fig.add_vline(
            x=uk_value,
            line_color=REFERENCE,
            line_dash="dash",
            annotation_text=f"UK {fmt.value(uk_value, unit, decimals)}",
            annotation_position="top",
        )
    fig.update_xaxes(title=unit)
    return _style(fig, height=120 + 28 * len(data))


def lens_shares(data: pd.DataFrame) -> go.Figure:
    """100% stacked bars: each area's GVA by exclusive sector-lens bucket."""
    order = data[data["bucket"] == "Foundational"].sort_values("share_pct")[
        "geo_name"
    ].tolist() or sorted(data["geo_name"].unique())
    fig = go.Figure()
    for bucket, colour in BUCKET_COLOURS.items():
        part = data[data["bucket"] == bucket].set_index("geo_name").reindex(order)
        fig.add_bar(
            x=part["share_pct"],
            y=order,
            orientation="h",
            name=bucket,
            marker_color=colour,
            marker_pattern_shape=BUCKET_PATTERNS.get(bucket, ""),
            text=[f"{v:.0f}%" if v >= 4 else "" for v in part["share_pct"].fillna(0)],
            textposition="inside",
            insidetextanchor="middle",
            hovertemplate=f"%{{y}}: {bucket} %{{x:.1f}}%<extra></extra>",
        )
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.12, "x": 0})
    fig.update_xaxes(title="% of GVA (excluding owner-occupiers' imputed rental)", range=[0, 100])
    return _style(fig, height=200 + 28 * len(order))
