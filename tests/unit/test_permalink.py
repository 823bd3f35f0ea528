"""Permalinks round-trip to the same view, bad links are refused with reasons, and chart packs
build the same files from a permalink without a browser window."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from dashboard import pack, permalink
from dashboard.catalogue import indicators
from dashboard.permalink import Spec, SpecError
from dashboard.views import load_all, overview

BASE = "http://localhost:8501/home"


def test_a_permalink_rebuilds_the_same_view(app_warehouse):
    for view in (
        overview.ranked("gva_per_head_gbp", "ITL2", "2015"),
        overview.lens_share("ITL1", "2019"),
    ):
        link = permalink.url(Spec.of(view), BASE)
        assert link.startswith(f"{BASE}?chart={view.name}&")
        spec = permalink.parse(link)
        assert spec == Spec.of(view)
        rebuilt = permalink.build(spec)
        assert rebuilt.params == view.params
        assert rebuilt.summary == view.summary
        pd.testing.assert_frame_equal(rebuilt.data, view.data)


def test_values_that_need_escaping_survive_the_round_trip():
    spec = Spec("ranked", {"indicator": "a&b=c d", "level": "ITL1", "year": "2021/22"})
    for base in (BASE, "", "/home"):
        assert permalink.parse(permalink.url(spec, base)) == spec


def test_bad_links_and_specs_are_refused_with_reasons(app_warehouse):
    with pytest.raises(SpecError, match="no chart= parameter"):
        permalink.parse(f"{BASE}?year=2021")
    with pytest.raises(SpecError, match="no view called 'nope'"):
        permalink.build(Spec("nope", {}))
    with pytest.raises(SpecError, match="needs indicator_id"):
        permalink.build(Spec("ranked", {"level": "ITL1", "year": "2021"}))
    with pytest.raises(SpecError, match="does not take or reproduce"):
        permalink.build(Spec("lens_share", {"level": "ITL1", "year": "2021", "colour": "red"}))


def test_pack_writes_the_files_a_permalink_describes(app_warehouse, tmp_path):
    view = overview.ranked("gva_per_head_gbp", "ITL1", "2021")
    link = permalink.url(Spec.of(view), BASE)
    code = pack.main(["--permalink", link, "--format", "csv", "html", "--out", str(tmp_path)])
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "ranked_gva_per_head_gbp_ITL1_2021.csv",
        "ranked_gva_per_head_gbp_ITL1_2021.html",
    ]
    back = pd.read_csv(tmp_path / "ranked_gva_per_head_gbp_ITL1_2021.csv", comment="#")
    pd.testing.assert_frame_equal(
        back, view.data.reset_index(drop=True), check_dtype=False, check_exact=True
    )


def test_for_each_indicator_uses_each_indicators_latest_year(app_warehouse):
    specs, skipped = pack.expand(
        Spec("ranked", {"level": "ITL1", "year": "latest"}), for_each_indicator=True
    )
    assert not skipped
    assert [s.params["indicator"] for s in specs] == list(indicators())
    con = duckdb.connect(str(app_warehouse), read_only=True)
    for spec in specs:
        latest = con.execute(
            "SELECT max(period) FROM mart.observation_latest WHERE indicator_id = ? "
            "AND geo_level = 'ITL1' AND industry_code = 'Total' AND value IS NOT NULL",
            [spec.params["indicator"]],
        ).fetchall()[0][0]
        assert spec.params["year"] == latest


def test_pack_spec_file_runs_several_charts(app_warehouse, tmp_path):
    spec_file = tmp_path / "charts.yml"
    spec_file.write_text(
        "- view: ranked\n"
        "  params: {indicator: gva_per_head_index, level: ITL2, year: 2010}\n"
        "- view: lens_share\n"
        "  params: {level: ITL1, year: latest}\n"
        "  formats: [csv]\n"
    )
    out = tmp_path / "out"
    code = pack.main(["--spec", str(spec_file), "--format", "csv", "--out", str(out), "--quiet"])
    # lens_share has no indicator, so year=latest cannot be resolved: skipped, not failed
    assert code == 0
    assert [p.name for p in out.iterdir()] == ["ranked_gva_per_head_index_ITL2_2010.csv"]


def test_for_each_area_needs_a_view_with_an_area_parameter(app_warehouse):
    with pytest.raises(SpecError, match="no area parameter"):
        pack.expand(
            Spec("ranked", {"indicator": "gva_per_head_gbp", "level": "ITL1", "year": "2021"}),
            for_each_area="ITL1",
        )


def test_for_each_area_gives_one_spec_per_area_of_the_level(app_warehouse):
    by_area = [name for name in load_all() if permalink.takes(name, "area")]
    if not by_area:
        pytest.skip("no registered view takes an area")
    specs, skipped = pack.expand(Spec(by_area[0], {}), for_each_area="ITL1")
    con = duckdb.connect(str(app_warehouse), read_only=True)
    itl1 = [
        r[0]
        for r in con.execute(
            "SELECT geo_code FROM core.geography WHERE geo_level = 'ITL1' ORDER BY geo_code"
        ).fetchall()
    ]
    assert len(itl1) == 12 and not skipped
    assert [s.params["area"] for s in specs] == itl1
