"""The map page in headless Chromium against a live Streamlit server: the map draws offline."""

import pytest

from tests.conftest import ARTIFACTS

pytestmark = pytest.mark.browser


def test_map_page_draws_the_choropleth(streamlit_server, page):
    page.goto(f"{streamlit_server}/map")
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    page.get_by_text("Camden and City of London's GVA per head").wait_for(timeout=30_000)
    page.wait_for_selector(".js-plotly-plot canvas", timeout=30_000)  # MapLibre draws on a canvas
    assert page.locator(".js-plotly-plot").count() == 1
    assert page.locator('[data-testid="stException"]').count() == 0
    assert not [e for e in page.console_errors if "tile" in e.lower() or "style" in e.lower()]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map.png"))


def test_a_link_opens_the_hex_cartogram(streamlit_server, page):
    page.goto(f"{streamlit_server}/map?level=ITL1&style=hex&year=2019")
    page.get_by_text("in 2019").first.wait_for(timeout=60_000)
    hexes = page.locator(".js-plotly-plot .shapelayer path")
    hexes.first.wait_for(timeout=30_000)
    assert hexes.count() == 12
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(ARTIFACTS / "map_hex.png"))
