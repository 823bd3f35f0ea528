"""Compare views: areas ranked on one indicator, trends for chosen areas, and whether the gaps
between areas are narrowing."""

from __future__ import annotations

import pandas as pd

from dashboard import charts, dispersion, fmt, footer, ranks, words
from dashboard.db import query
from dashboard.series import all_series, level_values
from dashboard.views import View, register

POPULATION = "population_persons"
MEASURES = {
    "cv": "coefficient of variation",
    "weighted_cv": "population-weighted coefficient of variation",
    "max_min_ratio": "ratio of the highest to the lowest area",
    "sd": "standard deviation",
}


def _areas(series, level: str) -> pd.DataFrame:
    rows = level_values(series, level)
    return rows[rows["geo_code"] != "UK"]


def _value_at(rows: pd.DataFrame, code: str, period: str) -> float | None:
    hit = rows[(rows["geo_code"] == code) & (rows["period"] == period)]["value"].dropna()
    return float(hit.iloc[0]) if len(hit) else None


@register("compare_ranked")
def ranked(indicator: str, level: str, year: str, within: str = "") -> View:
    """Areas of a level ranked (best at the top) with 95% intervals where published, against
    the UK and, when the areas are those within one ITL1 region, that region."""
    series = all_series()[indicator]
    rows = level_values(series, level)
    areas = rows[(rows["geo_code"] != "UK") & (rows["period"] == year)]
    references = []
    region = None
    if within:
        areas = areas[areas["itl1_code"] == within]
        region = query("compare_regions").set_index("geo_code")["geo_name"].get(within)
        parent = _value_at(level_values(series, "ITL1"), within, year)
        if parent is not None:
            references.append((region, parent))
    uk = _value_at(rows, "UK", year)
    total = ranks.is_total(series)
    if uk is not None:
        references.insert(0, ("UK", uk))
    if total:  # a total's UK figure dwarfs every area; the summary gives shares instead
        references = []
    place = fmt.areas(level) + (f" in {region}" if region else "")
    lines = ", ".join(
        f"{'dashed' if i == 0 else 'dotted'}: {n}" for i, (n, _) in enumerate(references)
    )
    foot = footer.build(
        f"{series.title}, {place}, {year}",
        f"{series.unit}; best placed at the top" + (f"; {lines}" if lines else ""),
        rows["release_id"].dropna().unique().tolist(),
        notes=("Whiskers: 95% confidence intervals. " if areas["lci_95"].notna().any() else "")
        + series.caveats,
    )
    data = areas[["geo_code", "geo_name", "value", "lci_95", "uci_95", "status"]].rename(
        columns={
            "geo_code": "Code",
            "geo_name": "Area",
            "value": f"{series.label} ({series.unit})",
            "lci_95": "Lower 95% limit",
            "uci_95": "Upper 95% limit",
            "status": "Status",
        }
    )
    text = ranked_summary(areas, uk, series, year, total)
    return View(
        name="compare_ranked",
        params={"indicator": indicator, "level": level, "year": year, "within": within},
        figure=charts.ranked_intervals(
            areas, references, series.unit, series.decimals, series.polarity == ranks.LOWER_BETTER
        ),
        footer=foot,
        data=data,
        summary=text,
    )


