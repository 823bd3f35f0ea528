"""Property-based tests on the readers of the Parquet, boundary and HexJSON files: a copy of a real
published file is damaged (junk, wrong-typed, NaN, infinite or huge values; missing or renamed
columns and properties; shuffled, dropped or repeated rows and features; wrong geometry; an empty,
truncated or byte-order-marked file) and the reader must give exactly what the undamaged file
gives (up to order, less any rows dropped) or a SourceFormatError naming the file, the row when
one is to blame, and what was expected. Never a partial load, never another exception."""

from __future__ import annotations

import copy
import json
import math
import random
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.catalogue import sources
from etl.config import REFERENCE_DIR, SHARED_MIRROR
from etl.errors import SourceFormatError
from etl.extract import boundaries, bres, hex_layouts
from tests.conftest import requires_mirror

pytestmark = requires_mirror
FUZZ = {"deadline": None, "derandomize": True, "suppress_health_check": [HealthCheck.too_slow]}
JUNK_TEXT = ["n/a!?", "", "x", "..", "£5", "1,234", "[c]"]
JUNK_NUMBERS = [math.nan, math.inf, -math.inf, 1e308, -1e308]


@dataclass
class Damage:
    """A damaged file's content, and what reading it must give: the undamaged output's rows in
    ``origin`` (None: a SourceFormatError) with ``changed`` values and without the areas in
    ``dropped``, or an error at ``row``."""

    content: object
    origin: list | None = None
    changed: dict = field(default_factory=dict)
    row: int | None = None
    dropped: set = field(default_factory=set)


def _outcome(path: Path, damage: Damage, read):
    """What ``read()`` gives, checked against what the damage allows."""
    try:
        result = read()
    except SourceFormatError as error:
        assert path.name in str(error) and "expected" in str(error), error
        assert damage.origin is None, f"refused a file it should read: {error}"
        if damage.row is not None:
            assert f", row {damage.row}:" in str(error), error
        return None
    assert damage.origin is not None, "read a damaged file it should refuse"
    return result


def _assert_same_rows(got: pd.DataFrame, expected: pd.DataFrame, key: list[str]) -> None:
    """Equal up to row order (compared as Arrow first: pandas compares object columns slowly)."""
    got, expected = (f.sort_values(key).reset_index(drop=True) for f in (got, expected))
    got.attrs, expected.attrs = {}, {}  # compared apart
    if not pa.Table.from_pandas(got).equals(pa.Table.from_pandas(expected)):
        pd.testing.assert_frame_equal(got, expected)


def _cut(raw: bytes, rng: random.Random) -> bytes:
    """The file cut short anywhere before its last non-blank byte."""
    return raw[: rng.randrange(len(raw.rstrip()))]


# --- BRES: long-format Parquet -------------------------------------------------------------------

BRES_MUTATIONS = [
    "junk_value", "junk_date", "value_as_text", "value_as_bool", "value_as_integers",
    "date_as_year", "date_as_timestamp", "code_as_number", "blank_key", "nan_value",
    "infinite_value", "huge_value", "drop_column", "rename_column", "drop_unused_column",
    "shuffle", "drop_rows", "other_status", "duplicate_row", "misnamed_area", "no_rows",
    "empty_file", "truncated",
]  # fmt: skip


@pytest.fixture(scope="module")
def bres_case(tmp_path_factory):
    release = sources()["bres_edd"].releases[-1]
    real = SHARED_MIRROR / release.files[0].path
    options = {**release.layout, "indicator": release.files[0].tables[0].indicator}
    base = bres.extract(real, dict(options))
    path = tmp_path_factory.mktemp("bres") / real.name
    return pq.read_table(real), real.read_bytes(), base, path, options


def _set(table: pa.Table, column: str, values: list, type_=None) -> pa.Table:
    return table.set_column(table.column_names.index(column), column, pa.array(values, type_))


