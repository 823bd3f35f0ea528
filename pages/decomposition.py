"""Gap decomposition: how much of each area's gap in output per job to Great Britain comes from
its industry mix, and how much from output per job within industries."""

import streamlit as st

from dashboard import pickers, state
from dashboard.db import query
from dashboard.panel import chart_panel
from dashboard.views import decomposition

LEVELS = ["ITL1", "ITL2", "ITL3"]
VARIANTS = {
    "foundational": ["strict", "everyday", "broad"],
    "frontier": ["default", "narrow", "broad"],
}

st.title("Why output per job differs: industry mix or productivity?")
st.markdown(
    "An area can produce less per job than Great Britain because more of its jobs are in "
    "industries that produce little per job everywhere (**industry mix**), or because its "
    "industries produce less per job than the same industries elsewhere (**within industry**)."
)
with st.expander("Method"):
    st.markdown(
        r"""
With $s_i$ an industry's share of employee jobs and $p_i$ its GVA per employee job, an area's
GVA per job is $P = \sum_i s_i p_i$, and its gap to the reference $u$ splits exactly:

$$P_r - P_u = \underbrace{\sum_i (s_{ri} - s_{ui})\,p_{ui}}_{\text{industry mix}}
+ \underbrace{\sum_i s_{ri}\,(p_{ri} - p_{ui})}_{\text{within industry}}$$

* **Industries**: SIC 2007 sections (A and B, D and E combined at ITL3, as GVA is published),
  excluding T (households as employers) and U (extra-territorial); real estate excludes
  owner-occupiers' imputed rent, which has no jobs.
* **Jobs**: BRES employees (September), from a third-party extract of the Nomis table,
  rounded. Employees only: the self-employed are not counted, which flatters GVA per job in
  agriculture and construction.
* **Reference**: **Great Britain**, not the UK, because BRES does not cover Northern Ireland:
  the sum of the 11 GB ITL1 regions (for ITL1), or of the 40 GB ITL2 areas (for ITL2 and ITL3),
  for both GVA and jobs. Northern Ireland is not shown.
* **GVA**: current prices, from the ONS regional accounts release each level is latest in.
* **Lens contributions** sum each effect over the sections in, partly in, or outside a lens.
"""
    )

level = state.choice("level", LEVELS, "ITL1")
periods = query("decomp_periods", level)["period"].tolist()
if not periods:
    state.show_notices()
    st.warning(
        "This warehouse holds no BRES employee figures; rebuild it with `python -m etl build`."
    )
    st.stop()
year = state.choice("year", periods, periods[-1])
foundational = state.choice("foundational", VARIANTS["foundational"], "strict")
frontier = state.choice("frontier", VARIANTS["frontier"], "default")
state.show_notices()

left, right = st.columns([1, 3])
level = pickers.level(left, LEVELS, level, key="decomp_level")
periods = query("decomp_periods", level)["period"].tolist()
year = right.select_slider(
    "Year", options=periods, value=year if year in periods else periods[-1], key="decomp_year"
)
state.remember(level=level, year=year)
chart_panel(decomposition.gap(level, year), key="decomp_gap_chart")

st.subheader("Foundational and frontier contributions")
areas = query("lens_job_areas", level)
names = dict(zip(areas["geo_code"], areas["geo_name"], strict=True))
area = state.choice("area", list(names), next(iter(names)))
state.show_notices()
a, f, r = st.columns([2, 1, 1])
area = a.selectbox(
    "Area", list(names), index=list(names).index(area), format_func=names.get, key="decomp_area"
)
foundational = f.radio(
    "Foundational lens",
    VARIANTS["foundational"],
    index=VARIANTS["foundational"].index(foundational),
    key="decomp_foundational",
    horizontal=True,
)
frontier = r.radio(
    "Frontier lens",
    VARIANTS["frontier"],
    index=VARIANTS["frontier"].index(frontier),
    key="decomp_frontier",
    horizontal=True,
)
state.remember(area=area, foundational=foundational, frontier=frontier)
chart_panel(
    decomposition.lens_contributions(level, year, area, foundational, frontier),
    key="decomp_lens_chart",
)
