"""URL parameters: any string falls back to a known option with a notice; nothing else leaks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

OPTIONS = ["1998", "2021", "ITL1", "gva_per_head_gbp"]


def _choice_script(raw: str) -> str:
    return f"""
import streamlit as st
from dashboard import state
st.query_params["probe"] = {raw!r}
chosen = state.choice("probe", {OPTIONS!r}, "2021")
state.show_notices()
st.write("chosen:" + chosen)
"""


@settings(max_examples=40, deadline=None, derandomize=True)
@given(raw=st.text(max_size=300))
def test_any_url_value_gives_a_known_option(raw):
    at = AppTest.from_string(_choice_script(raw), default_timeout=30).run()
    assert not at.exception
    chosen = at.markdown[-1].value.removeprefix("chosen:")
    assert chosen in OPTIONS
    if raw not in OPTIONS:
        assert chosen == "2021" and len(at.info) == 1
    else:
        assert chosen == raw and len(at.info) == 0
