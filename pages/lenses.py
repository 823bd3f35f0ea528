"""Foundational versus frontier: how much of each region's output and employment sits in the
foundational economy and in frontier industries, what each produces per job, and how each grew."""

import streamlit as st

from dashboard import pickers, state
from dashboard.db import query
from dashboard.panel import chart_panel
from dashboard.views import lenses
from etl.config import REFERENCE_DIR

LEVELS = ["ITL1", "ITL2", "ITL3"]
FOUNDATIONAL = {
    "strict": "Strict (FEC material + providential)",
    "everyday": "Everyday economy (+ overlooked)",
    "broad": "Broad (everyday + construction, WG style)",
}
FRONTIER = {
    "default": "Default (taxonomy flag)",
    "narrow": "Narrow (Eurostat high-tech only)",
    "broad": "Broad (adds IS-8 divisions 77, 78, 82)",
}

st.title("Foundational versus frontier")
st.markdown(
    "How much of each area's **output (GVA)** and **employee jobs** sits in the **foundational "
    "economy** (care, health, education, utilities, food, retail, transport) and in the "
    "**frontier** industries industrial strategy favours? Jobs come from BRES by SIC section, so "
    "sections that straddle a lens are shown as **partly in the lens**, not apportioned; the two "
    "lenses overlap (telecoms is in both) and each is shown in full."
)

level = state.choice("level", LEVELS, "ITL1")
foundational = state.choice("foundational", list(FOUNDATIONAL), "strict")
frontier = state.choice("frontier", list(FRONTIER), "default")
periods = query("lens_job_periods", level)["period"].tolist()
if not periods:
    state.show_notices()
    st.warning(
        "This warehouse holds no BRES employee figures; rebuild it with `python -m etl build`."
    )
    st.stop()
year = state.choice("year", periods, periods[-1])
state.show_notices()

left, middle, right = st.columns([1, 2, 2])
level = pickers.level(left, LEVELS, level, key="lens_level")
periods = query("lens_job_periods", level)["period"].tolist()
year = year if year in periods else periods[-1]
foundational = middle.radio(
    "Foundational lens",
    list(FOUNDATIONAL),
    index=list(FOUNDATIONAL).index(foundational),
    format_func=FOUNDATIONAL.get,
    key="lens_foundational",
    horizontal=True,
)
frontier = right.radio(
    "Frontier lens",
    list(FRONTIER),
    index=list(FRONTIER).index(frontier),
    format_func=FRONTIER.get,
    key="lens_frontier",
    horizontal=True,
)
year = st.select_slider("Year", options=periods, value=year, key="lens_year")
state.remember(level=level, year=year, foundational=foundational, frontier=frontier)

with st.expander("How the lenses are defined, and their caveats"):
    taxonomy = (REFERENCE_DIR / "sector-taxonomy.md").read_text()
    st.markdown(taxonomy[taxonomy.index("### 3.3") : taxonomy.index("### 4.3")])
    st.markdown(taxonomy[taxonomy.index("## 5. Caveats") : taxonomy.index("## 6.")])

chart_panel(lenses.jobs_gva_share(level, year, foundational, frontier), key="lens_share_chart")
st.subheader("GVA per employee job")
chart_panel(lenses.gva_per_job(level, year, foundational, frontier), key="lens_per_job_chart")

st.subheader("Growth by lens")
areas = query("lens_job_areas", level)
names = dict(zip(areas["geo_code"], areas["geo_name"], strict=True))
area = state.choice("area", list(names), next(iter(names)))
state.show_notices()
area = st.selectbox(
    "Area", list(names), index=list(names).index(area), format_func=names.get, key="lens_area"
)
state.remember(area=area)
chart_panel(lenses.growth(level, area, foundational, frontier), key="lens_growth_chart")

st.subheader("Local authorities")
itl1 = area[:3]
lad_periods = query("lens_lad_periods")["period"].tolist()
lad_year = year if year in lad_periods else lad_periods[-1]
if lad_year != year:
    st.info(
        f"Local-authority GVA by industry is published to {lad_periods[-1]}; showing {lad_year}."
    )
chart_panel(lenses.lad_share(itl1, lad_year, foundational, frontier), key="lens_lad_chart")
