"""Views on the foundational-versus-frontier page: shares of GVA and jobs by sector lens, GVA per
job by lens, growth by lens, and local-authority GVA by lens. Each lens is split into 'In the
lens', 'Partly in the lens' (industries that straddle its boundary, not apportioned) and 'Outside
the lens'; the two lenses are independent, so an industry in both counts in both."""

from __future__ import annotations

import pandas as pd

from dashboard import charts, figures, fmt, footer
from dashboard.db import query
from dashboard.views import View, register

LENSES = {"foundational": "Foundational", "frontier": "Frontier"}
MEMBERSHIPS = ["In the lens", "Partly in the lens", "Outside the lens"]
PATTERNS = {"In the lens": "", "Partly in the lens": "/", "Outside the lens": "."}
SYMBOLS = {"In the lens": "circle", "Partly in the lens": "diamond-open", "Outside the lens": "x"}
# Table-view heading of each column the lens views show
HEADINGS = {
    "geo_code": "Code",
    "geo_name": "Area",
    "period": "Year",
    "lens": "Lens",
    "membership_label": "Membership",
    "sections": "SIC sections",
    "gva_gbp_m": "GVA (£ million)",
    "employees": "Employee jobs",
    "gva_share_pct": "Share of GVA (%)",
    "jobs_share_pct": "Share of employee jobs (%)",
    "gva_per_job_gbp": "GVA per employee job (£)",
}
NOTES = (
    "BRES employees (Great Britain; a third-party extract of the Nomis table, rounded) against "
    "current-price GVA by SIC section, owner-occupiers' imputed rent excluded. 'Partly in the "
    "lens' marks sections that straddle the lens boundary, shown as they are, not apportioned. "
    "An industry in both lenses counts in both. Taxonomy: data/reference/sector-taxonomy.md."
)
# The look of the lens and gap-decomposition figures, height aside (see each module's _style)
LAYOUT = {
    "font": charts.TEXT,
    "plot_bgcolor": "white",
    "paper_bgcolor": "white",
    "margin": {"l": 10, "r": 30, "t": 100},
    "legend": {"orientation": "h", "y": -0.08, "x": 0},
}


def colour(lens: str, membership: str) -> str:
    if membership == "In the lens":
        return charts.BUCKET_COLOURS["Foundational" if lens == "foundational" else "Frontier"]
    if membership == "Partly in the lens":
        return charts.BUCKET_COLOURS["Mixed or partial"]
    return charts.BUCKET_COLOURS["Other tradeable"]


def bar_marker(lens: str, membership: str) -> dict:
    """A bar's fill: the lens membership's colour, hatched unless wholly in the lens."""
    return {"color": colour(lens, membership), "pattern": {"shape": PATTERNS[membership]}}


def _style(layout: dict, height: int) -> dict:
    """``layout`` with the page's look (LAYOUT), light x grid lines and room for long names."""
    figures.update_axes(layout, "x", gridcolor=charts.GRID, zeroline=False)
    figures.update_axes(layout, "y", automargin=True)
    return layout | LAYOUT | {"height": height}


def _share_bar(values: pd.Series, order: list[str], lens: str, membership: str) -> dict:
    """One membership's % share of each area (``order``) as horizontal bars, labelled from 8%."""
    return {
        "type": "bar",
        "x": values,
        "y": order,
        "orientation": "h",
        "name": f"{LENSES[lens]}: {membership.lower()}",
        "marker": bar_marker(lens, membership),
        "text": [f"{v:.0f}%" if v >= 8 else "" for v in values],
        "textposition": "inside",
        "textangle": 0,  # shrunk to fit a narrow bar rather than turned on its side
        "hovertemplate": f"%{{y}}: {membership} %{{x:.1f}}%<extra></extra>",
    }


def _variants(rows: pd.DataFrame) -> str:
    return "; ".join(rows.drop_duplicates("lens").sort_values("lens")["variant_label"])


def _area_order(rows: pd.DataFrame) -> list[str]:
    inside = rows[(rows["lens"] == "foundational") & (rows["membership"] == "true")]
    share = inside.set_index("geo_name")["jobs_share_pct"]
    names = rows.sort_values("is_reference", ascending=False)["geo_name"].unique()
    return sorted(names, key=lambda n: (n != "Great Britain", share.get(n, 0.0)), reverse=True)


