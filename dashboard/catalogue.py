"""The indicator catalogue as the warehouse holds it (declared once in etl/indicators/*.yml)."""

from __future__ import annotations

import streamlit as st

from dashboard.db import build_id, query


def indicators() -> dict[str, dict]:
    """Every indicator by id, in catalogue order; built once per warehouse build."""
    return _indicators(build_id())


@st.cache_resource(max_entries=2)
def _indicators(build: str) -> dict[str, dict]:
    frame = query("indicators")
    return {row["indicator_id"]: row for row in frame.to_dict("records")}


def indicator(indicator_id: str) -> dict:
    return indicators()[indicator_id]
