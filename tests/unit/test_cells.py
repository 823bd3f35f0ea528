"""Cell parsing: numbers with separators, markers to status, anything else fails loudly."""

from pathlib import Path

import pytest

from etl.errors import SourceFormatError
from etl.extract.cells import parse_value

WHERE = {"path": Path("table.xlsx"), "sheet": "Table 2", "row": 7, "column": "2021"}


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1,345,618", (1345618.0, None)),
        (42.5, (42.5, None)),
        ("x", (None, "x")),
        ("..", (None, "..")),
        ("[c]", (None, "c")),
        ("u", (None, "u")),
        ("", (None, "blank")),
    ],
)
def test_values_and_markers(cell, expected):
    assert parse_value(cell, **WHERE) == expected


def test_text_in_a_numeric_cell_names_file_sheet_row_and_expectation():
    with pytest.raises(SourceFormatError) as caught:
        parse_value("twelve", **WHERE)
    message = str(caught.value)
    assert "table.xlsx" in message and "Table 2" in message and "row 7" in message
    assert "a number or a known marker in column '2021'" in message and "twelve" in message
