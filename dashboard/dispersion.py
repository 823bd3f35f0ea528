"""How far apart areas are, period by period: are regional gaps narrowing?

For each period, over the areas with a value:
- ``max_min_ratio``: highest value divided by lowest (only when every value is positive);
- ``cv``: coefficient of variation, population standard deviation / mean (positive values only);
- ``weighted_cv``: the same with each area weighted by its population, around the
  population-weighted mean (only where every area has a population);
- ``sd``: standard deviation, which stays meaningful for values that can be zero or negative.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

COLUMNS = ["period", "period_start", "areas", "max_min_ratio", "cv", "weighted_cv", "sd"]


def _one(values: np.ndarray, weights: np.ndarray | None) -> dict:
    sd = float(values.std())
    positive = bool((values > 0).all())
    out = {"areas": len(values), "sd": sd, "max_min_ratio": None, "cv": None, "weighted_cv": None}
    if positive and len(values) > 1:
        out["max_min_ratio"] = float(values.max() / values.min())
        out["cv"] = sd / float(values.mean())
        if weights is not None and not np.isnan(weights).any() and weights.sum() > 0:
            mean = float(np.average(values, weights=weights))
            variance = float(np.average((values - mean) ** 2, weights=weights))
            out["weighted_cv"] = math.sqrt(variance) / mean
    return out


def by_period(values: pd.DataFrame, population: pd.DataFrame | None = None) -> pd.DataFrame:
    """``values``: geo_code, period, period_start, value. ``population``: geo_code, period,
    population (optional). Returns one row per period, in time order, with COLUMNS."""
    known = values.dropna(subset=["value"])
    if population is not None and len(population):
        known = known.merge(
            population[["geo_code", "period", "population"]], on=["geo_code", "period"], how="left"
        )
    else:
        known = known.assign(population=np.nan)
    rows = []
    for (period, start), group in known.groupby(["period", "period_start"], sort=False):
        weights = group["population"].to_numpy(dtype=float)
        stats = _one(group["value"].to_numpy(dtype=float), weights)
        rows.append({"period": period, "period_start": start, **stats})
    return pd.DataFrame(rows, columns=COLUMNS).sort_values("period_start", ignore_index=True)


def trend(table: pd.DataFrame, measure: str) -> tuple[float, float] | None:
    """(first, last) value of a measure over the periods where it exists, or None."""
    known = table.dropna(subset=[measure])
    if len(known) < 2:
        return None
    return float(known[measure].iloc[0]), float(known[measure].iloc[-1])
