"""Coded import messages: a stable code plus its parameters, with the English text.

Core has no Qt, so it cannot translate: every message an import shows the user (a file
that cannot be read, a row's problem, a row's fate detail, an undo refused) is a
`Message` whose code the UI maps to a translated template (ui/import_wizard/messages.py),
while the CLI, logs and `str(error)` keep the English text below.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Code(StrEnum):
    """Every message an import can give; the UI must have a translation for each."""

    # The file as a whole (ImportFileError).
    FILE_TOO_LARGE = "file_too_large"
    FILE_MISSING = "file_missing"
    FILE_IS_FOLDER = "file_is_folder"
    FILE_PERMISSION = "file_permission"
    FILE_READ_FAILED = "file_read_failed"
    FILE_GREW = "file_grew"
    FILE_EMPTY = "file_empty"
    FILE_BINARY = "file_binary"
    FILE_HEADER_ONLY = "file_header_only"
    NOTHING_TO_IMPORT = "nothing_to_import"
    BAD_UTF8_BYTES = "bad_utf8_bytes"
    UNVERIFIED_PHONE = "unverified_phone"
    SPREADSHEET_DAMAGED = "spreadsheet_damaged"
    OLD_XLS = "old_xls"
    UNKNOWN_FORMAT = "unknown_format"
    UNKNOWN_ENCODING = "unknown_encoding"
    BAD_DELIMITER = "bad_delimiter"
    XLSX_TRUNCATED = "xlsx_truncated"
    XLSX_UNREADABLE = "xlsx_unreadable"
    XLSX_NO_SHEET = "xlsx_no_sheet"
    XLSX_UNKNOWN_SHEET = "xlsx_unknown_sheet"
    XLSX_EMPTY_SHEET = "xlsx_empty_sheet"
    CSV_UNREADABLE = "csv_unreadable"
    CSV_NO_HEADER = "csv_no_header"
    VCARD_NONE = "vcard_none"
    VCARD_ALL_EMPTY = "vcard_all_empty"
    # One row (Problem, Record.warnings).
    VCARD_NOT_PROPERTY = "vcard_not_property"
    VCARD_NOT_CLOSED = "vcard_not_closed"
    EXTRA_VALUES = "extra_values"
    INVALID_EMAIL = "invalid_email"
    UNPARSEABLE_PHONE = "unparseable_phone"
    VALUE_TOO_LONG = "value_too_long"
    UNKNOWN_CONSUMER = "unknown_consumer"
    UNKNOWN_OWNER = "unknown_owner"
    # A row's fate (RowPlan.detail).
    ROW_EMPTY = "row_empty"
    SAME_COMPANY_KNOWN = "same_company_known"
    SAME_COMPANY_LINE = "same_company_line"
    SAME_NAME = "same_name"
    CLOSE_TO = "close_to"
    SAME_EMAIL_KNOWN = "same_email_known"
    SAME_EMAIL_KNOWN_UNNAMED = "same_email_known_unnamed"
    SAME_EMAIL_LINE = "same_email_line"
    SAME_PHONE_KNOWN = "same_phone_known"
    SAME_PHONE_KNOWN_UNNAMED = "same_phone_known_unnamed"
    SAME_PHONE_LINE = "same_phone_line"
    # Undo (BatchError).
    BATCH_UNKNOWN = "batch_unknown"
    BATCH_UNDONE = "batch_undone"


#: The English text of each code (str.format templates over the message's parameters).
TEXTS: dict[Code, str] = {
    Code.FILE_TOO_LARGE: (
        "{name} is {size_mb} MB; files up to {limit_mb} MB can be imported: split it into parts"
    ),
    Code.FILE_MISSING: "{name} cannot be found: it was moved, renamed or deleted",
    Code.FILE_IS_FOLDER: "{name} is a folder, not a file",
    Code.FILE_PERMISSION: "{name} cannot be opened: permission denied",
    Code.FILE_READ_FAILED: "{name} could not be read to the end ({reason})",
    Code.FILE_GREW: "{name} grew beyond {limit_mb} MB",
    Code.FILE_EMPTY: "{name} is empty",
    Code.FILE_BINARY: "{name} holds binary data: it is not a CSV, XLSX or vCard file",
    Code.FILE_HEADER_ONLY: "{name} holds a header but no rows below it",
    Code.SPREADSHEET_DAMAGED: (
        "{column}: {value} is a number a spreadsheet cut short (digits lost): kept aside, "
        "to be replaced by a file that holds it whole"
    ),
    Code.UNVERIFIED_PHONE: (
        "phone {phone} is stored as {e164} but is in no range known to be in service: check it"
    ),
    Code.BAD_UTF8_BYTES: (
        "bytes on this line are not UTF-8 and were replaced by a mark: check its values"
    ),
    Code.NOTHING_TO_IMPORT: (
        "nothing to import from {name}: no row holds a company, a name, an email or a phone "
        "(columns: {headers})"
    ),
    Code.OLD_XLS: (
        "this is an old Excel (.xls) workbook; save it as .xlsx or CSV, then import that"
    ),
    Code.UNKNOWN_FORMAT: "unknown format {format!r} (expected one of {formats})",
    Code.UNKNOWN_ENCODING: "unknown encoding {encoding!r}",
    Code.BAD_DELIMITER: "the delimiter must be one character, not {delimiter!r}",
    Code.XLSX_TRUNCATED: "the XLSX file is damaged or truncated ({reason})",
    Code.XLSX_UNREADABLE: (
        "the XLSX file cannot be read; it is damaged or not a workbook ({reason})"
    ),
    Code.XLSX_NO_SHEET: "the workbook holds no sheet",
    Code.XLSX_UNKNOWN_SHEET: "the workbook has no sheet {sheet!r} (it has {sheets})",
    Code.XLSX_EMPTY_SHEET: "the sheet {sheet!r} is empty",
    Code.CSV_UNREADABLE: "the CSV cannot be read ({reason})",
    Code.CSV_NO_HEADER: "the file holds no header row and no data",
    Code.VCARD_NONE: "no vCard in the file (no BEGIN:VCARD line)",
    Code.VCARD_ALL_EMPTY: "the vCard file holds no contact (every card is empty)",
    Code.VCARD_NOT_PROPERTY: "not a vCard property, left out: {text!r}",
    Code.VCARD_NOT_CLOSED: "card not closed (no END:VCARD)",
    Code.EXTRA_VALUES: (
        "{values} values for {columns} columns; the extra values are kept as {names}"
    ),
    Code.INVALID_EMAIL: "email {email!r} is not valid, kept as an extra field",
    Code.UNPARSEABLE_PHONE: "phone {phone!r} not recognised, kept as typed",
    Code.VALUE_TOO_LONG: (
        "{column}: a value of {length} characters is too long (at most {limit}): left out"
    ),
    Code.UNKNOWN_CONSUMER: (
        "{column}: {value!r} says neither consumer nor business, kept as an extra field"
    ),
    Code.UNKNOWN_OWNER: (
        "owner {owner!r} is nobody in the team (by name or email): the prospect is left "
        "without an owner"
    ),
    Code.ROW_EMPTY: "no company, name, email or phone",
    Code.SAME_COMPANY_KNOWN: "same company already in your prospects",
    Code.SAME_COMPANY_LINE: "same company as line {line}",
    Code.SAME_NAME: "same name at the same company",
    Code.CLOSE_TO: "close to {name}",
    Code.SAME_EMAIL_KNOWN: "same email {email} as {name} (already in your prospects)",
    Code.SAME_EMAIL_KNOWN_UNNAMED: "same email {email} as a contact (already in your prospects)",
    Code.SAME_EMAIL_LINE: "same email {email} as line {line}",
    Code.SAME_PHONE_KNOWN: "same phone {phone} as {name} (already in your prospects)",
    Code.SAME_PHONE_KNOWN_UNNAMED: "same phone {phone} as a contact (already in your prospects)",
    Code.SAME_PHONE_LINE: "same phone {phone} as line {line}",
    Code.BATCH_UNKNOWN: "there is no import number {batch}",
    Code.BATCH_UNDONE: "import {batch} ({file}) was already undone",
}

#: "line N: message", the English form of a file error that names its line.
AT_LINE = "line {line}: {text}"


@dataclass(frozen=True, slots=True)
class Message:
    """One message for the user: a code and its parameters; `text` is the English."""

    code: Code
    params: Mapping[str, str | int] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The message in English (the CLI's and the logs' words)."""
        return TEXTS[self.code].format_map(self.params)

    def __str__(self) -> str:
        return self.text

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.params.items()))))


def message(code: Code, **params: str | int) -> Message:
    """A Message with `params` given as keywords."""
    return Message(code, params)
