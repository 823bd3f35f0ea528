"""AppTest for compare and gaps: default view, changed selections, hostile URL parameters."""

from streamlit.testing.v1 import AppTest

from tests.app.pages import bold, run_page


def _run(**params) -> AppTest:
    return run_page("pages/compare.py", timeout=120, **params)


_bold = bold


def test_default_indicator_is_a_long_running_headline_rate(app_warehouse):
    at = _run()
    assert not at.exception and not at.info
    assert at.selectbox(key="compare_indicator").value == "gdhi_per_head_gbp"  # 1997 onwards


def test_gva_per_head_ranks_trends_and_dispersion(app_warehouse):
    at = _run(indicator="gva_per_head_gbp")
    assert not at.exception and not at.info
    assert at.selectbox(key="compare_indicator").value == "gva_per_head_gbp"
    ranked, trends, spread = _bold(at)
    assert ranked == (
        "In 2021, London had the best GVA per head of 12 ITL1 areas (£55,412, 1.8 times the UK) "
        "and the North East the worst (£21,340, 29.9% below the UK)."
    )
    assert "London from £25,417 (1998) to £55,412 (2021)" in trends
    assert spread.startswith(
        "Between 1998 and 2021, gaps between ITL1 areas on GVA per head widened: the coefficient "
        "of variation rose from 25.9% to 31.1%; the population-weighted coefficient of variation "
        "went from 27.1% to 33.7%; the ratio of the highest to the lowest area went from 2.26 "
        "to 2.60."
    )
    assert len(at.get("plotly_chart")) == 3
    assert at.query_params["years"] == "1998,2021" and at.query_params["areas"] == "TLI,TLC"


def test_changing_level_and_years_changes_the_figures(app_warehouse):
    at = _run(indicator="gva_per_head_gbp")
    at.radio(key="compare_level_gva_per_head_gbp").set_value("ITL3").run()
    at.select_slider(key="compare_years_gva_per_head_gbp_ITL3").set_value(("2010", "2015")).run()
    at.select_slider(key="compare_year_gva_per_head_gbp_ITL3").set_value("2015").run()
    assert not at.exception
    ranked, _, spread = _bold(at)
    assert ranked.startswith(
        "In 2015, Camden and City of London had the best GVA per head of 179 ITL3 areas "
        "(£354,488, 13.5 times the UK)"
    )
    assert spread.startswith("Between 2010 and 2015, gaps between ITL3 areas")
    assert at.query_params["level"] == "ITL3" and at.query_params["years"] == "2010,2015"
    assert at.query_params["year"] == "2015"


def test_within_a_region_ranks_its_areas_against_the_region(app_warehouse):
    at = _run(indicator="gva_per_head_gbp", level="ITL3", within="TLI", years="1998,2021")
    assert not at.exception and not at.info
    ranked = _bold(at)[0]
    assert ranked.endswith(
        "and Redbridge and Waltham Forest the worst (£15,521, 49.0% below the UK)."
    )
    table = at.dataframe[0].value
    assert len(table) == 21 and table["Code"].str.startswith("TLI").all()


def test_link_with_hostile_parameters_falls_back_with_notices(app_warehouse):
    at = _run(
        indicator="gva_per_head_gbp' OR 1=1 --",
        level="ITL9",
        years="1066,2021",
        areas="TLI,ZZZ99,<b>x</b>",
        within="TLI",
        year="2099",
    )
    assert not at.exception
    notices = " ".join(i.value for i in at.info)
    for key in ("indicator", "level", "years", "year", "areas", "within"):
        assert f"link's {key}" in notices
    assert at.selectbox(key="compare_indicator").value == "gdhi_per_head_gbp"  # the default
    assert at.query_params["areas"] == "TLI"


def test_every_chart_of_the_new_pages_rebuilds_from_its_permalink(app_warehouse):
    from dashboard import permalink
    from dashboard.views import compare, profile, scorecard

    views = [
        profile.profile("TLI", "output"),
        profile.profile_lens("TLI"),
        compare.ranked("gva_per_head_gbp", "ITL3", "2020", "TLI"),
        compare.trends("gva_per_head_gbp", "TLI,TLC", "2000", "2010"),
        compare.dispersion_view("gva_per_head_gbp", "ITL1", "2000", "2010"),
        scorecard.scorecard("ITL2", "output:2"),
    ]
    for view in views:
        again = permalink.build(permalink.parse(permalink.url(permalink.Spec.of(view))))
        assert (again.name, again.params, again.summary) == (view.name, view.params, view.summary)
