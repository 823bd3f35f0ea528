"""Property-based tests on the wide-table extractor: junk cells, shuffled or missing columns,
wrong types and huge values give either exactly the right output or a clear SourceFormatError;
and on reading CSV files column-wise, which must give exactly the cells read row by row."""

from __future__ import annotations

import csv
import math
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS, wide_years
from etl.extract.cells import MARKERS as KNOWN_MARKERS
from etl.extract.cells import read_csv_columns, read_rows

ID_COLUMNS = [
    ["ITL code", "geo_code"],
    ["Region name", "geo_name"],
    ["SIC07 code", "industry_code"],
    ["SIC07 description", "industry_name"],
]
YEARS = ["2019", "2020", "2021"]
MARKERS = {"x": "x", "..": "..", "u": "u", "[c]": "c", "": "blank"}

numbers = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12).map(lambda n: (f"{n:,}", float(n))),
    st.floats(min_value=-1e300, max_value=1e300, allow_nan=False).map(lambda x: (repr(x), x)),
)
markers = st.sampled_from(sorted(MARKERS)).map(lambda m: (m, None))
junk = (
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz£%$#!'; ", min_size=1, max_size=12)
    .filter(lambda t: t.strip().lower() not in MARKERS | KNOWN_MARKERS.keys())
    .map(lambda t: (t, "junk"))
)


def _write(rows: list[list[str]]) -> Path:
    handle = tempfile.NamedTemporaryFile(
        "w", suffix=".csv", delete=False, newline="", encoding="utf-8"
    )
    csv.writer(handle).writerows(rows)
    handle.close()
    return Path(handle.name)


def _extract(path: Path):
    return wide_years.extract(path, {"indicator": "fuzz_value", "columns": ID_COLUMNS})


@settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    cells=st.lists(
        st.lists(st.one_of(numbers, markers, junk), min_size=3, max_size=3), min_size=1, max_size=6
    )
)
def test_cells_parse_exactly_or_fail_loudly(cells):
    header = [name for name, _ in ID_COLUMNS] + YEARS
    rows = [
        [f"TLC{i}", "Area", "Total", "All industries"] + [text for text, _ in row]
        for i, row in enumerate(cells)
    ]
    path = _write([header, *rows])
    has_junk = any(parsed == "junk" for row in cells for _, parsed in row)
    try:
        if has_junk:
            with pytest.raises(
                SourceFormatError, match=r"row \d+: expected a number or a known marker"
            ):
                _extract(path)
            return
        frame = _extract(path)
    finally:
        path.unlink()
    assert list(frame.columns) == OBSERVATION_COLUMNS and len(frame) == 3 * len(cells)
    got = frame.set_index(["geo_code", "period"])
    for i, row in enumerate(cells):
        for year, (text, parsed) in zip(YEARS, row, strict=True):
            value, status = got.loc[(f"TLC{i}", year), ["value", "status"]]
            if parsed is None:
                assert status == MARKERS[text.strip().lower()] and (
                    value is None or math.isnan(value)
                )
            else:
                assert status is None or (isinstance(status, float) and math.isnan(status))
                assert value == pytest.approx(parsed, rel=1e-12)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(order=st.permutations(range(4)), drop=st.sampled_from([None, 0, 1, 2, 3]))
def test_shuffled_or_missing_id_columns_are_rejected(order, drop):
    names = [ID_COLUMNS[i][0] for i in order if i != drop]
    if names == [name for name, _ in ID_COLUMNS]:
        return  # the published layout itself
    rows = [names + YEARS, ["TLC"] * len(names) + ["1", "2", "3"]]
    path = _write(rows)
    try:
        with pytest.raises(SourceFormatError, match="expected a header row starting"):
            _extract(path)
    finally:
        path.unlink()


@settings(max_examples=40, deadline=None, derandomize=True)
@given(years=st.lists(st.text(alphabet="abc", min_size=1, max_size=4), min_size=1, max_size=3))
def test_header_without_year_columns_is_rejected(years):
    path = _write(
        [[name for name, _ in ID_COLUMNS] + years, ["TLC", "A", "Total", "B"] + ["1"] * len(years)]
    )
    try:
        with pytest.raises(SourceFormatError, match="year columns"):
            _extract(path)
    finally:
        path.unlink()


# Bytes that make CSV files awkward: separators, quotes, line breaks of each kind, byte-order
# marks, NUL, spaces, non-ASCII text and bytes that are not UTF-8.
csv_bytes = st.lists(
    st.sampled_from(
        [
            b"a",
            b"1",
            b",",
            b'"',
            b"\n",
            b"\r",
            b"\r\n",
            b"\xef\xbb\xbf",
            b"\x00",
            b" ",
            "\u00e9".encode(),
            b"\xff",
            b"x,y",
            b'"q,"',
            b"2,3\n",
        ]
    ),
    max_size=40,
).map(b"".join)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(data=csv_bytes)
def test_csv_columns_are_the_rows_or_nothing(data):
    with tempfile.NamedTemporaryFile(suffix=".csv", delete=False) as handle:
        handle.write(data)
    path = Path(handle.name)
    try:
        columns = read_csv_columns(path)
        if columns is None:
            return  # left to the row-by-row reading
        rows = read_rows(path)
    finally:
        path.unlink()
    assert [list(row) for row in zip(*(c.to_pylist() for c in columns), strict=True)] == rows
