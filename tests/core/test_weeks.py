"""ISO weeks: parsing, year ends, week 53 and daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from prospection.core.weeks import Week, WeekError, week_range, weeks_in_year

PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2026-W48", Week(2026, 48)), ("2026W05", Week(2026, 5)), (" 2020-w53 ", Week(2020, 53))],
)
def test_parse_accepts_iso_forms(text: str, expected: Week) -> None:
    assert Week.parse(text) == expected


@pytest.mark.parametrize("text", ["2026-48", "2026-W54", "2025-W53", "2026-W00", "W48", ""])
def test_parse_rejects_what_is_not_a_week(text: str) -> None:
    with pytest.raises(WeekError):
        Week.parse(text)


def test_formats_zero_padded_and_round_trips() -> None:
    assert str(Week(2027, 1)) == "2027-W01"
    assert Week.parse(str(Week(2027, 1))) == Week(2027, 1)


def test_weeks_in_year_knows_53_week_years() -> None:
    assert [y for y in range(2015, 2033) if weeks_in_year(y) == 53] == [2015, 2020, 2026, 2032]


def test_year_end_days_belong_to_the_iso_year_of_their_thursday() -> None:
    # 1 January 2027 is a Friday: it belongs to 2026's week 53.
    assert Week.of(date(2027, 1, 1)) == Week(2026, 53)
    assert Week.of(date(2027, 1, 4)) == Week(2027, 1)
    # 29 December 2025 is a Monday: week 1 of 2026.
    assert Week.of(date(2025, 12, 29)) == Week(2026, 1)
    assert Week(2026, 1).monday == date(2025, 12, 29)


def test_shift_crosses_week_53_and_year_ends() -> None:
    assert Week(2026, 52).next() == Week(2026, 53)
    assert Week(2026, 53).next() == Week(2027, 1)
    assert Week(2027, 1).previous() == Week(2026, 53)
    assert Week(2025, 52).next() == Week(2026, 1)
    assert Week(2026, 2).shift(-3) == Week(2025, 51)


def test_weeks_order_across_years() -> None:
    assert Week(2025, 52) < Week(2026, 1) < Week(2026, 53)
    assert str(Week(2025, 52)) < str(Week(2026, 1))  # stored labels sort the same way


def test_week_range_is_oldest_first_and_contiguous() -> None:
    weeks = week_range(Week(2027, 2), 4)
    assert weeks == [Week(2026, 52), Week(2026, 53), Week(2027, 1), Week(2027, 2)]


def test_bounds_are_local_midnights() -> None:
    start, end = Week(2026, 48).bounds(PARIS)
    assert start == datetime(2026, 11, 23, tzinfo=PARIS)
    assert end == datetime(2026, 11, 30, tzinfo=PARIS)
    assert start.astimezone(UTC) == datetime(2026, 11, 22, 23, tzinfo=UTC)


def test_week_of_spring_forward_is_one_hour_shorter() -> None:
    # Clocks go forward on Sunday 29 March 2026 in Paris.
    start, end = Week(2026, 13).bounds(PARIS)
    # Same-zone subtraction is wall-clock time in Python: compare in UTC.
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=167)
    assert start.utcoffset() == timedelta(hours=1)
    assert end.utcoffset() == timedelta(hours=2)


def test_week_of_fall_back_is_one_hour_longer() -> None:
    # Clocks go back on Sunday 25 October 2026 in Paris.
    start, end = Week(2026, 43).bounds(PARIS)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=169)


def test_a_late_sunday_call_stays_in_its_local_week() -> None:
    # 00:30 on Monday in Paris is still Sunday in UTC: the week follows local time.
    sunday_night = datetime(2026, 3, 29, 23, 30, tzinfo=PARIS)
    monday_early = datetime(2026, 3, 30, 0, 30, tzinfo=PARIS)
    assert Week.containing(sunday_night.astimezone(UTC), PARIS) == Week(2026, 13)
    assert Week.containing(monday_early.astimezone(UTC), PARIS) == Week(2026, 14)
    start, _ = Week(2026, 14).bounds(PARIS)
    assert start <= monday_early
    assert sunday_night < start


def test_bounds_in_system_time_follow_the_date_offset() -> None:
    start, end = Week(2026, 13).bounds()
    assert start.tzinfo is not None and end.tzinfo is not None
    assert start.replace(tzinfo=None) == datetime(2026, 3, 23)
    assert end.replace(tzinfo=None) == datetime(2026, 3, 30)