@register("lens_jobs_gva_share")
def jobs_gva_share(level: str, period: str, foundational: str, frontier: str) -> View:
    """Each area's GVA and jobs split by membership of each lens: 100% stacked bars."""
    rows = query("lens_jobs_gva", level, period, foundational, frontier)
    order = _area_order(rows)[::-1]
    panels = [(lens, measure) for lens in LENSES for measure in ("gva", "jobs")]
    titles = [f"{LENSES[lens]}<br>% of {'GVA' if m == 'gva' else 'jobs'}" for lens, m in panels]
    layout = figures.grid(1, 4, titles, shared_y=True, horizontal_spacing=0.05)
    layout["yaxis"] |= charts.area_ticks(order)
    traces = []
    for col, (lens, measure) in enumerate(panels, start=1):
        for membership in MEMBERSHIPS:
            part = rows[(rows["lens"] == lens) & (rows["membership_label"] == membership)]
            values = part.set_index("geo_name")[f"{measure}_share_pct"].reindex(order).fillna(0)
            traces.append(
                _share_bar(values, order, lens, membership)
                | {"legendgroup": f"{lens}{membership}", "showlegend": measure == "gva"}
                | figures.axes(1, col, 4)
            )
    figures.update_axes(layout, "x", range=[0, 100])
    layout["barmode"] = "stack"
    foot = footer.build(
        f"Share of GVA and of employee jobs by sector lens, {fmt.areas(level)}, {period}",
        _variants(rows),
        [*rows["gva_release_id"].unique(), *rows["jobs_release_id"].unique()],
        notes=NOTES,
    )
    data = rows[
        [
            "geo_code",
            "geo_name",
            "lens",
            "membership_label",
            "sections",
            "gva_share_pct",
            "jobs_share_pct",
        ]
    ].rename(columns=HEADINGS)
    return View(
        name="lens_jobs_gva_share",
        params={"level": level, "year": period, "foundational": foundational, "frontier": frontier},
        figure=figures.figure(traces, _style(layout, 220 + 26 * len(order))),
        footer=foot,
        data=data,
        summary=share_summary(rows, period),
    )


def share_summary(rows: pd.DataFrame, period: str) -> str:
    """Where each lens holds the largest and smallest share of jobs, and sections in both."""
    if rows.empty:
        return f"No GVA and jobs split by sector lens is available for {period}."
    parts = []
    areas = rows[~rows["is_reference"]]
    for lens, label in LENSES.items():
        inside = areas[(areas["lens"] == lens) & (areas["membership"] == "true")]
        if inside.empty:
            parts.append(
                f"no SIC section lies wholly inside the {label.lower()} lens (all its industries "
                "sit in sections that straddle it)"
            )
            continue
        top = inside.sort_values("jobs_share_pct").iloc[-1]
        low = inside.sort_values("jobs_share_pct").iloc[0]
        parts.append(
            f"{label.lower()} sections held {top.jobs_share_pct:.1f}% of employee jobs in "
            f"{top.geo_name} (the most) and {low.jobs_share_pct:.1f}% in {low.geo_name} (the "
            "fewest)"
        )
    return f"In {period}, " + "; ".join(parts) + "."


