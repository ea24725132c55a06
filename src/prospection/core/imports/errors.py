"""Errors an import raises for conditions the user must be told about."""

from __future__ import annotations


class ImportFileError(Exception):
    """The file cannot be read as asked; the message names the problem (and the line)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message if line is None else f"line {line}: {message}")
        self.line = line


class ImportCancelled(Exception):  # noqa: N818 (a request, not a failure)
    """The user cancelled; the transaction was rolled back and nothing was written."""


class BatchError(Exception):
    """An import batch cannot be undone (unknown, or undone already)."""
