"""Sane limits on what a person can type: record ids, dates and the length of text.

One place for them, so the CLI, the editors and the importer refuse the same things, and
refuse them before SQLite (ids past 2^63), `datetime` (year 1 shifted to local time) or
memory (a 10 MB note, a 5-million-digit phone) do it with a traceback.
Messages never repeat the refused value: it may be huge, or someone's personal data.
"""

from __future__ import annotations

from datetime import date, datetime

#: SQLite's INTEGER holds at most 2^63 - 1; ids start at 1.
MAX_ID = 2**63 - 1

#: Dates the app accepts (calls, follow-ups, consent, client since, weeks). Wide enough
#: for any real prospecting, narrow enough that time-zone shifts and "+ 30 days" never
#: leave `datetime`'s range (year 1 to 9999), and that Windows' local-time functions
#: (which fail before 1970 in some zones) are not asked about a year 1.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2199

#: Longest text per kind of field, in characters.
LINE_MAX = 255  # names, titles, city, website, a tag, a next-action text ...
EMAIL_MAX = 254  # RFC 5321's longest usable address
PHONE_MAX = 40  # the longest phone number as typed ("+33 (0)1 23 45 67 89 poste 1234")
TEXT_MAX = 100_000  # notes, pains, pitch: about 30 pages of text
URL_MAX = 2048  # a website or LinkedIn address

#: Prospect and contact fields that take a long text; the others take one line.
LONG_TEXT_FIELDS: frozenset[str] = frozenset({"notes", "pains", "pitch", "address", "wording"})


def valid_id(value: int) -> bool:
    """Whether `value` can be a record id (1 to 2^63 - 1)."""
    return 1 <= value <= MAX_ID


def date_in_range(value: date | datetime) -> bool:
    """Whether `value` lies within the years the app accepts."""
    return EARLIEST_YEAR <= value.year <= LATEST_YEAR


def date_range_text() -> str:
    """The accepted years, for an English message."""
    return f"a date between {EARLIEST_YEAR} and {LATEST_YEAR}"


def max_length(field: str) -> int:
    """The longest text accepted in `field` ("notes", "email", "phones", "first_name" ...)."""
    base = field.split(".")[-1].split("[")[0]
    if base in LONG_TEXT_FIELDS:
        return TEXT_MAX
    if base in ("website", "linkedin_url", "linkedin"):
        return URL_MAX
    if base == "email":
        return EMAIL_MAX
    if base in ("phones", "phone"):
        return PHONE_MAX
    return LINE_MAX


def too_long(field: str, value: str) -> bool:
    """Whether `value` is longer than `field` accepts."""
    return len(value) > max_length(field)


def too_long_text(field: str) -> str:
    """The English message for a value over its limit (never the value itself)."""
    return f"too long (at most {max_length(field)} characters)"
