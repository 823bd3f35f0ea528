"""Downloads and the permalink on the home page, in headless Chromium against a live server."""

from __future__ import annotations

import io
import struct

import pandas as pd
import pytest

from dashboard import export

pytestmark = pytest.mark.browser

CHART = ".st-key-gva_per_head_chart_downloads"
STEM = "ranked_gva_per_head_gbp_ITL1_2021"


def _home(page, server: str):
    page.goto(f"{server}/")
    page.get_by_text("London's GVA per head (£55,412)").wait_for(timeout=60_000)
    return page.locator(CHART)


def _download(page, button):
    with page.expect_download(timeout=90_000) as info:
        button.click()
    download = info.value
    return download.suggested_filename, download.path().read_bytes()


def test_csv_button_downloads_the_chart_data_with_its_context(streamlit_server, page):
    buttons = _home(page, streamlit_server)
    name, data = _download(page, buttons.get_by_role("button", name="CSV data"))
    assert name == f"{STEM}.csv"
    text = data.decode()
    assert text.startswith("# GVA per head, ITL1 areas, 2021\n")
    assert "# © Crown copyright. Office for National Statistics licensed under the Open " in text
    assert f"# Link: {streamlit_server}?chart=ranked&indicator=gva_per_head_gbp" in text
    back = pd.read_csv(io.StringIO(text), comment="#")
    assert len(back) == 12 and back["Area"].iloc[0] == "London"
    assert back["GVA per head (£)"].iloc[0] == 55412


def test_png_button_downloads_a_social_card(streamlit_server, page):
    if export.find_browser() is None:
        pytest.skip("no Chromium for kaleido: `apt-get install chromium`")
    buttons = _home(page, streamlit_server)
    name, data = _download(page, buttons.get_by_role("button", name="PNG image"))
    assert name == f"{STEM}_social.png"
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 675)


def test_permalink_is_shown_and_reproduces_the_view(streamlit_server, page):
    _home(page, streamlit_server)
    page.get_by_role("slider").first.focus()  # keyboard: move the year back one step
    page.keyboard.press("ArrowLeft")
    page.get_by_text("in 2020").first.wait_for(timeout=60_000)
    code = page.locator('[data-testid="stCode"]').first
    link = code.inner_text().strip()
    assert link == (
        f"{streamlit_server}?chart=ranked&indicator=gva_per_head_gbp&level=ITL1&year=2020"
    )
    page.goto(link)
    page.get_by_text("in 2020").first.wait_for(timeout=60_000)
    assert page.locator('[data-testid="stException"]').count() == 0
