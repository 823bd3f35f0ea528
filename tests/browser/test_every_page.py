"""Every page registered in app.py in headless Chromium against a live server: it loads, its
selections change through the real widgets (clicks and keys), its charts redraw, and it shows no
exception box and logs no console error. Each page leaves a screenshot in artifacts/pages/."""

from __future__ import annotations

import ast
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from etl.config import PROJECT_ROOT
from tests.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

CHART = ".js-plotly-plot"
EXCEPTION = '[data-testid="stException"]'
TIMEOUT_MS = 90_000
# The only console errors allowed. A deep link such as /map makes Streamlit's frontend probe
# /map/_stcore/health and /map/_stcore/host-config for a base path before it falls back to the
# root, and the browser logs each 404 as "Failed to load resource".
HARMLESS = [
    (
        re.compile(r"^Failed to load resource: the server responded with a status of 404"),
        re.compile(r"/[a-z_]+/_stcore/(health|host-config)$"),
    ),
]


def registered_pages() -> dict[str, str]:
    """Every st.Page in app.py: its url_path and the address it is served at (the default
    page is served at the root, and its url_path is not an address)."""
    tree = ast.parse((PROJECT_ROOT / "app.py").read_text())
    pages = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "Page":
            options = {kw.arg: kw.value.value for kw in node.keywords}
            pages[options["url_path"]] = "" if options.get("default") else options["url_path"]
    return pages


# --- widget drivers: what a reader does with mouse and keyboard --------------------------------


def _widget(page, key: str):
    """A widget by its key, or by a key prefix for keys that carry the current selection."""
    return page.locator(f'[class*="st-key-{key}"]').first


def pick(key: str, text: str) -> Callable:
    """Type into a selectbox or multiselect and press Enter on the first match."""

    def act(page) -> None:
        box = _widget(page, key).locator("input").first
        box.click()
        box.fill(text)
        page.get_by_role("option").filter(has_text=text).first.wait_for(timeout=10_000)
        box.press("Enter")
        box.press("Escape")

    return act


def click(key: str, label: str) -> Callable:
    """Click a radio option by its label."""
    return lambda page: _widget(page, key).get_by_text(label, exact=True).click()


def keys(key: str, *presses: str, thumb: int = 0) -> Callable:
    """Focus a slider thumb and press keys (ArrowLeft, ArrowRight, Home, End)."""

    def act(page) -> None:
        handle = _widget(page, key).locator('input[type="range"]').nth(thumb)
        handle.focus()
        for press in presses:
            handle.press(press)

    return act


# --- what the page shows -------------------------------------------------------------------------


def summary(page, chart: str) -> str:
    """The bold plain-language summary that chart_panel writes directly under a chart."""
    return page.locator(f".st-key-{chart}").first.locator("xpath=following::strong[1]").inner_text()


# What Plotly drew, as the length and a hash of its traces and annotations in JSON (a LAD map's
# traces carry megabytes of boundaries, so the hash is taken in the browser).
DRAWN = """g => {
    const s = JSON.stringify([g.data, g.layout && g.layout.annotations]);
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
    return `${s.length}:${h}`;
}"""


def drawn(page, chart: str) -> str:
    return page.locator(f".st-key-{chart} {CHART}").first.evaluate(DRAWN)


def settle(page) -> None:
    """Wait until Streamlit has finished the rerun: no element is still marked stale."""
    page.wait_for_function(
        "() => !document.querySelector('[data-stale=\"true\"]')", timeout=TIMEOUT_MS
    )
    time.sleep(0.3)


@dataclass
class Step:
    name: str
    act: Callable
    chart: str  # the chart key whose summary or drawing must change ("" for none)
    expect: str  # text the page (the chart's summary, if a chart is named) must show afterwards


def drive(page, steps: list[Step]) -> list[str]:
    """Run each step and wait for the named chart to redraw; returns each step's summary."""
    seen = []
    for step in steps:
        before = (summary(page, step.chart), drawn(page, step.chart)) if step.chart else None
        step.act(page)
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while True:
            settle(page)
            if step.chart:
                after = (summary(page, step.chart), drawn(page, step.chart))
                if after != before and step.expect in after[0]:
                    break
            elif page.get_by_text(step.expect).count():
                break
            if time.monotonic() > deadline:
                pytest.fail(f"{step.name}: the page did not change to show {step.expect!r}")
            time.sleep(0.3)
        assert page.locator(EXCEPTION).count() == 0, f"exception box after {step.name}"
        seen.append(summary(page, step.chart) if step.chart else step.expect)
    return seen


# --- the pages ----------------------------------------------------------------------------------

