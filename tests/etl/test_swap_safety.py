"""The live warehouse survives a build killed mid-way, a concurrent build and a build that would
lose rows; the next build cleans up after a killed one."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from etl import catalogue
from etl.build import build, validate
from etl.config import PROJECT_ROOT
from etl.errors import ValidationError
from etl.warehouse import BuildInProgress, build_lock, stale_staging
from tests.etl.conftest import build_id, build_with, own, sha256

BUILD_SUBSET = """
import sys
from pathlib import Path
from etl import catalogue
from etl.build import build
chosen = {k: s for k, s in catalogue.sources().items() if k in sys.argv[3:]}
catalogue.sources = lambda: chosen
build(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def _healthy(warehouse) -> None:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        validate(con)


def test_build_killed_mid_way_leaves_live_serving_and_next_build_cleans_up(live, gva_raw):
    before, serving = sha256(live), build_id(live)
    process = subprocess.Popen(
        [sys.executable, "-c", BUILD_SUBSET, str(live), str(gva_raw)]
        + ["gva_per_head", "gva_industry_itl"],
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not stale_staging(live) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        staging = stale_staging(live)
        assert staging, "the build ended or timed out before writing its staging file"
        time.sleep(0.2)  # let it write into the staging file
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    assert sha256(live) == before and build_id(live) == serving
    _healthy(live)
    left = stale_staging(live)
    assert left and all(p.name.startswith(f".{live.name}.building-") for p in left)

    build_with(own("gva_per_head"), live, gva_raw)
    assert stale_staging(live) == []
    assert build_id(live) != serving
    _healthy(live)


def test_a_second_build_of_the_same_warehouse_is_refused(live, gva_raw):
    before = sha256(live)
    with build_lock(live):
        with pytest.raises(BuildInProgress, match="another build"):
            build(live, gva_raw)
    assert sha256(live) == before


def test_a_build_that_loses_rows_needs_allow_shrink(live, gva_raw):
    """GVA per head without its population table: core.observation loses a third of its rows."""
    source = catalogue.sources()["gva_per_head"]
    release = source.releases[-1]
    file = release.files[0]
    file = dataclasses.replace(
        file, tables=tuple(t for t in file.tables if t.indicator != "population_persons")
    )
    release = dataclasses.replace(release, files=(file,))
    smaller = {source.id: dataclasses.replace(source, releases=(release,))}
    before, serving = sha256(live), build_id(live)

    with pytest.raises(ValidationError) as caught:
        build_with(smaller, live, gva_raw)
    assert "core.observation: 16,896 rows live, 11,256 in the new build" in str(caught.value)
    assert sha256(live) == before and build_id(live) == serving

    build_with(smaller, live, gva_raw, allow_shrink=True)
    assert build_id(live) != serving
    _healthy(live)
