"""One chart panel serves every chart: the figure with its footer baked in, the plain-language
summary (the chart's text alternative, directly under it), the on-screen footer, a table view of
exactly the data drawn, downloads (PNG, SVG, CSV, HTML) and a permalink that reproduces the view.

Download contents are generated only when a button is pressed, so pages stay fast."""

from __future__ import annotations

from functools import partial

import streamlit as st

from dashboard import export, permalink
from dashboard import footer as footers
from dashboard.views import View

# The modebar's own "download as PNG" would drop the summary and footer: exports go through
# the download buttons below instead.
PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["toImage"]}
LABELS = {"png": "PNG image", "svg": "SVG image", "csv": "CSV data", "html": "Interactive HTML"}
IMAGES = (("png", export.PRESETS["social"]), ("svg", export.PRESETS["print"]))


def chart_panel(view: View, key: str) -> None:
    """Render a view and everything that travels with it."""
    for notice in view.notices:
        st.info(notice, icon=":material/info:")
    st.plotly_chart(view.screen_figure, key=key, config=PLOTLY_CONFIG, theme=None)
    st.markdown(f"**{view.summary}**")
    footers.render(view.footer)
    with st.expander("Table view"):
        st.dataframe(view.data, hide_index=True, key=f"{key}_table")
    _downloads(view, key)


def _downloads(view: View, key: str) -> None:
    link = permalink.url(permalink.Spec.of(view), base=st.context.url or "")
    unavailable = export.images_unavailable_reason()
    with st.container(horizontal=True, key=f"{key}_downloads"):
        for fmt, preset in IMAGES if unavailable is None else ():
            _button(view, key, fmt, preset, link, f"{LABELS[fmt]} ({preset.width}×{preset.height})")
        _button(view, key, "csv", None, link, LABELS["csv"])
        _button(view, key, "html", None, link, LABELS["html"])
    if unavailable:
        st.caption(unavailable)
    st.caption("Link to this chart (select it, or use the copy button):")
    st.code(link, language=None, wrap_lines=True)


def _button(
    view: View, key: str, fmt: str, preset: export.Preset | None, link: str, label: str
) -> None:
    st.download_button(
        label,
        data=partial(export.render, view, fmt, preset or export.PRESETS["social"], link),
        file_name=export.file_name(view, fmt, preset),
        mime=export.MIME[fmt],
        key=f"{key}_{fmt}",
        on_click="ignore",
        icon=":material/download:",
    )
