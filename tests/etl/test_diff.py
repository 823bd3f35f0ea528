"""Diffs between the two releases of GVA by industry (April 2023 and April 2024 CSVs), and between
two warehouses."""

from __future__ import annotations

from etl import diff
from etl.cli import main


def test_revisions_between_the_two_releases(gva_warehouse):
    changes = diff.compare_releases(gva_warehouse, "gva_industry_itl")
    assert (changes.old, changes.new) == (
        "gva_industry_itl@2023-04-25",
        "gva_industry_itl@2024-04-24",
    )
    revised = changes["revised"].set_index(["indicator_id", "geo_code", "industry_code", "period"])
    # Tees Valley and Durham, all industries, 1998: "12,219" in 2023, "12,210" in 2024
    row = revised.loc[("gva_cp_gbp_m", "TLC1", "Total", "1998")]
    assert (row["old_value"], row["new_value"], row["change"]) == (12_219, 12_210, -9)
    # compared only where both releases publish: ITL2 and ITL3 current prices, 1998 to 2021
    summary = changes["revised_by_indicator"].set_index("indicator_id")
    assert list(summary.index) == ["gva_cp_gbp_m"]
    assert 0 < summary.loc["gva_cp_gbp_m", "revised"] < summary.loc["gva_cp_gbp_m", "compared"]
    assert set(revised.index.get_level_values("period")) <= {str(y) for y in range(1998, 2022)}


def test_new_periods_and_dropped_series(gva_warehouse):
    changes = diff.compare_releases(gva_warehouse, "gva_industry_itl")
    new_periods = changes["new_periods"]
    assert new_periods[["indicator_id", "period"]].values.tolist() == [["gva_cp_gbp_m", "2022"]]
    dropped = changes["dropped_series"]
    # the 2024 copies hold ITL2 and ITL3 current prices only: ITL1 series and CVM are not there
    assert {"TLC", "TLN", "UK"} <= set(
        dropped.loc[dropped.indicator_id == "gva_cp_gbp_m", "geo_code"]
    )
    assert ["gva_cvm_gbp_m", "*", "*", "*"] in dropped.values.tolist()


def test_a_warehouse_against_itself_has_no_changes(gva_warehouse):
    changes = diff.compare_warehouses(gva_warehouse, gva_warehouse)
    assert changes["revised"].empty and changes["new_periods"].empty
    assert changes["dropped_series"].empty and changes["new_series"].empty
    assert changes["revised_by_indicator"]["compared"].sum() > 1_000_000


def test_command_line_diff(gva_warehouse, tmp_path, capsys):
    args = ["diff", "--warehouse", str(gva_warehouse), "--source", "gva_industry_itl"]
    assert main([*args, "--limit", "5", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "changes from gva_industry_itl@2023-04-25 to gva_industry_itl@2024-04-24" in out
    assert "largest revisions" in out and (tmp_path / "revised.csv").exists()
    assert main(["diff", "--warehouse", str(gva_warehouse), "--against", str(gva_warehouse)]) == 0
    assert main(["diff", "--warehouse", str(gva_warehouse), "--source", "gva_per_head"]) == 2
