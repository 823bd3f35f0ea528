"""Beyond-GDP scorecard: how do areas rank across themes when you choose what matters, and where
is output high but people's lives not better?"""

import streamlit as st

from dashboard import fmt, pickers, scoring, state
from dashboard.db import query
from dashboard.panel import chart_panel
from dashboard.series import all_series, default_level
from dashboard.views import scorecard

st.title("Beyond-GDP scorecard")
st.markdown(
    "Every indicator with a better direction is put on one 0–100 scale and averaged within its "
    "theme; the themes are then combined with **weights you choose**. The chart shows how each "
    "area's rank moves away from equal weights."
)

level_options = query("profile_areas")["geo_level"].drop_duplicates().tolist()
level = state.choice("level", level_options, default_level(level_options))
level = pickers.level(st, level_options, level, key="sc_level", horizontal=True)
values, indicators = scorecard.inputs(level)
theme_list = scorecard.themes(indicators)
weights, problems = scoring.parse_weights(st.query_params.get("weights"), theme_list)
if problems:
    state.notice(f"Ignored weights from the link: {', '.join(problems)} (themes: {theme_list}).")
series = all_series()
xs, ys = scorecard.axis_options(level)
x = state.choice("x", xs, xs[0]) if xs else None
y = state.choice("indicator", ys, ys[0]) if ys else None
state.show_notices()

st.subheader("Theme weights")
columns = st.columns(max(len(theme_list), 1))
for column, theme in zip(columns, theme_list, strict=False):
    weights[theme] = column.slider(
        fmt.theme(theme),
        0.0,
        scoring.MAX_WEIGHT,
        weights[theme],
        0.5,
        key=f"w_{theme}",
    )
state.remember(level=level, weights=scoring.format_weights(weights))

if not theme_list:
    st.info(f"No indicator can be scored at {level}.")
else:
    chart_panel(scorecard.scorecard(level, scoring.format_weights(weights)), key="sc_chart")

with st.expander("Method and indicators used", expanded=False):
    st.markdown(scoring.__doc__.partition("Method:")[2])
    st.markdown(
        "Left out: indicators with no better direction (e.g. population) and totals that "
        "measure size rather than how well an area does (areas summing to about the UK figure, "
        "such as GVA in £ million). Each indicator is taken in its latest period in which at "
        "least half as many areas have a value as in its best-covered period. ITL areas are "
        "scored on the ITL 2021 boundaries: areas that a release publishes only on other "
        "boundaries (ITL 2025, for example) are left out, so every area is compared on one set."
    )
    if len(indicators):
        st.dataframe(
            indicators[["label", "theme", "period", "areas", "scored", "left_out_because"]],
            hide_index=True,
        )

st.subheader("Decoupling: where is output high but lives not better?")
if x is None or y is None:
    st.info(
        f"This needs an output indicator and at least one indicator of pay, income, wellbeing "
        f"or health with a better direction at {level}; the warehouse has none yet at this level."
    )
else:
    left, right = st.columns(2)
    x = left.selectbox("Output", xs, xs.index(x), lambda k: series[k].label, key=f"sc_x_{level}")
    y = right.selectbox("Against", ys, ys.index(y), lambda k: series[k].label, key=f"sc_y_{level}")
    state.remember(x=x, indicator=y)
    chart_panel(scorecard.decoupling(level, x, y), key="sc_decoupling_chart")
