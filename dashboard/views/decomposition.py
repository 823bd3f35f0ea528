"""Views on the gap-decomposition page: each area's gap in GVA per employee job to Great Britain,
split into an industry-mix effect and a within-industry effect (dashboard.decomposition), and
one area's effects by foundational and frontier membership."""

from __future__ import annotations

import pandas as pd

from dashboard import charts, decomposition, figures, fmt, footer
from dashboard.db import query
from dashboard.views import View, register
from dashboard.views.lenses import LAYOUT, LENSES, MEMBERSHIPS, bar_marker

EFFECTS = {"mix": "Industry mix", "within": "Within industry"}
EFFECT_MARKERS = {
    "mix": {"color": charts.ABOVE, "pattern": {"shape": ""}},
    "within": {"color": charts.BELOW, "pattern": {"shape": "/"}},
}
MEMBERSHIP_LABEL = dict(zip(("true", "partial", "false"), MEMBERSHIPS, strict=True))
NOTES = (
    "Reference: Great Britain as the sum of the level's areas (ITL1), or of the 40 GB ITL2 "
    "areas (ITL2, ITL3), because BRES does not cover Northern Ireland. GVA per employee job: "
    "current-price GVA (imputed rent excluded) over BRES employees, by SIC section. Mix = "
    "Σ(area job share − GB job share) × GB GVA per job; within = Σ area job share × (area − GB "
    "GVA per job); they add up to the gap exactly."
)


def industry_effects(level: str, period: str, foundational: str, frontier: str) -> pd.DataFrame:
    """Per area and industry: both effects, in £ per employee job, with lens membership."""
    rows = query("decomp_industries", foundational, frontier, level, period)
    if rows.empty:
        return pd.DataFrame(columns=["geo_code", "geo_name", "industry_code", "mix", "within"])
    measures = {"gva_gbp_m": "gva", "employees": "jobs"}
    reference = rows[rows["is_reference"]].set_index("industry_code")[list(measures)]
    areas = rows[~rows["is_reference"]].set_index(["geo_code", "industry_code"])
    effects = decomposition.by_industry(
        areas[list(measures)].rename(columns=measures) * [1e6, 1],
        reference.rename(columns=measures) * [1e6, 1],
    )
    return (
        areas[["geo_name", "industry_name", "foundational", "frontier"]].join(effects).reset_index()
    )


def _releases(level: str, period: str) -> list[str]:
    rows = query("decomp_industries", "strict", "default", level, period)
    return [*rows["gva_release_id"].unique(), *rows["jobs_release_id"].unique()]


def _style(layout: dict, height: int) -> dict:
    """``layout`` with the pages' look (lenses.LAYOUT), bars stacked either side of a marked 0."""
    figures.update_axes(
        layout, "x", gridcolor=charts.GRID, zeroline=True, zerolinecolor=charts.REFERENCE
    )
    return layout | LAYOUT | {"height": height, "barmode": "relative"}


@register("decomp_gap")
def gap(level: str, period: str) -> View:
    """Every area's gap to GB in GVA per employee job, as stacked mix and within effects with the
    total gap marked."""
    effects = industry_effects(level, period, "strict", "default")
    totals = effects.groupby(["geo_code", "geo_name"])[["mix", "within"]].sum().reset_index()
    totals["gap"] = totals["mix"] + totals["within"]
    totals = totals.sort_values("gap")
    traces = [
        {
            "type": "bar",
            "x": totals[effect],
            "y": totals["geo_name"],
            "orientation": "h",
            "name": label,
            "marker": EFFECT_MARKERS[effect],
            "hovertemplate": f"%{{y}}: {label} £%{{x:,.0f}}<extra></extra>",
        }
        for effect, label in EFFECTS.items()
    ]
    traces.append(
        {
            "type": "scatter",
            "x": totals["gap"],
            "y": totals["geo_name"],
            "mode": "markers",
            "name": "Total gap",
            "marker": {
                "symbol": "line-ns",
                "size": 16,
                "line": {"width": 3, "color": charts.REFERENCE},
            },
            "hovertemplate": "%{y}: total gap £%{x:,.0f}<extra></extra>",
        }
    )
    title = "£ GVA per employee job, difference from Great Britain"
    layout = {"xaxis": {"title": {"text": title}}, "yaxis": charts.category_range(len(totals))}
    foot = footer.build(
        f"Gap in GVA per employee job to Great Britain: industry mix and within-industry effects, "
        f"{fmt.areas(level)}, {period}",
        "Shift-share decomposition by SIC section; bars add up to the total gap (black tick)",
        _releases(level, period),
        notes=NOTES,
    )
    data = totals.rename(
        columns={
            "geo_code": "Code",
            "geo_name": "Area",
            "mix": "Industry mix effect (£ per job)",
            "within": "Within-industry effect (£ per job)",
            "gap": "Total gap (£ per job)",
        }
    )
    return View(
        name="decomp_gap",
        params={"level": level, "year": period},
        figure=figures.figure(traces, _style(layout, 220 + 26 * len(totals))),
        footer=foot,
        data=data,
        summary=gap_summary(totals, period),
    )


