"""Export the served tables for other tools: every mart table as Parquet and as CSV, partitioned
by indicator and geography level where the table has those columns (hive layout:
``indicator_id=.../geo_level=.../``, readable by Spark, Trino, DuckDB and pandas), plus a data
dictionary in Markdown and JSON built from core.indicator and the table schemas, and a README
with the Open Government Licence attribution."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb

from etl.catalogue import LICENCE_LINE

PARTITION_COLUMNS = ("indicator_id", "geo_level")
# What the columns that recur across the mart tables hold; table-specific ones are listed as
# their name and type only.
COLUMN_NOTES = {
    "indicator_id": "indicator identifier; see the indicator list",
    "geo_code": "area code: ITL code for UK, countries and ITL regions, GSS code otherwise",
    "geo_name": "area name",
    "geo_level": "UK, Country, ITL1, ITL2, ITL3, CAUTH, CTYUA, LAD or Other",
    "parent_code": "code of the area that contains this one",
    "itl1_code": "ITL1 region the area lies in",
    "industry_code": "ONS regional accounts or SIC 2007 industry code; 'Total' when not by industry",
    "industry_name": "industry name",
    "sex": "all, male or female",
    "period": "period as published (e.g. 2021, 2022/23)",
    "period_start": "first day of the period",
    "value": "the figure, in the indicator's unit; empty when suppressed or unavailable",
    "lci_95": "lower bound of the 95% confidence interval, where published",
    "uci_95": "upper bound of the 95% confidence interval, where published",
    "status": "marker when there is no value: x, .., u, c, *, na or blank",
    "is_leaf": "true for the industry rows no other row subdivides: summing them never double counts",
    "release_id": "source and release date the figure comes from",
    "release_date": "date of that release",
    "release_label": "name of that release",
    "source_id": "publication the figure comes from",
    "bucket": "exclusive sector-lens bucket of the industry",
    "gva_gbp_m": "gross value added, £ million, current prices",
    "share_pct": "share of the area's GVA, percent",
}


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    schema, name = table.split(".")
    return con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
        [schema, name],
    ).fetchall()


def mart_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "SELECT 'mart.' || table_name FROM information_schema.tables "
        "WHERE table_schema = 'mart' AND table_type = 'BASE TABLE' ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows]


def _copy(con: duckdb.DuckDBPyConnection, table: str, folder: Path, fmt: str) -> None:
    """One table to ``folder`` in ``fmt`` (parquet or csv), partitioned where it can be."""
    names = [c for c, _ in _columns(con, table)]
    partitions = [c for c in PARTITION_COLUMNS if c in names]
    folder.mkdir(parents=True)
    options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER"
    if partitions:
        options += f", PARTITION_BY ({', '.join(partitions)})"
        if fmt == "csv":  # a CSV file should say what it holds without its folder names
            options += ", WRITE_PARTITION_COLUMNS true"
        target = folder
    else:
        target = folder / f"{table.split('.')[1]}.{fmt}"
    # the table name comes from the catalogue, not from input; the target is bound
    con.execute(f"COPY (SELECT * FROM {table}) TO ? ({options})", [str(target)])


def dictionary(con: duckdb.DuckDBPyConnection, tables: list[str]) -> dict:
    """Indicators (from core.indicator, with the levels and periods served) and table schemas."""
    indicators = con.execute(
        """
        SELECT i.*, s.levels, s.first_period, s.last_period, coalesce(s.n, 0) AS rows_served
        FROM core.indicator AS i
        LEFT JOIN (
            SELECT indicator_id, list(DISTINCT geo_level ORDER BY geo_level) AS levels,
                   min(period) AS first_period, max(period) AS last_period, count(*) AS n
            FROM mart.observation_latest
            GROUP BY indicator_id
        ) AS s USING (indicator_id)
        ORDER BY i.theme, i.indicator_id
        """
    ).df()
    build_id, built_at = con.execute("SELECT build_id, built_at_utc FROM core.build").fetchone()
    return {
        "build_id": build_id,
        "built_at_utc": built_at,
        "licence": f"Contains public sector information from the {LICENCE_LINE}.",
        "indicators": json.loads(indicators.to_json(orient="records", date_format="iso")),
        "tables": {
            table: {
                "rows": con.execute(f"SELECT count(*) FROM {table}").fetchone()[0],
                "partitioned_by": [c for c, _ in _columns(con, table) if c in PARTITION_COLUMNS],
                "columns": [
                    {"name": c, "type": t, "description": COLUMN_NOTES.get(c, "")}
                    for c, t in _columns(con, table)
                ],
            }
            for table in tables
        },
    }


def _markdown(spec: dict) -> str:
    lines = [
        "# Data dictionary",
        "",
        f"Warehouse build `{spec['build_id']}`, {spec['built_at_utc']}. {spec['licence']}",
        "",
        "## Indicators",
        "",
        "| id | title | unit | polarity | theme | levels | periods | definition | caveats |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for i in spec["indicators"]:
        levels = ", ".join(i.get("levels") or [])
        periods = f"{i['first_period']} to {i['last_period']}" if i.get("first_period") else ""
        cells = [
            f"`{i['indicator_id']}`",
            i["title"],
            i["unit"],
            i["polarity"],
            i["theme"],
            levels,
            periods,
            i["definition"],
            i.get("caveats") or "",
        ]
        lines.append("| " + " | ".join(str(c).replace("|", "/").replace("\n", " ") for c in cells))
    for table, info in spec["tables"].items():
        by = ", ".join(info["partitioned_by"]) or "not partitioned"
        lines += ["", f"## {table}", "", f"{info['rows']:,d} rows; files partitioned by {by}.", ""]
        lines += ["| column | type | description |", "|---|---|---|"]
        lines += [f"| {c['name']} | {c['type']} | {c['description']} |" for c in info["columns"]]
    return "\n".join(lines) + "\n"


def _readme(spec: dict) -> str:
    return f"""# UK regions beyond GDP: data export

