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


def possessive(name: str) -> str:
    """'London' -> "London's"; names are used with 'the' where ONS does ('the North East')."""
    article = "the " if name.split()[0] in {"North", "South", "East", "West", "United"} else ""
    if name == "East of England":
        article = "the "
    return f"{article}{name}'s"
