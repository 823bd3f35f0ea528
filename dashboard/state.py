"""Shareable view state in the URL. Unknown or hostile values fall back to a default, and the
page shows a notice saying so; nothing from the URL ever reaches SQL except as a checked choice."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

_NOTICES = "_url_notices"


def choice(key: str, options: Sequence[str], default: str) -> str:
    """The URL's value for ``key`` if it is one of ``options``, else ``default`` with a notice."""
    raw = st.query_params.get(key)
    if raw is None:
        return default
    if raw in options:
        return raw
    st.session_state.setdefault(_NOTICES, []).append(
        f"The link's {key}={raw[:40]!r} is not available here, so the default ({default}) is shown."
    )
    return default


def remember(**values: str) -> None:
    """Write the current selections back to the URL so a copied link reproduces the view."""
    for key, value in values.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value


def show_notices() -> None:
    for notice in st.session_state.pop(_NOTICES, []):
        st.info(notice, icon="ℹ️")
