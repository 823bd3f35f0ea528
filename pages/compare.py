"""Compare and gaps: how do areas rank on one indicator, how have chosen areas moved, and are the
gaps between areas narrowing?"""

import streamlit as st

from dashboard import pickers, state
from dashboard.db import query
from dashboard.panel import chart_panel
from dashboard.series import all_series, default_level, level_values, levels
from dashboard.views import compare

MAX_AREAS = 10

st.title("Compare areas and gaps")
st.markdown(
    "Rank every area on one indicator against the UK, follow up to ten areas over time, and see "
    "whether the gaps between areas have been **narrowing or widening**."
)

series = all_series()
keys = list(series)
indicator = state.choice("indicator", keys, compare.default_indicator(keys))
level_options = levels(series[indicator])
level = state.choice("level", level_options, default_level(level_options))

top = st.columns([2, 1])
indicator = top[0].selectbox(
    "Indicator",
    keys,
    index=keys.index(indicator),
    format_func=lambda k: f"{series[k].label} ({series[k].theme})",
    key="compare_indicator",
)
level_options = levels(series[indicator])
level = pickers.level(top[1], level_options, level, f"compare_level_{indicator}", horizontal=True)
rows = level_values(series[indicator], level)
areas = rows[rows["geo_code"] != "UK"].dropna(subset=["value"])
periods = areas.drop_duplicates("period")["period"].tolist()
names = dict(zip(areas["geo_code"], areas["geo_name"], strict=False))

chosen_years = state.choices("years", periods, [periods[0], periods[-1]], limit=2)
first, last = (chosen_years * 2)[:2] if len(chosen_years) == 1 else chosen_years
if periods.index(first) > periods.index(last):
    first, last = last, first
year = state.choice("year", periods, last)
regions = query("compare_regions")
region_names = dict(zip(regions["geo_code"], regions["geo_name"], strict=True))
present = set(areas["itl1_code"])
within_options = [""] + [c for c in region_names if c in present]
within = state.choice("within", within_options if level != "ITL1" else [""], "")
latest = areas[areas["period"] == year].sort_values("value")
ends = latest["geo_code"].tolist()
picked = state.choices("areas", list(names), list(dict.fromkeys(ends[-1:] + ends[:1])), MAX_AREAS)
state.show_notices()

if len(periods) > 1:
    first, last = st.select_slider(
        "Years for trends and dispersion",
        options=periods,
        value=(first, last),
        key=f"compare_years_{indicator}_{level}",
    )
if level != "ITL1" and len(within_options) > 1:
    within = st.selectbox(
        "Rank only the areas within",
        within_options,
        index=within_options.index(within),
        format_func=lambda c: region_names.get(c, "the whole UK"),
        key=f"compare_within_{level}",
    )
state.remember(indicator=indicator, level=level, years=f"{first},{last}", within=within)

st.subheader("Ranked")
if len(periods) > 1:
    year = st.select_slider(
        "Year ranked",
        options=periods,
        value=year,
        key=f"compare_year_{indicator}_{level}",
    )
state.remember(year=year)
chart_panel(compare.ranked(indicator, level, year, within), key="compare_ranked_chart")

st.subheader("Over time")
picked = st.multiselect(
    f"Areas (up to {MAX_AREAS})",
    list(names),
    default=[c for c in picked if c in names],
    format_func=lambda c: names[c],
    max_selections=MAX_AREAS,
    key=f"compare_areas_{indicator}_{level}",
)
state.remember(areas=",".join(picked))
if picked:
    chart_panel(
        compare.trends(indicator, ",".join(picked), first, last), key="compare_trends_chart"
    )
else:
    st.info("Choose one or more areas to see their trends.")

st.subheader("Are the gaps narrowing?")
chart_panel(compare.dispersion_view(indicator, level, first, last), key="compare_dispersion_chart")
st.caption(
    "Dispersion is measured over the areas with a published value in each period, so a change "
    "in coverage can move it. The population-weighted coefficient of variation gives large "
    "areas more say; it is shown where resident population is published for the same areas."
)
