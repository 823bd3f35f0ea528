"""Router and frame: every page is declared here; the shared sidebar and warehouse check live here."""

import streamlit as st

from dashboard.db import WarehouseMissing, build_id

st.set_page_config(page_title="UK regions beyond GDP", page_icon="📊", layout="wide")

PAGES = [
    st.Page("pages/home.py", title="Regions at a glance", icon="🏠", default=True, url_path="home"),
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
