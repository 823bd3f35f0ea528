"""Map figures: a choropleth on simplified ONS boundaries (MapLibre with a blank white style, so
no tiles are fetched and it works offline) and a hex cartogram drawn as plain Plotly shapes.

Both take ``areas``: one row per area with geo_code, geo_name, value, status, rank, gap_uk and
hover text, as ``ranked`` returns it. Colours are viridis (colour-blind safe); areas without a
published value are grey and say why on hover.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from dashboard import figures, fmt
from dashboard.charts import TEXT

COLOURS = "Viridis"
MISSING = "#d0d0d0"
EDGE = "#ffffff"
HEX_RADIUS = 1 / math.sqrt(3)  # pointy-top hexes one unit wide


def ranked(rows: pd.DataFrame, uk_value: float | None, unit: str, decimals: int) -> pd.DataFrame:
    """Areas with their rank (1 = highest value), gap to the UK and hover text."""
    areas = rows[rows["geo_code"] != "UK"].copy()
    areas["rank"] = areas["value"].rank(ascending=False, method="min").astype("Int64")
    known = int(areas["value"].notna().sum())
    areas["gap_uk"] = areas["value"] - uk_value if uk_value is not None else np.nan
    areas["hover"] = [
        _hover(r, known, uk_value, unit, decimals) for r in areas.itertuples(index=False)
    ]
    return areas.reset_index(drop=True)


def _hover(row, known: int, uk_value: float | None, unit: str, decimals: int) -> str:
    if pd.isna(row.value):
        status = f" ({row.status})" if isinstance(row.status, str) and row.status else ""
        return f"<b>{row.geo_name}</b><br>No published value{status}"
    text = f"<b>{row.geo_name}</b><br>{fmt.value(row.value, unit, decimals)}"
    text += f"<br>Rank {row.rank} of {known} (1 = highest)"
    if uk_value is not None:
        gap = row.value - uk_value
        sign = "+" if gap >= 0 else "−"
        text += f"<br>{sign}{fmt.value(abs(gap), unit, decimals)} vs UK"
        text += f" ({100 * gap / uk_value:+.1f}%)"
    return text


def colour_range(values: pd.Series) -> tuple[float, float, bool]:
    """Colour limits: the full range, or the 2nd to 98th percentile when a few outliers (such as
    the City of London) would otherwise flatten every other area into one colour."""
    known = values.dropna()
    if known.empty:
        return 0.0, 1.0, False
    lo, hi = float(known.min()), float(known.max())
    if len(known) >= 20:
        p2, p98 = (float(v) for v in known.quantile([0.02, 0.98]))
        if hi - lo > 2 * (p98 - p2):
            return p2, p98, True
    return lo, hi, False


def _colour_bar(unit: str) -> dict:
    return {"title": {"text": unit, "side": "right"}, "thickness": 14, "len": 0.7}


@dataclass(frozen=True)
class Shape:
    """One area's geometry, its coordinates held as arrays (cheap for Plotly to copy)."""

    geometry: dict
    bounds: tuple[float, float, float, float]  # lon0, lat0, lon1, lat1
    release_id: str  # the boundary release it is drawn from


def shapes(boundaries: pd.DataFrame) -> dict[str, Shape]:
    """Parse each area's GeoJSON text once."""
    parsed = {}
    for row in boundaries.itertuples():
        geometry = json.loads(row.geojson)
        geometry["coordinates"] = _arrays(geometry["coordinates"])
        points = np.concatenate(list(_rings(geometry["coordinates"])))
        (lon0, lat0), (lon1, lat1) = points.min(axis=0), points.max(axis=0)
        parsed[row.geo_code] = Shape(geometry, (lon0, lat0, lon1, lat1), row.release_id)
    return parsed


def _arrays(coords: list) -> list | np.ndarray:
    """Nested GeoJSON coordinates with each ring as an (n, 2) array."""
    if coords and isinstance(coords[0][0], (int, float)):
        return np.asarray(coords, dtype=float)
    return [_arrays(part) for part in coords]


def _rings(coords):
    if isinstance(coords, np.ndarray):
        yield coords
    else:
        for part in coords:
            yield from _rings(part)


def feature_collection(codes: pd.Series, shapes: dict[str, Shape]) -> dict:
    features = [
        {"type": "Feature", "id": code, "geometry": shapes[code].geometry} for code in codes
    ]
    return {"type": "FeatureCollection", "features": features}


def _view_box(
    codes: pd.Series, shapes: dict[str, Shape], height_px: int = 520, width_px: int = 640
) -> tuple[dict, float]:
    """Centre and MapLibre zoom (512 px per 360° at zoom 0) that fit every area."""
    bounds = np.array([shapes[code].bounds for code in codes])
    lon0, lat0 = bounds[:, :2].min(axis=0)
    lon1, lat1 = bounds[:, 2:].max(axis=0)
    centre = {"lon": (lon0 + lon1) / 2, "lat": (lat0 + lat1) / 2}
    lat_span = max((lat1 - lat0) / math.cos(math.radians(centre["lat"])), 0.1)
    pixels_per_degree = min(height_px / lat_span, width_px / max(lon1 - lon0, 0.1))
    return centre, max(1.0, min(10.0, math.log2(pixels_per_degree * 360 / 512)))


