"""Conversions between aware Python datetimes and Qt's date types, and locale display."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QLabel, QWidget

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


#: Times in this zone go without its name: the French calling rules are written in it
#: and it is the users' own. On a machine set to any other zone (travelling, overseas),
#: times tied to calls and their rules say which zone they are in, as the CLI does.
USUAL_ZONE_ID = "Europe/Paris"


def system_zone_id() -> str:
    """The machine's IANA time-zone id ("Europe/Paris")."""
    return bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")


def zone_is_obvious() -> bool:
    """Whether times can be shown without their zone (the machine is in the usual one)."""
    return system_zone_id() == USUAL_ZONE_ID


def zone_abbreviation(moment: datetime) -> str:
    """The user's zone at `moment`, short: "CET", "EST", else its offset "UTC-03:00"."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    name = local.timeZoneAbbreviation()
    if name and not name.startswith(("+", "-")):
        return name
    offset = local.offsetFromUtc()
    sign = "+" if offset >= 0 else "-"
    hours, minutes = divmod(abs(offset) // 60, 60)
    return f"UTC{sign}{hours:02}:{minutes:02}"


def with_zone(text: str, moment: datetime) -> str:
    """`text`, a time shown for `moment`, followed by the zone when it is not obvious."""
    return text if zone_is_obvious() else f"{text} {zone_abbreviation(moment)}"


def zoned_field(edit: QDateTimeEdit) -> QWidget:
    """`edit` followed by the user's zone ("EST") when it is not obvious, else `edit`.

    For a form row: the box passes the focus (and the row label's shortcut) to `edit`.
    """
    if zone_is_obvious():
        return edit
    box = QWidget(edit.parentWidget())
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    label = QLabel(zone_abbreviation(from_qdatetime(edit.dateTime())), box)
    label.setObjectName("zoneName")
    layout.addWidget(label)
    edit.dateTimeChanged.connect(
        lambda value: label.setText(zone_abbreviation(from_qdatetime(value)))
    )
    box.setFocusProxy(edit)
    return box
