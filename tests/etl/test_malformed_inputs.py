"""Builds from damaged copies of real ONS files: each fails with an error naming the file (and the
sheet, row and expectation where there is one), and the live warehouse is left byte for byte as it
was. A byte-order mark is not damage: that file builds."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from etl import catalogue
from etl.config import SHARED_MIRROR
from etl.errors import SourceFormatError
from etl.fetch import fetch_file
from etl.fetch import sha256 as file_sha256
from etl.warehouse import stale_staging
from tests.etl.conftest import build_id, build_with, sha256

PER_HEAD = "regionalgrossvalueaddedbalancedperheadandincomecomponents.xlsx"
ITL1_CSV = "Table 1c ITL1 UK current price estimates pounds million.csv"


def damaged(tmp_path: Path, source_id: str, name: str, damage: Callable[[Path], None]):
    """A source narrowed to one real file, copied into a mirror of its own, damaged there, and
    declared with the damaged copy's checksum (as a newly published release would be), then
    fetched into a fresh raw cache."""
    source = catalogue.sources()[source_id]
    release, file = next((r, f) for r in source.releases for f in r.files if f.path.endswith(name))
    mirror = tmp_path / "mirror"
    copy = mirror / file.path
    copy.parent.mkdir(parents=True)
    shutil.copyfile(SHARED_MIRROR / file.path, copy)
    damage(copy)
    file = dataclasses.replace(file, sha256=file_sha256(copy))
    release = dataclasses.replace(release, files=(file,))
    source = dataclasses.replace(source, releases=(release,))
    raw = tmp_path / "raw"
    assert fetch_file(source, release, file, raw, mirror)
    return {source_id: source}, raw


def fails_leaving_live_untouched(live: Path, sources: dict, raw: Path) -> str:
    before, serving = sha256(live), build_id(live)
    with pytest.raises(SourceFormatError) as caught:
        build_with(sources, live, raw)
    assert sha256(live) == before
    assert build_id(live) == serving
    with duckdb.connect(str(live), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM mart.observation_latest").fetchone()[0] > 0
    assert stale_staging(live) == []  # the failed build's staging file is gone
    return str(caught.value)


def _rewrite_csv(path: Path, edit: Callable[[list[list[str]]], None]) -> None:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def _rewrite_xlsx(path: Path, edit: Callable[[dict[str, str]], None]) -> None:
    """Edit the XML parts of a workbook (name -> text) and zip it up again."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    text = {n: b.decode() for n, b in parts.items() if n.endswith(".xml") or n.endswith(".rels")}
    edit(text)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, text[name].encode() if name in text else data)
    path.write_bytes(buffer.getvalue())


def _sheet_part(parts: dict[str, str], sheet: str) -> str:
    rel = re.search(rf'<sheet name="{sheet}" [^>]*r:id="(rId[0-9]+)"', parts["xl/workbook.xml"])
    target = re.search(
        rf'Id="{rel.group(1)}" [^>]*Target="([^"]+)"', parts["xl/_rels/workbook.xml.rels"]
    )
    return "xl/" + target.group(1)


def test_truncated_workbook(live, tmp_path):
    def truncate(path: Path) -> None:
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])

    message = fails_leaving_live_untouched(
        live, *damaged(tmp_path, "gva_per_head", PER_HEAD, truncate)
    )
    assert PER_HEAD in message and "expected a readable xlsx/xls workbook" in message


def test_renamed_header(live, tmp_path):
    def rename(rows):
        assert rows[0][0] == "ITL region code"
        rows[0][0] = "ITL region"

    message = fails_leaving_live_untouched(
        live, *damaged(tmp_path, "gva_industry_itl", ITL1_CSV, lambda p: _rewrite_csv(p, rename))
    )
    assert ITL1_CSV in message and "row 1" in message
    assert "expected a header row starting ['ITL region code'" in message
    assert "'ITL region'" in message  # what was found instead


def test_moved_sheet(live, tmp_path):
    def rename_sheet(parts):
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
            '<sheet name="Table 2" ', '<sheet name="Table 2 (old)" '
        )

    sources, raw = damaged(
        tmp_path, "gva_per_head", PER_HEAD, lambda p: _rewrite_xlsx(p, rename_sheet)
    )
    message = fails_leaving_live_untouched(live, sources, raw)
    assert PER_HEAD in message and "expected a sheet named 'Table 2'" in message
    assert "Table 2 (old)" in message


def test_text_in_a_numeric_cell_of_a_csv(live, tmp_path):
    def text(rows):
        assert rows[0][4] == "1998" and rows[4][:3] == ["UK", "United Kingdom", "1"]
        rows[4][4] = "n/a"

    message = fails_leaving_live_untouched(
        live, *damaged(tmp_path, "gva_industry_itl", ITL1_CSV, lambda p: _rewrite_csv(p, text))
    )
    assert f"{ITL1_CSV}, row 5: expected a number or a known marker in column '1998'" in message
    assert "found 'n/a'" in message


def test_text_in_a_numeric_cell_of_a_workbook(live, tmp_path):
    def text(parts):
        part = _sheet_part(parts, "Table 2")
        cell = re.compile(r'<c r="D5"[^>]*>.*?</c>')
        assert cell.search(parts[part])  # Table 2, D5: North East, 1998
        parts[part] = cell.sub('<c r="D5" t="inlineStr"><is><t>n/a</t></is></c>', parts[part])

    sources, raw = damaged(tmp_path, "gva_per_head", PER_HEAD, lambda p: _rewrite_xlsx(p, text))
    message = fails_leaving_live_untouched(live, sources, raw)
    assert f"{PER_HEAD}, sheet 'Table 2', row 5: expected a number or a known marker" in message
    assert "column '1998'" in message and "found 'n/a'" in message


def test_csv_cut_off_mid_row(live, tmp_path):
    def cut(path: Path) -> None:
        data = path.read_bytes()
        path.write_bytes(data[: data.index(b"\n", len(data) // 2) + 30])

    message = fails_leaving_live_untouched(
        live, *damaged(tmp_path, "gva_industry_itl", ITL1_CSV, cut)
    )
    assert ITL1_CSV in message and "expected 28 cells, as the header has up to year 2021" in message
    assert re.search(r"row [0-9]+:", message)


def test_empty_file(live, tmp_path):
    message = fails_leaving_live_untouched(
        live, *damaged(tmp_path, "gva_industry_itl", ITL1_CSV, lambda p: p.write_bytes(b""))
    )
    assert ITL1_CSV in message and "expected a non-empty file, found '0 bytes'" in message


def test_byte_order_mark_csv_builds(tmp_path):
    def add_bom(path: Path) -> None:
        data = path.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf")
        path.write_bytes(b"\xef\xbb\xbf" + data)

    sources, raw = damaged(tmp_path, "gva_industry_itl", ITL1_CSV, add_bom)
    warehouse = tmp_path / "bom" / "warehouse.duckdb"
    build_with(sources, warehouse, raw)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        value = con.execute(
            "SELECT value FROM core.observation WHERE geo_code = 'UK' AND industry_code = 'Total' "
            "AND period = '1998'"
        ).fetchall()
    assert value == [(900_616.0,)]  # "900,616" in the file, header found despite the mark
