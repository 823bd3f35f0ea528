"""The home page in headless Chromium against a live Streamlit server."""

import pytest
from playwright.sync_api import expect

from tests.conftest import ARTIFACTS

pytestmark = pytest.mark.browser


def test_home_page_draws_the_ranked_chart(streamlit_server, page):
    page.goto(f"{streamlit_server}/")
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    page.get_by_text("London's GVA per head (£55,412)").wait_for(timeout=30_000)
    charts = page.locator(".js-plotly-plot")
    assert charts.count() == 2
    expect(charts.first).to_contain_text("North East", timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home.png"))


def test_a_link_with_a_year_opens_that_year(streamlit_server, page):
    page.goto(f"{streamlit_server}/?year=2012")
    page.get_by_text("in 2012").first.wait_for(timeout=60_000)
    assert page.locator('[data-testid="stException"]').count() == 0
