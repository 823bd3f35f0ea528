"""Exports of real views from the default warehouse: images of exactly the preset size that carry
their title, source and licence, deterministic SVG, CSV that reads back as the data drawn, and a
self-contained HTML page that describes the chart."""

from __future__ import annotations

import html
import io
import re
import struct
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest
from PIL import Image

from dashboard import charts, export
from dashboard.views import overview

LINK = "http://localhost:8501/?chart=ranked&indicator=gva_per_head_gbp&level=ITL1&year=2021"
needs_browser = pytest.mark.skipif(
    export.find_browser() is None,
    reason="no Chromium for kaleido's PNG/SVG export: `apt-get install chromium` (.ci/run does this)",
)


@pytest.fixture
def ranked(app_warehouse):
    return overview.ranked("gva_per_head_gbp", "ITL1", "2021")


@pytest.fixture
def lens(app_warehouse):
    return overview.lens_share("ITL1", "2021")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])  # IHDR width, height


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def _svg_text(svg: bytes) -> str:
    """All text drawn in the SVG, wrapped lines joined back with spaces."""
    pieces = re.findall(r"<text[^>]*>(.*?)</text>", svg.decode(), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", p)) for p in pieces).split()


def _contains(words: list[str], text: str) -> bool:
    return " ".join(text.split()) in " ".join(words)


@needs_browser
@pytest.mark.parametrize("preset", export.PRESETS.values(), ids=export.PRESETS)
def test_png_is_exactly_the_preset_size_and_draws_the_bars(ranked, preset):
    data = export.png(ranked, preset)
    assert _png_size(data) == (preset.width, preset.height)
    opened = Image.open(io.BytesIO(data))
    image = opened.convert("RGB")
    assert image.size == (preset.width, preset.height)
    counts = {colour: n for n, colour in image.getcolors(maxcolors=preset.width * preset.height)}
    pixels = preset.width * preset.height
    assert counts.get((255, 255, 255), 0) < 0.9 * pixels, "the image is (nearly) blank"
    # London and the South East are above the UK figure: solid bars in the 'above' colour
    assert counts.get(_rgb(charts.ABOVE), 0) > 0.02 * pixels
    assert opened.text["Title"] == ranked.footer.title
    assert opened.text["Description"] == ranked.summary
    assert opened.text["Copyright"] == ranked.footer.licence
    assert ranked.footer.source in opened.text["Comment"]


@needs_browser
def test_svg_carries_title_summary_source_licence_and_fetch_date(ranked, lens):
    for view in (ranked, lens):
        words = _svg_text(export.svg(view))
        foot = view.footer
        for text in (foot.title, foot.subtitle, view.summary, foot.source, foot.licence):
            assert _contains(words, text), text
        assert _contains(words, foot.fetched) and foot.fetched.startswith("Data fetched 20")
    svg = export.svg(ranked).decode()
    assert _contains(_svg_text(svg.encode()), "Open Government Licence v3.0")
    assert svg.startswith('<svg role="img" ')
    assert f"<title>{html.escape(ranked.footer.title)}</title>" in svg
    assert f"<desc>{html.escape(ranked.summary)} " in svg


@needs_browser
def test_svg_of_the_same_view_is_byte_identical(ranked, lens):
    for view in (ranked, lens):
        first, second = export.svg(view), export.svg(view)
        assert first == second
        ids = re.findall(rb'\bid="([^"]+)"', first)
        assert ids and all(re.fullmatch(rb"chart-\d+", i) for i in ids)


def test_svg_ids_are_renumbered_with_their_references():
    raw = (
        '<svg><defs id="defs-a1b2c3"><clipPath id="clipa1b2c3xyplot"/>'
        '<pattern id="pa1b2c3-ff00aa"/></defs>'
        '<g clip-path="url(#clipa1b2c3xyplot)"><path style="fill: url(\'#pa1b2c3-ff00aa\');"/>'
        '<use href="#defs-a1b2c3"/></g></svg>'
    )
    assert export.normalise_svg(raw) == (
        '<svg><defs id="chart-0"><clipPath id="chart-1"/>'
        '<pattern id="chart-2"/></defs>'
        '<g clip-path="url(#chart-1)"><path style="fill: url(\'#chart-2\');"/>'
        '<use href="#chart-0"/></g></svg>'
    )
    other_uid = raw.replace("a1b2c3", "9f8e7d").replace("ff00aa", "0b0b0b")
    assert export.normalise_svg(other_uid) == export.normalise_svg(raw)


@needs_browser
def test_concurrent_exports_each_get_their_own_image(app_warehouse):
    views = [
        overview.ranked("gva_per_head_gbp", "ITL1", year) for year in ("2005", "2012", "2021")
    ] + [overview.lens_share("ITL1", "2021")]
    with ThreadPoolExecutor(max_workers=len(views)) as pool:
        images = list(pool.map(export.svg, views))
    for view, svg in zip(views, images, strict=True):
        assert _contains(_svg_text(svg), view.footer.title)
        assert _contains(_svg_text(svg), view.summary)


def test_a_missing_browser_gives_the_install_command_not_a_traceback(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    assert export.find_browser() is None
    assert "apt-get install chromium" in export.images_unavailable_reason()
    with pytest.raises(export.ImagesUnavailable, match="apt-get install chromium"):
        export._ImageServer().render({"data": [], "layout": {}}, {"format": "png"})


def test_csv_reads_back_as_exactly_the_data_drawn(ranked, lens):
    for view in (ranked, lens):
        text = export.csv(view, LINK)
        back = pd.read_csv(io.StringIO(text), comment="#")
        assert list(back.columns) == list(view.data.columns)
        pd.testing.assert_frame_equal(
            back, view.data.reset_index(drop=True), check_dtype=False, check_exact=True
        )
        context = [line[2:] for line in text.splitlines() if line.startswith("# ")]
        foot = view.footer
        for item in (foot.title, foot.subtitle, view.summary, foot.source, foot.licence):
            assert item in context
        assert foot.fetched in context and f"Link: {LINK}" in context
        assert not text.splitlines()[len(context)].startswith("#")


def test_html_page_is_self_contained_and_describes_the_chart(ranked):
    page = export.html_page(ranked, LINK)
    foot = ranked.footer
    assert f"<title>{html.escape(foot.title)}</title>" in page
    assert f'aria-label="{html.escape(ranked.summary)}"' in page
    assert f'<figcaption id="chart-summary"><strong>{html.escape(ranked.summary)}</strong>' in page
    for line in foot.lines():
        assert f"<p>{html.escape(line)}</p>" in page
    assert "Plotly.newPlot" in page and "London" in page
    assert not re.search(r"<script[^>]+src=", page), "plotly.js must be inlined, not fetched"
    assert len(page) > 3_000_000  # the inlined plotly.js bundle


def test_file_names_are_readable_and_distinct(ranked, lens):
    social, print_ = export.PRESETS["social"], export.PRESETS["print"]
    assert export.file_name(ranked, "png", social) == "ranked_gva_per_head_gbp_ITL1_2021_social.png"
    assert export.file_name(ranked, "svg", print_) == "ranked_gva_per_head_gbp_ITL1_2021_print.svg"
    assert export.file_name(lens, "csv") == "lens_share_ITL1_2021.csv"
