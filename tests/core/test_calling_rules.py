"""French consumer calling rules, checked against a calendar of real dates."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from prospection.core.calling_rules import (
    FRENCH_CONSUMER_RULES,
    UNRESTRICTED,
    CallHistory,
    Reason,
    b2b_rules_from_setting,
    b2b_setting,
    check_call,
    french_region,
    is_public_holiday,
    next_window_start,
)

PARIS = ZoneInfo("Europe/Paris")
CONSENTED = CallHistory(consent_at=datetime(2026, 9, 1, tzinfo=PARIS))


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("moment", "reason"),
    [
        (paris(2026, 11, 26, 10, 0), Reason.ALLOWED),  # Thursday, opening minute
        (paris(2026, 11, 26, 9, 59), Reason.OUTSIDE_HOURS),
        (paris(2026, 11, 26, 12, 59), Reason.ALLOWED),
        (paris(2026, 11, 26, 13, 0), Reason.OUTSIDE_HOURS),  # lunch break
        (paris(2026, 11, 26, 14, 0), Reason.ALLOWED),
        (paris(2026, 11, 26, 19, 59), Reason.ALLOWED),
        (paris(2026, 11, 26, 20, 0), Reason.OUTSIDE_HOURS),
        (paris(2026, 11, 28, 11, 0), Reason.WEEKEND),  # Saturday
        (paris(2026, 11, 29, 11, 0), Reason.WEEKEND),  # Sunday
        (paris(2026, 11, 11, 11, 0), Reason.PUBLIC_HOLIDAY),  # Armistice, a Wednesday
        (paris(2026, 12, 25, 11, 0), Reason.PUBLIC_HOLIDAY),  # Christmas, a Friday
        (paris(2026, 5, 14, 11, 0), Reason.PUBLIC_HOLIDAY),  # Ascension Thursday
        (paris(2026, 5, 25, 11, 0), Reason.PUBLIC_HOLIDAY),  # Whit Monday
    ],
)
def test_consumer_hours_days_and_holidays(moment: datetime, reason: Reason) -> None:
    decision = check_call(moment, FRENCH_CONSUMER_RULES, CONSENTED)
    assert decision.reason is reason
    assert decision.allowed is (reason is Reason.ALLOWED)


def test_rules_use_the_persons_local_time() -> None:
    # 09:30 UTC is 10:30 in Paris in winter: allowed, even though UTC says 09:30.
    decision = check_call(
        datetime(2026, 11, 26, 9, 30, tzinfo=ZoneInfo("UTC")), FRENCH_CONSUMER_RULES, CONSENTED
    )
    assert decision.allowed


def test_next_window_skips_evenings_weekends_and_holidays() -> None:
    christmas_eve = paris(2026, 12, 24, 20, 30)  # a Thursday evening
    start = next_window_start(christmas_eve, FRENCH_CONSUMER_RULES)
    # 25 Dec (Friday) is a holiday, 26-27 are the weekend: Monday 28 Dec, 10:00.
    assert start == paris(2026, 12, 28, 10, 0)
    assert next_window_start(paris(2026, 11, 26, 13, 20), FRENCH_CONSUMER_RULES) == paris(
        2026, 11, 26, 14, 0
    )
    decision = check_call(paris(2026, 11, 28, 11, 0), FRENCH_CONSUMER_RULES, CONSENTED)
    assert decision.next_allowed_at == paris(2026, 11, 30, 10, 0)


def test_alsace_moselle_keeps_26_december_and_good_friday() -> None:
    assert not is_public_holiday(date(2025, 12, 26))
    assert is_public_holiday(date(2025, 12, 26), "57")
    assert is_public_holiday(date(2026, 4, 3), "6AE")  # Good Friday 2026
    rules = FRENCH_CONSUMER_RULES.for_region("FR", "67000")
    assert check_call(paris(2025, 12, 26, 11, 0), rules, CONSENTED).reason is (
        Reason.PUBLIC_HOLIDAY
    )
    assert check_call(paris(2025, 12, 26, 11, 0), FRENCH_CONSUMER_RULES, CONSENTED).allowed


def test_overseas_numbers_use_their_own_clock() -> None:
    assert french_region("+262262123456") == "RE"
    assert french_region("+33612345678") == "FR"
    assert french_region("+32470123456") is None
    reunion = FRENCH_CONSUMER_RULES.for_region("RE")
    # 08:00 in Paris is 11:00 in Réunion (UTC+4 vs UTC+1 in winter).
    assert check_call(paris(2026, 11, 26, 8, 0), reunion, CONSENTED).allowed
    assert not check_call(paris(2026, 11, 26, 8, 0), FRENCH_CONSUMER_RULES, CONSENTED).allowed


def test_at_most_four_calls_in_thirty_days() -> None:
    now = paris(2026, 11, 26, 11, 0)
    calls = [now - timedelta(days=d) for d in (1, 5, 10, 20)]
    decision = check_call(now, FRENCH_CONSUMER_RULES, CallHistory(calls=calls, consent_at=now))
    assert decision.reason is Reason.TOO_MANY_CALLS
    # The oldest of the four leaves the 30 days on 26 Nov - 20 + 30 = 6 Dec (a Sunday):
    # Monday 7 December, 10:00.
    assert decision.next_allowed_at == paris(2026, 12, 7, 10, 0)
    three = CallHistory(calls=calls[:3], consent_at=now)
    assert check_call(now, FRENCH_CONSUMER_RULES, three).allowed
    old = CallHistory(calls=[*calls[:3], now - timedelta(days=31)], consent_at=now)
    assert check_call(now, FRENCH_CONSUMER_RULES, old).allowed


def test_sixty_days_after_a_refusal() -> None:
    now = paris(2026, 11, 26, 11, 0)
    refused = CallHistory(last_refusal_at=now - timedelta(days=59), consent_at=now)
    decision = check_call(now, FRENCH_CONSUMER_RULES, refused)
    assert decision.reason is Reason.REFUSED_RECENTLY
    assert decision.next_allowed_at == now + timedelta(days=1)  # Friday 27 Nov, 11:00
    later = CallHistory(last_refusal_at=now - timedelta(days=61), consent_at=now)
    assert check_call(now, FRENCH_CONSUMER_RULES, later).allowed


def test_consent_required_from_11_august_2026_except_under_contract() -> None:
    no_consent = CallHistory()
    before = check_call(paris(2026, 8, 10, 11, 0), FRENCH_CONSUMER_RULES, no_consent)
    assert before.allowed
    after = check_call(paris(2026, 8, 11, 11, 0), FRENCH_CONSUMER_RULES, no_consent)
    assert after.reason is Reason.NO_CONSENT
    assert after.next_allowed_at is None
    client = CallHistory(under_contract=True)
    assert check_call(paris(2026, 11, 26, 11, 0), FRENCH_CONSUMER_RULES, client).allowed


def test_do_not_call_always_wins() -> None:
    history = CallHistory(do_not_call=True, consent_at=paris(2026, 9, 1))
    assert check_call(paris(2026, 11, 26, 11, 0), UNRESTRICTED, history).reason is (
        Reason.DO_NOT_CONTACT
    )


def test_b2b_is_unrestricted_unless_a_window_is_set() -> None:
    sunday_night = paris(2026, 11, 29, 23, 0)
    assert check_call(sunday_night, UNRESTRICTED, CallHistory()).allowed
    assert b2b_rules_from_setting(None) is UNRESTRICTED
    assert b2b_rules_from_setting({"enabled": False}) is UNRESTRICTED
    rules = b2b_rules_from_setting(b2b_setting(range(5), time(9, 0), time(17, 30)))
    assert not check_call(sunday_night, rules, CallHistory()).allowed
    assert check_call(paris(2026, 11, 30, 9, 0), rules, CallHistory()).allowed
    assert not check_call(paris(2026, 11, 30, 17, 30), rules, CallHistory()).allowed
    # No consent, call count or holiday rule for businesses.
    assert check_call(paris(2026, 11, 11, 10, 0), rules, CallHistory()).allowed
    assert b2b_rules_from_setting({"enabled": True, "start": "bad"}) is UNRESTRICTED


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        check_call(datetime(2026, 11, 26, 11, 0), FRENCH_CONSUMER_RULES, CONSENTED)
