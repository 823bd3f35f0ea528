"""Errors that name the file, sheet, row and what was expected."""

from __future__ import annotations

from pathlib import Path


class SourceFormatError(Exception):
    """An ONS file does not have the layout its extractor expects."""

    def __init__(
        self,
        path: Path | str,
        expected: str,
        *,
        sheet: str | None = None,
        row: int | None = None,
        found: object = None,
    ) -> None:
        self.path, self.sheet, self.row, self.expected, self.found = (
            path,
            sheet,
            row,
            expected,
            found,
        )
        where = f"{Path(path).name}"
        if sheet is not None:
            where += f", sheet '{sheet}'"
        if row is not None:
            where += f", row {row}"
        message = f"{where}: expected {expected}"
        if found is not None:
            message += f", found {found!r}"
        super().__init__(message)


class FetchError(Exception):
    """A raw file could not be fetched or failed its checksum."""


class ValidationError(Exception):
    """A freshly built warehouse failed a check; the live warehouse was left untouched."""
