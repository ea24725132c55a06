"""Errors an import raises for conditions the user must be told about."""

from __future__ import annotations

from prospection.core.imports.messages import AT_LINE, Message


class ImportFileError(Exception):
    """The file cannot be read as asked; the message names the problem (and the line).

    `str(error)` is the English text; `message` (a coded Message) and `line` let the UI
    say it in the user's language.
    """

    def __init__(self, message: Message, line: int | None = None) -> None:
        text = message.text
        super().__init__(text if line is None else AT_LINE.format(line=line, text=text))
        self.message = message
        self.line = line


class ImportCancelled(Exception):  # noqa: N818 (a request, not a failure)
    """The user cancelled; the transaction was rolled back and nothing was written."""


class BatchError(Exception):
    """An import batch cannot be undone (unknown, or undone already); `message` says which."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text)
        self.message = message
