"""Running a dashboard page under AppTest, shared by the page tests."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from etl.config import PROJECT_ROOT

APP = str(PROJECT_ROOT / "app.py")


def run_page(page: str | None, timeout: int = 120, **params: str) -> AppTest:
    """Run app.py with the link's query parameters, on ``page`` (a pages/*.py path) or home."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        at.switch_page(page)
    return at.run()


def bold(at: AppTest) -> list[str]:
    """The generated summary sentences, which pages show in bold."""
    return [m.value.strip("*") for m in at.markdown if m.value.startswith("**")]
