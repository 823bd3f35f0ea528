"""Home: how do regions compare on GVA per head, and how much of each region's output comes from
foundational versus frontier industries?"""

import streamlit as st

from dashboard import state
from dashboard.db import query
from dashboard.panel import chart_panel
from dashboard.views import overview

LEVEL = "ITL1"
INDICATOR = "gva_per_head_gbp"

st.title("How do UK regions compare?")
st.markdown(
    "Output per head is only part of the picture. This page sets each region's **GVA per head** "
    "against the UK, and shows how much of its output comes from **foundational** industries "
    "(care, health, education, utilities, food, retail, transport) versus the **frontier** "
    "sectors industrial strategy favours."
)

periods = query("available_periods", INDICATOR, LEVEL)["period"].tolist()
year = state.choice("year", periods, periods[-1])
state.show_notices()
year = st.select_slider("Year", options=periods, value=year, key="home_year")
state.remember(year=year)

chart_panel(overview.ranked(INDICATOR, LEVEL, year), key="gva_per_head_chart")

st.subheader("Foundational and frontier shares of output")
lens_periods = query("lens_periods", LEVEL)["period"].tolist()
lens_year = year if year in lens_periods else lens_periods[-1]
if lens_year != year:
    st.info(f"Industry detail is published to {lens_periods[-1]}; showing {lens_year}.")
chart_panel(overview.lens_share(LEVEL, lens_year), key="lens_share_chart")