@register("lens_gva_per_job")
def gva_per_job(level: str, period: str, foundational: str, frontier: str) -> View:
    """GVA per employee job in, partly in and outside each lens, for each area and GB."""
    rows = query("lens_jobs_gva", level, period, foundational, frontier)
    order = _area_order(rows)[::-1]
    layout = figures.grid(1, 2, [f"{v} lens" for v in LENSES.values()], shared_y=True)
    layout["yaxis"] |= charts.area_ticks(order) | charts.category_range(len(order))
    traces = []
    for col, lens in enumerate(LENSES, start=1):
        for membership in MEMBERSHIPS:
            part = rows[(rows["lens"] == lens) & (rows["membership_label"] == membership)]
            traces.append(
                {
                    "type": "scatter",
                    "x": part.set_index("geo_name")["gva_per_job_gbp"].reindex(order),
                    "y": order,
                    "mode": "markers",
                    "name": f"{LENSES[lens]}: {membership.lower()}",
                    "marker": {
                        "color": colour(lens, membership),
                        "symbol": SYMBOLS[membership],
                        "size": 10,
                    },
                    "hovertemplate": f"%{{y}}: {membership} £%{{x:,.0f}} per job<extra></extra>",
                    **figures.axes(1, col, 2),
                }
            )
    figures.update_axes(layout, "x", title={"text": "£ GVA per employee job"})
    foot = footer.build(
        f"GVA per employee job by sector lens, {fmt.areas(level)}, {period}",
        _variants(rows) + "; Great Britain = sum of its areas",
        [*rows["gva_release_id"].unique(), *rows["jobs_release_id"].unique()],
        notes=NOTES + " GVA per employee job overstates output per worker where self-employment "
        "is common (agriculture, construction).",
    )
    data = rows[
        [
            "geo_code",
            "geo_name",
            "lens",
            "membership_label",
            "gva_gbp_m",
            "employees",
            "gva_per_job_gbp",
        ]
    ]
    data = data.rename(columns=HEADINGS)
    return View(
        name="lens_gva_per_job",
        params={"level": level, "year": period, "foundational": foundational, "frontier": frontier},
        figure=figures.figure(traces, _style(layout, 220 + 26 * len(order))),
        footer=foot,
        data=data,
        summary=per_job_summary(rows, period),
    )


def per_job_summary(rows: pd.DataFrame, period: str) -> str:
    gb = rows[rows["is_reference"]].set_index(["lens", "membership"])["gva_per_job_gbp"]
    parts = []
    for lens, label in LENSES.items():
        for membership in ("true", "partial"):
            if (lens, membership) in gb.index:
                kind = "wholly in" if membership == "true" else "partly in"
                parts.append(
                    f"£{gb[(lens, membership)]:,.0f} in sections {kind} the {label.lower()} lens"
                )
                break
    if not parts:
        return f"No GVA per job by sector lens is available for {period}."
    out = gb.get(("frontier", "false"))
    tail = f", against £{out:,.0f} outside the frontier lens" if out is not None else ""
    return (
        f"In {period}, GVA per employee job across Great Britain was "
        + " and ".join(parts)
        + tail
        + "."
    )


@register("lens_growth")
def growth(level: str, geo_code: str, foundational: str, frontier: str) -> View:
    """One area's GVA (current prices) and employee jobs by lens membership, indexed to the
    first year = 100."""
    rows = query("lens_growth", level, geo_code, foundational, frontier)
    first = rows["period"].min()
    base = rows.loc[rows["period"] == first, ["lens", "membership", "gva_gbp_m", "employees"]]
    rows = rows.merge(base, on=["lens", "membership"], how="left", suffixes=("", "_base"))
    rows["gva_index"] = 100 * rows["gva_gbp_m"] / rows["gva_gbp_m_base"]
    rows["jobs_index"] = 100 * rows["employees"] / rows["employees_base"]
    layout = figures.grid(1, 2, [f"{v} lens" for v in LENSES.values()])
    traces = []
    for col, lens in enumerate(LENSES, start=1):
        for membership in MEMBERSHIPS:
            part = rows[(rows["lens"] == lens) & (rows["membership_label"] == membership)]
            if part.empty:
                continue
            for measure, dash in (("gva", "solid"), ("jobs", "dot")):
                traces.append(
                    {
                        "type": "scatter",
                        "x": part["period"],
                        "y": part[f"{measure}_index"],
                        "mode": "lines+markers",
                        "name": f"{LENSES[lens]}, {membership.lower()}: {measure.upper() if measure == 'gva' else 'jobs'}",
                        "line": {"color": colour(lens, membership), "dash": dash},
                        "marker": {"symbol": SYMBOLS[membership]},
                        "hovertemplate": f"%{{x}}: {membership}, {measure} %{{y:.1f}}<extra></extra>",
                        **figures.axes(1, col, 2),
                    }
                )
    figures.update_axes(layout, "y", title={"text": f"index, {first} = 100"})
    line = {"color": charts.REFERENCE, "dash": "dash"}  # at 100 in each panel
    layout["shapes"] = [figures.hline(100, line, axis=y)[0] for y in ("y", "y2")]
    name = rows["geo_name"].iloc[0] if len(rows) else geo_code
    foot = footer.build(
        f"Growth of GVA and employee jobs by sector lens, {name}",
        _variants(rows)
        + f"; index {first} = 100; GVA at current prices (not adjusted for inflation)",
        [*rows["gva_release_id"].unique(), *rows["jobs_release_id"].unique()],
        notes=NOTES,
    )
    data = rows[
        ["period", "lens", "membership_label", "gva_gbp_m", "employees", "gva_index", "jobs_index"]
    ]
    data = data.rename(
        columns=HEADINGS
        | {"gva_index": f"GVA index ({first} = 100)", "jobs_index": f"Jobs index ({first} = 100)"}
    )
    return View(
        name="lens_growth",
        params={
            "level": level,
            "area": geo_code,
            "foundational": foundational,
            "frontier": frontier,
        },
        figure=figures.figure(traces, _style(layout, 520)),
        footer=foot,
        data=data,
        summary=growth_summary(rows, name),
    )


