"""Exports of a chart view that carry their own context: PNG and SVG drawn by kaleido in a headless
Chromium, CSV of exactly the data drawn, and a self-contained HTML page with the interactive chart.
Each carries the title, subtitle, plain-language summary, source with release, notes, licence
line and fetch date. The app and ``python -m dashboard.pack`` use these same functions.

CSV context travels as leading ``#`` comment lines, one per item, followed by a normal header and
rows: ``pandas.read_csv(path, comment="#")`` reads back exactly the data drawn.
"""

from __future__ import annotations

import asyncio
import atexit
import html
import io
import os
import re
import struct
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path

import plotly.graph_objects as go

from dashboard import footer as footers
from dashboard.views import View

INSTALL_HINT = (
    "PNG and SVG downloads need Chromium on the server: install it with "
    "`apt-get install chromium` and restart the app. CSV and HTML downloads work without it."
)
RENDER_TIMEOUT_S = 60
START_TIMEOUT_S = 60


@dataclass(frozen=True)
class Preset:
    name: str
    width: int
    height: int
    format: str  # the format the preset is meant for; any image format can use it
    font_size: int


PRESETS = {
    "social": Preset("social", 1200, 675, "png", font_size=15),
    "print": Preset("print", 1600, 1000, "svg", font_size=17),
}
FORMATS = ("png", "svg", "csv", "html")
MIME = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "csv": "text/csv",
    "html": "text/html",
}


class ImagesUnavailable(RuntimeError):
    """No usable browser for static images; the message says what to install."""


def find_browser() -> str | None:
    """The Chromium kaleido would drive (``BROWSER_PATH`` overrides), if it is executable."""
    from choreographer.browsers.chromium import Chromium

    path = Chromium.find_browser(skip_local=False)
    return path if path and Path(path).is_file() and os.access(path, os.X_OK) else None


class _ImageServer:
    """One kaleido browser per process, started on first use and kept for later images.

    kaleido's own ``start_sync_server`` pairs requests and replies through shared queues, which
    mixes up replies when several sessions export at once, and waits forever if the browser fails
    to start. This runs the same ``Kaleido`` on a private event loop instead: any thread may
    submit, each caller gets its own reply, and every wait has a timeout.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kaleido = None

    def _start(self) -> None:
        from kaleido import Kaleido

        browser = find_browser()
        if browser is None:
            raise ImagesUnavailable(INSTALL_HINT)
        loop = asyncio.new_event_loop()
        threading.Thread(target=loop.run_forever, name="kaleido", daemon=True).start()

        async def open_browser():
            kaleido = Kaleido(n=1, mathjax=False, path=browser)
            await kaleido.open()
            return kaleido

        try:
            self._kaleido = asyncio.run_coroutine_threadsafe(open_browser(), loop).result(
                START_TIMEOUT_S
            )
        except Exception as exc:
            loop.call_soon_threadsafe(loop.stop)
            raise ImagesUnavailable(
                f"Chromium at {browser} did not start ({exc}). {INSTALL_HINT}"
            ) from exc
        self._loop = loop

    def render(self, figure: dict, opts: dict) -> bytes:
        with self._lock:
            if self._loop is None:
                self._start()
            loop, kaleido = self._loop, self._kaleido
        job = asyncio.run_coroutine_threadsafe(kaleido.calc_fig(figure, opts=opts), loop)
        try:
            return job.result(RENDER_TIMEOUT_S)
        except TimeoutError:
            job.cancel()
            self.stop()  # a browser that stopped answering is replaced on the next request
            raise

    def stop(self) -> None:
        with self._lock:
            loop, kaleido, self._loop, self._kaleido = self._loop, self._kaleido, None, None
        if loop is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(kaleido.close(), loop).result(10)
        except Exception:  # noqa: BLE001 - the browser may already be gone
            pass
        loop.call_soon_threadsafe(loop.stop)


SERVER = _ImageServer()
atexit.register(SERVER.stop)


def images_unavailable_reason() -> str | None:
    """Why PNG/SVG cannot be made here, or None when they can (cheap: starts nothing)."""
    return None if find_browser() else INSTALL_HINT


def figure(view: View, preset: Preset) -> go.Figure:
    """The view's chart laid out for a static image of the preset's exact size."""
    return footers.apply(
        view.figure,
        view.footer,
        summary=view.summary,
        width=preset.width,
        height=preset.height,
        font_size=preset.font_size,
    )


def _image(view: View, preset: Preset, fmt: str) -> bytes:
    fig = figure(view, preset).to_dict()
    opts = {"format": fmt, "width": preset.width, "height": preset.height, "scale": 1}
    return SERVER.render(fig, opts)


def png(view: View, preset: Preset = PRESETS["social"]) -> bytes:
    """The image, with title, summary, source and licence also as PNG text metadata."""
    foot = view.footer
    items = {
        "Title": foot.title,
        "Description": view.summary,
        "Comment": " ".join([foot.source, foot.notes, foot.fetched]),
        "Copyright": foot.licence,
    }
    data = _image(view, preset, "png")
    chunks = b"".join(
        _png_chunk(b"iTXt", k.encode() + b"\0" * 5 + v.encode()) for k, v in items.items()
    )
    return data[:_PNG_HEADER] + chunks + data[_PNG_HEADER:]


_PNG_HEADER = 8 + 25  # signature, then the IHDR chunk that must come first


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def svg(view: View, preset: Preset = PRESETS["print"]) -> bytes:
    """The image with deterministic ids, titled and described for screen readers."""
    text = normalise_svg(_image(view, preset, "svg").decode())
    root_end = text.index(">", text.index("<svg")) + 1
    described = (
        f"<title>{html.escape(view.footer.title)}</title>"
        f"<desc>{html.escape(' '.join([view.summary, *view.footer.lines()]))}</desc>"
    )
    root = text[:root_end].replace("<svg ", '<svg role="img" ', 1)
    return (root + described + text[root_end:]).encode()


_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r"""(\bid="|url\(['"]?#|href="#)([^"')]+)""")


