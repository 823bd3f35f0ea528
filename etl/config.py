"""Paths and settings, overridable by environment variables."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ETL_DIR = PROJECT_ROOT / "etl"
SQL_DIR = ETL_DIR / "sql"
REFERENCE_DIR = PROJECT_ROOT / "data" / "reference"
DEFAULT_DATA_DIR = PROJECT_ROOT / "data" / "default"

# The local mirror of the ONS website used by tests and CI, laid out like ../shared/data/ons.
SHARED_MIRROR = PROJECT_ROOT.parent / "shared" / "data" / "ons"
SHARED_REFERENCE = PROJECT_ROOT.parent / "shared" / "reference"


def warehouse_path() -> Path:
    """Where the serving warehouse lives; replicas may point at one shared read-only file."""
    return Path(os.environ.get("BEYOND_GDP_WAREHOUSE", PROJECT_ROOT / "data" / "warehouse.duckdb"))


def raw_dir() -> Path:
    """The cache of raw files exactly as published, each beside its provenance sidecar."""
    return Path(os.environ.get("BEYOND_GDP_RAW_DIR", PROJECT_ROOT / "data" / "raw"))
