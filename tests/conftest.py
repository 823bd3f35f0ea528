"""Shared fixtures: a warehouse built from the ONS mirror, one restored from the embedded default,
a live Streamlit server and a headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from etl import default_data
from etl.build import build
from etl.catalogue import sources
from etl.config import PROJECT_ROOT, SHARED_MIRROR
from etl.fetch import fetch_file

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = PROJECT_ROOT / "artifacts"

requires_mirror = pytest.mark.skipif(
    not SHARED_MIRROR.exists(),
    reason=f"the ONS mirror {SHARED_MIRROR} is absent; extractor and warehouse tests need it",
)


def mirror_file(relative: str) -> Path:
    path = SHARED_MIRROR / relative
    if not path.exists():
        pytest.skip(f"{path} is not in the ONS mirror")
    return path


@pytest.fixture(scope="session")
def raw_cache(tmp_path_factory) -> Path:
    """Every declared file fetched from the mirror into a fresh raw cache."""
    if not SHARED_MIRROR.exists():
        pytest.skip(f"the ONS mirror {SHARED_MIRROR} is absent")
    root = tmp_path_factory.mktemp("raw")
    for source in sources().values():
        for release in source.releases:
            for file in release.files:
                fetch_file(source, release, file, root, SHARED_MIRROR)
    return root


@pytest.fixture(scope="session")
def mirror_warehouse(raw_cache, tmp_path_factory) -> Path:
    """A warehouse built, validated and swapped in from the real ONS files."""
    path = tmp_path_factory.mktemp("mirror") / "warehouse.duckdb"
    build(path, raw_cache)
    return path


@pytest.fixture(scope="session")
def default_warehouse(tmp_path_factory) -> Path:
    """The warehouse `make run` serves on a fresh machine, restored from data/default."""
    path = tmp_path_factory.mktemp("default") / "warehouse.duckdb"
    default_data.restore(path)
    return path


@pytest.fixture
def app_warehouse(default_warehouse, monkeypatch) -> Path:
    monkeypatch.setenv("BEYOND_GDP_WAREHOUSE", str(default_warehouse))
    return default_warehouse


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(warehouse: Path) -> tuple[str, subprocess.Popen]:
    """Start a real Streamlit server on loopback serving ``warehouse``; wait until healthy."""
    port = _free_port()
    env = {**os.environ, "BEYOND_GDP_WAREHOUSE": str(warehouse)}
    # fmt: off
    process = subprocess.Popen(
        [sys.executable, "-m", "dashboard.serve", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    # fmt: on
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return url, process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("Streamlit server did not become healthy within 60 s")


@pytest.fixture(scope="session")
def streamlit_server(default_warehouse):
    """A real Streamlit server on loopback serving the default warehouse."""
    url, process = start_server(default_warehouse)
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="session")
def chromium():
    if CHROMIUM is None:
        pytest.skip("no Chromium installed: `apt-get install chromium` (.ci/run does this)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1400, "height": 2400})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.console_errors = errors
    yield page
    context.close()
