"""One chart panel serves every chart: the figure with its footer baked in, the plain-language
summary (also the chart's alt text), the on-screen footer, and a table view of exactly the data
drawn."""

from __future__ import annotations

import streamlit as st

from dashboard import footer as footers
from dashboard.views import View


def chart_panel(view: View, key: str) -> None:
    """Render a view and everything that travels with it."""
    figure = footers.apply(view.figure, view.footer)
    st.plotly_chart(figure, key=key, config={"displaylogo": False})
    st.markdown(f"**{view.summary}**")
    footers.render(view.footer)
    with st.expander("Table view"):
        st.dataframe(view.data, hide_index=True, key=f"{key}_table")
