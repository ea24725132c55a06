"""Core's import messages (codes with parameters) and failures in the user's language."""

from __future__ import annotations

import errno

from PySide6.QtCore import QCoreApplication, QLocale

from prospection.core.imports import BatchError, ImportFileError
from prospection.core.imports.messages import Code, Message

translate = QCoreApplication.translate

#: Numbers shown as they are written in the file or the list (never grouped: "line 1234").
_PLAIN_NUMBERS = frozenset({"line", "batch"})


def message_templates() -> dict[Code, str]:
    """Each code of `core.imports.messages.Code`, as a translated str.format template."""

    return {
        Code.FILE_TOO_LARGE: translate(
            "ImportMessages",
            "{name} is {size_mb} MB; files up to {limit_mb} MB can be imported: "
            "split it into parts",
        ),
        Code.FILE_MISSING: translate(
            "ImportMessages", "{name} cannot be found: it was moved, renamed or deleted"
        ),
        Code.FILE_IS_FOLDER: translate("ImportMessages", "{name} is a folder, not a file"),
        Code.FILE_PERMISSION: translate(
            "ImportMessages", "{name} cannot be opened: permission denied"
        ),
        Code.FILE_READ_FAILED: translate(
            "ImportMessages", "{name} could not be read to the end ({reason})"
        ),
        Code.FILE_GREW: translate("ImportMessages", "{name} grew beyond {limit_mb} MB"),
        Code.FILE_EMPTY: translate("ImportMessages", "{name} is empty"),
        Code.FILE_BINARY: translate(
            "ImportMessages", "{name} holds binary data: it is not a CSV, XLSX or vCard file"
        ),
        Code.FILE_HEADER_ONLY: translate(
            "ImportMessages", "{name} holds a header but no rows below it"
        ),
        Code.SPREADSHEET_DAMAGED: translate(
            "ImportMessages",
            "{column}: {value} is a number a spreadsheet cut short (digits lost): kept aside, "
            "to be replaced by a file that holds it whole",
        ),
        Code.UNVERIFIED_PHONE: translate(
            "ImportMessages",
            "phone {phone} is stored as {e164} but is in no range known to be in service: check it",
        ),
        Code.BAD_UTF8_BYTES: translate(
            "ImportMessages",
            "bytes on this line are not UTF-8 and were replaced by a mark: check its values",
        ),
        Code.NOTHING_TO_IMPORT: translate(
            "ImportMessages",
            "nothing to import from {name}: no row holds a company, a name, an email or a "
            "phone (columns: {headers})",
        ),
        Code.OLD_XLS: translate(
            "ImportMessages",
            "this is an old Excel (.xls) workbook; save it as .xlsx or CSV, then import that",
        ),
        Code.UNKNOWN_FORMAT: translate(
            "ImportMessages", "unknown format {format!r} (expected one of {formats})"
        ),
        Code.UNKNOWN_ENCODING: translate("ImportMessages", "unknown encoding {encoding!r}"),
        Code.BAD_DELIMITER: translate(
            "ImportMessages", "the delimiter must be one character, not {delimiter!r}"
        ),
        Code.XLSX_TRUNCATED: translate(
            "ImportMessages", "the XLSX file is damaged or truncated ({reason})"
        ),
        Code.XLSX_UNREADABLE: translate(
            "ImportMessages",
            "the XLSX file cannot be read; it is damaged or not a workbook ({reason})",
        ),
        Code.XLSX_NO_SHEET: translate("ImportMessages", "the workbook holds no sheet"),
        Code.XLSX_UNKNOWN_SHEET: translate(
            "ImportMessages", "the workbook has no sheet {sheet!r} (it has {sheets})"
        ),
        Code.XLSX_EMPTY_SHEET: translate("ImportMessages", "the sheet {sheet!r} is empty"),
        Code.CSV_UNREADABLE: translate("ImportMessages", "the CSV cannot be read ({reason})"),
        Code.CSV_NO_HEADER: translate("ImportMessages", "the file holds no header row and no data"),
        Code.VCARD_NONE: translate("ImportMessages", "no vCard in the file (no BEGIN:VCARD line)"),
        Code.VCARD_ALL_EMPTY: translate(
            "ImportMessages", "the vCard file holds no contact (every card is empty)"
        ),
        Code.VCARD_NOT_PROPERTY: translate(
            "ImportMessages", "not a vCard property, left out: {text!r}"
        ),
        Code.VCARD_NOT_CLOSED: translate("ImportMessages", "card not closed (no END:VCARD)"),
        Code.EXTRA_VALUES: translate(
            "ImportMessages",
            "{values} values for {columns} columns; the extra values are kept as {names}",
        ),
        Code.INVALID_EMAIL: translate(
            "ImportMessages", "email {email!r} is not valid, kept as an extra field"
        ),
        Code.UNPARSEABLE_PHONE: translate(
            "ImportMessages", "phone {phone!r} not recognised, kept as typed"
        ),
        Code.VALUE_TOO_LONG: translate(
            "ImportMessages",
            "{column}: a value of {length} characters is too long (at most {limit}): left out",
        ),
        Code.UNKNOWN_CONSUMER: translate(
            "ImportMessages",
            "{column}: {value!r} says neither consumer nor business, kept as an extra field",
        ),
        Code.UNKNOWN_OWNER: translate(
            "ImportMessages",
            "owner {owner!r} is nobody in the team (by name or email): the prospect is left "
            "without an owner",
        ),
        Code.ROW_EMPTY: translate("ImportMessages", "no company, name, email or phone"),
        Code.SAME_COMPANY_KNOWN: translate(
            "ImportMessages", "same company already in your prospects"
        ),
        Code.SAME_COMPANY_LINE: translate("ImportMessages", "same company as line {line}"),
        Code.SAME_NAME: translate("ImportMessages", "same name at the same company"),
        Code.CLOSE_TO: translate("ImportMessages", "close to {name}"),
        Code.SAME_EMAIL_KNOWN: translate(
            "ImportMessages", "same email {email} as {name} (already in your prospects)"
        ),
        Code.SAME_EMAIL_KNOWN_UNNAMED: translate(
            "ImportMessages", "same email {email} as a contact (already in your prospects)"
        ),
        Code.SAME_EMAIL_LINE: translate("ImportMessages", "same email {email} as line {line}"),
        Code.SAME_PHONE_KNOWN: translate(
            "ImportMessages", "same phone {phone} as {name} (already in your prospects)"
        ),
        Code.SAME_PHONE_KNOWN_UNNAMED: translate(
            "ImportMessages", "same phone {phone} as a contact (already in your prospects)"
        ),
        Code.SAME_PHONE_LINE: translate("ImportMessages", "same phone {phone} as line {line}"),
        Code.BATCH_UNKNOWN: translate("ImportMessages", "there is no import number {batch}"),
        Code.BATCH_UNDONE: translate(
            "ImportMessages", "import {batch} ({file}) was already undone"
        ),
    }


