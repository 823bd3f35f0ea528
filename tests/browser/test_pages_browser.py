"""The profile, compare, scorecard and methods pages in headless Chromium against a live server."""

import pytest
from playwright.sync_api import expect

from tests.conftest import ARTIFACTS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", autouse=True)
def warm_server(streamlit_server, chromium):
    """Open the home page once: on a server's very first session Streamlit may flash "Page not
    found" for a deep link before st.navigation has registered the pages."""
    context = chromium.new_context()
    context.new_page().goto(streamlit_server)
    context.pages[0].wait_for_selector(".js-plotly-plot", timeout=90_000)
    context.close()


def _open(page, url: str, text: str) -> None:
    page.goto(url)
    page.get_by_text(text).first.wait_for(timeout=90_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("Page not found").count() == 0


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_profile_page_draws_cards_and_trends(streamlit_server, page):
    _open(
        page, f"{streamlit_server}/profile?areas=TLI&theme=output", "London has published figures"
    )
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    assert page.get_by_text("£55,412").count() >= 1
    expect(page.locator(".js-plotly-plot").first).to_contain_text("GVA per head", timeout=30_000)
    _shot(page, "profile")


def test_compare_page_draws_ranked_chart_with_uk_line(streamlit_server, page):
    _open(
        page,
        f"{streamlit_server}/compare?indicator=gva_per_head_gbp",
        "London had the best GVA per head",
    )
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    ranked = page.locator(".js-plotly-plot").first
    expect(ranked).to_contain_text("North East", timeout=30_000)
    expect(ranked).to_contain_text("UK £", timeout=30_000)
    assert page.get_by_text("gaps between ITL1 areas on GVA per head widened").count() == 1
    _shot(page, "compare")


def test_scorecard_page_draws_composite_ranks(streamlit_server, page):
    _open(page, f"{streamlit_server}/scorecard", "With these weights London ranks first")
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    expect(page.locator(".js-plotly-plot").first).to_contain_text("Composite score", timeout=30_000)
    _shot(page, "scorecard")


def test_methods_page_lists_the_catalogue_and_offers_a_download(streamlit_server, page):
    _open(page, f"{streamlit_server}/methods", "Release history")
    page.wait_for_selector('[data-testid="stDataFrame"]', timeout=60_000)
    page.get_by_text("Download every figure for").first.wait_for(timeout=60_000)
    _shot(page, "methods")


def test_a_hostile_link_shows_a_notice_not_an_error(streamlit_server, page):
    _open(page, f"{streamlit_server}/compare?indicator=%3Cscript%3E", "not available here")


def test_sidebar_lists_pages_in_reading_order_with_drawn_icons(streamlit_server, page):
    _open(page, f"{streamlit_server}/methods", "Data and methods")
    links = page.locator('[data-testid="stSidebarNav"] a')
    titles = [text.split("\n")[-1].strip() for text in links.all_inner_texts()]
    assert titles == [
        "Regions at a glance",
        "Area profile",
        "Compare and gaps",
        "Foundational versus frontier",
        "Gap decomposition",
        "Beyond-GDP scorecard",
        "Map",
        "Data and methods",
    ]
    # Icons are ligatures of Streamlit's bundled Material Symbols font: with the font drawn, a
    # name such as "location_on" takes one 16 px glyph, not a word's width (26-59 px unstyled).
    page.evaluate("document.fonts.ready")
    icons = [link.locator('[data-testid="stIconMaterial"]') for link in links.all()]
    widths = [icon.evaluate("element => element.scrollWidth") for icon in icons]
    assert len(widths) == len(titles) and max(widths) <= 20