def _damage_bres(
    table: pa.Table, raw: bytes, columns: dict, mutation: str, rng: random.Random
) -> Damage:
    rows = list(range(table.num_rows))
    i = rng.randrange(table.num_rows)
    values, dates = table[columns["value"]].to_pylist(), table[columns["date"]].to_pylist()
    if mutation in ("junk_value", "junk_date"):
        column, cells = (
            (columns["value"], values) if mutation == "junk_value" else (columns["date"], dates)
        )
        text = [str(v) for v in cells]
        text[i] = rng.choice(JUNK_TEXT)
        return Damage(_set(table, column, text), row=i + 1)
    if mutation == "value_as_text":
        return Damage(_set(table, columns["value"], [str(v) for v in values]))
    if mutation == "value_as_bool":
        return Damage(_set(table, columns["value"], [bool(v) for v in values]))
    if mutation == "value_as_integers":
        return Damage(_set(table, columns["value"], [int(v) for v in values], pa.int64()), rows)
    if mutation == "date_as_year":
        return Damage(_set(table, columns["date"], [d.year for d in dates]), row=1)
    if mutation == "date_as_timestamp":
        return Damage(
            _set(table, columns["date"], table[columns["date"]].cast(pa.timestamp("ms"))), rows
        )
    if mutation == "code_as_number":
        return Damage(_set(table, columns["geo_code"], rows))
    if mutation == "blank_key":
        role = rng.choice(["date", "geo_code", "industry_code"])
        cells = table[columns[role]].to_pylist()
        cells[i] = rng.choice([None, " "]) if role != "date" else None
        return Damage(
            _set(table, columns[role], cells, table.schema.field(columns[role]).type), row=i + 1
        )
    if mutation in ("nan_value", "huge_value"):
        values[i] = (
            rng.choice([math.nan, None])
            if mutation == "nan_value"
            else rng.choice([1e308, -1e308, 1e15])
        )
        return Damage(_set(table, columns["value"], values), rows, {i: values[i]})
    if mutation == "infinite_value":
        values[i] = rng.choice([math.inf, -math.inf])
        return Damage(_set(table, columns["value"], values), row=i + 1)
    if mutation in ("drop_column", "rename_column"):
        column = rng.choice(sorted(columns.values()))
        names = [c + " (2)" if c == column else c for c in table.column_names]
        return Damage(
            table.drop([column]) if mutation == "drop_column" else table.rename_columns(names)
        )
    if mutation == "drop_unused_column":
        return Damage(
            table.drop([rng.choice(sorted(set(table.column_names) - set(columns.values())))]), rows
        )
    if mutation == "shuffle":
        rng.shuffle(rows)
        return Damage(table.take(rows), rows)
    if mutation in ("drop_rows", "other_status"):
        gone = set(rng.sample(rows, rng.randrange(1, table.num_rows)))
        kept = [r for r in rows if r not in gone]
        if mutation == "drop_rows":
            return Damage(table.take(kept), kept)
        status = table[columns["filter"]].to_pylist()
        status = ["Employment" if r in gone else s for r, s in enumerate(status)]
        return Damage(_set(table, columns["filter"], status), kept)
    if mutation == "duplicate_row":
        at = rng.randrange(i + 1, table.num_rows + 1)
        return Damage(table.take(rows[:at] + [i] + rows[at:]), row=at + 1)
    if mutation == "misnamed_area":
        names, codes = (
            table[columns["geo_name"]].to_pylist(),
            table[columns["geo_code"]].to_pylist(),
        )
        i = rng.choice([r for r, code in enumerate(codes) if code == "UK"])
        names[i] = rng.choice(["United Kingdom", "", None])
        return Damage(_set(table, columns["geo_name"], names, pa.string()), row=i + 1)
    if mutation == "no_rows":
        return Damage(table.slice(0, 0))
    return Damage(b"" if mutation == "empty_file" else _cut(raw, rng))


@pytest.mark.parametrize("mutation", BRES_MUTATIONS)
@settings(max_examples=3, **FUZZ)
@given(seed=st.integers(0, 2**32 - 1))
def test_damaged_bres_parquet_reads_exactly_or_fails_clearly(bres_case, mutation, seed):
    table, raw, base, path, options = bres_case
    damage = _damage_bres(table, raw, options["columns"], mutation, random.Random(seed))
    if isinstance(damage.content, pa.Table):
        pq.write_table(damage.content, path)
    else:
        path.write_bytes(damage.content)
    frame = _outcome(path, damage, lambda: bres.extract(path, dict(options)))
    if frame is None:
        return
    expected = base.iloc[damage.origin].reset_index(drop=True)
    for i, value in damage.changed.items():
        at = damage.origin.index(i)
        expected.loc[at, "value"] = value
        if value is None or math.isnan(value):
            expected.loc[at, "status"] = "na"
    _assert_same_rows(frame, expected, ["geo_code", "industry_code", "period"])
    pd.testing.assert_frame_equal(frame.attrs["areas"], base.attrs["areas"])


