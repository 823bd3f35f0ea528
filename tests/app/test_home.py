"""AppTest for the home page: default view, a changed selection, and hostile URL parameters."""

import gc

from streamlit.testing.v1 import AppTest

from tests.app.pages import bold, run_page


def _run(**params) -> AppTest:
    return run_page(None, timeout=60, **params)


_bold = bold


def test_default_view_ranks_regions_on_the_latest_year(app_warehouse):
    at = _run()
    assert not at.exception
    assert at.select_slider(key="home_year").value == "2021"
    assert (
        "London's GVA per head (£55,412) was 1.8 times the UK figure in 2021; "
        "the North East's was the lowest (£21,340)."
    ) in _bold(at)
    assert len(at.get("plotly_chart")) == 2
    assert at.query_params["year"] == "2021"


def test_changing_the_year_changes_the_figures(app_warehouse):
    at = _run()
    at.select_slider(key="home_year").set_value("2010").run()
    assert not at.exception
    sentence = _bold(at)[0]
    assert sentence.startswith("London's GVA per head (£") and "in 2010" in sentence
    assert at.query_params["year"] == "2010"


def test_link_with_a_hostile_year_falls_back_with_a_notice(app_warehouse):
    at = _run(year="2021'; DROP TABLE core.observation; --")
    assert not at.exception
    assert any("not available here" in i.value for i in at.info)
    assert at.select_slider(key="home_year").value == "2021"


def test_link_with_a_known_year_reproduces_the_view(app_warehouse):
    at = _run(year="2005")
    assert not at.exception and not at.info
    assert "in 2005" in _bold(at)[0]


def test_a_page_run_leaves_the_long_lived_objects_out_of_garbage_collection(app_warehouse):
    assert not _run().exception
    assert gc.get_freeze_count() > 10_000  # modules, Plotly's validators, the catalogue
