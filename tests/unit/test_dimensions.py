"""The geography dimension built from the reference lookups alone: ITL 2021, ITL 2025 and NUTS
2016 Dorset areas, each classification a complete partition with parents that exist."""

import pandas as pd

from etl import dimensions


def members(alias: pd.DataFrame, geo: pd.DataFrame, kind: str) -> pd.Series:
    codes = alias.loc[alias["alias_kind"] == kind, "geo_code"]
    return geo[geo["geo_code"].isin(codes)].groupby("geo_level").size()


def test_each_classification_has_its_published_number_of_areas():
    geo, alias = dimensions.geography()
    assert members(alias, geo, "itl2021_code").to_dict() == {"ITL1": 12, "ITL2": 41, "ITL3": 179}
    assert members(alias, geo, "itl2025_code").to_dict() == {"ITL1": 12, "ITL2": 46, "ITL3": 182}
    assert members(alias, geo, "nuts2016_code").to_dict() == {"ITL1": 12, "ITL2": 41, "ITL3": 179}
    assert geo["geo_code"].is_unique


def test_every_itl_area_has_a_parent_one_level_up():
    geo, _ = dimensions.geography()
    itl = geo[geo["geo_level"].isin(["ITL2", "ITL3"])]
    parents = itl.merge(geo, left_on="parent_code", right_on="geo_code", suffixes=("", "_parent"))
    assert len(parents) == len(itl)
    expected = {"ITL2": "ITL1", "ITL3": "ITL2"}
    assert (parents["geo_level"].map(expected) == parents["geo_level_parent"]).all()


def test_code_changes_alias_and_boundary_changes_stand_alone():
    geo, alias = dimensions.geography()
    itl2025 = alias[alias["alias_kind"] == "itl2025_code"].set_index("alias")["geo_code"]
    assert itl2025["TLC31"] == "TLC11"  # code change only
    assert itl2025["TLD33"] == "TLD33"  # unchanged
    assert itl2025["TLD13"] == "TLD13"  # Cumberland: new boundary
    assert itl2025["TLM93"] == "TLM93_2025"  # same code, new boundary
    legacy = geo.set_index("geo_code").loc[["TLK21", "TLK22"]]
    assert legacy[["geo_level", "parent_code", "boundary_vintage"]].values.tolist() == [
        ["ITL3", "TLK2", "NUTS2016"],
        ["ITL3", "TLK2", "NUTS2016"],
    ]
    gss = alias[alias["alias_kind"] == "itl2025_gss"].set_index("alias")["geo_code"]
    assert gss["E47000006"] == "TLC3" and gss["E47000001"] == "TLD3"


def test_correspondence_relations():
    corr = dimensions.itl2025_correspondence()
    counts = corr.groupby(["geo_level", "relation"]).size().to_dict()
    assert counts == {
        ("ITL2", "boundary change"): 16,
        ("ITL2", "unchanged"): 30,
        ("ITL3", "boundary change"): 24,
        ("ITL3", "code change only"): 37,
        ("ITL3", "unchanged"): 121,
    }
    same = corr[corr["relation"] != "boundary change"]
    assert (same["itl2021_code"] != "").all()
    assert (corr.loc[corr["relation"] == "boundary change", "itl2021_code"] == "").all()
