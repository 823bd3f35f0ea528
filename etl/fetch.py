"""Fetch raw files into the cache, unchanged, each beside a provenance sidecar.

Files come from their published URL or, with ``--mirror DIR``, from a local folder laid out like
the ONS mirror. A file already cached with the declared checksum is not fetched again: the sidecar
records the file's size and modification time beside its checksum, so an unchanged file is known
without reading it, and only a file whose size or time changed is hashed again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import http.client
import json
import os
import shutil
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from etl.catalogue import Release, Source, SourceFile
from etl.errors import FetchError

ATTEMPTS = 4
TIMEOUT_SECONDS = 60
BACKOFF_SECONDS = 1.5
RETRY_STATUS = {408, 429}  # client errors worth retrying; every 5xx is retried


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


def _stat(path: Path) -> dict:
    info = path.stat()
    return {"size": info.st_size, "mtime_ns": info.st_mtime_ns}


def _recorded(raw_root: Path, release: Release, file: SourceFile) -> dict | None:
    """The sidecar of a cached file whose content still has the recorded checksum, else None."""
    path = cached_path(raw_root, release, file)
    sidecar = sidecar_path(path)
    if not (path.exists() and sidecar.exists()):
        return None
    recorded = json.loads(sidecar.read_text())
    if recorded.get("stat") != _stat(path) and recorded.get("sha256") != sha256(path):
        return None
    return recorded


def is_cached(raw_root: Path, release: Release, file: SourceFile) -> bool:
    recorded = _recorded(raw_root, release, file)
    return recorded is not None and file.sha256 in (None, recorded.get("sha256"))


Opener = Callable[..., object]


def download(
    url: str,
    target: Path,
    *,
    opener: Opener = urllib.request.urlopen,
    attempts: int = ATTEMPTS,
    timeout: float = TIMEOUT_SECONDS,
    backoff: float = BACKOFF_SECONDS,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Download ``url`` to ``target``, retrying network errors, server errors (5xx, 408, 429) and
    timeouts with exponential backoff (backoff, 2 x backoff, ...). ``opener`` is urllib's urlopen
    or anything called the same way; ``sleep`` is injectable so tests need not wait."""
    last_error: Exception | None = None
    for attempt in range(attempts):
        try:
            request = urllib.request.Request(url, headers={"User-Agent": "beyond-gdp-etl/0.1"})
            with opener(request, timeout=timeout) as response:
                with target.open("wb") as handle:
                    shutil.copyfileobj(response, handle)
            return
        except urllib.error.HTTPError as exc:
            if exc.code < 500 and exc.code not in RETRY_STATUS:  # e.g. 404: asking again won't help
                raise FetchError(f"could not download {url}: HTTP {exc.code} {exc.reason}") from exc
            last_error = exc
        except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
            last_error = exc
        if attempt + 1 < attempts:
            sleep(backoff * 2**attempt)
    target.unlink(missing_ok=True)
    raise FetchError(f"could not download {url} after {attempts} attempts: {last_error}")


def fetch_file(
    source: Source,
    release: Release,
    file: SourceFile,
    raw_root: Path,
    mirror: Path | None,
    *,
    opener: Opener = urllib.request.urlopen,
) -> bool:
    """Fetch one file into the cache; True when something new arrived."""
    recorded = _recorded(raw_root, release, file)
    if recorded is not None and file.sha256 in (None, recorded.get("sha256")):
        path = cached_path(raw_root, release, file)
        if recorded.get("stat") != _stat(path):  # touched, or an older sidecar: hashed once more
            sidecar_path(path).write_text(json.dumps({**recorded, "stat": _stat(path)}, indent=2))
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
        download(file.url, partial, opener=opener)
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
        "stat": _stat(target),
        "note": release.note,
    }
    sidecar = sidecar_path(target)
    staged = sidecar.with_name(sidecar.name + ".part")
    staged.write_text(json.dumps(provenance, indent=2) + "\n")
    os.replace(staged, sidecar)
    return True


def read_provenance(raw_root: Path, release: Release, file: SourceFile) -> dict:
    return json.loads(sidecar_path(cached_path(raw_root, release, file)).read_text())
