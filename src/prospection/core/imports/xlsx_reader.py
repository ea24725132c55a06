"""XLSX workbooks through openpyxl (read-only): the first sheet, or the one chosen."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, time
from typing import Any

from openpyxl import load_workbook

from prospection.core.imports.errors import ImportCancelled, ImportFileError
from prospection.core.imports.messages import Code, message
from prospection.core.imports.table import Problem, clean_headers, fit_row, pad_rows

_HEADER_SCAN = 30
_REPORT_ROWS = 500  # progress is reported every this many rows


def cell_text(value: Any) -> str:
    """A cell's value as the text a user would have typed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _reporting(
    rows: Iterable[tuple[Any, ...]], total: int, progress: Callable[[int, int], None]
) -> Iterator[tuple[Any, ...]]:
    for number, values in enumerate(rows, start=1):
        if number % _REPORT_ROWS == 0:
            progress(number, max(total, number))
        yield values


def read_xlsx(
    data: bytes,
    *,
    sheet: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[str], list[tuple[int, list[str]]], list[Problem], str, list[str]]:
    """Header, rows (with their row number), problems, the sheet read and all sheets;
    `progress` hears the rows read of those the sheet declares (when it declares them)."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, zipfile.LargeZipFile) as error:
        raise ImportFileError(message(Code.XLSX_TRUNCATED, reason=str(error))) from error
    except Exception as error:  # openpyxl raises many kinds on a damaged workbook
        raise ImportFileError(message(Code.XLSX_UNREADABLE, reason=str(error))) from error
    try:
        names = list(workbook.sheetnames)
        if not names:
            raise ImportFileError(message(Code.XLSX_NO_SHEET))
        if sheet is None:
            sheet = names[0]
        elif sheet not in names:
            raise ImportFileError(
                message(Code.XLSX_UNKNOWN_SHEET, sheet=sheet, sheets=", ".join(names))
            )
        try:
            worksheet = workbook[sheet]
            cells: Iterable[tuple[Any, ...]] = worksheet.iter_rows(values_only=True)
            total = worksheet.max_row or 0  # the sheet's declared size (absent: no report)
            if progress is not None and total:
                cells = _reporting(cells, total, progress)
            raw_rows = [
                (number, [cell_text(v) for v in values])
                for number, values in enumerate(cells, start=1)
            ]
        except (ImportFileError, ImportCancelled):
            raise
        except Exception as error:
            raise ImportFileError(
                message(Code.XLSX_TRUNCATED, reason=f"{type(error).__name__}: {error}")
            ) from error
    finally:
        workbook.close()
    filled = [(n, v) for n, v in raw_rows if any(cell.strip() for cell in v)]
    if not filled:
        raise ImportFileError(message(Code.XLSX_EMPTY_SHEET, sheet=sheet))
    for _, values in filled:
        while values and not values[-1].strip():
            values.pop()
    # Titles above the table: the header is the first row about as wide as the table.
    widest = max(len(v) for _, v in filled[:_HEADER_SCAN])
    start = next(i for i, (_, v) in enumerate(filled) if len(v) >= max(1, (widest + 1) // 2))
    headers = clean_headers(filled[start][1])
    problems: list[Problem] = []
    rows = [(n, fit_row(v, headers, n, problems)) for n, v in filled[start + 1 :]]
    pad_rows(rows, len(headers))
    return headers, rows, problems, sheet, names
