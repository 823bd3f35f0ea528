"""Shift-share decomposition of an area's productivity gap to a reference area.

With s_i an industry's share of jobs and p_i its GVA per job, the area's GVA per job is
P = sum_i s_i * p_i, and its gap to the reference (subscript u) splits exactly into

    P_r - P_u = sum_i (s_ri - s_ui) * p_ui      industry mix: more jobs in high-output industries
              + sum_i s_ri * (p_ri - p_ui)      within industry: more output per job in each one

An industry with no jobs in the area contributes nothing to the within-industry effect.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

GVA, JOBS = "gva", "jobs"


def by_industry(area: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Per industry: job shares, GVA per job and the two effects. ``area`` holds one row per
    industry (index), or per area and industry (a MultiIndex whose last level is the industry),
    with columns ``gva`` and ``jobs``; ``reference`` one row per industry, in the same units, with
    jobs and GVA in every industry the areas have."""
    industries = area.index.get_level_values(-1)
    ref = reference.reindex(industries)
    no_jobs = ref[JOBS].isna() | (ref[JOBS] <= 0)
    if no_jobs.any():
        raise ValueError(f"the reference has no jobs in {sorted(set(ref.index[no_jobs]))}")
    if area.index.nlevels > 1:
        totals = area[JOBS].groupby(level=list(range(area.index.nlevels - 1))).transform("sum")
    else:
        totals = pd.Series(area[JOBS].sum(), index=area.index)
    jobs = area[JOBS].to_numpy()
    s_r = jobs / totals.to_numpy()
    s_u = ref[JOBS].to_numpy() / reference[JOBS].sum()
    p_u = ref[GVA].to_numpy() / ref[JOBS].to_numpy()
    has_jobs = jobs > 0
    p_r = np.where(has_jobs, area[GVA].to_numpy() / np.where(has_jobs, jobs, 1), np.nan)
    return pd.DataFrame(
        {
            "job_share_area": s_r,
            "job_share_reference": s_u,
            "gva_per_job_area": p_r,
            "gva_per_job_reference": p_u,
            "mix": (s_r - s_u) * p_u,
            "within": np.where(has_jobs, s_r * (p_r - p_u), 0.0),
        },
        index=area.index,
    )


def gap(area: pd.DataFrame, reference: pd.DataFrame) -> dict[str, float]:
    """The total gap in GVA per job and its two effects, which add up to it exactly."""
    parts = by_industry(area, reference)
    total = area[GVA].sum() / area[JOBS].sum() - reference[GVA].sum() / reference[JOBS].sum()
    return {"gap": total, "mix": parts["mix"].sum(), "within": parts["within"].sum()}
