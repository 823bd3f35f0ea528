"""Chart views are built once per set of parameters and warehouse build, and shared: the shared
view is never changed by drawing it, and the boundaries a map draws are the published ones."""

from __future__ import annotations

import json

from plotly.utils import PlotlyJSONEncoder

from dashboard import maps
from dashboard.db import query
from dashboard.views import REGISTRY, clear_cache, overview
from dashboard.views import maps as map_views


def test_the_same_parameters_share_one_view(app_warehouse):
    clear_cache()
    first = overview.ranked("gva_per_head_gbp", "ITL1", "2021")
    assert overview.ranked("gva_per_head_gbp", "ITL1", "2021") is first
    assert overview.ranked("gva_per_head_gbp", "ITL1", "2020") is not first
    clear_cache()
    assert overview.ranked("gva_per_head_gbp", "ITL1", "2021") is not first


def test_drawing_a_view_leaves_its_figure_untouched(app_warehouse):
    clear_cache()
    view = overview.ranked("gva_per_head_gbp", "ITL1", "2021")
    fresh = REGISTRY["ranked"]("gva_per_head_gbp", "ITL1", "2021")
    footer_lines = [a.text for a in view.screen_figure.layout.annotations]
    assert any(view.footer.title in text for text in footer_lines)
    assert any("Open Government Licence" in text for text in footer_lines)
    assert view.figure.to_json() == fresh.figure.to_json()


def test_map_shapes_are_the_published_geometry(app_warehouse):
    boundaries = query("map_boundaries", "LAD")
    shapes = maps.shapes(boundaries)
    assert len(shapes) == len(boundaries)
    for code, text in zip(boundaries["geo_code"][:40], boundaries["geojson"][:40], strict=True):
        drawn = json.loads(json.dumps(shapes[code].geometry, cls=PlotlyJSONEncoder))
        assert drawn == json.loads(text)


def test_each_map_trace_carries_only_its_own_areas(app_warehouse):
    view = map_views.map_view("life_satisfaction_mean", "LAD", "2022/23")
    traces = view.figure.data
    assert len(traces) == 2  # areas without a published value are drawn grey
    for trace in traces:
        ids = {feature["id"] for feature in trace.geojson["features"]}
        assert ids == set(trace.locations)
    missing, known = traces
    assert not set(missing.locations) & set(known.locations)
