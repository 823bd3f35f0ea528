"""Figures assembled as dicts lay out and draw exactly what Plotly's own helpers do, and are
validated when they are made."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest
from plotly.subplots import make_subplots

from dashboard import charts, figures, footer
from dashboard.footer import Footer

SHAPES = [
    {"rows": 1, "cols": 4, "shared_y": True, "horizontal_spacing": 0.02},
    {"rows": 1, "cols": 2, "shared_y": True},
    {"rows": 1, "cols": 2, "shared_x": True},
    {"rows": 2, "cols": 1, "shared_x": True, "vertical_spacing": 0.12},
    {"rows": 3, "cols": 3, "vertical_spacing": 0.1},
    {"rows": 8, "cols": 3, "vertical_spacing": 0.3 / 8},
    {"rows": 2, "cols": 3, "shared_x": True, "shared_y": True},
]


def _plotly_names(kwargs: dict) -> dict:
    names = {"shared_x": "shared_xaxes", "shared_y": "shared_yaxes"}
    return {names.get(key, key): value for key, value in kwargs.items()}


@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_the_grid_is_the_one_make_subplots_lays_out(shape):
    cells = shape["rows"] * shape["cols"]
    titles = [f"panel {i}" for i in range(cells - 1)]  # one panel untitled, as in small multiples
    theirs = make_subplots(subplot_titles=titles, **_plotly_names(shape)).layout.to_plotly_json()
    theirs.pop("template")
    ours = go.Figure(layout=figures.grid(titles=titles, **shape)).layout.to_plotly_json()
    ours.pop("template")
    assert ours == theirs  # to the last digit


def test_traces_land_on_the_subplot_make_subplots_would_give_them():
    fig = make_subplots(rows=2, cols=3)
    fig.add_scatter(x=[1], y=[2], row=2, col=3)
    assert figures.axes(2, 3, cols=3) == {"xaxis": fig.data[0].xaxis, "yaxis": fig.data[0].yaxis}
    assert figures.axes(1, 1, cols=3) == {"xaxis": "x", "yaxis": "y"}


@pytest.mark.parametrize("position", ["top", "bottom", "top right"])
def test_a_vertical_line_is_the_one_add_vline_draws(position):
    line = {"color": "#333333", "dash": "dash"}
    theirs = go.Figure(go.Bar(x=[1], y=["a"]))
    if position == "top right":
        theirs.add_vline(x=3, line=line, annotation_text="UK £3")
    else:
        theirs.add_vline(x=3, line=line, annotation_text="UK £3", annotation_position=position)
    shape, labels = figures.vline(3, line, "UK £3", position)
    ours = go.Figure(layout={"shapes": [shape], "annotations": labels})
    assert ours.layout.shapes == theirs.layout.shapes
    assert ours.layout.annotations == theirs.layout.annotations


def test_a_horizontal_line_is_the_one_add_hline_draws_on_each_subplot():
    line = {"color": "#333333", "dash": "dot"}
    theirs = make_subplots(rows=1, cols=2)
    theirs.add_scatter(x=[1], y=[2], row=1, col=1)
    theirs.add_scatter(x=[1], y=[2], row=1, col=2)
    theirs.add_hline(y=100, line=line, annotation_text="median")
    drawn = [figures.hline(100, line, "median", axis=axis) for axis in ("y", "y2")]
    ours = go.Figure(
        layout={
            "shapes": [shape for shape, _ in drawn],
            "annotations": [label for _, labels in drawn for label in labels],
        }
    )
    assert ours.layout.shapes == theirs.layout.shapes
    assert ours.layout.annotations == theirs.layout.annotations


def test_a_misspelt_property_is_refused_when_the_figure_is_made():
    with pytest.raises(ValueError, match="markr"):
        figures.figure([{"type": "bar", "markr": {"color": "red"}}], {})
    with pytest.raises(ValueError, match="heigth"):
        figures.figure([], {"heigth": 300})


def test_the_footer_leaves_room_above_the_plot_for_two_line_subplot_titles():
    note = Footer("Title", "Subtitle", "Source: ONS", "", "Licence", "")
    plain = footer.apply(figures.figure([], {}), note, width=1200, height=675)
    titled = footer.apply(
        figures.figure([], figures.grid(1, 2, ["Foundational<br>% of GVA", "Frontier"])),
        note,
        width=1200,
        height=675,
    )
    two_lines = footer.LINE_SPACING * figures.SUBPLOT_TITLE_SIZE * 2
    one_line_of_text = footer.LINE_SPACING * 13
    assert titled.layout.margin.t - plain.layout.margin.t == pytest.approx(
        two_lines - one_line_of_text
    )


def test_long_area_names_are_shortened_on_shared_axes_and_the_margin_follows():
    long = "East Dunbartonshire, West Dunbartonshire, and Helensburgh and Lomond"
    ticks = charts.area_ticks(["York", long])
    assert ticks["tickvals"] == ["York", long]  # the data and hovers keep the full name
    assert ticks["ticktext"] == ["York", "East Dunbartonshire, West Dunba…"]
    bars = [{"type": "bar", "x": [1, 2], "y": ["York", long], "orientation": "h"}]
    note = Footer("Title", "", "Source: ONS", "", "Licence", "")
    full = footer.apply(figures.figure(bars, {}), note).layout.margin.l
    short = footer.apply(figures.figure(bars, {"yaxis": ticks}), note).layout.margin.l
    assert short == int(32 * footer.GLYPH_WIDTH * 13) + footer.PAD < full


def test_scatter_on_a_category_axis_spans_exactly_its_areas():
    scores = pd.DataFrame(
        {
            "geo_name": ["York", "Leeds", "Hull"],
            "composite": [60.0, 40.0, 20.0],
            "equal_composite": [55.0, 45.0, 25.0],
            "rank": [1, 2, 3],
            "equal_rank": [1, 2, 3],
        }
    )
    assert charts.rank_shift(scores).layout.yaxis.range == (-0.5, 2.5)  # no 5% padding rows
