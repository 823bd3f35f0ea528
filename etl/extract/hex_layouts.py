"""HexJSON hex-cartogram layouts -> core.hex_layout: one row per hex (layout, geo_level, geo_code,
geo_name, q, r, offset). ``offset`` is the HexJSON layout ('odd-r': pointy-top hexes, odd rows
shifted right; 'even-r': even rows shifted). Codes can be recoded by prefix (NUTS ``UK`` -> ITL
``TL``) and hexes a layout lacks added from the source YAML (``extra_hexes``).

Rows in errors count hexes in file order from 1."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from etl.errors import SourceFormatError

OFFSETS = {"odd-r", "even-r"}
COLUMNS = ["layout", "geo_level", "geo_code", "geo_name", "q", "r", "offset"]
AREA_CODE = re.compile(r"[A-Z][A-Z0-9]+")  # GSS (E06000001), ITL (TLC11), NUTS (UKC1)
MAX_COORDINATE = 10_000  # a hex grid of a few hundred areas spans tens of hexes; more is junk


def extract_table(path: Path, options: dict) -> tuple[str, pd.DataFrame]:
    spec = _read(path)
    offset = spec.get("layout") if isinstance(spec, dict) else None
    if offset not in OFFSETS or not isinstance(spec.get("hexes"), dict):
        raise SourceFormatError(
            path, f"a HexJSON object with layout in {sorted(OFFSETS)} and hexes"
        )
    hexes = {**spec["hexes"], **options.get("extra_hexes", {})}
    rows = []
    for row, (code, h) in enumerate(hexes.items(), start=1):
        if not AREA_CODE.fullmatch(code):
            raise SourceFormatError(path, "an area code for every hex", row=row, found=code)
        if not (isinstance(h, dict) and {"n", "q", "r"} <= set(h)):
            raise SourceFormatError(path, "n, q and r for every hex", row=row, found={code: h})
        if not (isinstance(h["n"], str) and h["n"].strip()):
            raise SourceFormatError(path, f"a name n for {code}", row=row, found=h["n"])
        for axis in ("q", "r"):
            if not _coordinate(h[axis]):
                raise SourceFormatError(
                    path, f"a whole number {axis} for {code}", row=row, found=h[axis]
                )
        rows.append((_recode(code, options.get("code_prefix", {})), h["n"], h["q"], h["r"]))
    frame = pd.DataFrame(rows, columns=["geo_code", "geo_name", "q", "r"])
    repeated = frame.duplicated(["q", "r"]) | frame["geo_code"].duplicated()
    if repeated.any():
        row = int(repeated.to_numpy().argmax())
        found = frame.iloc[row][["geo_code", "q", "r"]].tolist()
        raise SourceFormatError(
            path, "one hex per area and one area per hex", row=row + 1, found=found
        )
    frame = frame.assign(layout=options["layout"], geo_level=options["geo_level"], offset=offset)
    return "core.hex_layout", frame[COLUMNS]


def _read(path: Path) -> object:
    """The file's JSON (a byte-order mark allowed); a key repeated within an object is an error,
    not silently the last one."""

    def unique_keys(pairs: list[tuple[str, object]]) -> dict:
        found = dict(pairs)
        if len(found) < len(pairs):
            repeated = next(key for i, (key, _) in enumerate(pairs) if key in dict(pairs[:i]))
            raise SourceFormatError(path, "each key once in a JSON object", found=repeated)
        return found

    try:
        return json.loads(Path(path).read_text(encoding="utf-8-sig"), object_pairs_hook=unique_keys)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SourceFormatError(path, "a JSON file", found=str(error)) from error


def _coordinate(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) <= MAX_COORDINATE


def _recode(code: str, prefixes: dict[str, str]) -> str:
    for old, new in prefixes.items():
        if code.startswith(old):
            return new + code[len(old) :]
    return code
