"""AppTest for the scorecard: default view, a changed selection, hostile URL parameters."""

from streamlit.testing.v1 import AppTest

from tests.app.pages import bold, run_page


def _run(**params) -> AppTest:
    return run_page("pages/scorecard.py", timeout=120, **params)


_bold = bold


def test_default_view_scores_itl1_regions(app_warehouse):
    at = _run()
    assert not at.exception
    assert _bold(at)[0] == (
        "With these weights London ranks first of 12 ITL1 areas (score 78) and the North East "
        "last (15). No area's rank differs from its rank under equal weights."
    )
    table = at.dataframe[0].value
    assert len(table) == 12
    assert table.iloc[0]["Area"] == "London" and table.iloc[0]["Rank"] == 1
    # totals (GVA in £ million) and neutral indicators (population) are listed as left out
    used = at.dataframe[1].value.set_index("label")
    assert not used.loc["GVA", "scored"] and used.loc["GVA", "left_out_because"].startswith(
        "a total"
    )
    assert used.loc["Population", "left_out_because"] == "no better direction"
    assert used.loc["GVA per head", "scored"]
    assert len(at.get("plotly_chart")) == 2  # composite ranks and the decoupling scatter


def test_changing_level_rescores(app_warehouse):
    at = _run()
    at.radio(key="sc_level").set_value("ITL2").run()
    assert not at.exception
    assert _bold(at)[0].startswith("With these weights Inner London - West ranks first of 41 ITL2")
    assert at.query_params["level"] == "ITL2"


def test_a_zero_weight_link_leaves_nothing_to_rank(app_warehouse):
    from dashboard.views import scorecard

    themes = scorecard.themes(scorecard.inputs("ITL1")[1])
    at = _run(weights=",".join(f"{theme}:0" for theme in themes))
    assert not at.exception and not any("Ignored" in i.value for i in at.info)
    assert at.slider(key="w_output").value == 0.0
    assert _bold(at)[0] == "No ITL1 area has enough scored indicators to be ranked."


def test_link_with_hostile_parameters_falls_back_with_notices(app_warehouse):
    at = _run(weights="output:99,<img src=x>:1", level="ITL1; DROP", x="evil", indicator="evil")
    assert not at.exception
    notices = " ".join(i.value for i in at.info)
    assert "Ignored weights from the link: output:99, <img src=x>:1" in notices
    assert "link's level" in notices
    assert at.slider(key="w_output").value == 1.0
    assert _bold(at)[0].startswith("With these weights London ranks first")
