"""The committed embedded default is what this ETL produces from the ONS files."""

import duckdb

from tests.conftest import requires_mirror

SUMMARY = (
    "SELECT release_id, indicator_id, count(*), count(value), round(sum(value), 3) "
    "FROM core.observation GROUP BY ALL ORDER BY ALL"
)


@requires_mirror
def test_default_data_matches_a_fresh_build(mirror_warehouse, default_warehouse):
    with (
        duckdb.connect(str(mirror_warehouse), read_only=True) as built,
        duckdb.connect(str(default_warehouse), read_only=True) as shipped,
    ):
        assert built.execute(SUMMARY).fetchall() == shipped.execute(SUMMARY).fetchall()


def test_default_data_serves_all_twelve_regions(default_warehouse):
    with duckdb.connect(str(default_warehouse), read_only=True) as con:
        n = con.execute(
            "SELECT count(DISTINCT geo_code) FROM mart.observation_latest "
            "WHERE geo_level = 'ITL1' AND indicator_id = 'gva_per_head_gbp'"
        ).fetchone()[0]
    assert n == 12
