"""Ranks and gaps with polarity applied: rank 1 is always the best-placed area (for neutral
indicators, the highest), and a gap says whether being above the reference is better or worse."""

from __future__ import annotations

import math
from collections.abc import Iterable

HIGHER_BETTER, LOWER_BETTER, NEUTRAL = "higher_better", "lower_better", "neutral"


def _ahead(others: Iterable[float], bound: float, polarity: str) -> int:
    """How many of ``others`` are placed ahead of ``bound``."""
    if polarity == LOWER_BETTER:
        return sum(1 for x in others if x < bound)
    return sum(1 for x in others if x > bound)


def rank(value: float, others: Iterable[float], polarity: str) -> int:
    """1 + the number of other areas placed ahead of ``value`` (ties share a rank)."""
    return 1 + _ahead(others, value, polarity)


def rank_range(lci: float, uci: float, others: list[float], polarity: str) -> tuple[int, int]:
    """(best, worst) rank the 95% interval allows: each bound ranked against the other areas'
    estimates. For higher-is-better the upper bound gives the best rank."""
    best_bound, worst_bound = (lci, uci) if polarity == LOWER_BETTER else (uci, lci)
    return rank(best_bound, others, polarity), rank(worst_bound, others, polarity)


def gap(value: float, reference: float | None, polarity: str) -> dict:
    """Difference from a reference (absolute and %), and a verdict in words: 'better' or
    'worse' (polarity applied), 'above' or 'below' for neutral indicators, or 'level'."""
    if reference is None or (isinstance(reference, float) and math.isnan(reference)):
        return {"gap": None, "gap_pct": None, "verdict": None}
    difference = value - reference
    pct = 100 * difference / abs(reference) if reference else None
    if difference == 0:
        verdict = "level"
    elif polarity == NEUTRAL:
        verdict = "above" if difference > 0 else "below"
    else:
        verdict = "better" if (difference > 0) == (polarity == HIGHER_BETTER) else "worse"
    return {"gap": difference, "gap_pct": pct, "verdict": verdict}


def is_total(indicator) -> bool:
    """True for indicators that measure size (GVA in £ million, population, jobs, emissions in
    kilotonnes): declared ``additive`` in the catalogue. Totals get shares of the UK rather than
    better/worse gaps, and stay out of the scorecard."""
    return bool(indicator.additive)
