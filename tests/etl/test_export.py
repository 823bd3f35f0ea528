"""The export: partitioned Parquet and CSV that DuckDB reads back whole, a data dictionary listing
every indicator, and the licence attribution."""

from __future__ import annotations

import json

import duckdb

from etl.cli import main


def test_export_reads_back_whole(live, tmp_path, capsys):
    out = tmp_path / "export"
    assert main(["export", "--warehouse", str(live), "--out", str(out), "--quiet"]) == 0
    with duckdb.connect(str(live), read_only=True) as con:
        served = con.execute("SELECT count(*) FROM mart.observation_latest").fetchone()[0]
        by_part = con.execute(
            "SELECT indicator_id, geo_level, count(*) FROM mart.observation_latest "
            "GROUP BY ALL ORDER BY ALL"
        ).fetchall()
        indicators = {
            r[0] for r in con.execute("SELECT indicator_id FROM core.indicator").fetchall()
        }
    parquet = str(out / "parquet" / "observation_latest" / "**" / "*.parquet")
    read_back = duckdb.sql(
        "SELECT indicator_id, geo_level, count(*) FROM read_parquet(?, hive_partitioning = true) "
        "GROUP BY ALL ORDER BY ALL",
        params=[parquet],
    ).fetchall()
    assert read_back == by_part and sum(n for *_, n in read_back) == served
    assert (
        out / "parquet/observation_latest/indicator_id=gva_per_head_gbp/geo_level=ITL3"
    ).is_dir()
    csv = str(out / "csv" / "observation_latest" / "**" / "*.csv")
    assert duckdb.sql(
        "SELECT count(*) FROM read_csv(?, quote = '\"')", params=[csv]
    ).fetchall() == [(served,)]

    spec = json.loads((out / "data_dictionary.json").read_text())
    assert {i["indicator_id"] for i in spec["indicators"]} == indicators
    assert spec["tables"]["mart.observation_latest"]["rows"] == served
    markdown = (out / "data_dictionary.md").read_text()
    assert all(f"`{i}`" in markdown for i in indicators)
    readme = (out / "README.md").read_text()
    assert "Open Government Licence v3.0" in readme and "Office for National Statistics" in readme
