"""What every reader returns: the header, the rows with their line numbers, the problems."""

from __future__ import annotations

from dataclasses import dataclass, field

from prospection.core.imports.messages import Code, Message, message


@dataclass(frozen=True)
class Problem:
    """Something the user should know about one row (line 0: the whole file)."""

    line: int
    detail: Message

    @property
    def message(self) -> str:
        """The problem in English (the CLI's words); the UI translates `detail`."""
        return self.detail.text


@dataclass
class SourceTable:
    """A file read into rows of text, whatever its format."""

    file_name: str
    sha256: str
    file_format: str  # "csv", "xlsx" or "vcard"
    headers: list[str]
    #: (line or row number in the file, one text value per header)
    rows: list[tuple[int, list[str]]]
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def clean_headers(raw: list[str]) -> list[str]:
    """Header names trimmed, blanks named after their position, repeats numbered."""
    headers: list[str] = []
    seen: set[str] = set()
    for index, name in enumerate(raw, start=1):
        name = name.strip().lstrip("\ufeff") or f"Column {index}"
        candidate, number = name, 2
        while candidate in seen:
            candidate, number = f"{name} ({number})", number + 1
        seen.add(candidate)
        headers.append(candidate)
    return headers


def fit_row(values: list[str], headers: list[str], line: int, problems: list[Problem]) -> list[str]:
    """`values` cut to the header's width, unless the extra values hold something: then
    they get columns of their own (named "Column N") and a problem says so."""
    width = len(headers)
    if len(values) <= width:
        return values
    if not any(value.strip() for value in values[width:]):
        return values[:width]
    expected = width
    while len(headers) < len(values):
        headers.append(f"Column {len(headers) + 1}")
    problems.append(
        Problem(
            line,
            message(
                Code.EXTRA_VALUES,
                values=len(values),
                columns=expected,
                names=", ".join(headers[expected : len(values)]),
            ),
        )
    )
    return values


def pad_rows(rows: list[tuple[int, list[str]]], width: int) -> None:
    """Pad every row, in place, to `width` values."""
    for _line, values in rows:
        if len(values) < width:
            values.extend([""] * (width - len(values)))
