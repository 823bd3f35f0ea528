"""Rebuild the warehouse from the cached raw files: extract, load, transform, validate, swap.

The new warehouse is written to a staging file beside the live one (etl/warehouse.py) and replaces
it atomically only after every check passes, including a comparison of row counts with the live
warehouse (etl/checks.py), so a failed or killed build never touches what the dashboard serves.
Files are extracted in parallel, one thread per core, and loaded into DuckDB through Arrow.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from etl import catalogue, checks, dimensions, industry
from etl.config import SQL_DIR
from etl.errors import FetchError
from etl.extract import OBSERVATION_COLUMNS
from etl.fetch import cached_path, is_cached, read_provenance
from etl.warehouse import build_lock, discard, row_counts, staging_path, swap_in

Progress = Callable[[str], None]

# raw.observation as loaded; the same types are declared in etl/sql/raw/observation.sql.
OBSERVATION_SCHEMA = pa.schema(
    [
        ("indicator_id", pa.string()),
        ("geo_code", pa.string()),
        ("industry_code", pa.string()),
        ("sex", pa.string()),
        ("period", pa.string()),
        ("period_start", pa.date32()),
        ("value", pa.float64()),
        ("lci_95", pa.float64()),
        ("uci_95", pa.float64()),
        ("status", pa.string()),
        ("is_leaf", pa.bool_()),
        ("release_id", pa.string()),
    ]
)
RAW_OBSERVATION_SQL = SQL_DIR / "raw" / "observation.sql"


def transforms() -> list[Path]:
    """SQL files in run order: core/ first, then mart/observation_latest.sql, which the other mart
    tables read, then the rest of mart/. Each file creates the table it is named after."""
    first = SQL_DIR / "mart" / "observation_latest.sql"
    core = sorted((SQL_DIR / "core").glob("*.sql"))
    mart = [first] + [p for p in sorted((SQL_DIR / "mart").glob("*.sql")) if p != first]
    return core + mart


@dataclass(frozen=True)
class FileJob:
    """One cached file and the tables to extract from it: (progress label, extractor options)."""

    extractor: str
    path: Path
    release_id: str
    tables: tuple[tuple[str, dict], ...]


@dataclass(frozen=True)
class Extracted:
    label: str
    observations: pa.Table
    industry_names: dict
    areas: pd.DataFrame | None


def file_jobs(raw_root: Path) -> list[FileJob]:
    """Every declared table, grouped by file, in declaration order; every file must be cached."""
    jobs = []
    for source in catalogue.sources().values():
        for release in source.releases:
            for file in release.files:
                if not is_cached(raw_root, release, file):
                    raise FetchError(
                        f"{Path(file.path).name} ({release.release_id}) is not in the raw cache "
                        f"{raw_root}; run `python -m etl refresh` first"
                    )
                path = cached_path(raw_root, release, file)
                tables = []
                for table in file.tables:
                    options = {**release.layout, **table.options, "indicator": table.indicator}
                    if table.sheet:
                        options["sheet"] = table.sheet
                    label = f"{release.release_id}: {path.name} {table.sheet or ''}".rstrip()
                    tables.append((label, options))
                if tables:
                    jobs.append(FileJob(source.extractor, path, release.release_id, tuple(tables)))
    return jobs


@cache
def _known_divisions() -> frozenset[str]:
    return frozenset(industry.load_divisions(dimensions.DIVISIONS_CSV))


def extract_file(job: FileJob) -> list[Extracted]:
    """Extract every table of one file; runs in a worker thread."""
    extractor = importlib.import_module(f"etl.extract.{job.extractor}")
    done = []
    for label, options in job.tables:
        frame = extractor.extract(job.path, options)
        # taken off first: pandas deep-copies attrs into every column it hands out
        names, areas = frame.attrs.pop("industry_names", {}), frame.attrs.pop("areas", None)
        leaves = industry.leaf_codes(set(frame["industry_code"].unique()), _known_divisions())
        is_leaf = frame["industry_code"].isin(leaves).to_numpy(dtype=bool)
        done.append(
            Extracted(label, observation_table(frame, is_leaf, job.release_id), names, areas)
        )
    return done


def observation_table(frame: pd.DataFrame, is_leaf: np.ndarray, release_id: str) -> pa.Table:
    """An extractor's frame as Arrow in OBSERVATION_SCHEMA, whatever dtypes it used (categoricals,
    strings, dates as objects or datetime64, all-null columns)."""
    missing = [c for c in OBSERVATION_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"an extractor returned a frame without the columns {missing}")
    arrays = []
    for field in OBSERVATION_SCHEMA:
        if field.name == "is_leaf":
            array = pa.array(is_leaf)
        elif field.name == "release_id":
            array = pa.DictionaryArray.from_arrays(
                pa.array(np.zeros(len(frame), dtype=np.int32)), pa.array([release_id])
            )
        else:
            array = pa.array(frame[field.name], from_pandas=True)
        if pa.types.is_dictionary(array.type):  # a categorical: its labels written out
            array = array.dictionary_decode()
        arrays.append(array.cast(field.type))
    return pa.Table.from_arrays(arrays, schema=OBSERVATION_SCHEMA)


def _run(jobs: list[FileJob], workers: int):
    """Results of extract_file for each job, in job order, across ``workers`` threads. Threads, not
    processes: calamine parses a sheet and numpy and Arrow convert whole columns without holding
    the interpreter lock, and nothing has to be pickled back (measured in bench/README.md)."""
    if workers <= 1:
        yield from map(extract_file, jobs)
        return
    with ThreadPoolExecutor(workers) as pool:
        largest_first = sorted(jobs, key=lambda job: -job.path.stat().st_size)  # balances workers
        submitted = {id(job): pool.submit(extract_file, job) for job in largest_first}
        futures = [submitted[id(job)] for job in jobs]
        try:
            for future in futures:
                yield future.result()
        finally:
            for future in futures:
                future.cancel()


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def extract_tables(
    raw_root: Path, progress: Progress = lambda _: None, workers: int | None = None
) -> tuple[pa.Table, dict, pd.DataFrame]:
    """Every table of every cached release as one Arrow table, plus the industry names seen and
    the areas that sources define themselves (``frame.attrs["areas"]``: geo_code, geo_name,
    geo_level), e.g. counties or combined authorities the reference lookups do not hold."""
    jobs = file_jobs(raw_root)
    tables, names, areas = [], {}, []
    for result in _run(jobs, min(workers or default_workers(), len(jobs))):
        for extracted in result:
            progress(extracted.label)
            tables.append(extracted.observations)
            names.update(extracted.industry_names)
            if extracted.areas is not None:
                areas.append(extracted.areas)
    observations = pa.concat_tables(tables) if tables else OBSERVATION_SCHEMA.empty_table()
    source_areas = (
        pd.concat(areas, ignore_index=True)
        if areas
        else pd.DataFrame(columns=["geo_code", "geo_name", "geo_level"])
    )
    return observations, names, source_areas


def extract_all(
    raw_root: Path, progress: Progress = lambda _: None, workers: int | None = None
) -> tuple[pd.DataFrame, dict, pd.DataFrame]:
    """``extract_tables`` with the observations as a pandas frame."""
    observations, names, source_areas = extract_tables(raw_root, progress, workers)
    return observations.to_pandas(), names, source_areas


def extract_side_tables(
    raw_root: Path, progress: Progress = lambda _: None
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Tables loaded beside the observations (boundaries, hex layouts, lookups), from sources whose
    extractor exposes ``extract_table(path, options) -> (table_name, frame)``. The latest release
    lists the files to read in ``layout: reads: [{file, table, ...options}]``. Frames for one table
    are stacked; ``frame.attrs["areas"]`` adds areas to the geography, as for observations."""
    tables: dict[str, list[pd.DataFrame]] = {}
    areas = [pd.DataFrame(columns=["geo_code", "geo_name", "geo_level"])]
    for source in catalogue.sources().values():
        extractor = importlib.import_module(f"etl.extract.{source.extractor}")
        if not hasattr(extractor, "extract_table"):
            continue
        release = source.releases[-1]
        folder = cached_path(raw_root, release, release.files[0]).parent
        for options in release.layout.get("reads", []):
            progress(f"{release.release_id}: {options['file']}")
            name, frame = extractor.extract_table(folder / options["file"], options)
            areas.append(frame.attrs.pop("areas", areas[0]))
            tables.setdefault(name, []).append(frame.assign(release_id=release.release_id))
    stacked = {name: pd.concat(frames, ignore_index=True) for name, frames in tables.items()}
    return stacked, pd.concat(areas, ignore_index=True)


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
                "coverage": ind.get("coverage", "UK"),  # narrower where a source covers less
                "regions_sum_to_uk": ind.get("regions_sum_to_uk", True),  # UK may hold more
            }
        )
    return pd.DataFrame(rows)