# --- Boundaries: a GeoJSON export and a shapefile -----------------------------------------------

GEOJSON_MUTATIONS = [
    "junk_code", "junk_property", "drop_code_field", "rename_code_field", "shuffle",
    "drop_features", "duplicate_feature", "wrong_geometry", "string_coordinates",
    "junk_coordinate", "no_crs", "wrong_crs", "no_features", "empty_file", "truncated",
    "byte_order_mark",
]  # fmt: skip
SHAPEFILE_MUTATIONS = [
    "junk_code", "junk_property", "rename_code_field", "shuffle", "drop_features",
    "duplicate_code", "null_geometry", "wrong_geometry_type", "far_coordinates", "no_prj",
    "wrong_prj", "missing_part", "truncated_part", "empty_shp",
]  # fmt: skip
WRONG_GEOMETRIES = [
    None,
    {"type": "Point", "coordinates": [450000.0, 530000.0]},
    {"type": "LineString", "coordinates": [[450000.0, 530000.0], [451000.0, 531000.0]]},
    {"type": "GeometryCollection", "geometries": []},
    {"type": "Polygon", "coordinates": [[[450000.0, 530000.0]]]},
    {"type": "Blob", "coordinates": []},
]


def _boundary_case(source_id: str, tmp: Path) -> dict:
    release = sources()[source_id].releases[-1]
    options = release.layout["reads"][0]
    real = (SHARED_MIRROR / release.files[0].path).parent / options["file"]
    _, base = boundaries.extract_table(real, options)
    return {"real": real, "path": tmp / real.name, "options": options, "base": base}


@pytest.fixture(scope="module")
def lad_case(tmp_path_factory):
    case = _boundary_case("boundaries_lad", tmp_path_factory.mktemp("lad"))
    case["doc"] = json.loads(case["real"].read_text(encoding="utf-8"))
    recode = pd.read_csv(REFERENCE_DIR / case["options"]["recoded"], dtype=str)
    case["replaced"] = set(recode["old_code"])
    return case


@pytest.fixture(scope="module")
def itl3_case(tmp_path_factory):
    case = _boundary_case("boundaries_itl3", tmp_path_factory.mktemp("itl3"))
    case["areas"] = gpd.read_file(case["real"])
    return case


def _shapes(frame: pd.DataFrame) -> gpd.GeoSeries:
    geoms = [shapely.geometry.shape(json.loads(text)) for text in frame["geojson"]]
    return gpd.GeoSeries(geoms, crs=boundaries.WGS84).to_crs(boundaries.BNG)


def _assert_same_areas(got: pd.DataFrame, base: pd.DataFrame, dropped: set[str]) -> None:
    """The areas of ``base`` less ``dropped`` and any area dissolved from one of them, which must
    still be there while one of its parts is; each the same polygon up to a re-simplification
    (coverage simplification depends on feature order and neighbours): bounds within twice the
    tolerance, area within 2%."""
    key = ["geo_level", "geo_code"]
    got = got.sort_values(key).reset_index(drop=True)
    kept = base[~base["geo_code"].isin(dropped)].sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(got.drop(columns="geojson"), kept.drop(columns="geojson"))
    dissolved = kept["derivation"].str.startswith("dissolved")
    changed = dissolved & kept["geo_code"].map(lambda c: any(d.startswith(c) for d in dropped))
    ours, theirs = _shapes(got[~changed]), _shapes(kept[~changed])
    shift = (ours.bounds - theirs.bounds).abs().max(axis=1).to_numpy()
    assert (shift <= 2 * kept["tolerance_m"].to_numpy()[~changed]).all(), shift.max()
    assert ((ours.area - theirs.area).abs() / theirs.area).max() < 0.02


def _ring(geometry: dict) -> list:
    """The first ring of a Polygon or MultiPolygon."""
    rings = geometry["coordinates"]
    return rings[0] if geometry["type"] == "Polygon" else rings[0][0]


