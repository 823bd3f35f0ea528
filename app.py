"""Router and frame: every page is declared here; the shared sidebar and warehouse check live here."""

import streamlit as st

from dashboard.collector import freeze_long_lived
from dashboard.db import WarehouseMissing, build_id

st.set_page_config(page_title="UK regions beyond GDP", page_icon="📊", layout="wide")

PAGES = [
    st.Page("pages/home.py", title="Regions at a glance", icon="🏠", default=True, url_path="home"),
    st.Page("pages/area_profile.py", title="Area profile", icon="📍", url_path="profile"),
    st.Page("pages/compare.py", title="Compare and gaps", icon="📊", url_path="compare"),
    st.Page("pages/scorecard.py", title="Beyond-GDP scorecard", icon="🧭", url_path="scorecard"),
    st.Page("pages/methods.py", title="Data and methods", icon="📚", url_path="methods"),
    st.Page("pages/map.py", title="Map", icon="🗺️", url_path="map"),
    st.Page("pages/lenses.py", title="Foundational versus frontier", icon="⚖️", url_path="lenses"),
    st.Page(
        "pages/decomposition.py", title="Gap decomposition", icon="🧮", url_path="decomposition"
    ),
]

try:
    current_build = build_id()
except WarehouseMissing as exc:
    st.error(str(exc))
    st.stop()

page = st.navigation(PAGES)
with st.sidebar:
    st.caption(
        "Beyond-GDP indicators for UK places. Figures from the Office for National Statistics, "
        f"Open Government Licence v3.0. Warehouse build {current_build}."
    )
page.run()
freeze_long_lived()