def _load(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> None:
    con.register("frame", frame)
    con.execute(f"CREATE TABLE {name} AS SELECT * FROM frame")  # name is a constant of ours
    con.unregister("frame")


def step_count() -> int:
    """Progress steps of a build, for a progress bar: one per table extracted, side table read,
    transform and check, plus loading and swapping in."""
    tables = sum(
        len(file.tables)
        for source in catalogue.sources().values()
        for release in source.releases
        for file in release.files
    )
    reads = sum(len(s.releases[-1].layout.get("reads", [])) for s in catalogue.sources().values())
    return tables + reads + len(transforms()) + len(checks.check_files()) + 2


def build_into(
    path: Path,
    raw_root: Path,
    progress: Progress = lambda _: None,
    *,
    previous: dict[str, int] | None = None,
    workers: int | None = None,
) -> dict:
    """Build a complete warehouse at ``path`` and validate it, comparing its row counts with
    ``previous`` (the live warehouse's) when given; returns row counts."""
    observations, names, source_areas = extract_tables(raw_root, progress, workers)
    side_tables, side_areas = extract_side_tables(raw_root, progress)
    geography, aliases = dimensions.geography(pd.concat([source_areas, side_areas]))
    sources, releases = release_table(raw_root)
    release_rows = releases.drop(
        columns=["file_name", "download_url", "sha256", "fetched_at", "fetched_from"]
    ).drop_duplicates("release_id")
    progress("loading warehouse")
    con = duckdb.connect(str(path))
    try:
        con.execute("SET enable_progress_bar = false")
        for schema in ("raw", "core", "mart"):
            con.execute(f"CREATE SCHEMA {schema}")
        con.execute(RAW_OBSERVATION_SQL.read_text())
        con.register("observation_rows", observations)
        con.execute("INSERT INTO raw.observation SELECT * FROM observation_rows")
        con.unregister("observation_rows")
        _load(con, "raw.release_file", releases)
        _load(con, "core.geography", geography)
        _load(con, "core.geo_alias", aliases)
        _load(con, "core.industry", dimensions.industries(names))
        _load(con, "core.indicator", indicator_table())
        _load(con, "core.source", sources)
        _load(con, "core.release", release_rows)
        for name, frame in side_tables.items():
            _load(con, name, frame)
        for transform in transforms():
            progress(f"transform {transform.name}")
            con.execute(transform.read_text())
        build_id = uuid.uuid4().hex[:12]
        con.execute(
            "CREATE TABLE core.build AS SELECT ? AS build_id, ? AS built_at_utc",
            [build_id, dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")],
        )
        checks.validate(con, previous, progress)
        counts = row_counts(con)
        con.execute("CHECKPOINT")  # everything in the file itself before it is swapped in
        return counts
    finally:
        con.close()


def validate(con: duckdb.DuckDBPyConnection) -> None:
    """Run every check in etl/sql/checks; each returns no rows when the warehouse is healthy."""
    checks.validate(con)


def build(
    warehouse: Path,
    raw_root: Path,
    progress: Progress = lambda _: None,
    *,
    allow_shrink: bool = False,
    workers: int | None = None,
) -> dict:
    """Build beside ``warehouse`` and swap it in only if the build and its checks succeed.

    Unless ``allow_shrink``, the build fails when a table of the live warehouse would lose more
    than checks.SHRINK_TOLERANCE of its rows. Staging files of killed builds are removed first."""
    with build_lock(warehouse):
        previous = None if allow_shrink else checks.live_row_counts(warehouse)
        staging = staging_path(warehouse)
        try:
            counts = build_into(staging, raw_root, progress, previous=previous, workers=workers)
            progress("swapping in")
            swap_in(staging, warehouse)
            return counts
        finally:
            discard(staging)
