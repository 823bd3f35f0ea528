"""The foundational-versus-frontier and gap-decomposition pages in headless Chromium, served from
a warehouse built from the ONS mirror (they need BRES, absent from an older embedded default)."""

import os
import subprocess
import sys
import time
import urllib.request

import pytest

from etl.config import PROJECT_ROOT
from tests.conftest import ARTIFACTS, _free_port

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(mirror_warehouse):
    port = _free_port()
    env = {**os.environ, "BEYOND_GDP_WAREHOUSE": str(mirror_warehouse)}
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    command += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    process = subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("Streamlit server did not become healthy within 60 s")
    yield url
    process.terminate()
    process.wait(timeout=20)


def test_lenses_page_draws_its_charts(server, page):
    page.goto(f"{server}/lenses")
    page.wait_for_selector(".js-plotly-plot", timeout=90_000)
    page.get_by_text("foundational sections held").first.wait_for(timeout=60_000)
    assert "Wales" in page.locator(".js-plotly-plot").first.inner_text()
    assert page.locator('[data-testid="stException"]').count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "lenses.png"), full_page=True)


def test_decomposition_page_draws_its_charts(server, page):
    page.goto(f"{server}/decomposition?level=ITL3&year=2019")
    page.wait_for_selector(".js-plotly-plot", timeout=90_000)
    page.get_by_text("In 2019,").first.wait_for(timeout=60_000)
    assert "Industry mix" in page.locator(".js-plotly-plot").first.inner_text()
    assert page.locator('[data-testid="stException"]').count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "decomposition.png"), full_page=True)
