"""ONS boundary files and area lookups -> side tables, not observations.

``core.boundary`` holds one row per area: its code, level and geometry as GeoJSON text in
EPSG:4326, simplified for the web. Geometry is simplified in British National Grid (metres) with
the tolerance the source YAML gives, as a coverage so neighbours keep shared edges, then
reprojected and rounded to 4 decimal places (about 10 m). Parent levels can be dissolved from a
finer level by code prefix (ITL2 = ITL3 code[:4], ITL1 = code[:3]).

``core.lad_combined_authority`` holds which districts make up each combined authority; the
authorities themselves are returned as ``frame.attrs["areas"]`` (geo_level CAUTH).
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from etl.config import REFERENCE_DIR
from etl.errors import SourceFormatError

BNG, WGS84 = "EPSG:27700", "EPSG:4326"
DECIMALS = 4
BOUNDARY_COLUMNS = ["geo_code", "geo_level", "derivation", "tolerance_m", "geojson"]


def extract_table(path: Path, options: dict) -> tuple[str, pd.DataFrame]:
    table = options["table"]
    readers = {"core.boundary": boundaries, "core.lad_combined_authority": ca_lookup}
    if table not in readers:
        raise ValueError(f"{path.name}: no reader for table {table!r}")
    return table, readers[table](path, options)


def read_areas(path: Path, code_field: str) -> gpd.GeoDataFrame:
    """Areas keyed by ``code_field``, in British National Grid."""
    areas = gpd.read_file(path)
    if code_field not in areas.columns:
        raise SourceFormatError(path, f"a '{code_field}' field", found=list(areas.columns))
    if areas.crs is None:
        raise SourceFormatError(path, "a declared coordinate reference system", found=None)
    if areas[code_field].duplicated().any():
        raise SourceFormatError(path, f"one feature per {code_field}", found="duplicates")
    return areas.rename(columns={code_field: "geo_code"})[["geo_code", "geometry"]].to_crs(BNG)


def boundaries(path: Path, options: dict) -> pd.DataFrame:
    """The areas of one file, plus any level dissolved from them or added from other files."""
    areas = read_areas(path, options["code_field"])
    levels = [(areas, options["geo_level"], Path(path).name)]
    for level, prefix in options.get("dissolve", {}).items():
        parents = areas.dissolve(by=areas["geo_code"].str[:prefix]).reset_index(names="key")
        parents = parents.drop(columns="geo_code").rename(columns={"key": "geo_code"})
        levels.append((parents, level, f"dissolved from {options['geo_level']} by code[:{prefix}]"))
    if "recoded" in options:
        levels.append(
            (recoded(areas, REFERENCE_DIR / options["recoded"]), options["geo_level"], "recoded")
        )
    if "members" in options:
        members = options["members"]
        made = dissolved_members(path.parent, members, exclude=set(areas["geo_code"]))
        levels.append((made, options["geo_level"], f"dissolved from {members['polygons']}"))
    tolerance = float(options["tolerance_m"])
    frames = [web_geojson(g, tolerance).assign(geo_level=lv, derivation=d) for g, lv, d in levels]
    return pd.concat(frames, ignore_index=True)[BOUNDARY_COLUMNS]


def recoded(areas: gpd.GeoDataFrame, recode_csv: Path) -> gpd.GeoDataFrame:
    """New authorities made of whole old ones (data/reference/lad_recode_*.csv: old_code,
    new_code), each drawn as the union of the areas it replaced."""
    recode = pd.read_csv(recode_csv, dtype=str)
    missing = set(recode["old_code"]) - set(areas["geo_code"])
    if missing:
        raise ValueError(f"{recode_csv.name}: no boundary for {sorted(missing)}")
    old = areas.merge(recode[["old_code", "new_code"]], left_on="geo_code", right_on="old_code")
    return (
        old.dissolve(by="new_code")
        .reset_index()[["new_code", "geometry"]]
        .rename(columns={"new_code": "geo_code"})
    )


def dissolved_members(folder: Path, members: dict, exclude: set[str]) -> gpd.GeoDataFrame:
    """Areas the boundary file lacks, built from the district polygons a lookup lists for them
    (``members``: lookup file and its code columns, polygons file and its code field)."""
    lookup = pd.read_csv(folder / members["lookup"], dtype=str, encoding="utf-8-sig")
    lookup = lookup.rename(
        columns={members["part_column"]: "part", members["whole_column"]: "whole"}
    )
    lookup = lookup[~lookup["whole"].isin(exclude)]
    parts = read_areas(folder / members["polygons"], members["polygons_code_field"])
    if "recoded" in members:  # lookups name districts by their current codes
        parts = pd.concat([parts, recoded(parts, REFERENCE_DIR / members["recoded"])])
    missing = set(lookup["part"]) - set(parts["geo_code"])
    if missing:
        raise ValueError(f"{members['lookup']}: no polygon for members {sorted(missing)}")
    joined = parts.merge(lookup[["part", "whole"]], left_on="geo_code", right_on="part")
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
