"""The foundational-versus-frontier and gap-decomposition pages in headless Chromium, served from
a warehouse built from the ONS mirror (they need BRES, absent from an older embedded default)."""

import pytest
from playwright.sync_api import expect

from tests.conftest import ARTIFACTS, start_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(mirror_warehouse):
    """A server of its own, so that the first test is its very first visitor."""
    url, process = start_server(mirror_warehouse)
    yield url
    process.terminate()
    process.wait(timeout=20)


def test_lenses_page_draws_its_charts(server, page):
    page.goto(f"{server}/lenses")  # the server's first visitor, arriving by a link to the page
    page.wait_for_selector(".js-plotly-plot", timeout=90_000)
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert "Warehouse build" in sidebar and "Gap decomposition" in sidebar  # app.py's frame
    page.get_by_text("foundational sections held").first.wait_for(timeout=60_000)
    # Plotly draws axis labels again after fitting the margins to them: wait for that pass.
    expect(page.locator(".js-plotly-plot").first).to_contain_text("Wales", timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "lenses.png"), full_page=True)


def test_decomposition_page_draws_its_charts(server, page):
    page.goto(f"{server}/decomposition?level=ITL3&year=2019")
    page.wait_for_selector(".js-plotly-plot", timeout=90_000)
    page.get_by_text("In 2019,").first.wait_for(timeout=60_000)
    expect(page.locator(".js-plotly-plot").first).to_contain_text("Industry mix", timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "decomposition.png"), full_page=True)
