"""Scorecard maths, as pure functions on tidy frames.

Method:
1. **Indicator score.** Each indicator is rescaled min–max to 0–100 across the areas of one
   level in one period: 100 is the best-placed area and 0 the worst, with polarity applied (for
   lower-is-better indicators the lowest value scores 100). If every area has the same value the
   indicator scores 50 everywhere.
2. **Theme score.** The mean of an area's indicator scores in the theme. An indicator the area
   has no value for is left out of the mean, never counted as zero; the count used is kept.
3. **Composite.** The weighted mean of the area's theme scores, the weights renormalised over
   the themes the area has a score for. ``coverage`` is the share of the total weight behind
   the composite; an area with no score on any weighted theme gets no composite.
4. **Rank.** 1 is the highest composite; tied areas share the better rank. Only areas whose
   composite rests on at least half of the total weight (coverage ≥ 50%) are ranked; the
   others keep their composite but are marked unranked, so thin data cannot top the table.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import pandas as pd

LOWER_BETTER = "lower_better"
DEFAULT_WEIGHT = 1.0
MAX_WEIGHT = 5.0
MIN_COVERAGE = 0.5


def normalise(values: pd.DataFrame, polarity: Mapping[str, str]) -> pd.DataFrame:
    """``values``: series, geo_code, value. Returns series, geo_code, score (0–100, best = 100);
    rows without a value are dropped here and so count as missing downstream."""
    known = values.dropna(subset=["value"]).copy()
    grouped = known.groupby("series")["value"]
    low, high = grouped.transform("min"), grouped.transform("max")
    spread = high - low
    score = (100 * (known["value"] - low) / spread.where(spread > 0)).fillna(50.0)
    flip = known["series"].map(polarity).eq(LOWER_BETTER)
    known["score"] = score.where(~flip, 100 - score)
    return known[["series", "geo_code", "score"]].reset_index(drop=True)


def theme_scores(scores: pd.DataFrame, theme_of: Mapping[str, str]) -> pd.DataFrame:
    """Mean indicator score per area and theme, with the number of indicators used."""
    frame = scores.assign(theme=scores["series"].map(theme_of))
    return (
        frame.groupby(["geo_code", "theme"], as_index=False)
        .agg(score=("score", "mean"), indicators=("score", "size"))
        .reset_index(drop=True)
    )


def composite(themes: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """geo_code, composite, coverage, rank: weighted mean over the themes each area has; rank
    is missing (<NA>) where coverage is below MIN_COVERAGE. Ranked areas come first."""
    total = sum(w for w in weights.values() if w > 0)
    frame = themes.assign(weight=themes["theme"].map(weights).fillna(0.0))
    frame = frame[frame["weight"] > 0]
    frame = frame.assign(weighted=frame["score"] * frame["weight"])
    out = frame.groupby("geo_code", as_index=False).agg(
        weighted=("weighted", "sum"), weight=("weight", "sum")
    )
    out["composite"] = out["weighted"] / out["weight"]
    out["coverage"] = out["weight"] / total if total else 0.0
    ranked = out["composite"].where(out["coverage"] >= MIN_COVERAGE - 1e-9)
    out["rank"] = ranked.rank(ascending=False, method="min").astype("Int64")
    return out[["geo_code", "composite", "coverage", "rank"]].sort_values(
        ["rank", "composite", "geo_code"], ascending=[True, False, True], ignore_index=True
    )


def scorecard(
    values: pd.DataFrame,
    polarity: Mapping[str, str],
    theme_of: Mapping[str, str],
    weights: Mapping[str, float],
) -> pd.DataFrame:
    """One row per area: composite and rank under ``weights``, the composite and rank under
    equal weights (``equal_composite``, ``equal_rank``), the change (``rank_change``, positive =
    moves up) and each theme score."""
    themes = theme_scores(normalise(values, polarity), theme_of)
    current = composite(themes, weights)
    equal = composite(themes, {t: DEFAULT_WEIGHT for t in weights})
    out = current.merge(
        equal[["geo_code", "composite", "rank"]].rename(
            columns={"composite": "equal_composite", "rank": "equal_rank"}
        ),
        on="geo_code",
        how="left",
    )
    out["rank_change"] = out["equal_rank"] - out["rank"]
    wide = themes.pivot(index="geo_code", columns="theme", values="score").reset_index()
    return out.merge(wide, on="geo_code", how="left")


def parse_weights(text: str | None, themes: Iterable[str]) -> tuple[dict[str, float], list[str]]:
    """Weights from a URL value like ``output:2,health:0.5``. Every theme starts at the default
    weight; an unknown theme or a weight outside 0–MAX_WEIGHT is ignored and reported."""
    weights = {t: DEFAULT_WEIGHT for t in themes}
    problems = []
    for part in (text or "").split(","):
        if not part:
            continue
        theme, _, number = part.partition(":")
        try:
            weight = float(number)
        except ValueError:
            weight = math.nan
        if theme in weights and 0 <= weight <= MAX_WEIGHT:
            weights[theme] = weight
        else:
            problems.append(part[:40])
    return weights, problems


def format_weights(weights: Mapping[str, float]) -> str:
    """The URL form of weights, listing only those that differ from the default."""
    return ",".join(f"{t}:{w:g}" for t, w in weights.items() if w != DEFAULT_WEIGHT)