Exported from warehouse build `{spec["build_id"]}` ({spec["built_at_utc"]}).

- `parquet/<table>/`: each mart table as Parquet (zstd), in hive partitions
  `indicator_id=<id>/geo_level=<level>/` where the table has those columns; the partition columns
  are in the folder names, as Spark, Trino and DuckDB expect.
- `csv/<table>/`: the same as CSV with a header, the partition columns kept in each file.
- `data_dictionary.md`, `data_dictionary.json`: every indicator (title, unit, definition,
  caveats, levels and periods served) and every table's columns.

Reading it back, e.g. with DuckDB:

```sql
SELECT * FROM read_parquet('parquet/observation_latest/**/*.parquet', hive_partitioning = true)
WHERE indicator_id = 'gva_cp_gbp_m' AND geo_level = 'ITL1';
```

## Licence and attribution

Source: Office for National Statistics. Contains public sector information licensed under the
Open Government Licence v3.0
(https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/).
© Crown copyright. Boundaries contain OS data © Crown copyright and database right. Some inputs
are third-party re-expressions of ONS tables; each release's note in the data dictionary and the
warehouse's raw.release_file say so.
"""


def export(warehouse: Path, out: Path, progress=lambda _: None) -> dict:
    """Write the export into ``out`` (its parquet/ and csv/ folders are replaced); returns the
    data dictionary."""
    out.mkdir(parents=True, exist_ok=True)
    for folder in ("parquet", "csv"):
        shutil.rmtree(out / folder, ignore_errors=True)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        con.execute("SET enable_progress_bar = false")
        tables = mart_tables(con)
        for table in tables:
            for fmt in ("parquet", "csv"):
                progress(f"{fmt} {table}")
                _copy(con, table, out / fmt / table.split(".")[1], fmt)
        spec = dictionary(con, tables)
    finally:
        con.close()
    (out / "data_dictionary.json").write_text(json.dumps(spec, indent=2, default=str) + "\n")
    (out / "data_dictionary.md").write_text(_markdown(spec))
    (out / "README.md").write_text(_readme(spec))
    return spec
