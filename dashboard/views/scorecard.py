"""Scorecard views: a composite rank across themes under adjustable weights, and where output
and people's lives part company ("decoupling")."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, fmt, footer, ranks, scoring, words
from dashboard.db import build_id, query
from dashboard.series import all_series, headline_series
from dashboard.views import View, register
from etl.dimensions import REFERENCE_VINTAGE

OUTPUT_THEME = "output"
MAX_LABELS = 20


def inputs(level: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(values, indicators), computed once per level and warehouse build; see ``_inputs``."""
    return _inputs(level, build_id())


@st.cache_data(max_entries=16, show_spinner=False)
def _inputs(level: str, build: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(values, indicators). ``values``: series, geo_code, geo_name, value for the areas of the
    level. ``indicators``: one row per headline series with its period, whether it is scored and
    why not (no better direction, or a total that measures size)."""
    raw = query("scorecard_values", REFERENCE_VINTAGE, level)
    rows, values = [], []
    for series in headline_series().values():
        part = raw[(raw["indicator_id"] == series.indicator_id) & (raw["sex"] == series.sex)]
        if part.empty:
            continue
        areas = part[part["geo_code"] != "UK"]
        total = ranks.is_total(series)
        reason = (
            "no better direction"
            if series.polarity == ranks.NEUTRAL
            else "a total (measures size)"
            if total
            else ""
        )
        rows.append(
            {
                "series": series.key,
                "label": series.label,
                "theme": series.theme,
                "polarity": series.polarity,
                "unit": series.unit,
                "decimals": int(series.decimals),
                "period": part["period"].iloc[0],
                "areas": int(areas["value"].notna().sum()),
                "scored": not reason,
                "left_out_because": reason,
                "release_id": part["release_id"].iloc[0],
            }
        )
        values.append(areas.assign(series=series.key)[["series", "geo_code", "geo_name", "value"]])
    indicators = pd.DataFrame(rows)
    frame = pd.concat(values, ignore_index=True) if values else pd.DataFrame()
    return frame, indicators


def themes(indicators: pd.DataFrame) -> list[str]:
    """Themes with at least one scored indicator, in catalogue order."""
    if indicators.empty:
        return []
    return list(dict.fromkeys(indicators.loc[indicators["scored"], "theme"]))


@register("scorecard")
def scorecard(level: str, weights: str = "") -> View:
    """Composite scores and ranks under the chosen theme weights, against equal weights."""
    values, indicators = inputs(level)
    scored = indicators[indicators["scored"]] if len(indicators) else indicators
    weight_of, _ = scoring.parse_weights(weights, themes(indicators))
    table = scoring.scorecard(
        values[values["series"].isin(scored["series"])],
        dict(zip(scored["series"], scored["polarity"], strict=True)),
        dict(zip(scored["series"], scored["theme"], strict=True)),
        weight_of,
    )
    names = values.drop_duplicates("geo_code").set_index("geo_code")["geo_name"]
    table.insert(1, "geo_name", table["geo_code"].map(names))
    shown = ", ".join(f"{fmt.theme(t).lower()} ×{w:g}" for t, w in weight_of.items())
    foot = footer.build(
        f"Beyond-GDP scorecard, {fmt.areas(level)}",
        f"Composite of theme scores, 0 = worst area and 100 = best; weights: {shown}",
        scored["release_id"].unique().tolist(),
        notes="Each indicator rescaled min–max across areas in its latest well-covered period, "
        "direction applied; themes averaged with the chosen weights. Missing indicators are left "
        "out, never scored as zero: see coverage. Method on the Scorecard page.",
    )
    data = table.rename(
        columns={
            "geo_code": "Code",
            "geo_name": "Area",
            "rank": "Rank",
            "composite": "Composite (0–100)",
            "equal_rank": "Rank with equal weights",
            "equal_composite": "Composite with equal weights",
            "rank_change": "Places gained",
            "coverage": "Share of weight with data",
        }
        | {t: f"{fmt.theme(t)} score" for t in weight_of}
    )
    return View(
        name="scorecard",
        params={"level": level, "weights": scoring.format_weights(weight_of)},
        figure=charts.rank_shift(table.dropna(subset=["rank"])),
        footer=foot,
        data=data,
        summary=scorecard_summary(table, level),
    )


def scorecard_summary(table: pd.DataFrame, level: str) -> str:
    unranked = int(table["rank"].isna().sum())
    table = table.dropna(subset=["rank"])
    if table.empty:
        return f"No {level} area has enough scored indicators to be ranked."
    first, last = table.iloc[0], table.iloc[-1]
    sentence = (
        f"With these weights {words.the(first.geo_name)} ranks first of {len(table)} "
        f"{fmt.areas(level)} (score {first.composite:.0f}) and {words.the(last.geo_name)} last "
        f"({last.composite:.0f})."
    )
    if unranked:
        sentence += (
            f" {words.count(unranked, 'area')} {words.agree(unranked, 'has', 'have')} data for "
            f"under half the weight and {words.agree(unranked, 'is', 'are')} not ranked."
        )
    moved = table[table["rank_change"].fillna(0) != 0]
    if moved.empty:
        return sentence + " No area's rank differs from its rank under equal weights."
    up = moved.sort_values("rank_change").iloc[-1]
    down = moved.sort_values("rank_change").iloc[0]
    changes = words.agree(len(moved), "changes", "change")
    sentence += f" Against equal weights, {words.count(len(moved), 'area')} {changes} rank"
    if up.rank_change > 0:
        sentence += f"; {words.the(up.geo_name)} gains most (from {up.equal_rank} to {up['rank']})"
    if down.rank_change < 0:
        sentence += (
            f"; {words.the(down.geo_name)} loses most (from {down.equal_rank} to {down['rank']})"
        )
    return sentence + "."


def axis_options(level: str) -> tuple[list[str], list[str]]:
    """(output series, other scored series) available for the decoupling scatter."""
    _, indicators = inputs(level)
    if indicators.empty:
        return [], []
    scored = indicators[indicators["scored"]]
    output = scored["theme"] == OUTPUT_THEME
    return scored.loc[output, "series"].tolist(), scored.loc[~output, "series"].tolist()


@register("decoupling")
def decoupling(level: str, x: str, indicator: str) -> View:
    """Output (x) against a measure of people's lives (y): where is output high but lives not
    better? Median lines split the areas into four groups, named in the legend."""
    values, indicators = inputs(level)
    meta = indicators.set_index("series")
    sx, sy = all_series()[x], all_series()[indicator]
    wide = (
        values[values["series"].isin([x, indicator])]
        .pivot_table(index=["geo_code", "geo_name"], columns="series", values="value")
        .reset_index()
        .dropna(subset=[x, indicator])
        .rename(columns={x: "x", indicator: "y"})
    )
    x_mid, y_mid = wide["x"].median(), wide["y"].median()
    y_better = (wide["y"] >= y_mid) if sy.polarity != ranks.LOWER_BETTER else (wide["y"] <= y_mid)
    high = wide["x"] >= x_mid
    wide["group"] = [
        f"{'Higher' if h else 'Lower'} {sx.label}, {'better' if b else 'worse'} {sy.label}"
        for h, b in zip(high, y_better, strict=True)
    ]
    gap = (wide["x"].rank(pct=True) - wide["y"].rank(pct=True)).abs()
    wide["labelled"] = len(wide) <= MAX_LABELS or gap.rank(ascending=False) <= 10
    periods = f"{sx.label} {meta.loc[x, 'period']}, {sy.label} {meta.loc[indicator, 'period']}"
    foot = footer.build(
        f"Where is output high but lives not better? {words.sentence_start(fmt.areas(level))}",
        f"{periods}; dotted lines: medians across areas",
        [meta.loc[x, "release_id"], meta.loc[indicator, "release_id"]],
        notes=f"{sx.caveats} {sy.caveats}".strip(),
    )
    data = wide[["geo_code", "geo_name", "x", "y", "group"]].rename(
        columns={
            "geo_code": "Code",
            "geo_name": "Area",
            "x": f"{sx.label} ({sx.unit})",
            "y": f"{sy.label} ({sy.unit})",
            "group": "Group",
        }
    )
    flagged = wide[high & ~y_better].sort_values("x", ascending=False)
    summary = (
        f"{len(flagged)} of {len(wide)} {fmt.areas(level)} have {sx.label} above the median "
        f"({fmt.value(x_mid, sx.unit, sx.decimals)}) but {sy.label} worse than the median "
        f"({fmt.value(y_mid, sy.unit, sy.decimals)})"
        + (": " + ", ".join(map(words.the, flagged["geo_name"])) + "." if len(flagged) else ".")
    )
    return View(
        name="decoupling",
        params={"level": level, "x": x, "indicator": indicator},
        figure=charts.quadrant_scatter(
            wide, x_mid, y_mid, f"{sx.label} ({sx.unit})", f"{sy.label} ({sy.unit})"
        ),
        footer=foot,
        data=data,
        summary=summary,
    )
