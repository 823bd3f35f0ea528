"""Home: how do regions compare on GVA per head, and how much of each region's output comes from
foundational versus frontier industries?"""

import streamlit as st

from dashboard import charts, footer, state, summary
from dashboard.catalogue import indicator
from dashboard.db import query
from dashboard.panel import chart_panel

LEVEL = "ITL1"
ind = indicator("gva_per_head_gbp")

st.title("How do UK regions compare?")
st.markdown(
    "Output per head is only part of the picture. This page sets each region's **GVA per head** "
    "against the UK, and shows how much of its output comes from **foundational** industries "
    "(care, health, education, utilities, food, retail, transport) versus the **frontier** "
    "sectors industrial strategy favours."
)

periods = query("available_periods", ind["indicator_id"], LEVEL)["period"].tolist()
year = state.choice("year", periods, periods[-1])
state.show_notices()
year = st.select_slider("Year", options=periods, value=year, key="home_year")
state.remember(year=year)

# Ranked GVA per head against the UK figure.
ranked = query("ranked_areas", ind["indicator_id"], year, LEVEL)
uk = ranked.loc[ranked["geo_code"] == "UK", "value"]
uk_value = float(uk.iloc[0]) if len(uk) else None
regions = ranked[ranked["geo_code"] != "UK"]
sentence = summary.ranked(regions, uk_value, ind["short_title"], ind["unit"], ind["decimals"], year)
foot = footer.build(
    f"{ind['title']}, ITL1 regions, {year}",
    f"{ind['unit']}; dashed line: United Kingdom",
    ranked["release_id"].unique().tolist(),
    notes=ind["caveats"],
)
chart_panel(
    charts.ranked_bars(regions, uk_value, ind["unit"], ind["decimals"]),
    foot,
    regions[["geo_code", "geo_name", "value", "status"]].rename(
        columns={
            "geo_code": "Code",
            "geo_name": "Region",
            "value": f"{ind['short_title']} ({ind['unit']})",
            "status": "Status",
        }
    ),
    sentence,
    key="gva_per_head_chart",
)

# Share of GVA by sector lens.
st.subheader("Foundational and frontier shares of output")
lens_periods = query("lens_periods", LEVEL)["period"].tolist()
lens_year = year if year in lens_periods else lens_periods[-1]
if lens_year != year:
    st.info(f"Industry detail is published to {lens_periods[-1]}; showing {lens_year}.")
shares = query("lens_shares", LEVEL, lens_year)
lens_foot = footer.build(
    f"Share of GVA by sector lens, ITL1 regions, {lens_year}",
    "Current prices; exclusive buckets, foundational economy (FEC, strict) and frontier lenses",
    shares["release_id"].unique().tolist(),
    notes=(
        "Industries whose SIC divisions straddle a lens are shown as 'Mixed or partial'. "
        "Owner-occupiers' imputed rental is excluded. See Data and methods for the taxonomy."
    ),
)
chart_panel(
    charts.lens_shares(shares),
    lens_foot,
    shares[["geo_code", "geo_name", "bucket", "gva_gbp_m", "share_pct"]].rename(
        columns={
            "geo_code": "Code",
            "geo_name": "Region",
            "bucket": "Sector lens",
            "gva_gbp_m": "GVA (£ million)",
            "share_pct": "Share of GVA (%)",
        }
    ),
    summary.lens(shares, lens_year),
    key="lens_share_chart",
)
