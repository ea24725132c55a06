"""Reading an import file of any supported format into a SourceTable."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from prospection.core.imports.csv_reader import read_csv
from prospection.core.imports.encoding import decode, looks_binary
from prospection.core.imports.errors import ImportFileError
from prospection.core.imports.json_reader import looks_like_our_json, read_json
from prospection.core.imports.messages import Code, message
from prospection.core.imports.table import Problem, SourceTable
from prospection.core.imports.vcard_reader import read_vcard
from prospection.core.imports.xlsx_reader import read_xlsx

#: Larger files are refused with a message rather than filling the memory.
MAX_FILE_BYTES = 200 * 1024 * 1024
FORMATS = ("auto", "csv", "xlsx", "vcard", "json")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_VCARD_START = re.compile(r"^\s*BEGIN\s*:\s*VCARD", re.IGNORECASE)

#: progress(done, total): called now and then while a file is read (it may raise to stop).
Progress = Callable[[int, int], None]
#: `read_source` reports on this scale: the bytes read first, then the rows parsed.
PROGRESS_SCALE = 1000
_BYTES_SHARE = 100  # reading the bytes is quick next to parsing them
_READ_CHUNK = 4 * 1024 * 1024


def _scaled(progress: Progress, start: int, span: int) -> Progress:
    # One phase's done/total, placed on its part of PROGRESS_SCALE.
    def report(done: int, total: int) -> None:
        progress(start + span * min(done, total) // max(total, 1), PROGRESS_SCALE)

    return report


def read_bytes(path: Path, progress: Progress | None = None) -> bytes:
    """The file's content, or an ImportFileError saying why it cannot be had; `progress`
    hears the bytes read so far of the file's size."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFileError(
                message(
                    Code.FILE_TOO_LARGE,
                    name=path.name,
                    size_mb=size // (1024 * 1024),
                    limit_mb=MAX_FILE_BYTES // (1024 * 1024),
                )
            )
        with path.open("rb") as handle:
            if progress is None:
                # The size the file has, not the limit: read(limit) would ask for a
                # 200 MB buffer, which makes the C library keep later large blocks
                # (the text, the rows) in its heap instead of giving them back.
                data = handle.read(min(size, MAX_FILE_BYTES) + 1)
                if size < len(data) <= MAX_FILE_BYTES:  # it grew since: the rest too
                    data += handle.read(MAX_FILE_BYTES + 1 - len(data))
            else:
                data = _read_reporting(handle, size, progress)
    except FileNotFoundError as error:
        raise ImportFileError(message(Code.FILE_MISSING, name=path.name)) from error
    except IsADirectoryError as error:
        raise ImportFileError(message(Code.FILE_IS_FOLDER, name=path.name)) from error
    except PermissionError as error:
        raise ImportFileError(message(Code.FILE_PERMISSION, name=path.name)) from error
    except OSError as error:
        raise ImportFileError(
            message(Code.FILE_READ_FAILED, name=path.name, reason=str(error.strerror or error))
        ) from error
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            message(Code.FILE_GREW, name=path.name, limit_mb=MAX_FILE_BYTES // (1024 * 1024))
        )
    return data


def _read_reporting(handle: BinaryIO, size: int, progress: Progress) -> bytes:
    chunks: list[bytes] = []
    done = 0
    while done <= MAX_FILE_BYTES:
        chunk = handle.read(_READ_CHUNK)
        if not chunk:
            break
        chunks.append(chunk)
        done += len(chunk)
        progress(done, max(size, done))
    data = b"".join(chunks)
    chunks.clear()
    return data


def guess_format(data: bytes, name: str = "") -> str:
    """ "csv", "xlsx" or "vcard" from the content (and, failing that, the name)."""
    if data.startswith(_ZIP_MAGIC):
        return "xlsx"
    if data.startswith(_OLE_MAGIC):
        raise ImportFileError(message(Code.OLD_XLS))
    head = data[:4096]
    for encoding in ("utf-8-sig", "utf-16", "latin-1"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _VCARD_START.match(text.lstrip("\ufeff")):
            return "vcard"
        if looks_like_our_json(text):
            return "json"
    suffix = Path(name).suffix.lower()
    if suffix in (".vcf", ".vcard"):
        return "vcard"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    return "csv"


def read_source(
    path: Path,
    *,
    file_format: str = "auto",
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> SourceTable:
    """Read `path` into rows of text; ImportFileError says plainly what is wrong.

    `progress(done, PROGRESS_SCALE)` is called now and then (the bytes read, then the rows
    parsed); it may raise (ImportCancelled) to stop the read.
    """
    if progress is None:
        data = read_bytes(path)
    else:
        data = read_bytes(path, _scaled(progress, 0, _BYTES_SHARE))
    table = read_data(
        data,
        path.name,
        file_format=file_format,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
        progress=None
        if progress is None
        else _scaled(progress, _BYTES_SHARE, PROGRESS_SCALE - _BYTES_SHARE),
    )
    if progress is not None:
        progress(PROGRESS_SCALE, PROGRESS_SCALE)
    return table


def read_data(
    data: bytes,
    file_name: str,
    *,
    file_format: str = "auto",
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> SourceTable:
    """Read a file's content (already in memory) into rows of text; `progress` hears the
    rows parsed (CSV and XLSX)."""
    if file_format not in FORMATS:
        raise ImportFileError(
            message(Code.UNKNOWN_FORMAT, format=file_format, formats=str(FORMATS))
        )
    if not data.strip():
        raise ImportFileError(message(Code.FILE_EMPTY, name=file_name))
    digest = hashlib.sha256(data).hexdigest()
    if file_format == "auto":
        file_format = guess_format(data, file_name)
    if file_format == "xlsx":
        headers, rows, problems, sheet, sheets = read_xlsx(data, sheet=sheet, progress=progress)
        table = SourceTable(file_name, digest, "xlsx", headers, rows, sheet=sheet, sheets=sheets)
        table.problems = problems
        return _checked(table)
    if encoding is None and looks_binary(data):
        raise ImportFileError(message(Code.FILE_BINARY, name=file_name))
    try:
        decoded = decode(data, encoding)
    except ValueError as error:  # only an unknown encoding the user asked for
        raise ImportFileError(message(Code.UNKNOWN_ENCODING, encoding=str(encoding))) from error
    if file_format == "json":
        try:
            headers, rows = read_json(decoded.text)
        except ValueError as error:  # json.JSONDecodeError is one
            raise ImportFileError(message(Code.CSV_UNREADABLE, reason=str(error))) from error
        table = SourceTable(file_name, digest, "json", headers, rows, encoding=decoded.encoding)
        return _checked(table)
    if file_format == "vcard":
        headers, rows, problems = read_vcard(decoded.text)
        table = SourceTable(file_name, digest, "vcard", headers, rows, encoding=decoded.encoding)
    else:
        if delimiter is not None and len(delimiter) != 1:
            raise ImportFileError(message(Code.BAD_DELIMITER, delimiter=delimiter))
        headers, rows, problems, used = read_csv(
            decoded.text, delimiter=delimiter, progress=progress
        )
        table = SourceTable(
            file_name, digest, "csv", headers, rows, encoding=decoded.encoding, delimiter=used
        )
    table.problems = [
        *(Problem(line, message(Code.BAD_UTF8_BYTES)) for line in decoded.bad_lines),
        *problems,
    ]
    return _checked(table)


def _checked(table: SourceTable) -> SourceTable:
    if not table.rows:
        raise ImportFileError(message(Code.FILE_HEADER_ONLY, name=table.file_name))
    return table