def _damage_geojson(case: dict, mutation: str, rng: random.Random) -> Damage:
    doc, code_field = copy.deepcopy(case["doc"]), case["options"]["code_field"]
    features = doc["features"]
    rows = list(range(len(features)))
    i = rng.randrange(len(features))
    feature = features[i]
    if mutation == "junk_code":
        if rng.random() < 0.2:
            del feature["properties"][code_field]
        else:
            feature["properties"][code_field] = rng.choice([*JUNK_TEXT, None, 123, "e06000001"])
        return Damage(doc, row=i + 1)
    if mutation == "junk_property":
        name = rng.choice(sorted(set(feature["properties"]) - {code_field}))
        feature["properties"][name] = rng.choice([*JUNK_TEXT, None, *JUNK_NUMBERS[3:], [1, "x"]])
        return Damage(doc, rows)
    if mutation in ("drop_code_field", "rename_code_field"):
        for f in features:
            value = f["properties"].pop(code_field)
            if mutation == "rename_code_field":
                f["properties"][code_field.lower()] = value
        return Damage(doc)
    if mutation == "shuffle":
        rng.shuffle(features)
        return Damage(doc, rows)
    if mutation == "drop_features":
        codes = [f["properties"][code_field] for f in features]
        gone = set(rng.sample(codes, rng.randint(1, 5)))
        if rng.random() < 0.5:
            gone.add(rng.choice(sorted(case["replaced"])))  # a district a 2023 unitary replaced
        doc["features"] = [f for f in features if f["properties"][code_field] not in gone]
        return Damage(doc, None if gone & case["replaced"] else rows, dropped=gone)
    if mutation == "duplicate_feature":
        at = rng.randrange(i + 1, len(features) + 1)
        features.insert(at, copy.deepcopy(feature))
        return Damage(doc, row=at + 1)
    if mutation == "wrong_geometry":
        feature["geometry"] = copy.deepcopy(rng.choice(WRONG_GEOMETRIES))
        return Damage(doc, row=i + 1)
    if mutation == "string_coordinates":
        ring = _ring(feature["geometry"])
        ring[:] = [[str(x), str(y)] for x, y in ring]
        return Damage(doc, row=i + 1)
    if mutation == "junk_coordinate":
        ring = _ring(feature["geometry"])
        ring[rng.randrange(1, len(ring) - 1)][rng.randrange(2)] = rng.choice([*JUNK_NUMBERS, 1e9])
        return Damage(doc, row=i + 1)
    if mutation in ("no_crs", "wrong_crs"):
        if mutation == "no_crs":
            del doc["crs"]
        else:
            doc["crs"]["properties"]["name"] = rng.choice(["EPSG:4326", "EPSG:3857"])
        return Damage(doc, row=1)
    if mutation == "no_features":
        doc["features"] = []
        return Damage(doc)
    raw = case["real"].read_bytes()
    if mutation == "byte_order_mark":
        return Damage(b"\xef\xbb\xbf" + raw, rows)
    return Damage(b"" if mutation == "empty_file" else _cut(raw, rng))


@pytest.mark.parametrize("mutation", GEOJSON_MUTATIONS)
@pytest.mark.filterwarnings(
    "ignore:Several features with id",
    "ignore:Could not parse column",
    "ignore:Unsupported geometry",
)
@settings(max_examples=3, **FUZZ)
@given(seed=st.integers(0, 2**32 - 1))
def test_damaged_district_geojson_reads_exactly_or_fails_clearly(lad_case, mutation, seed):
    path, options = lad_case["path"], lad_case["options"]
    damage = _damage_geojson(lad_case, mutation, random.Random(seed))
    if isinstance(damage.content, bytes):
        path.write_bytes(damage.content)
    else:
        path.write_text(json.dumps(damage.content), encoding="utf-8")
    result = _outcome(path, damage, lambda: boundaries.extract_table(path, dict(options)))
    if result is not None:
        _assert_same_areas(result[1], lad_case["base"], damage.dropped)


