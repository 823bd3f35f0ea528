"""Data and methods: what each indicator means and where it comes from, which releases and files
are loaded, how industries are classified, and every figure as a download."""

import re

import streamlit as st

from dashboard import fmt, state
from dashboard.catalogue import indicators, theme_rank
from dashboard.db import query
from etl.config import REFERENCE_DIR

st.title("Data and methods")

st.header("Indicators")
catalogue = query("methods_catalogue").sort_values(
    "theme", key=lambda themes: themes.map(theme_rank), kind="stable"
)
st.dataframe(
    catalogue.rename(
        columns={
            "title": "Indicator",
            "theme": "Theme",
            "definition": "Definition",
            "unit": "Unit",
            "polarity": "Better when",
            "source": "Source",
            "latest_release": "Latest release loaded",
            "next_expected": "Next release expected",
            "past_due": "Past due",
            "caveats": "Caveats",
            "indicator_id": "Id",
        }
    )
    .replace({"Better when": {"higher_better": "higher", "lower_better": "lower"}})
    .assign(Theme=lambda table: table["Theme"].map(fmt.theme)),
    hide_index=True,
    key="methods_catalogue",
)
st.caption(
    "Next release expected = the latest release loaded plus the publication's usual cadence. "
    "'Better when' sets how gaps and ranks are described; 'neutral' indicators are not judged."
)

st.header("Release history")
releases = query("methods_releases")
st.dataframe(
    releases.assign(fetched_at=releases["fetched_at"].str[:10]).rename(
        columns={
            "publication": "Publication",
            "release_label": "Release",
            "release_date": "Released",
            "file_name": "File",
            "sha256": "SHA-256",
            "fetched_at": "Fetched",
            "download_url": "Downloaded from",
            "note": "Note",
            "release_id": "Release id",
        }
    ),
    hide_index=True,
    key="methods_releases",
)

st.header("Sector taxonomy")
st.markdown(
    "Each industry carries two independent lenses: **foundational** (the everyday economy of "
    "care, health, education, utilities, food, retail and transport) and **frontier** (the "
    "high-tech and knowledge-intensive sectors industrial strategy favours). A lens is "
    "`partial` where an ONS industry group bundles divisions on both sides of it; such groups "
    "go to the *Mixed or partial* bucket rather than being forced into one side."
)
st.dataframe(query("methods_industries"), hide_index=True, key="methods_industries")
with st.expander("The taxonomy note in full (data/reference/sector-taxonomy.md)"):
    note = (REFERENCE_DIR / "sector-taxonomy.md").read_text(encoding="utf-8")
    st.markdown(re.sub(r"^#", "###", note, flags=re.MULTILINE))  # headings below the page's

st.header("Bulk downloads")
catalogue = indicators()
catalogue_ids = list(catalogue)
indicator = state.choice("indicator", catalogue_ids, catalogue_ids[0])
state.show_notices()
indicator = st.selectbox(
    "Indicator",
    catalogue_ids,
    index=catalogue_ids.index(indicator),
    format_func=lambda i: catalogue[i]["title"],
    key="methods_indicator",
)
state.remember(indicator=indicator)


def csv_bytes() -> bytes:
    return query("methods_download", indicator).to_csv(index=False).encode("utf-8")


st.download_button(
    f"Download every figure for {catalogue[indicator]['short_title']} (CSV)",
    data=csv_bytes,
    file_name=f"{indicator}.csv",
    mime="text/csv",
    key="methods_download",
)
st.caption(
    "The file is built when you click: every area, industry, sex and period the dashboard "
    "shows, from the latest release for each level, with status markers and 95% limits. "
    "© Crown copyright, Office for National Statistics, Open Government Licence v3.0."
)
