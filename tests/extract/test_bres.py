"""The BRES extractor on the real Parquet extract: spot checks against the file's own figures."""

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from etl.catalogue import sources
from etl.errors import SourceFormatError
from etl.extract import OBSERVATION_COLUMNS, bres
from tests.conftest import mirror_file, requires_mirror

pytestmark = requires_mirror


@pytest.fixture(scope="module")
def frame():
    release = sources()["bres_edd"].releases[-1]
    file = release.files[0]
    options = {**release.layout, "indicator": file.tables[0].indicator}
    return bres.extract(mirror_file(file.path), options)


def _value(frame, geo, industry, year):
    rows = frame[
        (frame["geo_code"] == geo)
        & (frame["industry_code"] == industry)
        & (frame["period"] == year)
    ]
    assert len(rows) == 1
    return rows["value"].iloc[0]


def test_shape_and_coverage(frame):
    assert list(frame.columns) == OBSERVATION_COLUMNS
    assert len(frame) == 38_720  # every row of the file is employees
    assert sorted(frame["period"].unique()) == [str(y) for y in range(2015, 2023)]
    assert set(frame["industry_code"]) == set("ABCDEFGHIJKLMNOPQRSTU") | {"Total"}
    assert (frame["value"].isna() == frame["status"].notna()).all()


def test_spot_values(frame):
    assert _value(frame, "K03000001", "Total", "2017") == 29_542_000
    assert _value(frame, "TLC1", "Total", "2015") == 440_250
    assert _value(frame, "TLC", "A", "2017") == 3_500
    assert _value(frame, "TLC", "Total", "2022") == 1_071_500


def test_great_britain_is_not_labelled_uk(frame):
    assert "UK" not in set(frame["geo_code"])
    areas = frame.attrs["areas"].set_index("geo_code")
    assert areas.loc["K03000001", "geo_name"] == "Great Britain"
    assert {"TLK21", "TLK22"} <= set(areas.index)
    assert not frame["geo_code"].str.startswith("TLN").any()  # BRES has no Northern Ireland


def test_text_in_the_value_column_is_refused_at_its_row(tmp_path):
    release = sources()["bres_edd"].releases[-1]
    real = mirror_file(release.files[0].path)
    table = pq.read_table(real)
    values = [str(v) for v in table["value"].to_pylist()]
    values[2] = "n/a"
    path = tmp_path / real.name
    pq.write_table(
        table.set_column(table.column_names.index("value"), "value", pa.array(values)), path
    )
    options = {**release.layout, "indicator": "bres_employees"}
    with pytest.raises(
        SourceFormatError, match=r"BRES.parquet, row 3: expected a number in value, found 'n/a'"
    ):
        bres.extract(path, options)
