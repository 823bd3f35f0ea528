"""HexJSON hex-cartogram layouts -> core.hex_layout: one row per hex (layout, geo_level, geo_code,
geo_name, q, r, offset). ``offset`` is the HexJSON layout ('odd-r': pointy-top hexes, odd rows
shifted right; 'even-r': even rows shifted). Codes can be recoded by prefix (NUTS ``UK`` -> ITL
``TL``) and hexes a layout lacks added from the source YAML (``extra_hexes``)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from etl.errors import SourceFormatError

OFFSETS = {"odd-r", "even-r"}
COLUMNS = ["layout", "geo_level", "geo_code", "geo_name", "q", "r", "offset"]


def extract_table(path: Path, options: dict) -> tuple[str, pd.DataFrame]:
    spec = json.loads(Path(path).read_text(encoding="utf-8"))
    offset = spec.get("layout")
    if offset not in OFFSETS or not isinstance(spec.get("hexes"), dict):
        raise SourceFormatError(
            path, f"a HexJSON object with layout in {sorted(OFFSETS)} and hexes"
        )
    hexes = {**spec["hexes"], **options.get("extra_hexes", {})}
    rows = []
    for code, h in hexes.items():
        if not {"n", "q", "r"} <= set(h):
            raise SourceFormatError(path, "n, q and r for every hex", found={code: h})
        rows.append(
            (_recode(code, options.get("code_prefix", {})), h["n"], int(h["q"]), int(h["r"]))
        )
    frame = pd.DataFrame(rows, columns=["geo_code", "geo_name", "q", "r"])
    if frame.duplicated(["q", "r"]).any() or frame["geo_code"].duplicated().any():
        raise SourceFormatError(path, "one hex per area and one area per hex", found="repeats")
    frame = frame.assign(layout=options["layout"], geo_level=options["geo_level"], offset=offset)
    return "core.hex_layout", frame[COLUMNS]


def _recode(code: str, prefixes: dict[str, str]) -> str:
    for old, new in prefixes.items():
        if code.startswith(old):
            return new + code[len(old) :]
    return code
