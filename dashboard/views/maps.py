"""Map view: one indicator, one period, every area of one level, as a choropleth on ONS
boundaries or as a hex cartogram."""

from __future__ import annotations

import streamlit as st

from dashboard import fmt, footer, maps, summary, words
from dashboard.catalogue import indicator
from dashboard.db import build_id, query
from dashboard.views import View, register

STYLES = ("choropleth", "hex")


@st.cache_resource(max_entries=8)
def _parsed_shapes(level: str, build: str) -> dict[str, maps.Shape]:
    """Boundaries parsed once per level and warehouse build, shared by every session."""
    return maps.shapes(query("map_boundaries", level))


@register("map")
def map_view(
    indicator_id: str, level: str, period: str, style: str = "choropleth", sex: str = "all"
) -> View:
    """Areas of one level coloured by an indicator; hover gives value, rank and gap to the UK."""
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}")
    ind = indicator(indicator_id)
    rows = query("map_values", indicator_id, period, sex, level)
    uk = rows.loc[(rows["geo_code"] == "UK") & rows["value"].notna(), "value"]
    uk_value = float(uk.iloc[0]) if len(uk) else None
    areas = maps.ranked(rows, uk_value, ind["unit"], ind["decimals"])
    codes = set(areas["geo_code"])
    if style == "choropleth":
        shapes = _parsed_shapes(level, build_id())
        figure = maps.choropleth(areas, shapes, ind["unit"])
        placed = codes & shapes.keys()
        drawing = sorted({shapes[code].release_id for code in placed})
    else:
        hexes = maps.best_layout(query("map_hexes", level), codes)
        figure = maps.hex_map(areas, hexes, ind["unit"])
        placed = codes & set(hexes["geo_code"])
        drawing = hexes[hexes["geo_code"].isin(placed)]["release_id"].unique().tolist()
    sex_note = "" if sex == "all" else f", {sex}"
    capped = maps.colour_range(areas["value"])[2]
    foot = footer.build(
        f"{ind['title']}, {fmt.areas(level)}{sex_note}, {period}",
        f"{ind['unit']}; "
        + ("hex cartogram, one equal hex per area" if style == "hex" else "map")
        + "; grey: no published value"
        + ("; colours capped at the 2nd and 98th percentiles" if capped else ""),
        rows["release_id"].unique().tolist() + drawing,
        notes=ind["caveats"],
        boundaries=style == "choropleth",
    )
    data = areas[["geo_code", "geo_name", "value", "rank", "gap_uk", "status"]].rename(
        columns={
            "geo_code": "Code",
            "geo_name": "Area",
            "value": f"{ind['short_title']} ({ind['unit']})",
            "rank": "Rank (1 = highest)",
            "gap_uk": "Gap to UK",
            "status": "Status",
        }
    )
    unplaced = sorted(codes - placed)
    notices = (
        [
            f"{words.count(len(unplaced), 'area')} cannot be drawn on this {style} map: "
            f"{', '.join(unplaced[:8])}"
        ]
        if unplaced
        else []
    )
    return View(
        name="map",
        params={"indicator": indicator_id, "level": level, "year": period, "style": style}
        | ({"sex": sex} if sex != "all" else {}),
        figure=figure,
        footer=foot,
        data=data.sort_values("Rank (1 = highest)").reset_index(drop=True),
        summary=summary.ranked(
            areas,
            uk_value,
            ind["short_title"],
            ind["unit"],
            ind["decimals"],
            period,
            total=bool(ind["additive"]),
        ),
        notices=notices,
    )
