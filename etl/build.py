"""Rebuild the warehouse from the cached raw files: extract, load, transform, validate, swap.

The new warehouse is written beside the live one and replaces it atomically only after every
check passes, so a failed build never touches what the dashboard is serving.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import uuid
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd

from etl import catalogue, dimensions, industry
from etl.config import SQL_DIR
from etl.errors import FetchError, ValidationError
from etl.fetch import cached_path, is_cached, read_provenance

Progress = Callable[[str], None]


def transforms() -> list[Path]:
    """SQL files in run order: core/ first, then mart/observation_latest.sql, which the other mart
    tables read, then the rest of mart/. Each file creates the table it is named after."""
    first = SQL_DIR / "mart" / "observation_latest.sql"
    core = sorted((SQL_DIR / "core").glob("*.sql"))
    mart = [first] + [p for p in sorted((SQL_DIR / "mart").glob("*.sql")) if p != first]
    return core + mart


def extract_all(
    raw_root: Path, progress: Progress = lambda _: None
) -> tuple[pd.DataFrame, dict, pd.DataFrame]:
    """Every table of every cached release as one tidy frame, plus the industry names seen and
    the areas that sources define themselves (``frame.attrs["areas"]``: geo_code, geo_name,
    geo_level), e.g. counties or combined authorities the reference lookups do not hold."""
    frames, names, areas = [], {}, []
    known = set(industry.load_divisions(dimensions.DIVISIONS_CSV))
    for source in catalogue.sources().values():
        extractor = importlib.import_module(f"etl.extract.{source.extractor}")
        for release in source.releases:
            for file in release.files:
                if not is_cached(raw_root, release, file):
                    raise FetchError(
                        f"{Path(file.path).name} ({release.release_id}) is not in the raw cache "
                        f"{raw_root}; run `python -m etl refresh` first"
                    )
                path = cached_path(raw_root, release, file)
                for table in file.tables:
                    progress(f"{release.release_id}: {path.name} {table.sheet or ''}".rstrip())
                    options = {**release.layout, **table.options, "indicator": table.indicator}
                    if table.sheet:
                        options["sheet"] = table.sheet
                    frame = extractor.extract(path, options)
                    names.update(frame.attrs.get("industry_names", {}))
                    if "areas" in frame.attrs:
                        areas.append(frame.attrs["areas"])
                    leaves = industry.leaf_codes(set(frame["industry_code"]), known)
                    frame = frame.assign(
                        is_leaf=frame["industry_code"].isin(leaves), release_id=release.release_id
                    )
                    frames.append(frame)
    source_areas = (
        pd.concat(areas, ignore_index=True)
        if areas
        else pd.DataFrame(columns=["geo_code", "geo_name", "geo_level"])
    )
    return pd.concat(frames, ignore_index=True), names, source_areas


def release_table(raw_root: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(core.source, core.release): each publication, and each release loaded with its files."""
    sources, releases = [], []
    for s in catalogue.sources().values():
        sources.append(
            {
                "source_id": s.id,
                "title": s.title,
                "publisher": s.publisher,
                "dataset_page": s.dataset_page,
                "licence": s.licence,
                "cadence_months": s.cadence_months,
            }
        )
        for r in s.releases:
            for f in r.files:
                prov = read_provenance(raw_root, r, f)
                releases.append(
                    {
                        "release_id": r.release_id,
                        "source_id": s.id,
                        "release_date": r.date,
                        "release_label": r.label,
                        "note": r.note,
                        "file_name": Path(f.path).name,
                        "download_url": f.url,
                        "sha256": prov["sha256"],
                        "fetched_at": prov["fetched_at"],
                        "fetched_from": prov["fetched_from"],
                    }
                )
    return pd.DataFrame(sources), pd.DataFrame(releases)


def indicator_table() -> pd.DataFrame:
    rows = []
    for ind in catalogue.indicators().values():
        rows.append(
            {
                "indicator_id": ind["id"],
                **{k: v for k, v in ind.items() if k not in ("id", "sources")},
                "sources": ",".join(ind["sources"]),
                "caveats": ind.get("caveats", ""),
            }
        )
    return pd.DataFrame(rows)


def _load(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> None:
    con.register("frame", frame)
    con.execute(f"CREATE TABLE {name} AS SELECT * FROM frame")  # name is a constant of ours
    con.unregister("frame")


def build_into(path: Path, raw_root: Path, progress: Progress = lambda _: None) -> dict:
    """Build a complete warehouse at ``path`` and validate it; returns row counts."""
    observations, names, source_areas = extract_all(raw_root, progress)
    geography, aliases = dimensions.geography(source_areas)
    sources, releases = release_table(raw_root)
    release_rows = releases.drop(
        columns=["file_name", "download_url", "sha256", "fetched_at", "fetched_from"]
    ).drop_duplicates("release_id")
    progress("loading warehouse")
    con = duckdb.connect(str(path))
    try:
        for schema in ("raw", "core", "mart"):
            con.execute(f"CREATE SCHEMA {schema}")
        _load(con, "raw.observation", observations)
        _load(con, "raw.release_file", releases)
        _load(con, "core.geography", geography)
        _load(con, "core.geo_alias", aliases)
        _load(con, "core.industry", dimensions.industries(names))
        _load(con, "core.indicator", indicator_table())
        _load(con, "core.source", sources)
        _load(con, "core.release", release_rows)
        for transform in transforms():
            progress(f"transform {transform.name}")
            con.execute(transform.read_text())
        build_id = uuid.uuid4().hex[:12]
        con.execute(
            "CREATE TABLE core.build AS SELECT ? AS build_id, ? AS built_at_utc",
            [build_id, dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")],
        )
        progress("validating")
        validate(con)
        return row_counts(con)
    finally:
        con.close()


def validate(con: duckdb.DuckDBPyConnection) -> None:
    """Run every check in etl/sql/checks; each returns no rows when the warehouse is healthy."""
    failures = []
    for check in sorted((SQL_DIR / "checks").glob("*.sql")):
        rows = con.execute(check.read_text()).fetchall()
        if rows:
            failures.append(f"{check.stem}: {len(rows)} failing row(s), e.g. {rows[:3]}")
    if failures:
        raise ValidationError("warehouse checks failed:\n  " + "\n  ".join(failures))


def row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    tables = con.execute(
        "SELECT table_schema || '.' || table_name FROM information_schema.tables "
        "WHERE table_schema IN ('raw', 'core', 'mart') ORDER BY 1"
    ).fetchall()
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for (t,) in tables}


def build(warehouse: Path, raw_root: Path, progress: Progress = lambda _: None) -> dict:
    """Build beside ``warehouse`` and swap it in only if the build and its checks succeed."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    staging = warehouse.with_name(f".{warehouse.name}.building-{os.getpid()}")
    staging.unlink(missing_ok=True)
    try:
        counts = build_into(staging, raw_root, progress)
        os.replace(staging, warehouse)  # atomic on one filesystem: readers see old or new
        return counts
    finally:
        staging.unlink(missing_ok=True)
        Path(str(staging) + ".wal").unlink(missing_ok=True)
