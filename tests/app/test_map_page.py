"""AppTest for the map page: default view, changed selections, and hostile URL parameters."""

import json

from streamlit.testing.v1 import AppTest

from tests.app.pages import bold, run_page

DEFAULT_SENTENCE = (
    "Camden and City of London's GVA per head (£569,490) was 18.7 times the UK figure in 2021; "
    "Ards and North Down's was the lowest (£13,327)."
)


def _run(**params) -> AppTest:
    return run_page("pages/map.py", timeout=90, **params)


_bold = bold


def _figure(at: AppTest) -> dict:
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def test_default_view_maps_itl3_areas_on_their_boundaries(app_warehouse):
    at = _run()
    assert not at.exception and not at.info
    assert at.selectbox(key="map_indicator").value == "gva_per_head_gbp"
    assert at.selectbox(key="map_level").value == "ITL3"
    assert DEFAULT_SENTENCE in _bold(at)
    traces = _figure(at)["data"]
    assert [t["type"] for t in traces] == ["choroplethmap"]
    assert len(traces[0]["locations"]) == 179
    assert "Contains OS data © Crown copyright" in " ".join(c.value for c in at.caption)
    # no hex layout covers ITL3: the page says so rather than offer a one-option choice
    assert not [r for r in at.radio if r.key == "map_style"]
    assert "No hex cartogram layout covers ITL3 areas, so this is a map." in [
        c.value for c in at.caption
    ]
    assert dict(at.query_params) == {
        "indicator": "gva_per_head_gbp",
        "level": "ITL3",
        "year": "2021",
        "style": "choropleth",
    }


def test_switching_to_regions_as_hexes_draws_twelve_hexes(app_warehouse):
    at = _run()
    at.selectbox(key="map_level").set_value("ITL1").run()
    at.radio(key="map_style").set_value("hex").run()
    assert not at.exception
    figure = _figure(at)
    assert len(figure["layout"]["shapes"]) == 12
    hover = " ".join(figure["data"][0]["text"])
    assert "<b>London</b><br>£55,412<br>Rank 1 of 12" in hover
    assert "London's GVA per head (£55,412) was 1.8 times the UK figure in 2021" in _bold(at)[0]
    assert at.query_params["level"] == "ITL1" and at.query_params["style"] == "hex"


def test_district_hexes_use_the_layout_of_the_data_codes(app_warehouse):
    at = _run(indicator="gva_cp_gbp_m", level="LAD", style="hex", year="2021")
    assert not at.exception and not at.info
    assert len(_figure(at)["layout"]["shapes"]) == 374  # 2021 codes: the 2021 layout


def test_hostile_link_falls_back_with_notices(app_warehouse):
    at = _run(
        indicator="x'; DROP TABLE core.boundary; --", level="<script>", style="3d", year="1066"
    )
    assert not at.exception
    notices = " ".join(i.value for i in at.info)
    for key in ("indicator", "level", "style", "year"):
        assert f"The link's {key}=" in notices
    assert DEFAULT_SENTENCE in _bold(at)
    assert at.query_params["indicator"] == "gva_per_head_gbp"