def gap_summary(totals: pd.DataFrame, period: str) -> str:
    if totals.empty:
        return f"No gap decomposition is available for {period}."
    behind = totals[totals["gap"] < 0]
    mix_led = behind[behind["mix"].abs() > behind["within"].abs()]
    low = totals.iloc[0]
    return (
        f"In {period}, {len(behind)} of {len(totals)} areas had lower GVA per employee job than "
        f"Great Britain. The furthest behind, {low.geo_name}, was £{-low.gap:,.0f} per job behind: "
        f"£{-low.mix:,.0f} from its industry mix and £{-low.within:,.0f} from lower output per "
        f"job within industries. For {len(mix_led)} of the areas behind, industry mix explains "
        "more of the gap than productivity within industries."
    )


@register("decomp_lens")
def lens_contributions(
    level: str, period: str, geo_code: str, foundational: str, frontier: str
) -> View:
    """One area's mix and within effects summed by membership of each lens."""
    effects = industry_effects(level, period, foundational, frontier)
    area = effects[effects["geo_code"] == geo_code]
    name = area["geo_name"].iloc[0] if len(area) else geo_code
    rows = []
    for lens in LENSES:
        for membership, part in area.groupby(lens):
            for effect in EFFECTS:
                rows.append(
                    {
                        "lens": lens,
                        "membership": MEMBERSHIP_LABEL[membership],
                        "effect": EFFECTS[effect],
                        "value": part[effect].sum(),
                        "sections": ", ".join(sorted(part["industry_code"])),
                    }
                )
    table = pd.DataFrame(rows, columns=["lens", "membership", "effect", "value", "sections"])
    layout = figures.grid(1, 2, [f"{v} lens" for v in LENSES.values()], shared_x=True)
    traces = []
    for col, lens in enumerate(LENSES, start=1):
        for membership in MEMBERSHIPS:
            part = table[(table["lens"] == lens) & (table["membership"] == membership)]
            traces.append(
                {
                    "type": "bar",
                    "x": part["value"],
                    "y": part["effect"],
                    "orientation": "h",
                    "name": f"{LENSES[lens]}: {membership.lower()}",
                    "marker": bar_marker(lens, membership),
                    "hovertemplate": f"{membership}: %{{y}} £%{{x:,.0f}}<extra></extra>",
                    **figures.axes(1, col, 2),
                }
            )
    figures.update_axes(layout, "x", title={"text": "£ per employee job"})
    lenses_used = query("decomp_industries", foundational, frontier, level, period)
    foot = footer.build(
        f"Where {name}'s gap to Great Britain comes from, by sector lens, {period}",
        f"Foundational variant: {foundational}; frontier variant: {frontier}; "
        "each lens's parts add up to the area's effect",
        [*lenses_used["gva_release_id"].unique(), *lenses_used["jobs_release_id"].unique()],
        notes=NOTES + " 'Partly in the lens': sections that straddle the lens boundary.",
    )
    data = table.rename(
        columns={
            "lens": "Lens",
            "membership": "Membership",
            "effect": "Effect",
            "value": "£ per employee job",
            "sections": "Industries (ONS codes)",
        }
    )
    return View(
        name="decomp_lens",
        params={
            "level": level,
            "year": period,
            "area": geo_code,
            "foundational": foundational,
            "frontier": frontier,
        },
        figure=figures.figure(traces, _style(layout, 420)),
        footer=foot,
        data=data,
        summary=lens_summary(area, name, period),
    )


def lens_summary(area: pd.DataFrame, name: str, period: str) -> str:
    if area.empty:
        return f"No gap decomposition is available for {name} in {period}."
    total = area["mix"].sum() + area["within"].sum()
    parts = []
    for lens, label in LENSES.items():
        inside = area[area[lens] != "false"]
        amount = inside["mix"].sum() + inside["within"].sum()
        parts.append(
            f"£{amount:+,.0f} from industries wholly or partly in the {label.lower()} lens"
        )
    return (
        f"In {period}, {name}'s GVA per employee job was £{total:+,.0f} against Great Britain: "
        + "; ".join(parts)
        + " (the lenses overlap, so these parts are not additive across lenses)."
    )
