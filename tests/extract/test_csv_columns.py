"""CSV files read column-wise (Arrow) give the same frames as read row by row, on every declared
CSV table of the wide-year and Explore Local Statistics extractors. Skipped without the mirror."""

import re
from pathlib import Path

import pytest

from etl.catalogue import sources
from etl.extract import els_tidy, wide_years
from etl.extract.cells import read_csv_columns, read_rows
from tests.conftest import mirror_file, requires_mirror

pytestmark = requires_mirror


def _csv_tables(extractor: str):
    for source in (s for s in sources().values() if s.extractor == extractor):
        for release in source.releases:
            for file in (f for f in release.files if f.path.endswith(".csv")):
                for table in file.tables:
                    options = {**release.layout, **table.options, "indicator": table.indicator}
                    name = f"{release.release_id}:{Path(file.path).name}:{table.indicator}"
                    yield pytest.param(file.path, options, id=name)


@pytest.mark.parametrize(("path", "options"), list(_csv_tables("wide_years")))
def test_wide_years_csv_columns_give_the_row_by_row_frame(path, options):
    path = mirror_file(path)
    columns = read_csv_columns(path)
    assert columns is not None  # a published file takes the column-wise path
    assert [c[0].as_py() for c in columns] == read_rows(path)[0]
    by_columns = wide_years._from_columns(columns, path, options)
    by_rows = wide_years._from_rows(path, options)
    assert by_columns.equals(by_rows) and (by_columns.dtypes == by_rows.dtypes).all()
    assert by_columns.attrs == by_rows.attrs


@pytest.mark.parametrize(("path", "options"), list(_csv_tables("els_tidy")))
def test_els_csv_columns_give_the_row_by_row_frame(path, options):
    path = mirror_file(path)
    columns = read_csv_columns(path)
    assert columns is not None
    pattern = re.compile(els_tidy.PERIOD_FORMATS[options["period_format"]][options["period"]])
    by_columns, names = els_tidy._read_columns(columns, options, pattern, path)
    by_rows, row_names = els_tidy._read_rows(read_rows(path), options, pattern, path)
    assert by_columns.equals(by_rows) and (by_columns.dtypes == by_rows.dtypes).all()
    assert names == row_names
