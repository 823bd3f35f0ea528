"""One footer contract for every chart and export: title, subtitle, source line with release,
notes, licence and fetch date, all built from warehouse metadata."""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from html import escape

import plotly.graph_objects as go
import streamlit as st

from dashboard.charts import FONT
from dashboard.db import query
from dashboard.figures import SUBPLOT_TITLE_SIZE

LICENCE = (
    "© Crown copyright. Office for National Statistics licensed under the Open Government "
    "Licence v3.0."
)
BOUNDARIES_LICENCE = "Contains OS data © Crown copyright and database right 2022."


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


def build(
    title: str, subtitle: str, release_ids: list[str], notes: str = "", boundaries: bool = False
) -> Footer:
    """``boundaries``: the figure draws ONS boundaries, which carry the OS copyright line."""
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
        licence=LICENCE + (f" {BOUNDARIES_LICENCE}" if boundaries else ""),
        fetched=f"Data fetched {str(fetched)[:10]}." if fetched else "",
    )


LINE_SPACING = 1.3  # plotly's spacing of <br> lines, in font sizes
GLYPH_WIDTH = 0.56  # mean DejaVu Sans glyph width, in font sizes, to wrap text to a pixel width
INK, GREY = "#222222", "#555555"
PAD = 14  # px between the image edge and the title or footer
SCREEN_TEXT_PX = 800  # on-screen text width: a wide-layout chart on a laptop screen


def _wrap(text: str, px: float, font_size: float) -> list[str]:
    chars = int(px / (GLYPH_WIDTH * font_size))
    return [escape(part, quote=False) for part in textwrap.wrap(text, max(chars, 20))]


def _label_margin(spec: dict, font_size: float) -> int:
    """Left margin that fits the y axis's own tick labels, or else the category labels of
    horizontal bars (numbers need ~70 px)."""
    axis = spec["layout"].get("yaxis", {})
    if axis.get("showticklabels") is False:
        return 70
    labels = [str(text) for text in axis.get("ticktext") or ()] or [
        str(y)
        for trace in spec["data"]
        if trace.get("orientation") == "h"
        for y in (trace["y"] if trace.get("y") is not None else ())
    ]
    longest = max((len(label) for label in labels), default=0)
    size = axis.get("tickfont", {}).get("size") or font_size  # smaller for long lists
    return max(70, int(longest * GLYPH_WIDTH * size) + PAD)


def _above_plot_px(layout: dict, font_size: float) -> float:
    """Height of what sits on top of the plot area: the top row's subplot titles (anchored at
    their bottom on the paper's top edge), or else one line for reference-line labels."""
    titles = [
        LINE_SPACING
        * note.get("font", {}).get("size", SUBPLOT_TITLE_SIZE)
        * (note["text"].count("<br>") + 1)
        for note in layout.get("annotations", ())
        if note.get("yref") == "paper"
        and note.get("y", 0) > 0.99
        and note.get("yanchor") == "bottom"
    ]
    return max([LINE_SPACING * font_size, *titles])


def _legend_rows(spec: dict, font_size: float, width: int | None) -> int:
    """Rows a horizontal legend takes below the plot (0 when it is not horizontal)."""
    if spec["layout"].get("legend", {}).get("orientation") != "h":
        return 0
    names = [
        trace.get("name") or "" for trace in spec["data"] if trace.get("showlegend") is not False
    ]
    entries_px = sum(len(name) * GLYPH_WIDTH * font_size + 50 for name in names)
    return max(1, math.ceil(entries_px / ((width or 800) - 2 * PAD)))


def apply(
    fig: go.Figure,
    footer: Footer,
    summary: str = "",
    width: int | None = None,
    height: int | None = None,
    font_size: float | None = None,
) -> go.Figure:
    """A copy of ``fig`` carrying the title, subtitle and footer lines (and ``summary``, for
    exports) inside the image. Without ``height`` the plot keeps its own height and grows to make
    room; with ``width`` and ``height`` the layout fills exactly that many pixels."""
    # edited as a dict copy and made without validation, which ``fig`` passed when it was built
    spec = fig.to_dict()
    layout = spec["layout"]
    base = font_size or layout.get("font", {}).get("size") or 13
    small = round(base * 0.8)
    left = _label_margin(spec, base)
    text_px = width - 2 * PAD if width else SCREEN_TEXT_PX
    heading = [f"<b>{line}</b>" for line in _wrap(footer.title, text_px, base * 1.5)]
    subtitle = _wrap(footer.subtitle, text_px, base)
    notes = [f"<span style='color:{INK}'>{line}</span>" for line in _wrap(summary, text_px, small)]
    notes += [part for line in footer.lines() for part in _wrap(line, text_px, small)]

    heading_px = LINE_SPACING * base * 1.5 * len(heading)
    subtitle_px = LINE_SPACING * base * len(subtitle)
    top = PAD + heading_px + subtitle_px + PAD + _above_plot_px(layout, base)
    notes_px = LINE_SPACING * small * len(notes) + PAD
    rows = _legend_rows(spec, base, width)
    legend_px = 2 * base * rows + PAD / 2 if rows else 0
    bottom = 4 * base + legend_px + notes_px  # 4 font sizes hold tick labels and axis title
    if height is None:
        height = (layout.get("height") or 450) + notes_px + legend_px
    layout |= {"title": None, "width": width, "height": height}
    layout["font"] = layout.get("font", {}) | {"family": FONT, "size": base}
    layout["margin"] = layout.get("margin", {}) | {"t": top, "b": bottom, "l": left}
    if rows:
        legend = {"yref": "container", "y": (notes_px + PAD / 2) / height, "yanchor": "bottom"}
        layout["legend"] = layout.get("legend", {}) | legend
    # Annotations are placed from the plot area (paper) edges, whose pixel offsets are the margins.
    blocks = [
        (heading, base * 1.5, INK, 1, top - PAD),
        (subtitle, base, GREY, 1, top - PAD - heading_px),
        (notes, small, GREY, 0, PAD / 2 - bottom),
    ]
    layout["annotations"] = layout.get("annotations", []) + [
        {
            "text": "<br>".join(lines),
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": y,
            "xshift": PAD - left,
            "yshift": shift,
            "xanchor": "left",
            "yanchor": "top" if y else "bottom",
            "showarrow": False,
            "align": "left",
            "font": {"size": size, "color": colour},
        }
        for lines, size, colour, y, shift in blocks
    ]
    return go.Figure(spec, _validate=False)


def render(footer: Footer) -> None:
    """The same footer under an on-screen chart, as text a screen reader can reach."""
    st.caption("  \n".join(footer.lines()))
