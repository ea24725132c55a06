"""CSV files: delimiter sniffing, quoted fields, and notes above the header (LinkedIn)."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable

from prospection.core.imports.errors import ImportFileError
from prospection.core.imports.messages import Code, message
from prospection.core.imports.table import Problem, clean_headers, fit_row, pad_rows

DELIMITERS = (",", ";", "\t", "|")
_SAMPLE_CHARS = 64 * 1024
_SAMPLE_ROWS = 60
_REPORT_LINES = 4096  # progress is reported every this many lines
#: Cells of columns whose values repeat (a fourth or fewer distinct in the first rows)
#: are stored once for all their rows: equal strings, shared. At 100,000 rows of a
#: purchased list that is tens of MB (city, postal code, industry, title, names).
_POOL_PROBE = 2000


def _sample_rows(text: str, delimiter: str) -> list[list[str]]:
    sample = text[:_SAMPLE_CHARS]
    if len(text) > _SAMPLE_CHARS and "\n" in sample:
        sample = sample[: sample.rfind("\n")]
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append(row)
            if len(rows) >= _SAMPLE_ROWS:
                break
    except csv.Error:
        pass
    return rows


def _score(rows: list[list[str]]) -> tuple[bool, float, int]:
    if not rows:
        return (False, 0.0, 0)
    widths = Counter(len(row) for row in rows)
    width, count = widths.most_common(1)[0]
    return (width > 1, count / len(rows), width)


def sniff_delimiter(text: str) -> str:
    """The delimiter among , ; tab | that splits the rows most consistently."""
    best, best_score = ",", (False, 0.0, 0)
    for delimiter in DELIMITERS:
        score = _score(_sample_rows(text, delimiter))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _header_index(rows: list[list[str]]) -> int:
    # Notes above the header (LinkedIn's Connections.csv) are narrower than the table:
    # the header is the first row as wide as most rows are.
    if not rows:
        return 0
    width = Counter(len(row) for row in rows).most_common(1)[0][0]
    for index, row in enumerate(rows):
        if len(row) >= width and sum(1 for cell in row if cell.strip()) >= min(width, 2):
            return index
    return 0


def _repetitive(rows: list[tuple[int, list[str]]], columns: list[int]) -> list[int]:
    """The `columns` whose values repeat in `rows` (a sample): worth sharing."""
    kept = []
    for index in columns:
        seen = {values[index] for _line, values in rows if index < len(values)}
        if len(seen) * 4 <= len(rows):
            kept.append(index)
    return kept


def read_csv(
    text: str,
    *,
    delimiter: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[str], list[tuple[int, list[str]]], list[Problem], str]:
    """Header, rows (with the line each starts on), problems and the delimiter used;
    `progress` hears the lines read of the text's lines."""
    if delimiter is None:
        delimiter = sniff_delimiter(text)
    skip = _header_index(_sample_rows(text, delimiter))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    problems: list[Problem] = []
    seen_non_empty = 0
    # The line a row starts on is one past where the previous row ended.
    ended = 0
    lines = text.count("\n") + 1 if progress is not None else 0
    # Without a listener the report line is past the text's end: one comparison a row.
    report_at = _REPORT_LINES if progress is not None else len(text) + 2
    # Repeated texts (cities, industries, titles) are kept once, shared by their rows.
    pool: dict[str, str] = {}
    share = pool.setdefault
    pooled: list[int] = []
    try:
        for values in reader:
            line = ended + 1
            ended = reader.line_num
            if ended >= report_at:
                assert progress is not None
                progress(ended, lines)
                report_at = ended + _REPORT_LINES
            if not "".join(values).strip():
                continue
            seen_non_empty += 1
            if headers is None:
                if seen_non_empty <= skip:
                    continue
                headers = clean_headers(values)
                pooled = list(range(len(headers)))
                continue
            if pooled:
                for index in pooled:
                    if index < len(values):
                        value = values[index]
                        values[index] = share(value, value)
                if len(rows) == _POOL_PROBE:
                    pooled = _repetitive(rows, pooled)
            # A copy the size of its values (the reader's list grew by appending: 32
            # bytes a row more at 12 columns).
            rows.append((line, fit_row(values[:], headers, line, problems)))
    except csv.Error as error:
        raise ImportFileError(message(Code.CSV_UNREADABLE, reason=str(error)), ended + 1) from error
    if headers is None:
        raise ImportFileError(message(Code.CSV_NO_HEADER))
    pad_rows(rows, len(headers))
    return headers, rows, problems, delimiter
