"""ONS boundary files and area lookups -> side tables, not observations.

``core.boundary`` holds one row per area: its code, level and geometry as GeoJSON text in
EPSG:4326, simplified for the web. Geometry is simplified in British National Grid (metres) with
the tolerance the source YAML gives, as a coverage so neighbours keep shared edges, then
reprojected and rounded to 4 decimal places (about 10 m). Parent levels can be dissolved from a
finer level by code prefix (ITL2 = ITL3 code[:4], ITL1 = code[:3]).

``core.lad_combined_authority`` holds which districts make up each combined authority; the
authorities themselves are returned as ``frame.attrs["areas"]`` (geo_level CAUTH).

Rows in errors about a boundary file count its features in file order from 1.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio.errors
import pyproj
import shapely

from etl.config import REFERENCE_DIR
from etl.errors import SourceFormatError

BNG, WGS84 = "EPSG:27700", "EPSG:4326"
DECIMALS = 4
BOUNDARY_COLUMNS = ["geo_code", "geo_level", "derivation", "tolerance_m", "geojson"]
AREA_CODE = re.compile(r"[A-Z][A-Z0-9]+")  # GSS (E06000001), ITL (TLC11), NUTS (UKC1)
POLYGONS = {"Polygon", "MultiPolygon"}
NESTING = {"Polygon": 2, "MultiPolygon": 3}  # arrays around each GeoJSON position


def extract_table(path: Path, options: dict) -> tuple[str, pd.DataFrame]:
    table = options["table"]
    readers = {"core.boundary": boundaries, "core.lad_combined_authority": ca_lookup}
    if table not in readers:
        raise ValueError(f"{path.name}: no reader for table {table!r}")
    return table, readers[table](path, options)


def read_areas(path: Path, code_field: str) -> gpd.GeoDataFrame:
    """Areas keyed by ``code_field``, in British National Grid: one polygon per area code, every
    one inside the grid's area of use."""
    try:
        areas = gpd.read_file(path, on_invalid="ignore")  # a broken geometry is read as none
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as error:
        found = str(error).split(";")[0]
        raise SourceFormatError(path, "a readable boundary file", found=found) from error
    if code_field not in areas.columns:
        raise SourceFormatError(path, f"a '{code_field}' field", found=list(areas.columns))
    if areas.empty:
        raise SourceFormatError(path, "at least one feature", found="none")
    if areas.crs is None:
        raise SourceFormatError(path, "a declared coordinate reference system", found=None)
    codes, shapes = areas[code_field].to_numpy(), areas.geometry.to_numpy()
    for row, (code, shape) in enumerate(zip(codes, shapes, strict=True), start=1):
        if not (isinstance(code, str) and AREA_CODE.fullmatch(code)):
            found = None if pd.isna(code) else str(code)
            raise SourceFormatError(path, f"an area code in {code_field}", row=row, found=found)
        if shape is None or shape.is_empty or shape.geom_type not in POLYGONS:
            kind = "no geometry" if shape is None or shape.is_empty else shape.geom_type
            raise SourceFormatError(path, f"a polygon for {code}", row=row, found=kind)
    if path.suffix.lower() in (".geojson", ".json"):
        _check_geojson_positions(path, codes)
    repeated = np.flatnonzero(areas[code_field].duplicated().to_numpy())
    if len(repeated):
        row = int(repeated[0]) + 1
        raise SourceFormatError(
            path, f"one feature per {code_field}", row=row, found=codes[row - 1]
        )
    in_bng = areas.rename(columns={code_field: "geo_code"})[["geo_code", "geometry"]].to_crs(BNG)
    _check_within_grid(path, areas.geometry, in_bng.geometry, codes)
    return in_bng


def _check_geojson_positions(path: Path, codes) -> None:
    """Every feature of the file read, and every position of its polygons two or three numbers:
    GDAL skips what it cannot parse (a feature, or one polygon of a MultiPolygon) without a word."""
    try:
        features = json.loads(path.read_text(encoding="utf-8-sig"))["features"]
    except (ValueError, KeyError, TypeError) as error:
        raise SourceFormatError(path, "a GeoJSON FeatureCollection", found=str(error)) from error
    if not isinstance(features, list) or len(features) != len(codes):
        found = f"{len(codes)} read of {len(features) if isinstance(features, list) else 0}"
        raise SourceFormatError(path, "every feature readable", found=found)
    for row, (feature, code) in enumerate(zip(features, codes, strict=True), start=1):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        if not _positions(geometry and geometry.get("coordinates"), NESTING.get(kind, -1)):
            found = "coordinates that are not numbers"
            raise SourceFormatError(path, f"a polygon for {code}", row=row, found=found)


def _positions(coordinates: object, depth: int) -> bool:
    """Whether ``coordinates`` are arrays nested ``depth`` deep around positions of 2 or 3 numbers."""
    if depth < 0 or not isinstance(coordinates, list):
        return False
    if depth == 0:
        numbers = [c for c in coordinates if isinstance(c, int | float) and not isinstance(c, bool)]
        return len(numbers) == len(coordinates) in (2, 3)
    return all(_positions(c, depth - 1) for c in coordinates)


def _check_within_grid(path: Path, read: gpd.GeoSeries, bng: gpd.GeoSeries, codes) -> None:
    """Every point finite and inside British National Grid's area of use once reprojected (a
    file with the wrong or no declared CRS, or a stray coordinate, falls outside)."""
    west, south, east, north = _grid_extent()
    points, feature = shapely.get_coordinates(bng.values, return_index=True)
    x, y = points[:, 0], points[:, 1]
    with np.errstate(invalid="ignore"):
        inside = np.isfinite(points).all(axis=1) & (west <= x) & (x <= east)
        inside &= (south <= y) & (y <= north)
    if not inside.all():
        first = int(np.flatnonzero(~inside)[0])
        row = int(feature[first]) + 1
        x, y = shapely.get_coordinates(read.values)[first]
        expected = f"{codes[row - 1]} within the British National Grid's area of use"
        raise SourceFormatError(path, expected, row=row, found=f"{x}, {y} in {read.crs}")


