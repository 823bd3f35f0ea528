"""AppTest for data and methods: catalogue, releases, taxonomy, and the on-click download."""

import io

import pandas as pd
from streamlit.testing.v1 import AppTest

from tests.app.pages import run_page


def _run(**params) -> AppTest:
    return run_page("pages/methods.py", timeout=120, **params)


def test_default_view_lists_catalogue_releases_and_taxonomy(app_warehouse):
    at = _run()
    assert not at.exception and not at.info
    catalogue = at.dataframe[0].value.set_index("Id")
    assert "gva_per_head_gbp" in catalogue.index
    row = catalogue.loc["gva_per_head_gbp"]
    assert row["Unit"] == "£" and row["Better when"] == "higher"
    assert "2023" in row["Latest release loaded"]
    releases = at.dataframe[1].value
    assert releases["SHA-256"].str.fullmatch(r"[0-9a-f]{64}").all()
    assert releases["File"].notna().all()
    industries = at.dataframe[2].value
    assert {"true", "false", "partial"} <= set(industries["frontier"])
    assert any("Sector taxonomy" in m.value for m in at.markdown)


def test_choosing_an_indicator_changes_the_download(app_warehouse):
    at = _run()
    at.selectbox(key="methods_indicator").set_value("gva_per_head_gbp").run()
    assert not at.exception
    assert at.query_params["indicator"] == "gva_per_head_gbp"
    assert "GVA per head (CSV)" in at.get("download_button")[0].proto.label


def test_the_csv_holds_the_published_figures(app_warehouse):
    from dashboard.db import query

    csv = query("methods_download", "gva_per_head_gbp").to_csv(index=False)
    frame = pd.read_csv(io.StringIO(csv))
    london = frame[(frame["geo_code"] == "TLI") & (frame["period"] == 2021)]
    assert london["value"].tolist() == [55412]


def test_link_with_a_hostile_indicator_falls_back_with_a_notice(app_warehouse):
    at = _run(indicator="../../etc/passwd")
    assert not at.exception
    assert any("not available here" in i.value for i in at.info)
    assert at.query_params["indicator"] != "../../etc/passwd"
