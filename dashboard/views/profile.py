"""Area profile views: every indicator for one area against the UK, and its sector mix."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, fmt, footer, ranks, words
from dashboard.db import build_id, query
from dashboard.series import headline_series
from dashboard.views import View, register

CARD_COLUMNS = {
    "label": "Indicator",
    "period": "Period",
    "value_text": "Value",
    "uk_text": "UK",
    "gap_text": "Gap to UK",
    "rank_text": "Rank",
}


def area(geo_code: str) -> dict:
    return query("profile_area", geo_code).iloc[0].to_dict()


def cards(geo_code: str) -> pd.DataFrame:
    """The card figures for an area, computed once per warehouse build; see ``_cards``."""
    return _cards(geo_code, build_id())


@st.cache_data(max_entries=64, show_spinner=False)
def _cards(geo_code: str, build: str) -> pd.DataFrame:
    """One row per headline series with a value for the area: its latest value and period, the
    UK value then, the gap (absolute, %, better/worse), the rank among the level's areas (a
    range where a 95% interval is published) and the trend."""
    place = area(geo_code)
    values = query("profile_area_values", geo_code)
    peers = query("profile_peers", geo_code, place["geo_level"])
    rows = []
    for series in headline_series().values():
        mine = values[
            (values["indicator_id"] == series.indicator_id) & (values["sex"] == series.sex)
        ]
        own = mine[mine["geo_code"] == geo_code]
        if own.empty:
            continue
        latest = own.iloc[-1]
        uk = mine[(mine["geo_code"] == "UK") & (mine["period"] == latest["period"])]
        uk_value = float(uk["value"].iloc[0]) if len(uk) else None
        field = peers[(peers["indicator_id"] == series.indicator_id) & (peers["sex"] == series.sex)]
        others = field.loc[field["geo_code"] != geo_code, "value"].astype(float).tolist()
        value = float(latest["value"])
        total = ranks.is_total(series)
        polarity = ranks.NEUTRAL if total else series.polarity
        rank = ranks.rank(value, others, polarity)
        low, high = latest["lci_95"], latest["uci_95"]
        best, worst = (
            ranks.rank_range(float(low), float(high), others, polarity)
            if pd.notna(low) and pd.notna(high)
            else (rank, rank)
        )
        rows.append(
            {
                "key": series.key,
                "label": series.label,
                "theme": series.theme,
                "unit": series.unit,
                "decimals": int(series.decimals),
                "polarity": polarity,
                "is_total": total,
                "definition": series.definition,
                "period": latest["period"],
                "value": value,
                "uk_value": uk_value,
                **ranks.gap(value, uk_value, polarity),
                "rank": rank,
                "rank_best": best,
                "rank_worst": worst,
                "areas": len(others) + 1,
                "trend": own["value"].astype(float).tolist(),
                "trend_periods": own["period"].tolist(),
                "release_id": latest["release_id"],
            }
        )
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    frame["value_text"] = [fmt.value(r.value, r.unit, r.decimals) for r in frame.itertuples()]
    frame["uk_text"] = [
        fmt.value(r.uk_value, r.unit, r.decimals) if pd.notna(r.uk_value) else "not published"
        for r in frame.itertuples()
    ]
    frame["gap_text"] = [gap_text(r) for r in frame.itertuples()]
    frame["rank_text"] = [rank_text(r, place["geo_level"]) for r in frame.itertuples()]
    return frame


def gap_text(r) -> str:
    """e.g. '£24,969 (82.0%) above the UK: better', or '23.9% of the UK total'."""
    if pd.isna(r.verdict):
        return "no UK figure"
    if r.is_total:
        return f"{100 * r.value / r.uk_value:.1f}% of the UK total"
    if r.verdict == "level":
        return "level with the UK"
    direction = "above" if r.gap > 0 else "below"
    pct = f" ({abs(r.gap_pct):.1f}%)" if pd.notna(r.gap_pct) else ""
    size = fmt.value(abs(r.gap), r.unit, r.decimals)
    if r.unit.startswith("%"):  # a difference of two percentages is in percentage points
        size = f"{abs(r.gap):,.{r.decimals}f} percentage points"
    text = f"{size}{pct} {direction} the UK"
    return text + (f": {r.verdict}" if r.verdict in ("better", "worse") else "")


def rank_text(r, level: str) -> str:
    """e.g. '1 of 12 ITL1 areas' or '3–7 of 12 ITL1 areas (95% interval)'."""
    order = " by size" if r.polarity == ranks.NEUTRAL else ""  # totals are ranked by size
    among = f"of {r.areas} {fmt.areas(level)}{order}"
    if r.rank_best != r.rank_worst:
        return f"{r.rank_best}–{r.rank_worst} {among} (95% interval)"
    return f"{r.rank} {among}"


def summary(name: str, level: str, table: pd.DataFrame, topic: str = "") -> str:
    """Plain-language overview of the cards: better/worse than the UK, best and worst rank.
    ``topic`` narrows the wording to one theme, e.g. 'output'."""
    kind = f"{fmt.theme(topic).lower()} indicator" if topic else "indicator"
    if table.empty:
        return words.sentence_start(f"{words.the(name)} has no published {kind}s.")
    sentence = words.sentence_start(
        f"{words.the(name)} has published figures for {words.count(len(table), kind)}."
    )
    judged = table[table["verdict"].isin(["better", "worse"])].copy()
    judged["direction"] = ["above" if g > 0 else "below" for g in judged["gap"]]
    if len(judged):
        judged["size"] = judged["gap_pct"].abs()
        better = judged[judged["verdict"] == "better"].sort_values("size", ascending=False)
        worse = judged[judged["verdict"] == "worse"].sort_values("size", ascending=False)
        sentence += f" Against the UK it does better on {len(better)} and worse on {len(worse)}"
        for word, rows in (("lead", better), ("shortfall", worse)):
            if len(rows):
                top = rows.iloc[0]
                sentence += (
                    f"; the largest {word} is {top.label}, {abs(top.gap_pct):.1f}% "
                    f"{top.direction} the UK in {top.period}"
                )
        sentence += "."
    ranked = table[(table["polarity"] != ranks.NEUTRAL) & (table["areas"] > 1)]
    if len(ranked):
        best = ranked.sort_values(["rank", "areas"], ascending=[True, False]).iloc[0]
        worst = ranked.assign(place=ranked["rank"] / ranked["areas"]).sort_values("place").iloc[-1]
        sentence += (
            f" Its best rank is {best['rank']} of {best['areas']} {fmt.areas(level)} on "
            f"{best['label']} ({best['period']})"
        )
        if worst["key"] != best["key"]:
            sentence += f"; its lowest is {worst['rank']} of {worst['areas']} on {worst['label']}"
        sentence += "."
    return sentence


@register("profile")
def profile(area_code: str, theme: str = "") -> View:
    """One area's indicators (those of ``theme``, or all): trends against the UK, and the card
    figures as a table."""
    place = area(area_code)
    table = cards(area_code)
    if theme:
        table = table[table["theme"] == theme]
    values = query("profile_area_values", area_code)
    values["key"] = values["indicator_id"].where(
        values["sex"] == "all", values["indicator_id"] + ":" + values["sex"]
    )
    trends = values.merge(table[["key", "label"]], on="key")
    trends["line"] = trends["geo_code"].eq(area_code).map({True: "area", False: "reference"})
    order = {key: i for i, key in enumerate(table["key"])}
    trends = trends.assign(order=trends["key"].map(order)).sort_values(["order", "period_start"])
    topic = f"{fmt.theme(theme).lower()} indicators" if theme else "every indicator"
    foot = footer.build(
        f"{place['geo_name']} ({place['geo_level']}): {topic} against the UK",
        "Solid blue: the area; dashed black: United Kingdom. Each panel has its own scale.",
        table["release_id"].unique().tolist() if len(table) else [],
        notes="Ranks: 1 = best placed (for totals and neutral indicators, the largest). Where a "
        "95% confidence interval is published the rank is a range: each bound ranked against "
        "the other areas' estimates.",
    )
    data = table.reindex(columns=list(CARD_COLUMNS)).rename(columns=CARD_COLUMNS)
    return View(
        name="profile",
        params={"areas": area_code, "level": place["geo_level"], "theme": theme},
        figure=charts.small_multiples(trends, place["geo_name"], "United Kingdom"),
        footer=foot,
        data=data,
        summary=summary(place["geo_name"], place["geo_level"], table, theme),
    )


@register("profile_lens")
def profile_lens(area_code: str) -> View:
    """The area's GVA by sector-lens bucket beside its ITL1 region and the UK."""
    place = area(area_code)
    codes = list(dict.fromkeys(c for c in (area_code, place["itl1_code"], "UK") if c))
    shares = query("profile_lens", area_code, codes, codes)
    period = shares["period"].iloc[0] if len(shares) else "no period"
    foot = footer.build(
        f"Sector mix of {place['geo_name']}'s output, {period}",
        "Share of current-price GVA by sector lens, beside its region and the UK",
        shares["release_id"].unique().tolist(),
        notes="Industries whose SIC divisions straddle a lens are shown as 'Mixed or partial'. "
        "Owner-occupiers' imputed rental is excluded. See Data and methods for the taxonomy.",
    )
    data = shares[["geo_name", "bucket", "gva_gbp_m", "share_pct"]].rename(
        columns={
            "geo_name": "Area",
            "bucket": "Sector lens",
            "gva_gbp_m": "GVA (£ million)",
            "share_pct": "Share of GVA (%)",
        }
    )
    return View(
        name="profile_lens",
        params={"areas": area_code},
        figure=charts.lens_shares(shares),
        footer=foot,
        data=data,
        summary=lens_summary(shares, area_code, place["geo_name"], period),
    )


def lens_summary(shares: pd.DataFrame, area_code: str, name: str, period: str) -> str:
    """e.g. "In 2021, London's GVA came 25.0% from foundational industries (UK 33.1%) and ..."."""
    parts = []
    for bucket in ("Foundational", "Frontier"):
        rows = shares[shares["bucket"] == bucket].set_index("geo_code")["share_pct"]
        if area_code in rows:
            uk = f" (UK {rows['UK']:.1f}%)" if "UK" in rows and area_code != "UK" else ""
            parts.append(f"{rows[area_code]:.1f}% from {bucket.lower()} industries{uk}")
    if not parts:
        return f"No sector split of GVA is published for {words.the(name)}."
    return f"In {period}, GVA in {words.the(name)} came " + " and ".join(parts) + "."