@cache
def _grid_extent() -> tuple[float, float, float, float]:
    """The area of use of British National Grid, in its own metres."""
    lonlat = pyproj.CRS(BNG).area_of_use.bounds
    return pyproj.Transformer.from_crs(WGS84, BNG, always_xy=True).transform_bounds(*lonlat)


def boundaries(path: Path, options: dict) -> pd.DataFrame:
    """The areas of one file, plus any level dissolved from them or added from other files."""
    areas = read_areas(path, options["code_field"])
    levels = [(areas, options["geo_level"], Path(path).name)]
    for level, prefix in options.get("dissolve", {}).items():
        parents = areas.dissolve(by=areas["geo_code"].str[:prefix]).reset_index(names="key")
        parents = parents.drop(columns="geo_code").rename(columns={"key": "geo_code"})
        levels.append((parents, level, f"dissolved from {options['geo_level']} by code[:{prefix}]"))
    if "recoded" in options:
        made = recoded(path, areas, REFERENCE_DIR / options["recoded"])
        levels.append((made, options["geo_level"], "recoded"))
    if "members" in options:
        members = options["members"]
        made = dissolved_members(path.parent, members, exclude=set(areas["geo_code"]))
        levels.append((made, options["geo_level"], f"dissolved from {members['polygons']}"))
    tolerance = float(options["tolerance_m"])
    frames = [web_geojson(g, tolerance).assign(geo_level=lv, derivation=d) for g, lv, d in levels]
    return pd.concat(frames, ignore_index=True)[BOUNDARY_COLUMNS]


def recoded(path: Path, areas: gpd.GeoDataFrame, recode_csv: Path) -> gpd.GeoDataFrame:
    """New authorities made of whole old ones (data/reference/lad_recode_*.csv: old_code,
    new_code), each drawn as the union of the areas of ``path`` it replaced."""
    recode = pd.read_csv(recode_csv, dtype=str)
    mapping = recode.rename(columns={"old_code": "part", "new_code": "whole"})
    expected = f"a boundary for every district {recode_csv.name} replaces"
    return _unions(path, areas, mapping, expected)


def dissolved_members(folder: Path, members: dict, exclude: set[str]) -> gpd.GeoDataFrame:
    """Areas the boundary file lacks, built from the district polygons a lookup lists for them
    (``members``: lookup file and its code columns, polygons file and its code field)."""
    lookup = pd.read_csv(folder / members["lookup"], dtype=str, encoding="utf-8-sig")
    lookup = lookup.rename(
        columns={members["part_column"]: "part", members["whole_column"]: "whole"}
    )
    lookup = lookup[~lookup["whole"].isin(exclude)]
    polygons = folder / members["polygons"]
    parts = read_areas(polygons, members["polygons_code_field"])
    if "recoded" in members:  # lookups name districts by their current codes
        parts = pd.concat([parts, recoded(polygons, parts, REFERENCE_DIR / members["recoded"])])
    expected = f"a polygon for every district {members['lookup']} lists"
    return _unions(polygons, parts, lookup, expected)


def _unions(
    path: Path, parts: gpd.GeoDataFrame, mapping: pd.DataFrame, expected: str
) -> gpd.GeoDataFrame:
    """One area per ``whole`` of ``mapping`` (columns part, whole), drawn as the union of its
    parts' polygons; every part must have one."""
    missing = set(mapping["part"]) - set(parts["geo_code"])
    if missing:
        raise SourceFormatError(path, expected, found=f"none for {sorted(missing)}")
    joined = parts.merge(mapping[["part", "whole"]], left_on="geo_code", right_on="part")
    return (
        joined.dissolve(by="whole")
        .reset_index()[["whole", "geometry"]]
        .rename(columns={"whole": "geo_code"})
    )


def web_geojson(areas: gpd.GeoDataFrame, tolerance_m: float) -> pd.DataFrame:
    """Simplify in metres (as one coverage), reproject to lon/lat, round, serialise."""
    simple = shapely.coverage_simplify(areas.geometry.make_valid().values, tolerance_m)
    lonlat = gpd.GeoSeries(simple, crs=BNG).to_crs(WGS84)
    rounded = shapely.set_precision(lonlat.values, 10**-DECIMALS)
    text = [json.dumps(shapely.geometry.mapping(g), separators=(",", ":")) for g in rounded]
    return pd.DataFrame(
        {"geo_code": areas["geo_code"].to_numpy(), "tolerance_m": tolerance_m, "geojson": text}
    )


def ca_lookup(path: Path, options: dict) -> pd.DataFrame:
    """Districts in each combined authority; the authorities go to the geography as areas."""
    columns: dict[str, str] = options["columns"]  # our name -> the file's column
    lookup = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
    absent = [c for c in columns.values() if c not in lookup.columns]
    if absent:
        raise SourceFormatError(path, f"columns {list(columns.values())}", row=1, found=absent)
    frame = lookup[list(columns.values())].set_axis(list(columns), axis=1)
    if frame["lad_code"].duplicated().any():
        raise SourceFormatError(path, "each district in one combined authority", found="repeats")
    areas = frame[["ca_code", "ca_name"]].drop_duplicates("ca_code")
    frame.attrs["areas"] = areas.set_axis(["geo_code", "geo_name"], axis=1).assign(
        geo_level="CAUTH"
    )
    return frame.sort_values(["ca_code", "lad_code"]).reset_index(drop=True)
