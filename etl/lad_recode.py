"""Regenerate data/reference/lad_recode_2023.csv: each local authority district abolished on
1 April 2023 and the new unitary authority that contains it.

    python -m etl.lad_recode --mirror ../shared/data/ons

The codes come from the two Open Innovations hex layouts: codes only in the 2021 layout were
abolished, codes only in the 2023 layout are new. Which abolished district went into which new
authority is the statutory reorganisation below (Cumbria, North Yorkshire and Somerset Structural
Changes Orders 2022), keyed by the names the layouts use. The result is checked against the data:
the named districts must be exactly the abolished codes, the new names exactly the new codes,
every other code unchanged, and each district must touch another of its new authority on the
December 2022 boundaries.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd

from etl.config import REFERENCE_DIR, SHARED_MIRROR

RECODE_CSV = REFERENCE_DIR / "lad_recode_2023.csv"
LAYOUT_2021 = "hexmaps/uk-local-authority-districts-2021.hexjson"
LAYOUT_2023 = "hexmaps/uk-local-authority-districts-2023.hexjson"
LAD22_BOUNDARIES = "boundaries/lad22_buc.geojson"
EFFECTIVE = "2023-04-01"
REORGANISED_2023 = {
    "Cumberland": ["Allerdale", "Carlisle", "Copeland"],
    "Westmorland and Furness": ["Barrow-in-Furness", "Eden", "South Lakeland"],
    "North Yorkshire": [
        "Craven",
        "Hambleton",
        "Harrogate",
        "Richmondshire",
        "Ryedale",
        "Scarborough",
        "Selby",
    ],
    "Somerset": ["Mendip", "Sedgemoor", "Somerset West and Taunton", "South Somerset"],
}


def _hexes(path: Path) -> dict[str, str]:
    return {code: h["n"] for code, h in json.loads(path.read_text())["hexes"].items()}


def lad_recode(mirror: Path) -> pd.DataFrame:
    old, new = _hexes(mirror / LAYOUT_2021), _hexes(mirror / LAYOUT_2023)
    abolished = {old[c]: c for c in old.keys() - new.keys()}
    created = {new[c]: c for c in new.keys() - old.keys()}
    named = {d for districts in REORGANISED_2023.values() for d in districts}
    if named != set(abolished) or set(REORGANISED_2023) != set(created):
        raise ValueError(
            f"the layouts' changed codes do not match the 2023 reorganisation: abolished "
            f"{sorted(abolished)}, created {sorted(created)}"
        )
    renamed = {c for c in old.keys() & new.keys() if old[c] != new[c]}
    if renamed:
        raise ValueError(f"codes kept but renamed between the layouts: {sorted(renamed)}")
    rows = [
        {
            "old_code": abolished[district],
            "old_name": district,
            "new_code": created[authority],
            "new_name": authority,
            "effective": EFFECTIVE,
        }
        for authority, districts in REORGANISED_2023.items()
        for district in districts
    ]
    recode = pd.DataFrame(rows).sort_values("old_code").reset_index(drop=True)
    _check_contiguous(recode, mirror / LAD22_BOUNDARIES)
    return recode


def _check_contiguous(recode: pd.DataFrame, boundaries: Path) -> None:
    lads = gpd.read_file(boundaries).set_index("LAD22CD")
    for new_code, group in recode.groupby("new_code"):
        shapes = lads.loc[group["old_code"]].buffer(1)
        for code in group["old_code"]:
            if not shapes[code].intersects(shapes.drop(code).union_all()):
                raise ValueError(f"{new_code}: district {code} touches none of the others")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=SHARED_MIRROR)
    args = parser.parse_args()
    lad_recode(args.mirror).to_csv(RECODE_CSV, index=False)


if __name__ == "__main__":
    main()
