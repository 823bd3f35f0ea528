"""AppTest for the area profile: default view, a changed selection, and hostile URL parameters."""

from streamlit.testing.v1 import AppTest

from tests.app.pages import bold, run_page


def _run(**params) -> AppTest:
    return run_page("pages/area_profile.py", timeout=120, **params)


def _metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


_bold = bold


def test_default_view_profiles_the_first_itl1_region(app_warehouse):
    at = _run()
    assert not at.exception
    assert at.radio(key="profile_level").value == "ITL1"
    assert at.query_params["level"] == "ITL1" and at.query_params["areas"]
    assert len(at.metric) >= 4
    assert len(at.get("plotly_chart")) == 2  # trends against the UK, sector mix


def test_london_card_shows_value_uk_gap_and_rank(app_warehouse):
    at = _run(areas="TLI")
    assert not at.exception and not at.info
    assert _metric(at, "GVA per head (2021)") == "£55,412"
    captions = [c.value for c in at.caption]
    assert "UK £30,443 · £24,969 (82.0%) above the UK: better · rank 1 of 12 ITL1 areas" in captions
    # totals are shares of the UK and ranked by size, never "worse than the UK"
    assert any("% of the UK total" in c and c.endswith("by size") for c in captions)
    summary = _bold(at)[0]
    assert summary.startswith("London has published figures for 22 indicators.")
    assert "GVA per head, 82.0% above the UK in 2021" in summary
    assert "Its best rank is 1 of 12 ITL1 areas on GVA per head (2021)" in summary
    assert summary.endswith("its lowest is 12 of 12 on Anxiety.")
    assert (
        "In 2021, GVA in London came 24.4% from foundational industries (UK 37.6%)" in _bold(at)[-1]
    )


def test_changing_level_and_area_changes_the_cards(app_warehouse):
    at = _run()
    at.radio(key="profile_level").set_value("LAD").run()
    at.selectbox(key="profile_area_LAD").set_value("E09000033").run()
    assert not at.exception
    assert at.query_params["level"] == "LAD" and at.query_params["areas"] == "E09000033"
    assert _metric(at, "GVA (2021)") == "£76,153 million"
    assert (
        "UK £2,040,499 million · 3.7% of the UK total · rank 2 of 374 local authority districts by size"
        in [c.value for c in at.caption]
    )


def test_link_with_hostile_parameters_falls_back_with_notices(app_warehouse):
    at = _run(level="ITL1'; DROP TABLE core.geography; --", areas="<script>alert(1)</script>")
    assert not at.exception
    notices = [i.value for i in at.info]
    assert sum("not available here" in n for n in notices) == 2
    assert at.radio(key="profile_level").value == "ITL1"
    assert at.query_params["areas"] != "<script>alert(1)</script>"


def test_areas_on_other_boundaries_say_so_in_the_picker(app_warehouse):
    at = _run(level="ITL2", areas="TLC3")
    assert not at.exception and not at.info
    picker = at.selectbox(key="profile_area_ITL2")
    assert picker.value == "TLC3"
    labels = picker.options
    assert "Tees Valley (TLC3, ITL 2025 boundary)" in labels
    assert "Tees Valley and Durham (TLC1)" in labels
    # GDHI's latest release is published on ITL 2025, so Tees Valley has its figure
    assert [m.label for m in at.metric] == ["GDHI per head (2023)"]
