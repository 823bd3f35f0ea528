"""The chart panel on the home page: download buttons for every export, the permalink, and a
clear install message instead of image buttons where no Chromium is installed."""

from streamlit.testing.v1 import AppTest

from dashboard import export
from etl.config import PROJECT_ROOT

APP = str(PROJECT_ROOT / "app.py")
RANKED_LINK = "?chart=ranked&indicator=gva_per_head_gbp&level=ITL1&year=2021"


def test_every_chart_offers_downloads_and_a_permalink(app_warehouse):
    images = ["PNG image (1200×675)", "SVG image (1600×1000)"] if export.find_browser() else []
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    for chart in ("gva_per_head_chart", "lens_share_chart"):
        keys = [b.proto.id for b in at.get("download_button") if chart in b.proto.id]
        assert len(keys) == len(images) + 2, keys
    assert labels[: len(images) + 2] == [*images, "CSV data", "Interactive HTML"]
    assert RANKED_LINK in [c.value for c in at.code]


def test_without_chromium_the_panel_says_what_to_install(app_warehouse, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert any("apt-get install chromium" in c.value for c in at.caption)
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels[:2] == ["CSV data", "Interactive HTML"]
