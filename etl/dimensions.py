"""Geography and industry dimensions, from the hand-kept and derived lookups in data/reference/
and the sector taxonomy in shared/reference (copied to data/reference/ so the build is offline)."""

from __future__ import annotations

import csv

import pandas as pd

from etl import industry
from etl.config import REFERENCE_DIR

DIVISIONS_CSV = REFERENCE_DIR / "sic2007_divisions.csv"
GVA_GROUPS_CSV = REFERENCE_DIR / "ons_regional_gva_industry_groups.csv"
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


def geography(source_areas: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(core.geography, core.geo_alias): one row per area, and every code or name that means it.

    Areas come from the lookups in data/reference/; ``source_areas`` adds areas that only a
    source defines (geo_code, geo_name, geo_level), without a parent unless the code says one."""
    crosswalk = pd.read_csv(
        REFERENCE_DIR / "itl1_gss_crosswalk.csv", dtype=str, keep_default_na=False
    )
    itl = pd.read_csv(REFERENCE_DIR / "itl_areas.csv", dtype=str)
    lads = pd.read_csv(REFERENCE_DIR / "lad_itl3_lookup.csv", dtype=str)

    rows, aliases = [], []
    for r in crosswalk.itertuples():
        parent = None if r.itl_code == "UK" else "UK"
        itl1 = r.itl_code if r.geo_level == "ITL1" else None
        rows.append((r.itl_code, r.geo_name, r.geo_level, parent, itl1, r.gss_code or None))
        aliases += [(r.itl_code, r.itl_code, "code")]
        if r.gss_code:
            aliases.append((r.gss_code, r.itl_code, "gss_code"))
        aliases += [(name, r.itl_code, "name") for name in r.name_variants.split("|")]
    for r in itl.itertuples():
        parent = r.itl_code[:3] if r.geo_level == "ITL2" else r.itl_code[:4]
        rows.append((r.itl_code, r.geo_name, r.geo_level, parent, r.itl_code[:3], None))
        aliases.append((r.itl_code, r.itl_code, "code"))
    for r in lads.itertuples():
        rows.append((r.lad_code, r.geo_name, "LAD", r.itl3_code, r.itl3_code[:3], r.lad_code))
        aliases.append((r.lad_code, r.lad_code, "code"))

    known = {r[0] for r in rows} | {a[0] for a in aliases}
    if source_areas is not None and len(source_areas):
        extra = source_areas.drop_duplicates("geo_code")
        for r in extra[~extra["geo_code"].isin(known)].itertuples():
            rows.append((r.geo_code, r.geo_name, r.geo_level, None, None, r.geo_code))
            aliases.append((r.geo_code, r.geo_code, "code"))
    geo = pd.DataFrame(
        rows, columns=["geo_code", "geo_name", "geo_level", "parent_code", "itl1_code", "gss_code"]
    )
    geo["level_rank"] = geo["geo_level"].map(LEVEL_ORDER).fillna(9).astype(int)
    alias = pd.DataFrame(aliases, columns=["alias", "geo_code", "alias_kind"]).drop_duplicates()
    return geo, alias


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
