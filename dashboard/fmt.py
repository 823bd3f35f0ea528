"""Number formatting to each indicator's published precision."""

from __future__ import annotations

import math


def value(x: float | None, unit: str, decimals: int) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "not available"
    text = f"{x:,.{int(decimals)}f}"
    if unit.startswith("£"):
        return f"£{text}" + (" million" if "million" in unit else "")
    if unit.startswith("%") or unit == "percent":
        return f"{text}%"
    return text


# Areas whose names read with 'the' mid-sentence, as ONS writes them ('the North East').
WITH_ARTICLE = {
    "North East",
    "North West",
    "East Midlands",
    "West Midlands",
    "East of England",
    "East",
    "South East",
    "South West",
    "United Kingdom",
    "United Kingdom less Extra-Regio",
}


def possessive(name: str) -> str:
    """'London' -> "London's", 'North East' -> "the North East's", 'East Wales' -> "East Wales's"."""
    article = "the " if name in WITH_ARTICLE else ""
    return f"{article}{name}'s"


# How an area on other than the reference boundaries is told apart in pickers.
VINTAGE_NOTES = {"ITL2025": "ITL 2025 boundary", "NUTS2016": "NUTS 2016 boundary"}


def area(name: str, code: str, vintage: str | None = None) -> str:
    """'Tees Valley (TLC3, ITL 2025 boundary)': a picker label that tells boundary sets apart."""
    note = VINTAGE_NOTES.get(vintage or "")
    return f"{name} ({code}{', ' + note if note else ''})"


# Geography levels as readers know them: (picker label, plural in a sentence).
LEVELS = {
    "UK": ("United Kingdom", "United Kingdom"),
    "Country": ("Countries", "countries"),
    "ITL1": ("ITL1", "ITL1 areas"),
    "ITL2": ("ITL2", "ITL2 areas"),
    "ITL3": ("ITL3", "ITL3 areas"),
    "CAUTH": ("Combined authorities", "combined authorities"),
    "CTYUA": ("Counties and unitary authorities", "counties and unitary authorities"),
    "LAD": ("Local authorities", "local authority districts"),
}
LEVEL_HELP = (
    "ITL1: the nations and English regions; ITL2 and ITL3: ever smaller groups of counties and "
    "authorities (International Territorial Levels). Combined authorities, counties and unitary "
    "authorities, and local authority districts are council geographies."
)


def level(code: str) -> str:
    """The picker label for a geography level, e.g. 'LAD' -> 'Local authorities'."""
    return LEVELS.get(code, (code, ""))[0]


def areas(code: str) -> str:
    """A level's areas in a sentence, e.g. 'ITL1 areas', 'local authority districts'."""
    return LEVELS.get(code, ("", f"{code} areas"))[1]


def theme(name: str) -> str:
    """A theme as a heading, e.g. 'household_income' -> 'Household income'."""
    return name.replace("_", " ").capitalize()
