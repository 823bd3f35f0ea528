"""Views on the home page: areas ranked on an indicator, and GVA shares by sector lens."""

from __future__ import annotations

from dashboard import charts, fmt, footer, summary
from dashboard.catalogue import indicator
from dashboard.db import query
from dashboard.views import View, register


@register("ranked")
def ranked(indicator_id: str, level: str, period: str) -> View:
    """All areas of one level ranked on one indicator, against the UK figure."""
    ind = indicator(indicator_id)
    rows = query("ranked_areas", indicator_id, period, level)
    uk = rows.loc[rows["geo_code"] == "UK", "value"]
    uk_value = float(uk.iloc[0]) if len(uk) and uk.notna().all() else None
    areas = rows[rows["geo_code"] != "UK"]
    foot = footer.build(
        f"{ind['title']}, {fmt.areas(level)}, {period}",
        f"{ind['unit']}; dashed line: United Kingdom",
        rows["release_id"].unique().tolist(),
        notes=ind["caveats"],
    )
    data = areas[["geo_code", "geo_name", "value", "status"]].rename(
        columns={
            "geo_code": "Code",
            "geo_name": "Area",
            "value": f"{ind['short_title']} ({ind['unit']})",
            "status": "Status",
        }
    )
    return View(
        name="ranked",
        params={"indicator": indicator_id, "level": level, "year": period},
        figure=charts.ranked_bars(areas, uk_value, ind["unit"], ind["decimals"]),
        footer=foot,
        data=data,
        summary=summary.ranked(
            areas,
            uk_value,
            ind["short_title"],
            ind["unit"],
            ind["decimals"],
            period,
            total=bool(ind["additive"]),
        ),
    )


@register("lens_share")
def lens_share(level: str, period: str) -> View:
    """Each area's GVA split into the exclusive sector-lens buckets."""
    shares = query("lens_shares", level, period)
    foot = footer.build(
        f"Share of GVA by sector lens, {fmt.areas(level)}, {period}",
        "Current prices; exclusive buckets, foundational economy (FEC, strict) and frontier lenses",
        shares["release_id"].unique().tolist(),
        notes=(
            "Industries whose SIC divisions straddle a lens are shown as 'Mixed or partial'. "
            "Owner-occupiers' imputed rental is excluded. See Data and methods for the taxonomy."
        ),
    )
    data = shares[["geo_code", "geo_name", "bucket", "gva_gbp_m", "share_pct"]].rename(
        columns={
            "geo_code": "Code",
            "geo_name": "Area",
            "bucket": "Sector lens",
            "gva_gbp_m": "GVA (£ million)",
            "share_pct": "Share of GVA (%)",
        }
    )
    return View(
        name="lens_share",
        params={"level": level, "year": period},
        figure=charts.lens_shares(shares),
        footer=foot,
        data=data,
        summary=summary.lens(shares, period),
    )