def _damage_shapefile(case: dict, mutation: str, rng: random.Random) -> Damage:
    """A damaged copy: a GeoDataFrame to write as the shapefile, or the real parts, some changed
    (``content`` maps a part's suffix to its bytes, or to None to delete it)."""
    areas, code_field = case["areas"].copy(), case["options"]["code_field"]
    rows = list(range(len(areas)))
    i = rng.randrange(len(areas) - 1)
    j = rng.randrange(i + 1, len(areas))  # a feature after i
    if mutation == "junk_code":
        areas[code_field] = areas[code_field].astype(object)
        areas.loc[i, code_field] = rng.choice([*JUNK_TEXT, None, "123", "tlc11"])
        return Damage(areas, row=i + 1)
    if mutation == "junk_property":
        name = rng.choice(sorted(set(areas.columns) - {code_field, "geometry"}))
        areas[name] = areas[name].astype(object)
        areas.loc[i, name] = rng.choice([*JUNK_TEXT, None])
        return Damage(areas, rows)
    if mutation == "rename_code_field":
        return Damage(areas.rename(columns={code_field: code_field[:-2] + "NM2"}))
    if mutation == "shuffle":
        return Damage(areas.sample(frac=1, random_state=rng.randrange(2**32)), rows)
    if mutation == "drop_features":
        gone = set(areas[code_field].sample(rng.randint(1, 8), random_state=rng.randrange(2**32)))
        return Damage(areas[~areas[code_field].isin(gone)], rows, dropped=gone)
    if mutation == "duplicate_code":
        areas.loc[j, code_field] = areas.loc[i, code_field]
        return Damage(areas, row=j + 1)
    if mutation == "null_geometry":
        areas.loc[i, "geometry"] = None
        return Damage(areas, row=i + 1)
    if mutation == "wrong_geometry_type":
        geometry = rng.choice([areas.representative_point(), areas.boundary])
        return Damage(areas.set_geometry(geometry), row=1)
    if mutation == "far_coordinates":
        offset = rng.choice([1e7, -1e7, 1e9, 1e15])
        areas.loc[i, "geometry"] = shapely.affinity.translate(areas.geometry[i], offset, offset)
        return Damage(areas, row=i + 1)
    if mutation == "wrong_prj":
        return Damage(
            areas.set_crs(rng.choice(["EPSG:4326", "EPSG:3857"]), allow_override=True), row=1
        )
    if mutation == "no_prj":
        return Damage({".prj": None})
    if mutation == "missing_part":
        return Damage({rng.choice([".shx", ".dbf"]): None})
    if mutation == "empty_shp":
        return Damage({".shp": b""})
    suffix = rng.choice([".shp", ".shx", ".dbf"])
    raw = case["real"].with_suffix(suffix).read_bytes()
    end = len(raw) - 1 if suffix == ".dbf" else len(raw)  # a .dbf may lack its end-of-file byte
    return Damage({suffix: raw[: rng.randrange(end)]})


@pytest.mark.parametrize("mutation", SHAPEFILE_MUTATIONS)
@settings(max_examples=2, **FUZZ)
@given(seed=st.integers(0, 2**32 - 1))
def test_damaged_itl3_shapefile_reads_exactly_or_fails_clearly(itl3_case, mutation, seed):
    path, options, real = itl3_case["path"], itl3_case["options"], itl3_case["real"]
    damage = _damage_shapefile(itl3_case, mutation, random.Random(seed))
    for part in path.parent.iterdir():
        part.unlink()
    if isinstance(damage.content, gpd.GeoDataFrame):
        damage.content.to_file(path)
    else:
        for part in real.parent.glob(real.stem + ".*"):
            raw = damage.content.get(part.suffix, part.read_bytes())
            if raw is not None:
                path.with_suffix(part.suffix).write_bytes(raw)
    result = _outcome(path, damage, lambda: boundaries.extract_table(path, dict(options)))
    if result is not None:
        _assert_same_areas(result[1], itl3_case["base"], damage.dropped)


# --- Hex layouts: HexJSON ------------------------------------------------------------------------

HEX_MUTATIONS = [
    "junk_coordinate", "junk_name", "missing_key", "hex_not_object", "junk_code", "repeated_code",
    "repeated_position", "shuffle", "drop_hexes", "junk_extra_property", "junk_layout",
    "hexes_not_object", "not_an_object", "empty_file", "truncated", "byte_order_mark",
]  # fmt: skip
JUNK_COORDINATES = ["5", "abc", 4.5, 4.0, math.nan, math.inf, 1e308, 10**40, True, None, [1]]


def _hex_reads():
    release = sources()["hex_layouts"].releases[-1]
    folder = (SHARED_MIRROR / release.files[0].path).parent
    return [pytest.param(folder / o["file"], o, id=o["layout"]) for o in release.layout["reads"]]


def _hexjson(spec, hexes: list[tuple[str, object]] | None) -> str:
    """HexJSON text from the top-level object and the hexes as (code, hex) pairs, which may
    repeat a code as a hand-edited file can."""
    if hexes is None:
        return json.dumps(spec)
    pairs = ",".join(f"{json.dumps(code)}: {json.dumps(h)}" for code, h in hexes)
    return json.dumps({**spec, "hexes": None}).replace('"hexes": null', f'"hexes": {{{pairs}}}')


