"""AppTest for the gap-decomposition page on a warehouse built from the ONS mirror."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.pages import bold, run_page


@pytest.fixture
def warehouse(mirror_warehouse, monkeypatch):
    monkeypatch.setenv("BEYOND_GDP_WAREHOUSE", str(mirror_warehouse))
    return mirror_warehouse


def _run(**params) -> AppTest:
    return run_page("pages/decomposition.py", **params)


_bold = bold


def test_default_view_decomposes_every_region(warehouse):
    at = _run()
    assert not at.exception and not at.info
    assert len(at.get("plotly_chart")) == 2
    assert _bold(at)[0].startswith(
        "In 2021, 9 of 11 areas had lower GVA per employee job than Great Britain. The furthest "
        "behind, North East, was £11,851 per job behind: £2,035 from its industry mix and £9,816 "
        "from lower output per job within industries."
    )


def test_changing_level_and_area(warehouse):
    at = _run()
    at.radio(key="decomp_level").set_value("ITL3").run()
    assert not at.exception
    assert "of 166 areas" in _bold(at)[0]
    at.selectbox(key="decomp_area").set_value("TLI32").run()
    assert not at.exception
    assert at.query_params["area"] == "TLI32"


def test_hostile_parameters_fall_back_with_a_notice(warehouse):
    at = _run(level="ITL1", year="2021 OR 1=1", area="../../etc/passwd", foundational="x" * 500)
    assert not at.exception
    assert sum("not available here" in i.value for i in at.info) == 3
    assert at.radio(key="decomp_foundational").value == "strict"