def growth_summary(rows: pd.DataFrame, name: str) -> str:
    if rows.empty:
        return f"No growth by sector lens is available for {name}."
    last = rows[rows["period"] == rows["period"].max()]
    first, final = rows["period"].min(), rows["period"].max()
    parts = []
    for lens, label in LENSES.items():
        part = last[(last["lens"] == lens) & (last["membership"] != "false")].sort_values(
            "membership"
        )
        if part.empty:
            continue
        row = part.iloc[-1]  # 'true' sorts after 'partial': wholly-in sections when there are any
        kind = "wholly" if row.membership == "true" else "partly"
        parts.append(
            f"employee jobs in sections {kind} in the {label.lower()} lens changed by "
            f"{row.jobs_index - 100:+.1f}% and their current-price GVA by {row.gva_index - 100:+.1f}%"
        )
    return f"In {name} from {first} to {final}, " + "; ".join(parts) + "."


@register("lens_lad_share")
def lad_share(itl1_code: str, period: str, foundational: str, frontier: str) -> View:
    """Local authorities of one region: share of GVA by lens membership (no jobs: BRES has no
    district figures here)."""
    rows = query("lens_lad_share", itl1_code, period, foundational, frontier)
    inside = rows[(rows["lens"] == "foundational") & (rows["membership"] == "true")]
    order = inside.sort_values("gva_share_pct")["geo_name"].tolist()
    order += sorted(set(rows["geo_name"]) - set(order))
    layout = figures.grid(1, 2, [f"{v}: % of GVA" for v in LENSES.values()], shared_y=True)
    layout["yaxis"] |= charts.area_ticks(order)
    traces = []
    for col, lens in enumerate(LENSES, start=1):
        for membership in MEMBERSHIPS:
            part = rows[(rows["lens"] == lens) & (rows["membership_label"] == membership)]
            values = part.set_index("geo_name")["gva_share_pct"].reindex(order).fillna(0)
            traces.append(_share_bar(values, order, lens, membership) | figures.axes(1, col, 2))
    figures.update_axes(layout, "x", range=[0, 100])
    layout["barmode"] = "stack"
    foot = footer.build(
        f"Share of GVA by sector lens, local authorities, {period}",
        "; ".join(rows.drop_duplicates("lens").sort_values("lens")["variant_label"]),
        rows["release_id"].unique().tolist(),
        notes="Local-authority GVA is published for coarser industry groups than regions', so "
        "more of it is 'partly in the lens'. No employee figures: BRES is not loaded for districts.",
    )
    data = rows[["geo_code", "geo_name", "lens", "membership_label", "gva_gbp_m", "gva_share_pct"]]
    data = data.rename(columns=HEADINGS | {"geo_name": "Local authority"})
    if inside.empty:
        summary = f"No local-authority GVA split by sector lens is available for {period}."
    else:
        top, low = (
            inside.sort_values("gva_share_pct").iloc[-1],
            inside.sort_values("gva_share_pct").iloc[0],
        )
        summary = (
            f"In {period}, industries wholly in the foundational lens produced "
            f"{top.gva_share_pct:.1f}% of GVA in {top.geo_name} (the most in the region) and "
            f"{low.gva_share_pct:.1f}% in {low.geo_name} (the least)."
        )
    return View(
        name="lens_lad_share",
        params={
            "region": itl1_code,
            "year": period,
            "foundational": foundational,
            "frontier": frontier,
        },
        figure=figures.figure(traces, _style(layout, 220 + 26 * len(order))),
        footer=foot,
        data=data,
        summary=summary,
    )