def choropleth(areas: pd.DataFrame, shapes: dict[str, Shape], unit: str) -> go.Figure:
    """Areas filled by value on their boundaries; the colour bar is in the indicator's unit.
    Each trace carries only its own areas' shapes, so no boundary is sent twice."""
    drawn = areas[areas["geo_code"].isin(shapes.keys())]
    known, missing = drawn[drawn["value"].notna()], drawn[drawn["value"].isna()]
    lo, hi, _ = colour_range(known["value"])
    outline = {"line": {"color": EDGE, "width": 0.5}}
    traces = []
    if len(missing):
        traces.append(
            {
                "type": "choroplethmap",
                "geojson": feature_collection(missing["geo_code"], shapes),
                "locations": missing["geo_code"],
                "z": [0] * len(missing),
                "colorscale": [[0, MISSING], [1, MISSING]],
                "showscale": False,
                "marker": outline,
                "text": missing["hover"],
                "hovertemplate": "%{text}<extra></extra>",
                "name": "No published value",
            }
        )
    traces.append(
        {
            "type": "choroplethmap",
            "geojson": feature_collection(known["geo_code"], shapes),
            "locations": known["geo_code"],
            "z": known["value"],
            "zmin": lo,
            "zmax": hi,
            "colorscale": COLOURS,
            "colorbar": _colour_bar(unit),
            "marker": outline,
            "text": known["hover"],
            "hovertemplate": "%{text}<extra></extra>",
            "name": unit,
        }
    )
    centre, zoom = _view_box(drawn["geo_code"], shapes) if len(drawn) else ({}, 4)
    layout = {
        "map": {"style": "white-bg", "center": centre, "zoom": zoom},
        "font": TEXT,
        "paper_bgcolor": "white",
        "height": 720,
        "margin": {"l": 10, "r": 10, "t": 80},
    }
    return figures.figure(traces, layout)


def hex_centres(hexes: pd.DataFrame) -> pd.DataFrame:
    """x, y of each hex centre: HexJSON offset rows ('odd-r' shifts odd rows right by half a
    hex, 'even-r' even rows); rows are stacked √3/2 apart and r increases northwards."""
    shifted = np.where(hexes["offset"] == "odd-r", hexes["r"] % 2 == 1, hexes["r"] % 2 == 0)
    return hexes.assign(x=hexes["q"] + 0.5 * shifted, y=hexes["r"] * math.sqrt(3) / 2)


def _hex_path(x: float, y: float) -> str:
    corners = [
        (
            x + HEX_RADIUS * math.cos(math.radians(30 + 60 * k)),
            y + HEX_RADIUS * math.sin(math.radians(30 + 60 * k)),
        )
        for k in range(6)
    ]
    return "M" + "L".join(f"{a:.3f},{b:.3f}" for a, b in corners) + "Z"


def hex_map(areas: pd.DataFrame, hexes: pd.DataFrame, unit: str) -> go.Figure:
    """One equal hex per area, filled by value; hover on each hex's centre."""
    placed = hex_centres(hexes).merge(areas, on="geo_code")
    known = placed["value"].notna()
    lo, hi, _ = colour_range(placed["value"])
    scaled = ((placed["value"] - lo) / (hi - lo) if hi > lo else placed["value"] * 0 + 0.5).clip(
        0, 1
    )
    fills = [sample_colorscale(COLOURS, [t])[0] if not pd.isna(t) else MISSING for t in scaled]
    shapes = [
        {
            "type": "path",
            "path": _hex_path(x, y),
            "fillcolor": fill,
            "line": {"color": EDGE, "width": 1},
            "layer": "below",
        }
        for x, y, fill in zip(placed["x"], placed["y"], fills, strict=True)
    ]
    markers = {
        "type": "scatter",
        "x": placed["x"],
        "y": placed["y"],
        "mode": "markers",
        "marker": {
            "size": 14,
            "opacity": 0,
            "color": placed["value"],
            "colorscale": COLOURS,
            "cmin": lo,
            "cmax": hi,
            "showscale": bool(known.any()),
            "colorbar": _colour_bar(unit),
        },
        "text": placed["hover"],
        "hovertemplate": "%{text}<extra></extra>",
        "name": unit,
    }
    rows = placed["r"].max() - placed["r"].min() + 1 if len(placed) else 1
    layout = {
        "shapes": shapes,
        "font": TEXT,
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "height": int(min(1100, max(520, 160 + 26 * rows))),
        "margin": {"l": 10, "r": 10, "t": 80},
        "showlegend": False,
        "xaxis": {"visible": False, "scaleanchor": "y", "scaleratio": 1},
        "yaxis": {"visible": False},
    }
    return figures.figure([markers], layout)


def best_layout(hexes: pd.DataFrame, codes: set[str]) -> pd.DataFrame:
    """The layout that places the most of ``codes`` (ties: the later layout name)."""
    if hexes.empty:
        return hexes
    cover = hexes[hexes["geo_code"].isin(codes)].groupby("layout").size()
    cover = cover.reindex(sorted(hexes["layout"].unique()), fill_value=0)
    return hexes[hexes["layout"] == cover[::-1].idxmax()]
