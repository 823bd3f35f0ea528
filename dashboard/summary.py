"""Plain-language sentences generated from the data shown: on screen, as alt text, in exports."""

from __future__ import annotations

import pandas as pd

from dashboard import fmt, words


def _relative(x: float, reference: float) -> str:
    ratio = x / reference
    if ratio >= 1.5:
        return f"{ratio:.1f} times the UK figure"
    change = 100 * (ratio - 1)
    if abs(change) < 0.05:
        return "the same as the UK figure"
    return f"{abs(change):.1f}% {'above' if change > 0 else 'below'} the UK figure"


def ranked(
    data: pd.DataFrame,
    uk_value: float | None,
    short_title: str,
    unit: str,
    decimals: int,
    period: str,
    total: bool = False,
) -> str:
    """e.g. "London's GVA per head (£55,412) was 1.8 times the UK figure in 2021; the North
    East's was the lowest (£21,340)." Areas without a value are left out and counted. A total
    (a size such as GVA in £ million) is put as a share of the UK total instead."""
    known = data.dropna(subset=["value"]).sort_values("value", ascending=False)
    if known.empty:
        return f"No area has a published {short_title} for {period}."
    top, bottom = known.iloc[0], known.iloc[-1]
    top_text = (
        f"{fmt.possessive(top.geo_name)} {short_title} ({fmt.value(top.value, unit, decimals)})"
    )
    if total and uk_value:
        share = 100 * top.value / uk_value
        sentence = f"{top_text} was the largest, {share:.1f}% of the UK total in {period}"
    elif uk_value:
        sentence = f"{top_text} was {_relative(top.value, uk_value)} in {period}"
    else:
        sentence = f"{top_text} was the highest in {period}"
    sentence += (
        f"; {fmt.possessive(bottom.geo_name)} was the {'smallest' if total else 'lowest'} "
        f"({fmt.value(bottom.value, unit, decimals)})."
    )
    missing = len(data) - len(known)
    if missing:
        has = words.agree(missing, "has", "have")
        sentence += f" {words.count(missing, 'area')} {has} no published value."
    return sentence[0].upper() + sentence[1:]


def lens(data: pd.DataFrame, period: str) -> str:
    """Which region relies most on foundational and on frontier industries."""
    parts = []
    for bucket in ("Foundational", "Frontier"):
        rows = data[data["bucket"] == bucket].sort_values("share_pct", ascending=False)
        if rows.empty:
            continue
        hi, lo = rows.iloc[0], rows.iloc[-1]
        parts.append(
            f"{bucket.lower()} industries produced {hi.share_pct:.1f}% of GVA in {hi.geo_name} "
            f"(the highest) and {lo.share_pct:.1f}% in {lo.geo_name} (the lowest)"
        )
    if not parts:
        return f"No sector-lens split is available for {period}."
    return f"In {period}, " + "; ".join(parts) + "."
