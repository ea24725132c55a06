"""Conversions between aware Python datetimes and Qt's date types, and locale display."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import QDateTimeEdit

from prospection.core import limits


def to_qdatetime(moment: datetime) -> QDateTime:
    """An aware datetime as a local QDateTime."""
    local = moment.astimezone()
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def from_qdatetime(value: QDateTime) -> datetime:
    """A local QDateTime as an aware datetime."""
    d, t = value.date(), value.time()
    naive = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())
    return naive.astimezone()


def to_qdate(day: date) -> QDate:
    """A date as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    """A QDate as a date."""
    return date(value.year(), value.month(), value.day())


def short_datetime(moment: datetime | None) -> str:
    """A date and time in the user's locale, short form ("" for None)."""
    if moment is None:
        return ""
    return QLocale().toString(to_qdatetime(moment), QLocale.FormatType.ShortFormat)


def short_date(moment: datetime | date | None) -> str:
    """A date in the user's locale, short form ("" for None)."""
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        return QLocale().toString(to_qdatetime(moment).date(), QLocale.FormatType.ShortFormat)
    return QLocale().toString(to_qdate(moment), QLocale.FormatType.ShortFormat)


def limit_dates(edit: QDateTimeEdit) -> QDateTimeEdit:
    """Keep a date (or date-time) edit within the years the app accepts (core.limits).

    Qt would let one type the year 1752 (or 100 in a QDateEdit); core refuses it, so the
    editor does not offer it.
    """
    edit.setDateRange(QDate(limits.EARLIEST_YEAR, 1, 1), QDate(limits.LATEST_YEAR, 12, 31))
    return edit
