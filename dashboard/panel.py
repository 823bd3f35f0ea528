"""One chart panel serves every chart: the figure with its footer baked in, the plain-language
summary (also the chart's alt text), the on-screen footer, and a table view of exactly the data
drawn."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import footer as footers


def chart_panel(
    fig: go.Figure,
    foot: footers.Footer,
    data: pd.DataFrame,
    summary: str,
    key: str,
) -> None:
    """Render a chart and everything that travels with it. ``data`` is what the chart shows,
    with human-readable column names; it is the table view and the CSV download."""
    fig = footers.apply(fig, foot)
    st.plotly_chart(fig, key=key, config={"displaylogo": False})
    st.markdown(f"**{summary}**")
    footers.render(foot)
    with st.expander("Table view"):
        st.dataframe(data, hide_index=True, key=f"{key}_table")