def ranked_summary(areas: pd.DataFrame, uk: float | None, series, year: str, total: bool) -> str:
    """e.g. "In 2021, London had the best GVA per head of 12 ITL1 areas (£55,412, 82.0% above
    the UK) and the North East the worst (£21,340, 29.9% below the UK)." Totals and neutral
    indicators give the largest and smallest, totals with their share of the UK."""
    known = areas.dropna(subset=["value"]).sort_values("value", ascending=False)
    if known.empty:
        return f"No area has a published {series.label} for {year}."
    judged = series.polarity != ranks.NEUTRAL and not total
    top, bottom = known.iloc[0], known.iloc[-1]
    if judged and series.polarity == ranks.LOWER_BETTER:
        top, bottom = bottom, top
    best, worst = ("best", "worst") if judged else ("largest", "smallest")

    def detail(row) -> str:
        text = fmt.value(row.value, series.unit, series.decimals)
        if uk and total:
            return f"{text}, {100 * row.value / uk:.1f}% of the UK"
        if uk and uk > 0 and row.value / uk >= 1.5:
            return f"{text}, {row.value / uk:.1f} times the UK"
        if uk:
            gap = ranks.gap(row.value, uk, ranks.NEUTRAL)
            return f"{text}, {abs(gap['gap_pct']):.1f}% {gap['verdict']} the UK"
        return text

    sentence = (
        f"In {year}, {words.the(top.geo_name)} had the {best} {series.label} of {len(known)} "
        f"{fmt.areas(known['geo_level'].iloc[0])} ({detail(top)}) and {words.the(bottom.geo_name)} "
        f"the {worst} ({detail(bottom)})."
    )
    if judged and series.polarity == ranks.LOWER_BETTER:
        sentence += " Lower is better for this indicator."
    return sentence


@register("compare_trends")
def trends(indicator: str, areas: str, first: str, last: str) -> View:
    """Up to ten areas over time against the UK. ``areas`` is comma-separated codes."""
    series = all_series()[indicator]
    codes = [c for c in areas.split(",") if c][:10]
    rows = query("compare_area_values", series.indicator_id, series.sex, codes + ["UK"])
    order = rows.drop_duplicates("period").sort_values("period_start")["period"].tolist()
    keep = (
        order[order.index(first) : order.index(last) + 1] if {first, last} <= set(order) else order
    )
    rows = rows[rows["period"].isin(keep)]
    chosen = rows[rows["geo_code"] != "UK"]
    uk = rows[rows["geo_code"] == "UK"]
    foot = footer.build(
        f"{series.title}, {first} to {last}",
        f"{series.unit}; dashed black line: United Kingdom",
        rows["release_id"].dropna().unique().tolist(),
        notes=series.caveats,
    )
    data = rows.pivot_table(index="period", columns="geo_name", values="value", sort=False)
    data = data.reindex([p for p in keep if p in data.index]).reset_index()
    data = data.rename(columns={"period": "Period"})
    return View(
        name="compare_trends",
        params={"indicator": indicator, "areas": ",".join(codes), "years": f"{first},{last}"},
        figure=charts.trend_lines(chosen, uk, "United Kingdom", series.unit),
        footer=foot,
        data=data,
        summary=_trend_summary(chosen, series),
    )


def _trend_summary(rows: pd.DataFrame, series) -> str:
    """Each chosen area's change from its first to its last period shown."""
    known = rows.dropna(subset=["value"]).sort_values("period_start")
    if known.empty:
        return f"None of the chosen areas has a published {series.label}."
    parts = []
    for name, part in known.groupby("geo_name", sort=False):
        start, end = part.iloc[0], part.iloc[-1]
        text = f"{words.the(name)} "
        if start.period != end.period:
            text += (
                f"from {fmt.value(start.value, series.unit, series.decimals)} ({start.period}) to "
            )
        parts.append(text + f"{fmt.value(end.value, series.unit, series.decimals)} ({end.period})")
    return f"{series.label}: " + "; ".join(parts) + "."


def spread(indicator: str, level: str, first: str, last: str) -> pd.DataFrame:
    """Dispersion per period between ``first`` and ``last`` (see dashboard.dispersion)."""
    series = all_series()[indicator]
    values = _areas(series, level)
    population = None
    if POPULATION in all_series() and POPULATION != series.indicator_id:
        people = _areas(all_series()[POPULATION], level)
        population = people.rename(columns={"value": "population"})
    table = dispersion.by_period(values, population)
    periods = table["period"].tolist()
    if {first, last} <= set(periods):
        table = table.iloc[periods.index(first) : periods.index(last) + 1]
    return table.reset_index(drop=True)


