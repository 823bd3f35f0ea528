"""Property-based tests on every extractor that reads cells: the rows of a real published table
are damaged (junk or wrong-typed cells, huge values, missing columns, shuffled or cut rows), and
the extractor must give either a well-formed tidy frame or a SourceFormatError naming the file,
never another exception and never a frame with values silently lost. Damaged CSV rows are written
to a CSV file, so that they take the reading path a published file takes; damaged workbook rows
are handed to the extractor in place of the sheet's."""

from __future__ import annotations

import csv
import importlib
import random
import tempfile
from functools import cache
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.catalogue import sources
from etl.config import SHARED_MIRROR
from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS
from etl.extract.cells import read_rows
from tests.conftest import requires_mirror

pytestmark = requires_mirror
MUTATIONS = ["junk", "wrong_type", "huge", "drop_column", "shuffle_tail", "cut_rows", "empty"]


def _first_table_per_extractor():
    seen = {}
    for source in sources().values():
        module = importlib.import_module(f"etl.extract.{source.extractor}")
        if source.extractor in seen or not hasattr(module, "read_rows"):
            continue  # one real table per extractor; parquet and geometry readers are elsewhere
        release = source.releases[-1]
        file, table = release.files[0], release.files[0].tables[0]
        options = {**release.layout, **table.options, "indicator": table.indicator}
        if table.sheet:
            options["sheet"] = table.sheet
        seen[source.extractor] = (module, SHARED_MIRROR / file.path, options)
    return [pytest.param(*v, id=k) for k, v in sorted(seen.items())]


@cache
def _rows(path: Path, sheet: str | None) -> tuple[tuple, ...]:
    return tuple(tuple(r) for r in read_rows(path, sheet))


def _mutate(rows: list[list], mutation: str, rng: random.Random) -> list[list]:
    rows = [list(r) for r in rows]
    filled = [(i, j) for i, r in enumerate(rows) for j, c in enumerate(r) if str(c).strip()]
    if mutation in ("junk", "wrong_type", "huge") and filled:
        i, j = rng.choice(filled)
        rows[i][j] = {"junk": "n/a!?", "wrong_type": True, "huge": 1e308}[mutation]
    elif mutation == "drop_column":
        j = rng.randrange(max(len(r) for r in rows))
        rows = [r[:j] + r[j + 1 :] for r in rows]
    elif mutation == "shuffle_tail":
        half = len(rows) // 2
        tail = rows[half:]
        rng.shuffle(tail)
        rows = rows[:half] + tail
    elif mutation == "cut_rows":
        rows = rows[: rng.randrange(1, len(rows))]
    elif mutation == "empty":
        rows = []
    return rows


@pytest.mark.parametrize(("module", "path", "options"), _first_table_per_extractor())
@settings(
    max_examples=20, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(mutation=st.sampled_from(MUTATIONS), seed=st.integers(0, 2**32 - 1))
def test_damaged_rows_give_a_tidy_frame_or_a_clear_error(module, path, options, mutation, seed):
    if not path.exists():
        pytest.skip(f"{path} is not in the mirror")
    damaged = _mutate(_rows(path, options.get("sheet")), mutation, random.Random(seed))
    with tempfile.TemporaryDirectory() as folder:
        try:
            if path.suffix == ".csv":
                read = Path(folder) / path.name
                with read.open("w", encoding="utf-8", newline="") as handle:
                    csv.writer(handle).writerows(damaged)
                frame = module.extract(read, dict(options))
            else:
                read = path
                with mock.patch.object(
                    module, "read_rows", lambda *a, **k: [list(r) for r in damaged]
                ):
                    frame = module.extract(path, dict(options))
        except SourceFormatError as error:
            assert read.name in str(error) and "expected" in str(error)
            return
    assert list(frame.columns) == OBSERVATION_COLUMNS
    assert (frame["value"].isna() == frame["status"].notna()).all()  # nothing lost silently
    assert frame["geo_code"].notna().all() and frame["period"].notna().all()
