"""Regenerate the committed geography lookups in data/reference/ from ONS files in a mirror.

    python -m etl.lookups --mirror ../shared/data/ons

* itl_areas.csv: every ITL2 and ITL3 area with its name, as listed in the GVA per-head workbook.
* lad_itl3_lookup.csv: each local authority district (December 2022) and the ITL3 area (January
  2021) that contains it, by a point-in-polygon test of the district's representative point on
  the ONS generalised boundaries. ITL3 areas are built from whole districts, so this is exact.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import geopandas as gpd
import pandas as pd

from etl.config import REFERENCE_DIR, SHARED_MIRROR
from etl.extract.cells import as_text, read_rows

PER_HEAD_WORKBOOK = "gva/regionalgrossvalueaddedbalancedperheadandincomecomponents.xlsx"
LAD_BOUNDARIES = "boundaries/lad22_buc.geojson"
ITL3_BOUNDARIES = (
    "boundaries/International_Territorial_Level_3_January_2021_UK_BUC_V3_2022_6920195468392554877/"
    "ITL3_JAN_2021_UK_BUC_V3.shp"
)


def itl_areas(mirror: Path) -> pd.DataFrame:
    rows = read_rows(mirror / PER_HEAD_WORKBOOK, "Table 2")
    areas = [
        {"itl_code": as_text(r[1]), "geo_name": as_text(r[2]), "geo_level": as_text(r[0])}
        for r in rows[2:]
        if as_text(r[0]) in {"ITL2", "ITL3"}
    ]
    return pd.DataFrame(areas)


def lad_itl3_lookup(mirror: Path) -> pd.DataFrame:
    lads = gpd.read_file(mirror / LAD_BOUNDARIES)[["LAD22CD", "LAD22NM", "geometry"]]
    itl3 = gpd.read_file(mirror / ITL3_BOUNDARIES)[["ITL321CD", "geometry"]]
    points = lads.set_geometry(lads.representative_point())
    joined = gpd.sjoin(points, itl3, how="left", predicate="within")
    if joined["ITL321CD"].isna().any() or joined["LAD22CD"].duplicated().any():
        raise ValueError("every district must fall in exactly one ITL3 area")
    return (
        joined[["LAD22CD", "LAD22NM", "ITL321CD"]]
        .rename(columns={"LAD22CD": "lad_code", "LAD22NM": "geo_name", "ITL321CD": "itl3_code"})
        .sort_values("lad_code")
        .reset_index(drop=True)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=SHARED_MIRROR)
    args = parser.parse_args()
    itl_areas(args.mirror).to_csv(REFERENCE_DIR / "itl_areas.csv", index=False)
    lad_itl3_lookup(args.mirror).to_csv(REFERENCE_DIR / "lad_itl3_lookup.csv", index=False)


if __name__ == "__main__":
    main()
