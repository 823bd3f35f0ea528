"""The declarations the pipeline runs on: sources (etl/sources/*.yml), indicators (etl/indicators/*.yml).

Each file in ``etl/sources`` describes one publication and its releases: which files, where they
are published, their checksums, and how each is laid out. Each indicator is declared once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from etl.config import ETL_DIR

SOURCES_DIR = ETL_DIR / "sources"
INDICATORS_DIR = ETL_DIR / "indicators"
LICENCE_LINE = "Office for National Statistics licensed under the Open Government Licence v3.0"
REQUIRED_INDICATOR_FIELDS = (
    "id",
    "title",
    "short_title",
    "unit",
    "decimals",
    "polarity",
    "theme",
    "sources",
    "definition",
)
POLARITIES = {"higher_better", "lower_better", "neutral"}


@dataclass(frozen=True)
class Table:
    indicator: str
    sheet: str | None = None
    options: dict = field(default_factory=dict)


@dataclass(frozen=True)
class SourceFile:
    path: str  # relative to the mirror root and to the raw cache's release folder
    url: str
    sha256: str | None
    tables: tuple[Table, ...]


@dataclass(frozen=True)
class Release:
    source_id: str
    date: dt.date
    label: str
    layout: dict
    files: tuple[SourceFile, ...]
    note: str = ""

    @property
    def release_id(self) -> str:
        return f"{self.source_id}@{self.date.isoformat()}"


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    dataset_page: str
    licence: str
    cadence_months: int
    extractor: str
    releases: tuple[Release, ...]
    note: str = ""


def _tables(entries: list[dict]) -> tuple[Table, ...]:
    tables = []
    for entry in entries:
        entry = dict(entry)
        indicator = entry.pop("indicator")
        sheet = entry.pop("sheet", None)
        tables.append(Table(indicator=indicator, sheet=sheet, options=entry))
    return tuple(tables)


def _source(path: Path) -> Source:
    spec = yaml.safe_load(path.read_text())
    default_tables = spec.get("tables", [])
    releases = []
    for rel in spec["releases"]:
        files = tuple(
            SourceFile(
                path=f["path"],
                url=f["url"],
                sha256=f.get("sha256"),
                tables=_tables(f.get("tables", default_tables)),
            )
            for f in rel["files"]
        )
        releases.append(
            Release(
                source_id=spec["id"],
                date=rel["date"],
                label=str(rel["label"]),
                layout=rel.get("layout", {}),
                files=files,
                note=rel.get("note", ""),
            )
        )
    if path.stem != spec["id"]:
        raise ValueError(f"{path.name}: file name must match its id '{spec['id']}'")
    return Source(
        id=spec["id"],
        title=spec["title"],
        publisher=spec["publisher"],
        dataset_page=spec["dataset_page"],
        licence=spec["licence"],
        cadence_months=int(spec["cadence_months"]),
        extractor=spec["extractor"],
        releases=tuple(sorted(releases, key=lambda r: r.date)),
        note=spec.get("note", ""),
    )


@cache
def sources() -> dict[str, Source]:
    found = [_source(p) for p in sorted(SOURCES_DIR.glob("*.yml"))]
    return {s.id: s for s in found}


@cache
def indicators() -> dict[str, dict]:
    declared: dict[str, dict] = {}
    for path in sorted(INDICATORS_DIR.glob("*.yml")):
        for entry in yaml.safe_load(path.read_text()):
            missing = [f for f in REQUIRED_INDICATOR_FIELDS if entry.get(f) in (None, "", [])]
            if missing:
                raise ValueError(f"{path.name}: indicator {entry.get('id')!r} lacks {missing}")
            if entry["polarity"] not in POLARITIES:
                raise ValueError(f"{path.name}: {entry['id']} polarity must be one of {POLARITIES}")
            entry.setdefault("headline", True)  # false for percentiles, means and variants
            if entry["id"] in declared:
                raise ValueError(f"indicator {entry['id']!r} is declared twice")
            declared[entry["id"]] = entry
    return declared
