"""Working days: weekends and French public holidays, for follow-up and retry dates."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from functools import lru_cache

#: The hour a follow-up is proposed at by default (10:00 is also when French rules
#: let consumer calls start).
DEFAULT_FOLLOW_UP_TIME = time(10, 0)


#: Mainland France's fixed public holidays (month, day), as the law has them since 1982.
_FRENCH_FIXED = ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25))
#: Subdivisions whose holidays are computed here: mainland, Moselle and Alsace.
_COMPUTED_SUBDIVISIONS = (None, "57", "6AE")
#: Years computed here (before 1982 the list differed: the library knows the history;
#: it stops at 2100, and so does this, so that both always agree).
_COMPUTED_YEARS = range(1982, 2101)


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def french_public_holidays(year: int, subdivision: str | None = None) -> frozenset[date]:
    """French public holidays of `year` (mainland; "57" Moselle, "6AE" Alsace add two).

    Computed here for mainland France, Alsace and Moselle since 1982 (a test checks them
    against the `holidays` library): importing that library loads every country's
    calendar, a second or more at start-up, when the week's goal needs these dates.
    Other subdivisions (overseas departments) and older years come from the library.
    """
    if subdivision not in _COMPUTED_SUBDIVISIONS or year not in _COMPUTED_YEARS:
        return _library_holidays(year, "FR", subdivision)
    easter = easter_sunday(year)
    days = {date(year, month, day) for month, day in _FRENCH_FIXED}
    days.add(easter + timedelta(days=1))  # Easter Monday
    days.add(easter + timedelta(days=39))  # Ascension
    if year not in (2005, 2006, 2007):  # Whit Monday was a working "solidarity day" then
        days.add(easter + timedelta(days=50))
    if subdivision is not None:
        days.add(easter - timedelta(days=2))  # Good Friday
        days.add(date(year, 12, 26))  # Saint Stephen's Day
    return frozenset(days)


def _library_holidays(year: int, country: str, subdivision: str | None) -> frozenset[date]:
    # Imported here, and France's module directly: `holidays.country_holidays` imports
    # the calendars of every country first.
    if country == "FR":
        from holidays.countries.france import France

        calendar = France(subdiv=subdivision, years=year)  # type: ignore[no-untyped-call]
        return frozenset(calendar.keys())
    import holidays

    return frozenset(holidays.country_holidays(country, subdiv=subdivision, years=year).keys())


@lru_cache(maxsize=64)
def _public_holidays(year: int, country: str, subdivision: str | None) -> frozenset[date]:
    # Caching per year keeps the queue and the dialog fast.
    if country == "FR":
        return french_public_holidays(year, subdivision)
    return _library_holidays(year, country, subdivision)


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


def local_at(day: date, moment: time, tz: tzinfo | None = None) -> datetime:
    """`day` at the local time `moment`, in `tz` (default: the system's zone), aware."""
    return _at(day, moment, tz)


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


#: The user's working hours when never set: follow-ups are proposed inside them.
DEFAULT_WORKING_HOURS = (time(9, 0), time(18, 0))


def within_working_hours(
    moment: datetime,
    start: time = DEFAULT_WORKING_HOURS[0],
    end: time = DEFAULT_WORKING_HOURS[1],
    *,
    tz: tzinfo | None = None,
    country: str = "FR",
) -> datetime:
    """`moment` if it falls in working hours on a working day, else the next start of them.

    Before `start`: that day at `start`; at or after `end`, or on a day off: the next
    working day at `start`. A follow-up computed from a call made at 03:14 lands at 09:00.
    """
    if end <= start:
        raise ValueError("working hours must end after they start")
    local = _local(moment, tz)
    clock = local.time().replace(tzinfo=None)
    day = local.date()
    if is_working_day(day, country):
        if start <= clock < end:
            return moment
        if clock < start:
            return _at(day, start, tz)
    return _at(next_working_day(day, country), start, tz)


def follow_up_after(
    now: datetime,
    count: int,
    hours: tuple[time, time] = DEFAULT_WORKING_HOURS,
    *,
    tz: tzinfo | None = None,
    country: str = "FR",
) -> datetime:
    """`count` working days after `now`, at the same time of day, moved into working hours."""
    later = working_days_later(now, count, tz=tz, country=country)
    return within_working_hours(later, hours[0], hours[1], tz=tz, country=country)
