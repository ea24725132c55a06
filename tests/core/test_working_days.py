"""Working days: weekends, French public holidays, follow-up defaults, retry dates."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from prospection.core import working_days
from prospection.core.working_days import (
    add_working_days,
    is_public_holiday,
    is_working_day,
    local_day_bounds,
    next_working_day,
    next_working_day_at,
    working_days_later,
)

PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(
    "holiday",
    [
        date(2026, 1, 1),
        date(2026, 4, 6),  # Easter Monday
        date(2026, 5, 1),
        date(2026, 5, 8),
        date(2026, 5, 14),  # Ascension
        date(2026, 5, 25),  # Pentecost Monday
        date(2026, 7, 14),
        date(2026, 11, 11),
        date(2026, 12, 25),
        date(2027, 3, 29),  # Easter Monday 2027: movable feasts are computed, not listed
    ],
)
def test_french_public_holidays_are_not_working_days(holiday: date) -> None:
    assert is_public_holiday(holiday)
    assert not is_working_day(holiday)


def test_weekends_are_not_working_days_and_weekdays_are() -> None:
    assert not is_working_day(date(2026, 11, 28))  # Saturday
    assert not is_working_day(date(2026, 11, 29))  # Sunday
    assert is_working_day(date(2026, 11, 27))  # Friday


def test_alsace_moselle_has_its_own_holidays() -> None:
    assert not is_public_holiday(date(2026, 12, 26))
    assert is_public_holiday(date(2026, 12, 26), subdivision="57")


def test_adding_working_days_skips_weekends_and_holidays() -> None:
    assert add_working_days(date(2026, 11, 10), 1) == date(2026, 11, 12)  # over 11 Nov
    assert add_working_days(date(2026, 11, 26), 2) == date(2026, 11, 30)  # over a weekend
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 28)  # over Christmas
    assert add_working_days(date(2026, 11, 28), 0) == date(2026, 11, 28)
    assert next_working_day(date(2026, 11, 27)) == date(2026, 11, 30)
    with pytest.raises(ValueError):
        add_working_days(date(2026, 11, 26), -1)


def test_call_back_defaults_to_next_working_day_at_ten() -> None:
    friday_evening = datetime(2026, 11, 27, 18, 0, tzinfo=PARIS)
    proposed = next_working_day_at(friday_evening, tz=PARIS)
    assert proposed == datetime(2026, 11, 30, 10, 0, tzinfo=PARIS)
    before_christmas = datetime(2026, 12, 24, 9, 0, tzinfo=PARIS)
    assert next_working_day_at(before_christmas, time(14, 30), tz=PARIS) == datetime(
        2026, 12, 28, 14, 30, tzinfo=PARIS
    )


def test_retry_keeps_the_local_time_of_day_across_a_clock_change() -> None:
    # Summer time ends on Sunday 25 October 2026 in France.
    friday = datetime(2026, 10, 23, 15, 0, tzinfo=PARIS)
    retry = working_days_later(friday, 2, tz=PARIS)
    assert retry.date() == date(2026, 10, 27)
    assert retry.astimezone(PARIS).hour == 15
    assert retry.utcoffset() != friday.utcoffset()


def test_local_day_bounds_cover_the_local_day() -> None:
    moment = datetime(2026, 11, 25, 23, 30, tzinfo=PARIS)
    start, end = local_day_bounds(moment, tz=PARIS)
    assert start == datetime(2026, 11, 25, 0, 0, tzinfo=PARIS)
    assert end == datetime(2026, 11, 26, 0, 0, tzinfo=PARIS)


@pytest.mark.parametrize("subdivision", [None, "57", "6AE"])
def test_french_holidays_computed_as_the_holidays_library_has_them(
    subdivision: str | None,
) -> None:
    import holidays

    for year in range(1982, 2101):
        expected = frozenset(holidays.country_holidays("FR", subdiv=subdivision, years=year))
        assert working_days.french_public_holidays(year, subdivision) == expected, year


def test_overseas_and_older_holidays_come_from_the_library() -> None:
    # La Réunion celebrates the abolition of slavery on 20 December.
    assert date(2026, 12, 20) in working_days.french_public_holidays(2026, "974")
    assert date(2026, 12, 20) not in working_days.french_public_holidays(2026)
    # Victory in Europe Day was not a holiday between 1960 and 1981.
    assert date(1970, 5, 8) not in working_days.french_public_holidays(1970)
    assert working_days.easter_sunday(2026) == date(2026, 4, 5)


def test_holidays_library_not_imported_for_mainland_dates() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from datetime import date; "
        "from prospection.core import working_days, calling_rules; "
        "assert working_days.is_public_holiday(date(2027, 5, 6)); "
        "assert calling_rules.is_public_holiday(date(2027, 12, 26), '57'); "
        "print('holidays' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