def _show(measure: str, value: float) -> str:
    return f"{100 * value:.1f}%" if measure in ("cv", "weighted_cv") else f"{value:,.2f}"


def dispersion_sentence(table: pd.DataFrame, label: str, level: str) -> str:
    """Did the gaps between areas narrow or widen between the first and last period?"""
    if table.empty:
        return f"No {level} figures for {label} in these years."
    first, last = table["period"].iloc[0], table["period"].iloc[-1]
    measure = next((m for m in ("cv", "sd") if dispersion.trend(table, m)), None)
    if measure is None:
        return f"Too few periods to say whether gaps between {fmt.areas(level)} on {label} changed."
    if table["areas"].max() < 2:
        return f"Dispersion needs at least two {fmt.areas(level)} with {label}."
    start, end = dispersion.trend(table, measure)
    if start == end:
        return (
            f"Between {first} and {last}, the {MEASURES[measure]} across {fmt.areas(level)} on "
            f"{label} stayed at {_show(measure, start)}."
        )
    verb, moved = ("widened", "rose") if end > start else ("narrowed", "fell")
    sentence = (
        f"Between {first} and {last}, gaps between {fmt.areas(level)} on {label} {verb}: the "
        f"{MEASURES[measure]} {moved} from {_show(measure, start)} to {_show(measure, end)}"
    )
    for extra in ("weighted_cv", "max_min_ratio"):
        span = dispersion.trend(table, extra)
        if span:
            sentence += (
                f"; the {MEASURES[extra]} went from {_show(extra, span[0])} "
                f"to {_show(extra, span[1])}"
            )
    return sentence + "."


def default_indicator(options: list[str], level: str = "ITL1") -> str:
    """The series with the longest run of periods at ``level`` among those that cover at least
    half as many areas as the best-covered series, have a better direction and are not totals
    (declared additive in the catalogue); ties go to catalogue order."""
    series = all_series()
    best, most = options[0], 0
    candidates = query("compare_default", level)
    wide = candidates[2 * candidates["areas"] >= candidates["areas"].max()]
    for row in wide.itertuples():
        key = row.indicator_id if row.sex == "all" else f"{row.indicator_id}:{row.sex}"
        if key not in series or series[key].polarity == ranks.NEUTRAL:
            continue
        if ranks.is_total(series[key]):
            continue
        if row.periods > most or (row.periods == most and options.index(key) < options.index(best)):
            best, most = key, row.periods
    return best


@register("compare_dispersion")
def dispersion_view(indicator: str, level: str, first: str, last: str) -> View:
    """How spread out areas are, period by period: are regional gaps narrowing?"""
    series = all_series()[indicator]
    table = spread(indicator, level, first, last)
    rows = level_values(series, level)
    weighted = table["weighted_cv"].notna().any()
    foot = footer.build(
        f"Are gaps between {fmt.areas(level)} narrowing? {series.title}",
        "Dispersion across areas each period; lower means areas are closer together",
        rows["release_id"].dropna().unique().tolist(),
        notes="Coefficient of variation = standard deviation / mean across areas; the "
        "population-weighted version weights each area by its resident population"
        + ("" if weighted else " (not available: no population for these areas)")
        + ". Ratio and CV need positive values.",
    )
    data = table.drop(columns="period_start").rename(
        columns={
            "period": "Period",
            "areas": "Areas",
            "max_min_ratio": "Highest ÷ lowest",
            "cv": "Coefficient of variation",
            "weighted_cv": "Population-weighted CV",
            "sd": "Standard deviation",
        }
    )
    return View(
        name="compare_dispersion",
        params={"indicator": indicator, "level": level, "years": f"{first},{last}"},
        figure=charts.dispersion_lines(table),
        footer=foot,
        data=data,
        summary=dispersion_sentence(table, series.label, level),
    )
