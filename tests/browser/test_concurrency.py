"""Ten concurrent browser sessions against one server, also while a refresh swaps the warehouse."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys

import duckdb
import pytest

from etl.config import PROJECT_ROOT
from tests.browser.sessions import percentile, rss_mb, run_sessions
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, start_server

pytestmark = pytest.mark.browser
SESSIONS = 10
YEARS = ["2021", "2015", "2008"]


@pytest.fixture
def live_server(default_warehouse, tmp_path):
    if CHROMIUM is None:
        pytest.skip("no Chromium installed: `apt-get install chromium` (.ci/run does this)")
    live = tmp_path / "live.duckdb"
    shutil.copy(default_warehouse, live)
    url, process = start_server(live)
    yield url, live, process
    process.terminate()
    process.wait(timeout=20)


def _build_id(path) -> str:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT build_id FROM core.build").fetchone()[0]


def test_ten_sessions_render_every_chart_without_errors(live_server):
    url, _, process = live_server
    logs = asyncio.run(run_sessions(url, CHROMIUM, CHROMIUM_ARGS, SESSIONS, 3, YEARS))
    timings = [t for log in logs for t in log.timings_ms]
    errors = [e for log in logs for e in log.errors]
    print(
        f"\n{SESSIONS} sessions: {len(timings)} charts, p50 {percentile(timings, 0.5):.0f} ms, "
        f"p95 {percentile(timings, 0.95):.0f} ms, errors {len(errors)}, "
        f"server RSS {rss_mb(process.pid):.0f} MB"
    )
    assert errors == []
    assert len(timings) == SESSIONS * 3


def test_sessions_keep_working_through_a_refresh_and_see_the_new_build(live_server, raw_cache):
    url, live, _ = live_server
    before = _build_id(live)

    async def refresh() -> None:
        build = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "etl",
            "build",
            "--quiet",
            "--warehouse",
            str(live),
            "--raw-dir",
            str(raw_cache),
            cwd=PROJECT_ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        _, stderr = await build.communicate()
        assert build.returncode == 0, stderr.decode()

    logs = asyncio.run(
        run_sessions(url, CHROMIUM, CHROMIUM_ARGS, SESSIONS, 1, YEARS, during=refresh)
    )
    after = _build_id(live)
    assert after != before
    assert [e for log in logs for e in log.errors] == []
    assert all(log.build_ids and log.build_ids[-1] == after for log in logs), (
        before,
        after,
        [log.build_ids for log in logs],
    )