def message_text(message: Message, templates: dict[Code, str] | None = None) -> str:
    """`message` in the user's language (its English text if a translation is broken)."""
    template = (templates or message_templates()).get(message.code)
    if template is None:
        return message.text
    locale = QLocale()
    params = {
        key: locale.toString(value)
        if isinstance(value, int) and key not in _PLAIN_NUMBERS
        else value
        for key, value in message.params.items()
    }
    try:
        return template.format_map(params)
    except (KeyError, IndexError, ValueError):  # a mistyped translation: English, not a crash
        return message.text


def messages_text(messages: list[Message]) -> str:
    """Several messages in the user's language, joined by the language's "; "."""
    templates = message_templates()
    # French puts a space before a semicolon: the separator is translated too.
    separator = translate("ImportMessages", "; ")
    return separator.join(message_text(message, templates) for message in messages)


def os_error_text(error: OSError) -> str:
    """A system error (disk full, permission denied…) in the user's language."""
    known = {
        errno.ENOSPC: translate("ImportMessages", "the disk is full"),
        errno.EDQUOT: translate("ImportMessages", "the disk quota is used up"),
        errno.EACCES: translate("ImportMessages", "permission denied"),
        errno.EPERM: translate("ImportMessages", "permission denied"),
        errno.EROFS: translate("ImportMessages", "the disk is read-only"),
        errno.ENOENT: translate("ImportMessages", "the folder or file does not exist"),
        errno.EISDIR: translate("ImportMessages", "this is a folder, not a file"),
    }
    text = known.get(error.errno or 0) or error.strerror or str(error)
    if error.filename:
        return translate("ImportMessages", "{reason} ({file})").format(
            reason=text, file=error.filename
        )
    return text


def error_text(error: BaseException) -> str:
    """What went wrong in an import, undo or export, in the user's language."""
    if isinstance(error, ImportFileError):
        text = message_text(error.message)
        if error.line is None:
            return text
        return translate("ImportMessages", "line {line}: {text}").format(line=error.line, text=text)
    if isinstance(error, BatchError):
        return message_text(error.message)
    if isinstance(error, OSError):
        return os_error_text(error)
    return f"{type(error).__name__}: {error}"
