"""Router and frame: every page is declared here; the shared sidebar and warehouse check live here."""

import streamlit as st

from dashboard.collector import freeze_long_lived
from dashboard.db import WarehouseMissing, build_id

# A Material favicon would be fetched from a font CDN; an emoji favicon is drawn in the browser.
st.set_page_config(page_title="UK regions beyond GDP", page_icon="📊", layout="wide")

# In the order a reader's questions run; Material icons ship with Streamlit, so they draw offline.
PAGES = [
    st.Page(
        "pages/home.py",
        title="Regions at a glance",
        icon=":material/home:",
        default=True,
        url_path="home",
    ),
    st.Page(
        "pages/area_profile.py",
        title="Area profile",
        icon=":material/location_on:",
        url_path="profile",
    ),
    st.Page(
        "pages/compare.py",
        title="Compare and gaps",
        icon=":material/bar_chart:",
        url_path="compare",
    ),
    st.Page(
        "pages/lenses.py",
        title="Foundational versus frontier",
        icon=":material/balance:",
        url_path="lenses",
    ),
    st.Page(
        "pages/decomposition.py",
        title="Gap decomposition",
        icon=":material/calculate:",
        url_path="decomposition",
    ),
    st.Page(
        "pages/scorecard.py",
        title="Beyond-GDP scorecard",
        icon=":material/explore:",
        url_path="scorecard",
    ),
    st.Page("pages/map.py", title="Map", icon=":material/map:", url_path="map"),
    st.Page(
        "pages/methods.py",
        title="Data and methods",
        icon=":material/menu_book:",
        url_path="methods",
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
