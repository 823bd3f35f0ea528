"""Boundaries, combined authorities and hex layouts, extracted from the real files as a build does."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from etl.catalogue import sources
from etl.config import REFERENCE_DIR
from etl.errors import SourceFormatError
from etl.extract import boundaries, hex_layouts
from etl.fetch import cached_path, fetch_file
from etl.lad_recode import RECODE_CSV, lad_recode
from tests.conftest import SHARED_MIRROR, mirror_file, requires_mirror

pytestmark = requires_mirror
UK_LON, UK_LAT = (-8.8, 1.9), (49.8, 60.9)
MAX_LEVEL_BYTES = 1_000_000


@pytest.fixture(scope="module")
def side(tmp_path_factory) -> dict[str, pd.DataFrame]:
    """Every side table of the map sources, read exactly as etl.build reads them."""
    root = tmp_path_factory.mktemp("maps_raw")
    tables: dict[str, list[pd.DataFrame]] = {}
    for source_id in ("boundaries_itl3", "boundaries_lad", "combined_authorities", "hex_layouts"):
        source = sources()[source_id]
        release = source.releases[-1]
        for file in release.files:
            fetch_file(source, release, file, root, SHARED_MIRROR)
        folder = cached_path(root, release, release.files[0]).parent
        extractor = importlib.import_module(f"etl.extract.{source.extractor}")
        for options in release.layout["reads"]:
            name, frame = extractor.extract_table(folder / options["file"], options)
            if "areas" in frame.attrs:
                tables.setdefault("areas", []).append(frame.attrs["areas"])
            tables.setdefault(name, []).append(frame)
    return {name: pd.concat(frames, ignore_index=True) for name, frames in tables.items()}


def _shapes(frame: pd.DataFrame) -> gpd.GeoSeries:
    geoms = [shapely.geometry.shape(json.loads(text)) for text in frame["geojson"]]
    return gpd.GeoSeries(geoms, index=frame["geo_code"].to_numpy(), crs="EPSG:4326")


def _level(side: dict, level: str) -> pd.DataFrame:
    boundary = side["core.boundary"]
    return boundary[boundary["geo_level"] == level]


def test_every_level_has_one_boundary_per_area(side):
    boundary = side["core.boundary"]
    assert not boundary.duplicated(["geo_level", "geo_code"]).any()
    counts = boundary.groupby("geo_level").size().to_dict()
    assert {k: counts[k] for k in ("ITL1", "ITL2", "ITL3")} == {"ITL1": 12, "ITL2": 41, "ITL3": 179}
    lads = _level(side, "LAD")
    assert (lads["derivation"] == "lad22_buc.geojson").sum() == 374
    assert set(lads.loc[lads["derivation"] == "recoded", "geo_code"]) == {
        "E06000063",
        "E06000064",
        "E06000065",
        "E06000066",
    }
    itl = pd.read_csv(REFERENCE_DIR / "itl_areas.csv", dtype=str)
    assert set(_level(side, "ITL2")["geo_code"]) == set(
        itl.loc[itl.geo_level == "ITL2", "itl_code"]
    )
    lookup = pd.read_csv(REFERENCE_DIR / "lad_itl3_lookup.csv", dtype=str)
    assert set(lads["geo_code"]) >= set(lookup["lad_code"])


def test_boundaries_lie_within_the_uk_in_lon_lat(side):
    bounds = _shapes(side["core.boundary"]).bounds
    assert bounds["minx"].min() > UK_LON[0] and bounds["maxx"].max() < UK_LON[1]
    assert bounds["miny"].min() > UK_LAT[0] and bounds["maxy"].max() < UK_LAT[1]
    shetland = _shapes(_level(side, "ITL3").query("geo_code == 'TLM66'")).iloc[0]
    assert shetland.bounds[3] > 60.5  # Shetland reaches beyond 60.5°N: not swapped or in metres


def test_each_region_contains_its_districts(side):
    """The simplified ITL1 polygons still hold every district's representative point."""
    regions = _shapes(_level(side, "ITL1"))
    lads = gpd.read_file(mirror_file("boundaries/lad22_buc.geojson")).set_index("LAD22CD")
    points = lads.representative_point().to_crs("EPSG:4326")
    lookup = pd.read_csv(REFERENCE_DIR / "lad_itl3_lookup.csv", dtype=str).set_index("lad_code")
    outside = [
        code
        for code, point in points.items()
        if not regions[lookup.loc[code, "itl3_code"][:3]].contains(point)
    ]
    assert outside == []


def test_dissolved_english_regions_match_the_ons_region_boundaries(side):
    regions = _shapes(_level(side, "ITL1")).to_crs("EPSG:27700")
    ons = gpd.read_file(mirror_file("boundaries/rgn22_buc.geojson")).set_index("RGN22CD")
    crosswalk = pd.read_csv(REFERENCE_DIR / "itl1_gss_crosswalk.csv", dtype=str).set_index(
        "gss_code"
    )
    for gss, shape in ons.geometry.items():
        ours = regions[crosswalk.loc[gss, "itl_code"]]
        overlap = ours.intersection(shape).area / ours.union(shape).area
        assert overlap > 0.97, gss


