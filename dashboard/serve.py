"""Serve the dashboard: ``python -m dashboard.serve [streamlit options]`` is ``streamlit run
app.py [options]`` with app.py's own navigation in charge from the first visitor on.

Streamlit treats a ``pages/`` folder beside the main script as its older automatic navigation
until some session has called ``st.navigation``: a freshly started server's first visitor who
arrived by a link to a page got that page alone, without app.py's layout, page titles, warehouse
check and sidebar. app.py registers every page itself, so the launcher says so before the server
starts."""

from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from etl.config import PROJECT_ROOT


def main(argv: list[str] | None = None) -> None:
    PagesManager.uses_pages_directory = False  # app.py's st.navigation routes every page
    options = sys.argv[1:] if argv is None else argv
    cli.main(["run", str(PROJECT_ROOT / "app.py"), *options], prog_name="streamlit")


if __name__ == "__main__":
    main()