def _damage_hexjson(real: Path, mutation: str, rng: random.Random) -> Damage:
    spec = json.loads(real.read_text(encoding="utf-8"))
    hexes = [(code, dict(h)) for code, h in spec["hexes"].items()]
    rows = list(range(len(hexes)))
    i = rng.randrange(len(hexes) - 1)
    j = rng.randrange(i + 1, len(hexes))  # a hex after i
    code, h = hexes[i]
    if mutation == "junk_coordinate":
        h[rng.choice("qr")] = rng.choice(JUNK_COORDINATES)
        return Damage(_hexjson(spec, hexes), row=i + 1)
    if mutation == "junk_name":
        h["n"] = rng.choice([None, 5, "", " ", ["x"]])
        return Damage(_hexjson(spec, hexes), row=i + 1)
    if mutation == "missing_key":
        del h[rng.choice("nqr")]
        return Damage(_hexjson(spec, hexes), row=i + 1)
    if mutation == "hex_not_object":
        hexes[i] = (code, rng.choice(["x", 5, None, [1, 2]]))
        return Damage(_hexjson(spec, hexes), row=i + 1)
    if mutation == "junk_code":
        hexes[i] = (rng.choice(["", "n/a!?", code.lower(), f" {code}"]), h)
        return Damage(_hexjson(spec, hexes), row=i + 1)
    if mutation == "repeated_code":
        hexes.insert(rng.randrange(i + 1, len(hexes) + 1), (code, dict(h, q=h["q"] + 1000)))
        return Damage(_hexjson(spec, hexes))
    if mutation == "repeated_position":
        hexes[j][1].update(q=h["q"], r=h["r"])
        return Damage(_hexjson(spec, hexes), row=j + 1)
    if mutation == "shuffle":
        order = rows.copy()
        rng.shuffle(order)
        return Damage(_hexjson(spec, [hexes[k] for k in order]), rows)
    if mutation == "drop_hexes":
        kept = sorted(rng.sample(rows, rng.randrange(1, len(rows) + 1)))
        return Damage(_hexjson(spec, [hexes[k] for k in kept]), kept)
    if mutation == "junk_extra_property":
        h[rng.choice(["colour", "region", "n2"])] = rng.choice([*JUNK_TEXT, None, 5, {"a": 1}])
        return Damage(_hexjson(spec, hexes), rows)
    if mutation == "junk_layout":
        spec["layout"] = rng.choice(["odd-q", "", None, 5])
        if rng.random() < 0.3:
            del spec["layout"]
        return Damage(_hexjson(spec, hexes))
    if mutation == "hexes_not_object":
        spec["hexes"] = rng.choice([[dict(v, key=k) for k, v in hexes], None, "hexes"])
        return Damage(_hexjson(spec, None))
    if mutation == "not_an_object":
        return Damage(json.dumps([spec]))
    raw = real.read_bytes()
    if mutation == "byte_order_mark":
        return Damage(b"\xef\xbb\xbf" + raw, rows)
    if mutation == "empty_file":
        return Damage(b"")
    return Damage(_cut(raw, rng))


@pytest.mark.parametrize("mutation", HEX_MUTATIONS)
@pytest.mark.parametrize(("real", "options"), _hex_reads())
@settings(max_examples=5, **FUZZ)
@given(seed=st.integers(0, 2**32 - 1))
def test_damaged_hexjson_reads_exactly_or_fails_clearly(
    tmp_path_factory, real, options, mutation, seed
):
    if not real.exists():
        pytest.skip(f"{real} is not in the mirror")
    _, base = hex_layouts.extract_table(real, options)
    damage = _damage_hexjson(real, mutation, random.Random(seed))
    path = tmp_path_factory.getbasetemp() / "hexjson" / real.name
    path.parent.mkdir(exist_ok=True)
    if isinstance(damage.content, bytes):
        path.write_bytes(damage.content)
    else:
        path.write_text(damage.content, encoding="utf-8")
    result = _outcome(path, damage, lambda: hex_layouts.extract_table(path, dict(options)))
    if result is None:
        return
    extra = list(range(len(base) - len(options.get("extra_hexes", {})), len(base)))
    assert result[0] == "core.hex_layout"
    _assert_same_rows(result[1], base.iloc[damage.origin + extra], ["geo_code"])
