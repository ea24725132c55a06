"""ISO weeks (Monday first, "2026-W48"): parsing, formatting and their bounds in local time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from prospection.core import limits

_WEEK_PATTERN = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)


class WeekError(ValueError):
    """Text that does not name an ISO week."""


def weeks_in_year(year: int) -> int:
    """52 or 53: the number of ISO weeks of `year` (28 December is always in its last week)."""
    return date(year, 12, 28).isocalendar().week


@dataclass(frozen=True, order=True)
class Week:
    """One ISO week: Monday to Sunday, numbered 1 to 52 or 53 within its ISO year."""

    year: int
    number: int

    def __post_init__(self) -> None:
        if not limits.EARLIEST_YEAR <= self.year <= limits.LATEST_YEAR:
            # Year 1's Monday shifted to local time leaves `datetime`'s range.
            raise WeekError(f"year out of range: {self.year} ({limits.date_range_text()})")
        if not 1 <= self.number <= weeks_in_year(self.year):
            raise WeekError(f"{self.year} has no ISO week {self.number}")

    @classmethod
    def parse(cls, text: str) -> Week:
        """The week named "YYYY-Www" (also "YYYYWww", any case); WeekError otherwise."""
        match = _WEEK_PATTERN.match(text)
        if match is None:
            raise WeekError(f"not an ISO week: {text!r} (example: 2026-W48)")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> Week:
        """The ISO week holding `day` (a datetime counts by its own, already local, date)."""
        if isinstance(day, datetime):
            day = day.date()
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @classmethod
    def containing(cls, moment: datetime, tz: tzinfo | None = None) -> Week:
        """The week holding an aware `moment`, seen in `tz` (default: the system's zone)."""
        return cls.of(to_local(moment, tz).date())

    @classmethod
    def current(cls, tz: tzinfo | None = None) -> Week:
        """This week, in `tz` (default: the system's local time)."""
        return cls.of(datetime.now(tz).date() if tz is not None else date.today())

    def __str__(self) -> str:
        return f"{self.year:04d}-W{self.number:02d}"

    @property
    def monday(self) -> date:
        """The first day of the week."""
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def sunday(self) -> date:
        """The last day of the week."""
        return self.monday + timedelta(days=6)

    def days(self) -> list[date]:
        """The seven days, Monday first."""
        return [self.monday + timedelta(days=offset) for offset in range(7)]

    def shift(self, weeks: int) -> Week:
        """The week `weeks` later (earlier when negative); crosses year ends and week 53."""
        return Week.of(self.monday + timedelta(weeks=weeks))

    def next(self) -> Week:
        """The following week."""
        return self.shift(1)

    def previous(self) -> Week:
        """The preceding week."""
        return self.shift(-1)

    def bounds(self, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
        """[start, end) of the week as aware datetimes: local midnights, Monday to Monday.

        A week holding a daylight-saving change lasts 167 or 169 hours, not 168.
        """
        return local_midnight(self.monday, tz), local_midnight(self.monday + timedelta(7), tz)


def local_midnight(day: date, tz: tzinfo | None = None) -> datetime:
    """The start of `day` in `tz` (default: the system's zone), aware."""
    naive = datetime.combine(day, time())
    if tz is None:
        # astimezone() on a naive datetime asks the system for that date's own offset,
        # so that a summer date gets the summer offset (a fixed offset would not).
        return naive.astimezone()
    return naive.replace(tzinfo=tz)


def to_local(moment: datetime, tz: tzinfo | None = None) -> datetime:
    """An aware `moment` in `tz` (default: the system's zone)."""
    return moment.astimezone(tz)


def week_range(last: Week, count: int) -> list[Week]:
    """The `count` weeks ending with `last`, oldest first."""
    return [last.shift(-offset) for offset in range(count - 1, -1, -1)]
