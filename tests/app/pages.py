"""Running a dashboard page under AppTest, shared by the page tests."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from etl.config import PROJECT_ROOT

APP = str(PROJECT_ROOT / "app.py")


def open_page(page: str | None, timeout: int = 120, **params: str) -> AppTest:
    """app.py ready to run with the link's query parameters, on ``page`` (a pages/*.py path) or
    home. AppTest routes through app.py's ``st.navigation`` only once a run has registered the
    pages (before that it would run the page file alone), so a page is opened from home, as a
    reader following a link within the app would."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    if page:
        at.run().switch_page(page)
        for key in list(at.query_params):
            del at.query_params[key]  # the link alone sets the page's state, not home's
    for key, value in params.items():
        at.query_params[key] = value
    return at


def run_page(page: str | None, timeout: int = 120, **params: str) -> AppTest:
    """Run app.py with the link's query parameters, on ``page`` (a pages/*.py path) or home."""
    return open_page(page, timeout, **params).run()


def bold(at: AppTest) -> list[str]:
    """The generated summary sentences, which pages show in bold."""
    return [m.value.strip("*") for m in at.markdown if m.value.startswith("**")]
