"""AppTest for the foundational-versus-frontier page on a warehouse built from the ONS mirror
(the page needs BRES, which the embedded default holds only once regenerated)."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.pages import bold, run_page


@pytest.fixture
def warehouse(mirror_warehouse, monkeypatch):
    monkeypatch.setenv("BEYOND_GDP_WAREHOUSE", str(mirror_warehouse))
    return mirror_warehouse


def _run(**params) -> AppTest:
    return run_page("pages/lenses.py", **params)


_bold = bold


def test_default_view_shows_regions_in_the_latest_year(warehouse):
    at = _run()
    assert not at.exception and not at.info
    assert at.select_slider(key="lens_year").value == "2021"
    assert len(at.get("plotly_chart")) == 4
    sentences = _bold(at)
    assert sentences[0] == (
        "In 2021, foundational sections held 33.8% of employee jobs in Wales (the most) and "
        "23.3% in London (the fewest); frontier sections held 16.3% of employee jobs in London "
        "(the most) and 4.9% in East Midlands (the fewest)."
    )
    assert at.query_params["foundational"] == "strict" and at.query_params["frontier"] == "default"


def test_switching_the_lens_variant_changes_the_figures(warehouse):
    at = _run()
    before = _bold(at)[0]
    at.radio(key="lens_foundational").set_value("broad").run()
    assert not at.exception
    assert _bold(at)[0] != before  # construction joins the foundational lens
    assert at.query_params["foundational"] == "broad"


def test_itl3_link_reproduces_the_view(warehouse):
    at = _run(level="ITL3", year="2018", frontier="narrow", area="TLC11")
    assert not at.exception and not at.info
    assert at.radio(key="lens_level").value == "ITL3"
    assert "In 2018" in _bold(at)[0]
    assert at.selectbox(key="lens_area").value == "TLC11"
    # narrow frontier: no SIC section lies wholly inside it, and the page says so
    assert "no SIC section lies wholly inside the frontier lens" in _bold(at)[0]


def test_hostile_parameters_fall_back_with_a_notice(warehouse):
    at = _run(level="ITL9'; DROP TABLE core.observation; --", frontier="<script>", year="1066")
    assert not at.exception
    notices = [i.value for i in at.info]
    assert sum("not available here" in n for n in notices) == 3
    assert at.radio(key="lens_level").value == "ITL1"
    assert at.radio(key="lens_frontier").value == "default"
