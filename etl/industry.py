"""The industry dimension: ONS regional-accounts codes, SIC 2007 sections and divisions, two lenses.

Every code is reduced to the set of SIC 2007 divisions it covers (owner-occupiers' imputed rent is
its own pseudo-division ``68IMP``). From that set follow both lenses and the leaf rows of each
table: a row is a leaf when no other row of the same table covers a strict subset of it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

IMPUTED_RENT = "68IMP"
FOUNDATIONAL_STRICT = {"material", "providential"}
EVERYDAY = FOUNDATIONAL_STRICT | {"overlooked"}
# SIC 2007 sections by their division ranges, for sources coded by section letter (e.g. BRES).
SECTION_SPANS = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTU",
        "1-3 5-9 10-33 35 36-39 41-43 45-47 49-53 55-56 58-63 64-66 68 69-75 77-82 84 85 86-88 "
        "90-93 94-96 97-98 99".split(),
        strict=True,
    )
)
# Exclusive buckets for stacked charts, in order of precedence (taxonomy section 4.2).
BUCKETS = [
    "Frontier & foundational",
    "Frontier",
    "Foundational",
    "Overlooked",
    "Other tradeable",
    "Mixed or partial",
    "Imputed rent",
]


@dataclass(frozen=True)
class Division:
    code: str  # two digits, e.g. '01'
    name: str
    section: str
    fe_category: str  # material | providential | overlooked | tradeable | mixed
    fe_default: str  # the category a 'mixed' division resolves to under the strict lens
    frontier: bool


def load_divisions(path: Path) -> dict[str, Division]:
    divisions = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            default = row["fe_category"]
            match = re.match(r"fe_default=(\w+)", row["source_notes"])
            if default == "mixed":
                if not match:
                    raise ValueError(
                        f"{path.name}: division {row['sic2007_division']} is mixed "
                        "but its source_notes has no fe_default=<category> token"
                    )
                default = match.group(1)
            divisions[row["sic2007_division"]] = Division(
                code=row["sic2007_division"],
                name=row["division_name"],
                section=row["sic2007_section"],
                fe_category=row["fe_category"],
                fe_default=default,
                frontier=row["frontier"].strip().lower() == "true",
            )
    return divisions


def _expand(span: str, known: set[str]) -> set[str]:
    """'10-15' or '41' or '1-9; 35-39' -> the known two-digit divisions in those ranges."""
    found: set[str] = set()
    for part in span.split(";"):
        bounds = [int(b) for b in re.findall(r"\d+", part)]
        if not bounds:
            continue
        low, high = bounds[0], bounds[-1]
        found |= {f"{n:02d}" for n in range(low, high + 1)} & known
    return found


def covered_divisions(code: str, known: set[str]) -> frozenset[str]:
    """The divisions an ONS industry code covers; aggregates over 68 include imputed rent."""
    code = code.strip()
    if code == IMPUTED_RENT:
        return frozenset({IMPUTED_RENT})
    if code in SECTION_SPANS:  # a bare SIC section letter classifies businesses: no imputed rent
        return frozenset(_expand(SECTION_SPANS[code], known))
    if code in {"Total", "A-T"}:
        spans = "1-98"  # division 99 (extra-territorial) is outside regional accounts
    elif code == "A-E":
        spans = "1-39"
    elif code == "G-T":
        spans = "45-98"
    elif "(" in code:
        spans = code[code.index("(") + 1 : code.rindex(")")]
    elif re.fullmatch(r"\d+(-\d+)?", code):
        spans = code
    else:
        raise ValueError(f"unrecognised industry code {code!r}")
    divisions = _expand(spans, known)
    if not divisions:
        raise ValueError(f"industry code {code!r} covers no SIC 2007 division")
    if "68" in divisions and code != "68":
        divisions.add(IMPUTED_RENT)  # every aggregate over real estate includes imputed rent
    return frozenset(divisions)


def _tri_state(flags: list[bool]) -> str:
    return "true" if all(flags) else "false" if not any(flags) else "partial"


def lenses(divisions: frozenset[str], catalogue: dict[str, Division]) -> dict[str, str]:
    """Both lenses for a set of divisions: 'true', 'false' or 'partial' where members differ."""
    members = [catalogue[d] for d in sorted(divisions) if d != IMPUTED_RENT]
    if not members:
        return {
            "fe_category": "n/a",
            "foundational": "false",
            "everyday": "false",
            "frontier": "false",
            "bucket": "Imputed rent",
        }
    categories = {m.fe_category for m in members}
    foundational = _tri_state([m.fe_default in FOUNDATIONAL_STRICT for m in members])
    everyday = _tri_state([m.fe_default in EVERYDAY for m in members])
    frontier = _tri_state([m.frontier for m in members])
    return {
        "fe_category": categories.pop() if len(categories) == 1 else "mixed",
        "foundational": foundational,
        "everyday": everyday,
        "frontier": frontier,
        "bucket": bucket(foundational, everyday, frontier),
    }


def bucket(foundational: str, everyday: str, frontier: str) -> str:
    """The exclusive bucket of taxonomy section 4.2; anything not clear-cut is 'Mixed or partial'."""
    if "partial" in (foundational, everyday, frontier):
        return "Mixed or partial"
    if frontier == "true":
        return "Frontier & foundational" if foundational == "true" else "Frontier"
    if foundational == "true":
        return "Foundational"
    if everyday == "true":
        return "Overlooked"
    return "Other tradeable"


def leaf_codes(codes: set[str], known: set[str]) -> set[str]:
    """Rows of one table that no other row of it subdivides: they partition its total."""
    cover = {code: covered_divisions(code, known) for code in codes}
    return {
        code
        for code, divs in cover.items()
        if not any(other != code and cover[other] < divs for other in codes)
    }
