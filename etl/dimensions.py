"""Geography and industry dimensions, from the hand-kept and derived lookups in data/reference/
and the sector taxonomy in shared/reference (copied to data/reference/ so the build is offline)."""

from __future__ import annotations

import csv

import pandas as pd

from etl import industry
from etl.config import REFERENCE_DIR

DIVISIONS_CSV = REFERENCE_DIR / "sic2007_divisions.csv"
GVA_GROUPS_CSV = REFERENCE_DIR / "ons_regional_gva_industry_groups.csv"
ITL2025_CSV = REFERENCE_DIR / "itl2025_correspondence.csv"
LEGACY_CSV = REFERENCE_DIR / "itl_legacy_areas.csv"
LEVEL_ORDER = {
    "UK": 0,
    "Country": 1,
    "ITL1": 2,
    "ITL2": 3,
    "ITL3": 4,
    "CAUTH": 5,
    "CTYUA": 6,
    "LAD": 7,
    "Other": 9,
}
# The ITL boundaries every level view and map uses unless a release was published on another.
REFERENCE_VINTAGE = "ITL2021"


def geography(source_areas: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(core.geography, core.geo_alias): one row per area, and every code or name that means it.

    Areas come from the lookups in data/reference/; ``source_areas`` adds areas that only a
    source defines (geo_code, geo_name, geo_level), without a parent unless the code says one.

    ITL areas are one row per boundary, flagged with the classification it comes from
    (``boundary_vintage``): an ITL 2025 area with an ITL 2021 boundary is the ITL 2021 row (its
    new code an 'itl2025_code' alias), one with a new boundary is its own row under its ITL 2025
    parent, and areas of older classifications (NUTS 2016 Dorset) keep their own rows, so
    figures are never moved between boundaries. Membership aliases ('itl2021_code',
    'itl2025_code', 'nuts2016_code') list the areas of each classification: each is a partition."""
    crosswalk = pd.read_csv(
        REFERENCE_DIR / "itl1_gss_crosswalk.csv", dtype=str, keep_default_na=False
    )
    itl = pd.read_csv(REFERENCE_DIR / "itl_areas.csv", dtype=str)
    lads = pd.read_csv(REFERENCE_DIR / "lad_itl3_lookup.csv", dtype=str)

    rows, aliases = [], []
    for r in crosswalk.itertuples():
        parent = None if r.itl_code == "UK" else "UK"
        itl1 = r.itl_code if r.geo_level == "ITL1" else None
        vintage = REFERENCE_VINTAGE if itl1 else None
        rows.append(
            (r.itl_code, r.geo_name, r.geo_level, parent, itl1, r.gss_code or None, vintage)
        )
        aliases += [(r.itl_code, r.itl_code, "code")]
        if r.gss_code:
            aliases.append((r.gss_code, r.itl_code, "gss_code"))
        aliases += [(name, r.itl_code, "name") for name in r.name_variants.split("|")]
    for r in itl.itertuples():
        parent = r.itl_code[:3] if r.geo_level == "ITL2" else r.itl_code[:4]
        rows.append(
            (r.itl_code, r.geo_name, r.geo_level, parent, r.itl_code[:3], None, REFERENCE_VINTAGE)
        )
        aliases.append((r.itl_code, r.itl_code, "code"))
    itl1_codes = [r[0] for r in rows if r[2] == "ITL1"]
    itl2021 = itl1_codes + list(itl["itl_code"])
    aliases += [(code, code, "itl2021_code") for code in itl2021]
    rows, aliases = _with_itl2025(rows, aliases, itl1_codes)
    rows, aliases = _with_legacy(rows, aliases, itl2021)
    for r in lads.itertuples():
        rows.append((r.lad_code, r.geo_name, "LAD", r.itl3_code, r.itl3_code[:3], r.lad_code, None))
        aliases.append((r.lad_code, r.lad_code, "code"))

    known = {r[0] for r in rows} | {a[0] for a in aliases if a[2] != "itl2025_gss"}
    if source_areas is not None and len(source_areas):
        extra = source_areas.drop_duplicates("geo_code")
        for r in extra[~extra["geo_code"].isin(known)].itertuples():
            rows.append((r.geo_code, r.geo_name, r.geo_level, None, None, r.geo_code, None))
            aliases.append((r.geo_code, r.geo_code, "code"))
    columns = ["geo_code", "geo_name", "geo_level", "parent_code", "itl1_code", "gss_code"]
    geo = pd.DataFrame(rows, columns=[*columns, "boundary_vintage"])
    geo.insert(6, "level_rank", geo["geo_level"].map(LEVEL_ORDER).fillna(9).astype(int))
    alias = pd.DataFrame(aliases, columns=["alias", "geo_code", "alias_kind"]).drop_duplicates()
    return geo, alias


def itl2025_correspondence() -> pd.DataFrame:
    """Every ITL 2025 ITL2 and ITL3 area with its relation to ITL 2021 (data/reference)."""
    return pd.read_csv(ITL2025_CSV, dtype=str, comment="#", keep_default_na=False)


def itl2025_keys(corr: pd.DataFrame) -> dict[str, str]:
    """ITL 2025 code -> geography key: the ITL 2021 code where the boundary is unchanged, else
    the ITL 2025 code, suffixed _2025 where ITL 2021 used the same code for another boundary."""
    taken = set(pd.read_csv(REFERENCE_DIR / "itl_areas.csv", dtype=str)["itl_code"])
    keys = {}
    for r in corr.itertuples():
        if r.itl2021_code:
            keys[r.itl2025_code] = r.itl2021_code
        else:
            keys[r.itl2025_code] = (
                f"{r.itl2025_code}_2025" if r.itl2025_code in taken else r.itl2025_code
            )
    return keys


def _with_itl2025(rows: list, aliases: list, itl1_codes: list[str]) -> tuple[list, list]:
    corr = itl2025_correspondence()
    keys = itl2025_keys(corr) | {code: code for code in itl1_codes}
    for r in corr[corr["relation"] == "boundary change"].itertuples():
        key = keys[r.itl2025_code]
        parent = keys[r.itl2025_parent]
        rows.append((key, r.itl2025_name, r.geo_level, parent, r.itl2025_code[:3], None, "ITL2025"))
        aliases.append((key, key, "code"))
    aliases += [(code, key, "itl2025_code") for code, key in keys.items()]
    # ONS's Explore Local Statistics files code an ITL2 area matching a mayoral combined authority
    # by the authority's code: in a file on ITL 2025 it also means that ITL2 area.
    linked = corr[corr["els_gss_code"] != ""]
    aliases += [(r.els_gss_code, keys[r.itl2025_code], "itl2025_gss") for r in linked.itertuples()]
    return rows, aliases


def _with_legacy(rows: list, aliases: list, itl2021: list[str]) -> tuple[list, list]:
    legacy = pd.read_csv(LEGACY_CSV, dtype=str, comment="#")
    replaced = {code for codes in legacy["replaced_by"] for code in codes.split("|")}
    for r in legacy.itertuples():
        rows.append(
            (
                r.geo_code,
                r.geo_name,
                r.geo_level,
                r.parent_code,
                r.geo_code[:3],
                None,
                r.boundary_vintage,
            )
        )
        aliases.append((r.geo_code, r.geo_code, "code"))
    members = [c for c in itl2021 if c not in replaced] + list(legacy["geo_code"])
    aliases += [(code, code, "nuts2016_code") for code in members]
    return rows, aliases


def industries(seen: dict[str, str]) -> pd.DataFrame:
    """core.industry: every ONS industry code seen in a source, plus SIC 2007 sections and
    divisions, each with both lenses. ``seen`` maps codes found in the data to their names."""
    divisions = industry.load_divisions(DIVISIONS_CSV)
    known = set(divisions)
    with GVA_GROUPS_CSV.open(encoding="utf-8-sig", newline="") as handle:
        groups = {row["sic07_code"]: row for row in csv.DictReader(handle)}

    records = []
    for code, name in sorted(
        {**{c: g["sic07_description"] for c, g in groups.items()}, **seen}.items()
    ):
        covered = industry.covered_divisions(code, known)
        hierarchy = groups[code]["hierarchy"] if code in groups else "ons group"
        records.append((code, name, "ons_regional_accounts", hierarchy, covered))
    sections: dict[str, tuple[str, set[str]]] = {}
    ons_codes = {record[0] for record in records}
    for d in divisions.values():
        if d.code not in ons_codes:  # ONS writes divisions 10-98 as SIC does: one row each
            records.append((d.code, d.name, "sic2007", "division", frozenset({d.code})))
        sections.setdefault(d.section, (d.name, set()))[1].add(d.code)
    section_names = _section_names()
    for letter, (_, members) in sections.items():
        records.append((letter, section_names[letter], "sic2007", "section", frozenset(members)))

    out = []
    for code, name, scheme, hierarchy, covered in records:
        lens = industry.lenses(covered, divisions)
        out.append(
            {
                "industry_code": code,
                "industry_name": name.strip(),
                "scheme": scheme,
                "hierarchy": hierarchy,
                "divisions": ",".join(sorted(covered)),
                **lens,
            }
        )
    return pd.DataFrame(out)


def _section_names() -> dict[str, str]:
    with DIVISIONS_CSV.open(encoding="utf-8-sig", newline="") as handle:
        return {row["sic2007_section"]: row["section_name"] for row in csv.DictReader(handle)}
