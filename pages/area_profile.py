"""Area profile: how does one place do on every indicator, against the UK and its peers?"""

import streamlit as st

from dashboard import fmt, pickers, state
from dashboard.db import query
from dashboard.panel import chart_panel
from dashboard.series import default_level
from dashboard.views import profile

st.title("Area profile")
st.markdown(
    "Every indicator published for one place: its latest figure beside the UK's, the gap, "
    "where it ranks among areas of the same level, and the trend."
)

areas = query("profile_areas")
levels = areas["geo_level"].drop_duplicates().tolist()
level = state.choice("level", levels, default_level(levels))
in_level = areas[areas["geo_level"] == level]
code = state.choice("areas", in_level["geo_code"].tolist(), in_level["geo_code"].iloc[0])

left, right = st.columns([1, 3])
level = pickers.level(left, levels, level, key="profile_level")
in_level = areas[areas["geo_level"] == level]
names = dict(zip(in_level["geo_code"], in_level["geo_name"], strict=True))
labels = {
    r.geo_code: fmt.area(r.geo_name, r.geo_code, r.boundary_vintage) for r in in_level.itertuples()
}
options = list(names)
code = right.selectbox(
    "Area (type to search)",
    options,
    index=options.index(code) if code in options else 0,
    format_func=labels.__getitem__,
    key=f"profile_area_{level}",
)
cards = profile.cards(code)
themes = list(dict.fromkeys(cards["theme"])) if len(cards) else []
theme = state.choice("theme", themes, themes[0]) if themes else ""
state.show_notices()
state.remember(level=level, areas=code)

st.subheader(f"{names[code]}: latest figures")
st.markdown(f"**{profile.summary(names[code], level, cards)}**")
for i, (name, group) in enumerate(cards.groupby("theme", sort=False) if len(cards) else []):
    with st.expander(f"{fmt.theme(name)} ({len(group)})", expanded=i == 0):
        columns = st.columns(3)
        for j, card in enumerate(group.itertuples()):
            with columns[j % 3]:
                st.metric(
                    f"{card.label} ({card.period})",
                    card.value_text,
                    help=f"{card.definition} Unit: {card.unit}.",
                    border=True,
                    chart_data=card.trend if len(card.trend) > 1 else None,
                )
                st.caption(f"UK {card.uk_text} · {card.gap_text} · rank {card.rank_text}")

if themes:
    st.subheader("Trends against the UK")
    theme = st.selectbox(
        "Theme",
        themes,
        index=themes.index(theme),
        format_func=fmt.theme,
        key=f"profile_theme_{code}",
    )
    state.remember(theme=theme)
    chart_panel(profile.profile(code, theme), key="profile_chart")

st.subheader("Sector mix")
chart_panel(profile.profile_lens(code), key="profile_lens_chart")

st.caption(
    "Ranks run from 1 (best placed) among areas of the same level in the same period; for "
    "totals (such as GVA in £ million) and indicators with no better direction (such as "
    "population) rank 1 is the largest, and totals are shown as a share of the UK. Gaps say "
    "'better' or 'worse' with each indicator's direction applied, so for lower-is-better "
    "measures a figure below the UK is better. Sparklines show every published period."
)
