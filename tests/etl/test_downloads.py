"""Downloads against a tiny HTTP server on 127.0.0.1: a file, a 500 then success, a 404, a server
too slow for the timeout, a wrong checksum; and the cache that skips unchanged files unread."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import threading
import time
import urllib.error
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from etl import fetch
from etl.catalogue import Release, Source, SourceFile, Table
from etl.errors import FetchError

BODY = b"ITL code,Region name,2021\nTLC,North East,1\n"
SLOW_SECONDS = 1.0


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def do_GET(self):  # noqa: N802 (the http.server interface)
        count = self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/flaky.csv" and count == 1:
            self.send_error(500, "try again")
            return
        if self.path == "/missing.csv":
            self.send_error(404)
            return
        if self.path == "/slow.csv":
            time.sleep(SLOW_SECONDS)
        try:
            self.send_response(200)
            self.send_header("Content-Length", str(len(BODY)))
            self.end_headers()
            self.wfile.write(BODY)
        except BrokenPipeError:  # the client gave up waiting: the timeout under test
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    Handler.hits = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def _release(url: str, checksum: str | None) -> tuple[Source, Release, SourceFile]:
    file = SourceFile("test/table.csv", url, checksum, (Table(indicator="gva_cp_gbp_m"),))
    release = Release("test_source", dt.date(2024, 4, 24), "April 2024", {}, (file,))
    source = Source("test_source", "Test", "ONS", "https://example.invalid", "OGL", 12, "x", ())
    return source, release, file


def test_a_file_is_fetched_with_its_provenance(server, tmp_path):
    source, release, file = _release(f"{server}/table.csv", hashlib.sha256(BODY).hexdigest())
    assert fetch.fetch_file(source, release, file, tmp_path, mirror=None)
    assert fetch.cached_path(tmp_path, release, file).read_bytes() == BODY
    provenance = fetch.read_provenance(tmp_path, release, file)
    assert provenance["fetched_from"] == "url" and provenance["sha256"] == file.sha256
    assert not fetch.fetch_file(source, release, file, tmp_path, mirror=None)  # cached now
    assert Handler.hits == {"/table.csv": 1}


def test_a_server_error_is_retried_with_backoff(server, tmp_path):
    waits: list[float] = []
    target = tmp_path / "flaky.csv"
    fetch.download(f"{server}/flaky.csv", target, backoff=0.01, sleep=waits.append)
    assert target.read_bytes() == BODY
    assert Handler.hits == {"/flaky.csv": 2} and waits == [0.01]


def test_backoff_doubles_until_attempts_run_out():
    calls, waits = [], []

    def refusing(request, timeout):
        calls.append(timeout)
        raise urllib.error.URLError("connection refused")

    with pytest.raises(FetchError, match="after 4 attempts: <urlopen error connection refused>"):
        fetch.download(
            "http://127.0.0.1:9/x.csv",
            fetch.Path("/nonexistent/x"),
            opener=refusing,
            timeout=3,
            backoff=0.5,
            sleep=waits.append,
        )
    assert calls == [3, 3, 3, 3] and waits == [0.5, 1.0, 2.0]


def test_an_injected_opener_recovers_after_failures(tmp_path):
    responses = [urllib.error.URLError("reset"), TimeoutError("timed out"), io.BytesIO(BODY)]

    def opener(request, timeout):
        response = responses.pop(0)
        if isinstance(response, Exception):
            raise response
        return response

    target = tmp_path / "x.csv"
    fetch.download("http://127.0.0.1:9/x.csv", target, opener=opener, sleep=lambda _: None)
    assert target.read_bytes() == BODY and responses == []


def test_a_slow_server_times_out(server, tmp_path):
    started = time.monotonic()
    with pytest.raises(FetchError, match="after 2 attempts.*timed out"):
        fetch.download(
            f"{server}/slow.csv",
            tmp_path / "slow.csv",
            attempts=2,
            timeout=0.2,
            sleep=lambda _: None,
        )
    assert time.monotonic() - started < 2 * SLOW_SECONDS + 1
    assert not (tmp_path / "slow.csv").exists()


def test_not_found_is_not_retried(server, tmp_path):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch.download(f"{server}/missing.csv", tmp_path / "m.csv", sleep=lambda _: None)
    assert Handler.hits == {"/missing.csv": 1}


def test_a_wrong_checksum_is_refused_and_nothing_is_cached(server, tmp_path):
    source, release, file = _release(f"{server}/table.csv", "0" * 64)
    with pytest.raises(FetchError, match="does not match the declared 000000000000"):
        fetch.fetch_file(source, release, file, tmp_path, mirror=None)
    folder = fetch.cached_path(tmp_path, release, file).parent
    assert list(folder.iterdir()) == []
    assert not fetch.is_cached(tmp_path, release, file)


def test_unchanged_files_are_not_read_again(server, tmp_path, monkeypatch):
    source, release, file = _release(f"{server}/table.csv", hashlib.sha256(BODY).hexdigest())
    fetch.fetch_file(source, release, file, tmp_path, mirror=None)

    def no_hashing(path):
        raise AssertionError(f"{path} was hashed although its size and time are as recorded")

    monkeypatch.setattr(fetch, "sha256", no_hashing)
    assert fetch.is_cached(tmp_path, release, file)
    monkeypatch.undo()

    fetch.cached_path(tmp_path, release, file).write_bytes(BODY + b"TLD,North West,2\n")
    assert not fetch.is_cached(tmp_path, release, file)  # changed: hashed, and no longer matches
