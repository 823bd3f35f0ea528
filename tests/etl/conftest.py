"""Warehouses built through the real build from a few GVA sources of the ONS mirror, small enough
to build in seconds, and helpers to build from damaged copies of real files."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest

from etl import catalogue
from etl.build import build
from etl.config import SHARED_MIRROR
from etl.fetch import fetch_file

GVA_SOURCES = ("gva_industry_itl", "gva_per_head", "gva_industry_lad")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_id(warehouse: Path) -> str:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("SELECT build_id FROM core.build").fetchone()[0]


def fetch_sources(sources: dict, raw: Path, mirror: Path = SHARED_MIRROR) -> Path:
    for source in sources.values():
        for release in source.releases:
            for file in release.files:
                fetch_file(source, release, file, raw, mirror)
    return raw


def build_with(sources: dict, warehouse: Path, raw: Path, **options) -> dict:
    """The real build, with the catalogue narrowed to ``sources``."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(catalogue, "sources", lambda: sources)
        return build(warehouse, raw, **options)


def own(*ids: str) -> dict:
    return {k: s for k, s in catalogue.sources().items() if k in ids}


@pytest.fixture(scope="session")
def gva_raw(tmp_path_factory) -> Path:
    if not SHARED_MIRROR.exists():
        pytest.skip(f"the ONS mirror {SHARED_MIRROR} is absent")
    return fetch_sources(own(*GVA_SOURCES), tmp_path_factory.mktemp("gva_raw"))


@pytest.fixture(scope="session")
def gva_warehouse(gva_raw, tmp_path_factory) -> Path:
    """The three GVA publications, every release, built and checked."""
    path = tmp_path_factory.mktemp("gva") / "warehouse.duckdb"
    build_with(own(*GVA_SOURCES), path, gva_raw)
    return path


@pytest.fixture(scope="session")
def per_head_template(gva_raw, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("per_head") / "warehouse.duckdb"
    build_with(own("gva_per_head"), path, gva_raw)
    return path


@pytest.fixture
def live(per_head_template, tmp_path) -> Path:
    """A good live warehouse (GVA per head) of this test's own, as a dashboard would serve."""
    path = tmp_path / "live" / "warehouse.duckdb"
    path.parent.mkdir()
    shutil.copyfile(per_head_template, path)
    return path
