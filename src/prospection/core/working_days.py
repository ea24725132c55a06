"""Working days: weekends and French public holidays, for follow-up and retry dates."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from functools import lru_cache

import holidays

#: The hour a follow-up is proposed at by default (10:00 is also when French rules
#: let consumer calls start).
DEFAULT_FOLLOW_UP_TIME = time(10, 0)


@lru_cache(maxsize=64)
def _public_holidays(year: int, country: str, subdivision: str | None) -> frozenset[date]:
    # The holidays library computes movable feasts (Easter Monday, Ascension, Pentecost
    # Monday) offline; caching per year keeps the queue and the dialog fast.
    calendar = holidays.country_holidays(country, subdiv=subdivision, years=year)
    return frozenset(calendar.keys())


def is_public_holiday(day: date, country: str = "FR", subdivision: str | None = None) -> bool:
    """Whether `day` is a public holiday in `country` (and its subdivision, e.g. "57")."""
    return day in _public_holidays(day.year, country, subdivision)


def is_working_day(day: date, country: str = "FR", subdivision: str | None = None) -> bool:
    """Monday to Friday, and not a public holiday."""
    return day.weekday() < 5 and not is_public_holiday(day, country, subdivision)


def next_working_day(day: date, country: str = "FR", subdivision: str | None = None) -> date:
    """The first working day strictly after `day`."""
    return add_working_days(day, 1, country, subdivision)


def add_working_days(
    day: date, count: int, country: str = "FR", subdivision: str | None = None
) -> date:
    """The date `count` working days after `day` (`day` itself need not be a working day)."""
    if count < 0:
        raise ValueError("count must be zero or more")
    current = day
    remaining = count
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current, country, subdivision):
            remaining -= 1
    return current


def _at(day: date, moment: time, tz: tzinfo | None) -> datetime:
    if tz is None:
        # A naive time read as local time: astimezone() picks the offset valid on that
        # day, so a date across a daylight-saving change still gets 10:00 local.
        return datetime.combine(day, moment).astimezone()
    return datetime.combine(day, moment, tzinfo=tz)


def _local(now: datetime, tz: tzinfo | None) -> datetime:
    return now.astimezone(tz) if tz is not None else now.astimezone()


def next_working_day_at(
    now: datetime,
    moment: time = DEFAULT_FOLLOW_UP_TIME,
    *,
    tz: tzinfo | None = None,
    country: str = "FR",
) -> datetime:
    """The next working day after `now` at `moment` (default 10:00), in `tz` or local time.

    This is the default date offered when someone asks to be called back.
    """
    local_day = _local(now, tz).date()
    return _at(next_working_day(local_day, country), moment, tz)


def working_days_later(
    now: datetime, count: int, *, tz: tzinfo | None = None, country: str = "FR"
) -> datetime:
    """`count` working days after `now`, at the same local time of day (retry dates).

    Keeping the time of day means a retry lands in the same part of the day, which the
    user chose by calling then.
    """
    local = _local(now, tz)
    day = add_working_days(local.date(), count, country)
    return _at(day, local.time().replace(tzinfo=None), tz)


def local_day_bounds(now: datetime, *, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """The start of the local day of `now` and the start of the next day (both aware)."""
    local_day = _local(now, tz).date()
    start = _at(local_day, time(0), tz)
    end = _at(local_day + timedelta(days=1), time(0), tz)
    return start, end
