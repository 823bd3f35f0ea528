"""Fetch raw files into the cache, unchanged, each beside a provenance sidecar.

Files come from their published URL or, with ``--mirror DIR``, from a local folder laid out like
the ONS mirror. A file already cached with the declared checksum is not fetched again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import time
import urllib.error
import urllib.request
from pathlib import Path

from etl.catalogue import Release, Source, SourceFile
from etl.errors import FetchError

ATTEMPTS = 4
TIMEOUT_SECONDS = 60
BACKOFF_SECONDS = 1.5


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def cached_path(raw_root: Path, release: Release, file: SourceFile) -> Path:
    return raw_root / release.source_id / release.date.isoformat() / Path(file.path).name


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".provenance.json")


def is_cached(raw_root: Path, release: Release, file: SourceFile) -> bool:
    path = cached_path(raw_root, release, file)
    sidecar = sidecar_path(path)
    if not (path.exists() and sidecar.exists()):
        return False
    recorded = json.loads(sidecar.read_text()).get("sha256")
    return recorded == sha256(path) and (file.sha256 in (None, recorded))


def _download(url: str, target: Path) -> None:
    last_error: Exception | None = None
    for attempt in range(ATTEMPTS):
        try:
            request = urllib.request.Request(url, headers={"User-Agent": "beyond-gdp-etl/0.1"})
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                with target.open("wb") as handle:
                    shutil.copyfileobj(response, handle)
            return
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            last_error = exc
            time.sleep(BACKOFF_SECONDS * 2**attempt)
    raise FetchError(f"could not download {url} after {ATTEMPTS} attempts: {last_error}")


def fetch_file(
    source: Source, release: Release, file: SourceFile, raw_root: Path, mirror: Path | None
) -> bool:
    """Fetch one file into the cache; True when something new arrived."""
    if is_cached(raw_root, release, file):
        return False
    target = cached_path(raw_root, release, file)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    if mirror is not None:
        origin = mirror / file.path
        if not origin.exists():
            raise FetchError(f"{origin} is not in the mirror")
        shutil.copyfile(origin, partial)
    else:
        _download(file.url, partial)
    checksum = sha256(partial)
    if file.sha256 and checksum != file.sha256:
        partial.unlink()
        raise FetchError(
            f"{Path(file.path).name}: checksum {checksum[:12]}… does not match the declared "
            f"{file.sha256[:12]}… for release {release.release_id}; if ONS has published a new "
            f"release, declare it in etl/sources/{source.id}.yml"
        )
    partial.replace(target)
    provenance = {
        "publisher": source.publisher,
        "title": source.title,
        "dataset_page": source.dataset_page,
        "download_url": file.url,
        "release_date": release.date.isoformat(),
        "release_label": release.label,
        "fetched_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "fetched_from": "mirror" if mirror is not None else "url",
        "licence": source.licence,
        "sha256": checksum,
        "note": release.note,
    }
    sidecar_path(target).write_text(json.dumps(provenance, indent=2) + "\n")
    return True


def read_provenance(raw_root: Path, release: Release, file: SourceFile) -> dict:
    return json.loads(sidecar_path(cached_path(raw_root, release, file)).read_text())
