"""One footer contract for every chart and export: title, subtitle, source line with release,
notes, licence and fetch date, all built from warehouse metadata."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go
import streamlit as st

from dashboard.db import query

LICENCE = (
    "© Crown copyright. Office for National Statistics licensed under the Open Government "
    "Licence v3.0."
)


@dataclass(frozen=True)
class Footer:
    title: str
    subtitle: str
    source: str
    notes: str
    licence: str
    fetched: str

    def lines(self) -> list[str]:
        return [line for line in (self.source, self.notes, self.licence, self.fetched) if line]

    def wrapped_lines(self, width: int = 130) -> list[str]:
        """Footer lines wrapped to fit under a chart, for images that carry their own footer."""
        return [part for line in self.lines() for part in textwrap.wrap(line, width)]


def build(title: str, subtitle: str, release_ids: list[str], notes: str = "") -> Footer:
    releases = query("release_sources", sorted(set(release_ids)))
    parts = [f"{r.title}, {r.release_label} release" for r in releases.itertuples()]
    publishers = sorted(set(releases["publisher"])) or ["Office for National Statistics"]
    source = f"Source: {' and '.join(publishers)} – " + "; ".join(parts)
    fetched = releases["fetched_at"].max() if len(releases) else ""
    return Footer(
        title=title,
        subtitle=subtitle,
        source=source,
        notes=notes,
        licence=LICENCE,
        fetched=f"Data fetched {str(fetched)[:10]}." if fetched else "",
    )


def apply(fig: go.Figure, footer: Footer) -> go.Figure:
    """Put title, subtitle and footer lines into the figure itself, so every image carries them."""
    lines = footer.wrapped_lines()
    fig.update_layout(
        title={
            "text": f"<b>{footer.title}</b><br><sup>{footer.subtitle}</sup>",
            "x": 0,
            "xanchor": "left",
        },
        margin={"b": 70 + 14 * len(lines)},
    )
    fig.add_annotation(
        text="<br>".join(lines),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-40 if not fig.layout.legend.orientation else -80,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        align="left",
        font={"size": 10, "color": "#555555"},
    )
    return fig


def render(footer: Footer) -> None:
    """The same footer under an on-screen chart, as text a screen reader can reach."""
    st.caption("  \n".join(footer.lines()))