def normalise_svg(svg_text: str) -> str:
    """Replace the random ids plotly generates (clip paths, patterns, defs) with ids numbered in
    order of appearance, and every reference to them, so the same chart gives the same bytes."""
    numbered: dict[str, str] = {}
    for found in _ID.finditer(svg_text):
        numbered.setdefault(found.group(1), f"chart-{len(numbered)}")
    return _REFERENCE.sub(
        lambda m: m.group(1) + numbered.get(m.group(2), m.group(2)),
        svg_text,
    )


def context_lines(view: View, link: str = "") -> list[str]:
    """Everything that must travel with the data, one item per line."""
    foot = view.footer
    items = [foot.title, foot.subtitle, view.summary, *foot.lines()]
    if link:
        items.append(f"Link: {link}")
    return [" ".join(item.split()) for item in items if item]


def csv(view: View, link: str = "") -> str:
    """``#`` context lines, then exactly ``view.data`` as CSV."""
    buffer = io.StringIO()
    for line in context_lines(view, link):
        buffer.write(f"# {line}\n")
    view.data.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<meta name="description" content="{summary}">
<style>
body {{ font-family: "DejaVu Sans", Arial, sans-serif; color: #222222; max-width: 1200px;
  margin: 1.5rem auto; padding: 0 1rem; }}
h1 {{ font-size: 1.4rem; margin-bottom: 0.2rem; }}
.subtitle, footer {{ color: #555555; }}
footer p {{ margin: 0.2rem 0; font-size: 0.85rem; }}
table {{ border-collapse: collapse; font-size: 0.85rem; }}
th, td {{ border: 1px solid #cccccc; padding: 0.2rem 0.5rem; text-align: left; }}
</style>
</head>
<body>
<figure aria-labelledby="chart-title" aria-describedby="chart-summary">
<h1 id="chart-title">{title}</h1>
<p class="subtitle">{subtitle}</p>
<div role="img" aria-label="{summary}">
{chart}
</div>
<figcaption id="chart-summary"><strong>{summary}</strong></figcaption>
</figure>
<details>
<summary>Table view</summary>
{table}
</details>
<footer>
{footer}
</footer>
</body>
</html>
"""


def html_page(view: View, link: str = "") -> str:
    """A page that works offline: plotly.js inlined, the summary as the chart's accessible
    description, the footer and the data as text."""
    foot = view.footer
    fig = footers.apply(view.figure, foot)
    chart = fig.to_html(
        include_plotlyjs=True,
        full_html=False,
        div_id=f"chart-{view.name}",
        config={"displaylogo": False, "responsive": True},
    )
    footer = [html.escape(line) for line in foot.lines()]
    if link:
        footer.append(f'Link: <a href="{html.escape(link)}">{html.escape(link)}</a>')
    return _PAGE.format(
        title=html.escape(foot.title),
        subtitle=html.escape(foot.subtitle),
        summary=html.escape(view.summary),
        chart=chart,
        table=view.data.to_html(index=False, na_rep="", border=0),
        footer="\n".join(f"<p>{line}</p>" for line in footer),
    )


def render(view: View, fmt: str, preset: Preset = PRESETS["social"], link: str = "") -> bytes:
    """One export as bytes: ``fmt`` is one of FORMATS."""
    if fmt == "png":
        return png(view, preset)
    if fmt == "svg":
        return svg(view, preset)
    if fmt == "csv":
        return csv(view, link).encode()
    if fmt == "html":
        return html_page(view, link).encode()
    raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")


def file_name(view: View, fmt: str, preset: Preset | None = None) -> str:
    """e.g. ``ranked_gva_per_head_gbp_ITL1_2021_social.png``: readable and unique per view."""
    parts = [view.name, *(value for value in view.params.values() if value)]
    if fmt in ("png", "svg") and preset is not None:
        parts.append(preset.name)
    stem = "_".join(re.sub(r"[^A-Za-z0-9._-]+", "-", str(part)).strip("-") for part in parts)
    return f"{stem}.{fmt}"