# Per page: the element that shows it has loaded, and the selections a reader would change.
PAGES: dict[str, tuple[str, list[Step]]] = {
    "home": (
        CHART,
        [
            Step(
                "year back three",
                keys("home_year", *["ArrowLeft"] * 3),
                "gva_per_head_chart",
                "in 2018",
            ),
            Step("year to the first", keys("home_year", "Home"), "lens_share_chart", "In "),
        ],
    ),
    "profile": (
        CHART,
        [
            Step("level ITL2", click("profile_level", "ITL2"), "profile_chart", ""),
            Step(
                "area East Wales",
                pick("profile_area_ITL2", "East Wales"),
                "profile_lens_chart",
                "East Wales",
            ),
            Step(
                "level LAD", click("profile_level", "Local authorities"), "profile_lens_chart", ""
            ),
            Step("area Cardiff", pick("profile_area_LAD", "Cardiff"), "profile_chart", "Cardiff"),
            Step("theme Population", pick("profile_theme_", "population"), "profile_chart", ""),
        ],
    ),
    "compare": (
        CHART,
        [
            Step(
                "indicator GVA per head",
                pick("compare_indicator", "GVA per head (output)"),
                "compare_ranked_chart",
                "GVA per head",
            ),
            Step(
                "level ITL3",
                click("compare_level_", "ITL3"),
                "compare_dispersion_chart",
                "ITL3 areas",
            ),
            Step(
                "ranked year back two",
                keys("compare_year_", "ArrowLeft", "ArrowLeft"),
                "compare_ranked_chart",
                "",
            ),
            Step(
                "trend years from five later",
                keys("compare_years_", *["ArrowRight"] * 5),
                "compare_dispersion_chart",
                "",
            ),
            Step(
                "add Cardiff", pick("compare_areas_", "Cardiff"), "compare_trends_chart", "Cardiff"
            ),
            Step("rank within Wales", pick("compare_within_", "Wales"), "compare_ranked_chart", ""),
        ],
    ),
    "scorecard": (
        CHART,
        [
            Step("wellbeing weight to zero", keys("w_wellbeing", "Home"), "sc_chart", ""),
            Step("output weight to the most", keys("w_output", "End"), "sc_chart", ""),
            Step(
                "against GDHI per head",
                pick("sc_y_ITL1", "GDHI per head"),
                "sc_decoupling_chart",
                "GDHI per head",
            ),
            Step("level ITL2", click("sc_level", "ITL2"), "sc_chart", "ITL2 areas"),
        ],
    ),
    "methods": (
        '[data-testid="stDataFrame"]',
        [
            Step(
                "indicator GDHI per head",
                pick("methods_indicator", "Gross disposable household income per head"),
                "",
                "Download every figure for GDHI per head (CSV)",
            ),
            Step(
                "indicator life satisfaction",
                pick("methods_indicator", "Life satisfaction"),
                "",
                "Download every figure for Life satisfaction (CSV)",
            ),
        ],
    ),
    "map": (
        CHART,
        [
            Step("level ITL1", pick("map_level", "ITL1"), "map_chart", "London"),
            Step("as hexes", click("map_style", "Hex cartogram (equal area)"), "map_chart", ""),
            Step(
                "year back two", keys("map_year", "ArrowLeft", "ArrowLeft"), "map_chart", "in 2019"
            ),
            Step(
                "indicator GDHI per head",
                pick("map_indicator", "Gross disposable household income per head"),
                "map_chart",
                "GDHI per head",
            ),
            Step(
                "indicator GVA",
                pick("map_indicator", "Gross value added (balanced)"),
                "map_chart",
                "GVA",
            ),
            Step("level LAD", pick("map_level", "Local authorities"), "map_chart", ""),
            Step("as a map", click("map_style", "Map"), "map_chart", ""),
        ],
    ),
    "lenses": (
        CHART,
        [
            Step("level ITL2", click("lens_level", "ITL2"), "lens_share_chart", ""),
            Step(
                "broad foundational lens",
                click("lens_foundational", "Broad (everyday + construction, WG style)"),
                "lens_share_chart",
                "",
            ),
            Step(
                "narrow frontier lens",
                click("lens_frontier", "Narrow (Eurostat high-tech only)"),
                "lens_per_job_chart",
                "",
            ),
            Step("year back one", keys("lens_year", "ArrowLeft"), "lens_share_chart", ""),
            Step(
                "area East Wales",
                pick("lens_area", "East Wales"),
                "lens_growth_chart",
                "East Wales",
            ),
        ],
    ),
    "decomposition": (
        CHART,
        [
            Step("level ITL2", click("decomp_level", "ITL2"), "decomp_gap_chart", "areas"),
            Step("year back one", keys("decomp_year", "ArrowLeft"), "decomp_gap_chart", ""),
            Step(
                "area East Wales",
                pick("decomp_area", "East Wales"),
                "decomp_lens_chart",
                "East Wales",
            ),
            Step(
                "everyday foundational lens",
                click("decomp_foundational", "everyday"),
                "decomp_lens_chart",
                "",
            ),
            Step(
                "narrow frontier lens", click("decomp_frontier", "narrow"), "decomp_lens_chart", ""
            ),
        ],
    ),
}


def test_every_registered_page_is_driven_here():
    assert registered_pages() and sorted(registered_pages()) == sorted(PAGES)


@pytest.mark.parametrize("url_path", list(registered_pages()))
def test_page_loads_changes_and_redraws(streamlit_server, chromium, url_path):
    if url_path not in PAGES:
        pytest.fail(f"/{url_path} is registered in app.py but this suite does not drive it")
    ready, steps = PAGES[url_path]
    context = chromium.new_context(viewport={"width": 1400, "height": 3600})
    page = context.new_page()
    console: list[tuple[str, str]] = []
    page.on(
        "console",
        lambda m: (
            console.append((m.text, m.location.get("url", ""))) if m.type == "error" else None
        ),
    )
    try:
        page.goto(f"{streamlit_server}/{registered_pages()[url_path]}")
        page.wait_for_selector(ready, timeout=TIMEOUT_MS)
        settle(page)
        assert page.get_by_text("Page not found").count() == 0
        assert page.locator(EXCEPTION).count() == 0
        seen = drive(page, steps)
        assert len(seen) == len(steps)
        (ARTIFACTS / "pages").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "pages" / f"{url_path}.png"))
    finally:
        context.close()
    errors = [
        (text, url)
        for text, url in console
        if not any(t.search(text) and u.search(url) for t, u in HARMLESS)
    ]
    assert not errors, f"console errors on /{url_path}: {errors}"