def test_web_payload_per_level_is_small(side):
    sizes = side["core.boundary"].groupby("geo_level")["geojson"].agg(lambda s: s.str.len().sum())
    assert (sizes < MAX_LEVEL_BYTES).all(), sizes.to_dict()
    assert (side["core.boundary"]["tolerance_m"] == 500).all()


def test_combined_authorities_lookup_and_boundaries(side):
    lookup = side["core.lad_combined_authority"]
    assert len(lookup) == 106 and lookup["ca_code"].nunique() == 15
    assert lookup.set_index("lad_code").loc["E08000001", "ca_name"] == "Greater Manchester"
    areas = side["areas"]
    assert len(areas) == 15 and (areas["geo_level"] == "CAUTH").all()
    cas = _level(side, "CAUTH")
    assert set(cas["geo_code"]) == set(lookup["ca_code"])
    made = set(cas.loc[cas["derivation"].str.startswith("dissolved"), "geo_code"])
    assert made == {"E47000015", "E47000016", "E47000017", "E47000018"}


def test_hex_layouts_are_keyed_by_codes_in_the_geography(side):
    hexes = side["core.hex_layout"]
    layouts = {name: set(h["geo_code"]) for name, h in hexes.groupby("layout")}
    lads = set(pd.read_csv(REFERENCE_DIR / "lad_itl3_lookup.csv", dtype=str)["lad_code"])
    recode = pd.read_csv(RECODE_CSV, dtype=str)
    assert layouts["lad_2021"] == lads
    recoded = (lads - set(recode["old_code"])) | set(recode["new_code"])
    assert layouts["lad_2023"] == recoded and len(recoded) == 361
    itl = pd.read_csv(REFERENCE_DIR / "itl_areas.csv", dtype=str)
    assert layouts["itl2"] == set(itl.loc[itl.geo_level == "ITL2", "itl_code"])
    crosswalk = pd.read_csv(REFERENCE_DIR / "itl1_gss_crosswalk.csv", dtype=str)
    assert layouts["itl1"] == set(crosswalk.loc[crosswalk.geo_level == "ITL1", "itl_code"])
    assert not hexes.duplicated(["layout", "q", "r"]).any()


def test_the_committed_recode_table_is_what_the_layouts_give():
    committed = pd.read_csv(RECODE_CSV, dtype=str)
    pd.testing.assert_frame_equal(lad_recode(SHARED_MIRROR), committed)
    assert committed.groupby("new_name").size().to_dict() == {
        "Cumberland": 3,
        "North Yorkshire": 7,
        "Somerset": 4,
        "Westmorland and Furness": 3,
    }


def test_a_boundary_file_without_the_code_field_is_refused(tmp_path):
    path = mirror_file("boundaries/rgn22_buc.geojson")
    with pytest.raises(SourceFormatError, match="rgn22_buc.geojson: expected a 'LAD22CD' field"):
        boundaries.extract_table(
            Path(path),
            {
                "table": "core.boundary",
                "code_field": "LAD22CD",
                "geo_level": "LAD",
                "tolerance_m": 500,
            },
        )


def test_a_multipolygon_part_with_text_coordinates_is_refused_not_dropped(tmp_path):
    """GDAL reads such a MultiPolygon less the part it cannot parse, and says nothing."""
    doc = json.loads(mirror_file("boundaries/lad22_buc.geojson").read_text(encoding="utf-8"))
    feature = doc["features"][338]
    assert feature["properties"]["LAD22CD"] == "S12000033"
    ring = feature["geometry"]["coordinates"][0][0]
    ring[:] = [[str(x), str(y)] for x, y in ring]
    path = tmp_path / "lad22_buc.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    options = sources()["boundaries_lad"].releases[-1].layout["reads"][0]
    with pytest.raises(
        SourceFormatError, match="lad22_buc.geojson, row 339: expected a polygon for S12000033"
    ):
        boundaries.extract_table(path, options)


def test_a_hex_layout_with_a_repeated_code_is_refused_and_a_byte_order_mark_read(tmp_path):
    real = mirror_file("hexmaps/uk-nuts2.hexjson")
    options = {"layout": "itl2", "geo_level": "ITL2", "code_prefix": {"UK": "TL"}}
    _, frame = hex_layouts.extract_table(real, options)
    path = tmp_path / real.name
    path.write_bytes(b"\xef\xbb\xbf" + real.read_bytes())
    pd.testing.assert_frame_equal(hex_layouts.extract_table(path, options)[1], frame)
    text = real.read_text(encoding="utf-8")
    first = text.index('"UKC1"')
    path.write_text(text[:first] + '"UKC2":{"n":"Copy","q":0,"r":0},' + text[first:])
    with pytest.raises(
        SourceFormatError, match="expected each key once in a JSON object, found 'UKC2'"
    ):
        hex_layouts.extract_table(path, options)
