"""Map: where is an indicator high or low? Any indicator, level and year, as a choropleth on ONS
boundaries or as a hex cartogram in which every area has the same weight."""

import streamlit as st

from dashboard import fmt, pickers, state
from dashboard.catalogue import indicators
from dashboard.db import query
from dashboard.panel import chart_panel
from dashboard.views.maps import STYLES, map_view
from etl.dimensions import LEVEL_ORDER

DEFAULT_INDICATOR = "gva_per_head_gbp"
STYLE_LABELS = {"choropleth": "Map", "hex": "Hex cartogram (equal area)"}

st.title("Where is it high or low?")
st.markdown(
    "Pick an indicator, a geography and a year. The **map** shows places as they are; the **hex "
    "cartogram** gives every area one equal hex, so small, dense places such as London boroughs "
    "are as visible as large rural ones. Hover over an area for its value, rank and gap to the UK."
)

if query("map_tables")["n"].iloc[0] < 2:
    st.warning(
        "This warehouse has no boundaries or hex layouts yet. Rebuild it with "
        "`python -m etl refresh` to load them."
    )
    st.stop()

options = query("map_options")
catalogue = indicators()
with_values = set(options["indicator_id"])
mappable = [i for i in catalogue if i in with_values]
if not mappable:
    st.warning("No indicator in this warehouse has values at a level with boundaries.")
    st.stop()

indicator_id = state.choice(
    "indicator", mappable, DEFAULT_INDICATOR if DEFAULT_INDICATOR in mappable else mappable[0]
)
left, middle, right = st.columns([3, 1, 2])
indicator_id = left.selectbox(
    "Indicator",
    mappable,
    index=mappable.index(indicator_id),
    format_func=lambda i: f"{catalogue[i]['title']} ({catalogue[i]['unit']})",
    key="map_indicator",
)
chosen = options[options["indicator_id"] == indicator_id]
levels = sorted(set(chosen["geo_level"]), key=lambda lv: LEVEL_ORDER.get(lv, 9))
level = state.choice("level", levels, "ITL3" if "ITL3" in levels else levels[0])
level = pickers.level(middle, levels, level, key="map_level", dropdown=True)
styles = [s for s in STYLES if s == "choropleth" or len(query("map_hexes", level))]
style = state.choice("style", styles, "choropleth")
if len(styles) > 1:
    style = right.radio(
        "Show as",
        styles,
        index=styles.index(style),
        format_func=STYLE_LABELS.get,
        horizontal=True,
        key="map_style",
    )
else:
    right.caption(f"No hex cartogram layout covers {fmt.areas(level)}, so this is a map.")
sexes = sorted(set(chosen.loc[chosen["geo_level"] == level, "sex"]))
sex = state.choice("sex", sexes, "all" if "all" in sexes else sexes[0])
if len(sexes) > 1:
    sex = st.radio("Sex", sexes, index=sexes.index(sex), horizontal=True, key="map_sex")
periods = query("map_periods", indicator_id, level, sex)["period"].tolist()
year = state.choice("year", periods, periods[-1])
if len(periods) > 1:
    year = st.select_slider("Year", options=periods, value=year, key="map_year")
state.show_notices()
state.remember(indicator=indicator_id, level=level, year=year, style=style)
if sex != "all" or "sex" in st.query_params:  # also rewrites a link's unusable sex
    state.remember(sex=sex)

chart_panel(map_view(indicator_id, level, year, style=style, sex=sex), key="map_chart")
