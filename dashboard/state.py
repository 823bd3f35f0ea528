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


def choices(key: str, options: Sequence[str], default: list[str], limit: int) -> list[str]:
    """The URL's comma-separated values for ``key`` that are among ``options`` (at most
    ``limit``); others are dropped with a notice, and nothing usable gives ``default``."""
    raw = st.query_params.get(key)
    if raw is None:
        return default
    values = [v for v in raw.split(",") if v]
    kept = [v for v in dict.fromkeys(values) if v in options][:limit]
    if len(kept) < len(values) or not kept:
        notice(f"Some of the link's {key} values are not available here and were left out.")
    return kept or default


def notice(message: str) -> None:
    """Queue a notice for ``show_notices``, e.g. about a URL value a page had to correct."""
    st.session_state.setdefault(_NOTICES, []).append(message)


def remember(**values: str) -> None:
    """Write the current selections back to the URL so a copied link reproduces the view."""
    for key, value in values.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value


def show_notices() -> None:
    for notice in st.session_state.pop(_NOTICES, []):
        st.info(notice, icon=":material/info:")
