"""The indicator catalogue as the warehouse holds it (declared once in etl/indicators/*.yml)."""

from __future__ import annotations

import streamlit as st

from dashboard.db import build_id, query

# The order themes are listed in everywhere: output first, as industrial strategy reads it, then
# the rest of the picture. A theme not named here follows, alphabetically.
THEME_ORDER = (
    "output",
    "productivity",
    "work",
    "earnings",
    "household_income",
    "wellbeing",
    "health",
    "environment",
    "equality",
    "population",
)


def indicators() -> dict[str, dict]:
    """Every indicator by id, in catalogue order (by theme, then id); built once per build."""
    return _indicators(build_id())


def theme_rank(theme: str) -> tuple[int, str]:
    """Sort key putting themes in THEME_ORDER."""
    return (THEME_ORDER.index(theme) if theme in THEME_ORDER else len(THEME_ORDER), theme)


@st.cache_resource(max_entries=2)
def _indicators(build: str) -> dict[str, dict]:
    rows = query("indicators").to_dict("records")
    rows.sort(key=lambda row: (theme_rank(row["theme"]), row["indicator_id"]))
    return {row["indicator_id"]: row for row in rows}


def indicator(indicator_id: str) -> dict:
    return indicators()[indicator_id]
