"""Logging a call checks the calling rules: warnings, and retries in legal working hours."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from prospection.core.call_outcomes import CallSettings, load_call_settings, save_call_settings
from prospection.core.calling_rules import Reason
from prospection.core.calls import CallResult, default_follow_up, log_call
from prospection.core.db import Database
from prospection.core.enums import ActivityKind, Outcome
from prospection.core.models import Activity, Contact
from tests.call_factories import NOW, add_prospect

PARIS = ZoneInfo("Europe/Paris")
#: Wednesday 25 November 2026, local Paris times.
WEDNESDAY = datetime(2026, 11, 25, tzinfo=PARIS)


def paris(day: datetime, hour: int, minute: int = 0) -> datetime:
    return day.replace(hour=hour, minute=minute)


def consumer(db: Database) -> int:
    pid = add_prospect(db, "M. Petit", is_consumer=True, phones=("+33612345678",))
    with db.session() as session:
        contact = session.scalars(select(Contact).where(Contact.prospect_id == pid)).one()
        contact.consent_at = NOW - timedelta(days=90)
    return pid


def call(db: Database, pid: int, at: datetime, outcome: Outcome = Outcome.NO_ANSWER) -> CallResult:
    with db.session() as session:
        return log_call(session, pid, outcome, at=at, tz=PARIS)


def calls_recorded(db: Database, pid: int) -> int:
    with db.session() as session:
        return len(
            session.scalars(
                select(Activity).where(
                    Activity.prospect_id == pid, Activity.kind == ActivityKind.CALL
                )
            ).all()
        )


def test_a_lawful_call_has_no_warning(db: Database) -> None:
    pid = consumer(db)
    result = call(db, pid, paris(WEDNESDAY, 11))
    assert result.warnings == () and result.consumer_rules


def test_consumer_called_on_a_sunday_is_recorded_with_a_warning(db: Database) -> None:
    pid = consumer(db)
    result = call(db, pid, paris(WEDNESDAY + timedelta(days=4), 11))
    assert result.warnings == (Reason.WEEKEND,)
    assert calls_recorded(db, pid) == 1  # it happened: recorded all the same


def test_consumer_called_on_a_public_holiday(db: Database) -> None:
    pid = consumer(db)
    armistice = datetime(2026, 11, 11, 11, 0, tzinfo=PARIS)  # a Wednesday
    assert call(db, pid, armistice).warnings == (Reason.PUBLIC_HOLIDAY,)


def test_consumer_called_at_8_is_retried_at_10_in_paris(db: Database) -> None:
    pid = consumer(db)
    result = call(db, pid, paris(WEDNESDAY, 8))
    assert result.warnings == (Reason.OUTSIDE_HOURS,)
    # Two working days later (Friday), at 10:00, when consumer calls may start; not 08:00.
    assert result.next_action_at == datetime(2026, 11, 27, 10, 0, tzinfo=PARIS)


def test_consumer_called_at_21_is_retried_on_the_next_allowed_morning(db: Database) -> None:
    pid = consumer(db)
    result = call(db, pid, paris(WEDNESDAY, 21))
    assert result.warnings == (Reason.OUTSIDE_HOURS,)
    # Friday 21:00 is outside both; Saturday and Sunday are closed: Monday 10:00.
    assert result.next_action_at == datetime(2026, 11, 30, 10, 0, tzinfo=PARIS)


def test_consumer_retry_at_lunch_moves_to_14(db: Database) -> None:
    pid = consumer(db)
    result = call(db, pid, paris(WEDNESDAY, 13, 20))
    assert Reason.OUTSIDE_HOURS in result.warnings
    assert result.next_action_at == datetime(2026, 11, 27, 14, 0, tzinfo=PARIS)


def test_fifth_call_in_30_days_warns_and_the_retry_waits(db: Database) -> None:
    pid = consumer(db)
    first = paris(WEDNESDAY - timedelta(days=9), 11)  # Monday 16 November
    for days in range(4):
        assert call(db, pid, first + timedelta(days=days)).warnings == ()
    fifth = call(db, pid, paris(WEDNESDAY, 11))
    assert fifth.warnings == (Reason.TOO_MANY_CALLS,)
    assert calls_recorded(db, pid) == 5
    # The retry waits until fewer than 4 calls remain in the last 30 days: 30 days after
    # the second call: Thursday 17 December at 11:00 (not two working days later).
    assert fifth.next_action_at == datetime(2026, 12, 17, 11, 0, tzinfo=PARIS)


def test_call_within_60_days_of_a_refusal_warns(db: Database) -> None:
    pid = consumer(db)
    call(db, pid, paris(WEDNESDAY - timedelta(days=20), 11), Outcome.NOT_INTERESTED)
    result = call(db, pid, paris(WEDNESDAY, 11))
    assert result.warnings == (Reason.REFUSED_RECENTLY,)
    assert result.next_action_at is not None
    assert result.next_action_at >= paris(WEDNESDAY + timedelta(days=40), 10)


def test_do_not_call_number_warns_even_for_a_business(db: Database) -> None:
    pid = add_prospect(db, "Garage Morel", dnc=True)
    result = call(db, pid, paris(WEDNESDAY, 11))
    assert result.warnings == (Reason.DO_NOT_CONTACT,)
    assert result.consumer_rules is False
    assert calls_recorded(db, pid) == 1


def test_business_retry_lands_in_working_hours_not_at_3_14(db: Database) -> None:
    pid = add_prospect(db, "Garage Morel")
    result = call(db, pid, paris(WEDNESDAY, 3, 14))
    assert result.warnings == ()  # businesses: no legal hours
    assert result.next_action_at == datetime(2026, 11, 27, 9, 0, tzinfo=PARIS)
    late = call(db, pid, paris(WEDNESDAY, 19, 30))
    assert late.next_action_at == datetime(2026, 11, 30, 9, 0, tzinfo=PARIS)
    inside = call(db, pid, paris(WEDNESDAY, 15, 40))
    assert inside.next_action_at == datetime(2026, 11, 27, 15, 40, tzinfo=PARIS)


def test_working_hours_are_a_setting(db: Database) -> None:
    with db.session() as session:
        assert load_call_settings(session).working_hours == (time(9), time(18))
        save_call_settings(session, CallSettings(work_start=time(8, 30), work_end=time(17)))
    pid = add_prospect(db, "Garage Morel")
    result = call(db, pid, paris(WEDNESDAY, 4, 28))
    assert result.next_action_at == datetime(2026, 11, 27, 8, 30, tzinfo=PARIS)
    with db.session() as session:
        assert load_call_settings(session).working_hours == (time(8, 30), time(17))


def test_default_conversation_follow_up_is_in_working_hours_and_legal(db: Database) -> None:
    business = add_prospect(db, "Garage Morel")
    person = consumer(db)
    at = paris(WEDNESDAY, 4, 28).astimezone(UTC)
    with db.session() as session:
        assert default_follow_up(session, business, at, 2, tz=PARIS) == datetime(
            2026, 11, 27, 9, 0, tzinfo=PARIS
        )
        assert default_follow_up(session, person, at, 2, tz=PARIS) == datetime(
            2026, 11, 27, 10, 0, tzinfo=PARIS
        )


def _history(db: Database, hours: dict[int, tuple[int, int]]) -> None:
    """Past calls of another prospect: {Paris hour: (calls, reached)} over October."""
    other = add_prospect(db, "Historique", phones=("+33465712099",))
    with db.session() as session:
        for hour, (calls, reached) in hours.items():
            for n in range(calls):
                day = datetime(2026, 10, 1 + n % 28, hour, 20, tzinfo=PARIS)
                session.add(
                    Activity(
                        prospect_id=other,
                        kind=ActivityKind.CALL,
                        occurred_at=day.astimezone(UTC),
                        outcome=Outcome.CONVERSATION if n < reached else Outcome.NO_ANSWER,
                    )
                )


def test_follow_ups_go_to_the_best_hour_once_there_are_enough_calls(db: Database) -> None:
    from prospection.core.calls import default_call_back
    from prospection.core.insights import BEST_HOUR_MIN_CALLS, best_hours

    business = add_prospect(db, "Société")
    person = consumer(db)
    at = paris(WEDNESDAY, 4, 28).astimezone(UTC)
    # 13:00 reaches best, then 11:00; 19:00 is good too but outside working hours.
    _history(db, {13: (20, 18), 11: (20, 12), 16: (20, 2), 19: (15, 14)})
    with db.session() as session:
        assert best_hours(session, at, PARIS)[:3] == [19, 13, 11]
        assert default_follow_up(session, business, at, 2, tz=PARIS) == datetime(
            2026, 11, 27, 13, 0, tzinfo=PARIS
        )
        # 13:00-14:00 is no legal time to call a consumer: the next best hour, 11:00.
        assert default_follow_up(session, person, at, 2, tz=PARIS) == datetime(
            2026, 11, 27, 11, 0, tzinfo=PARIS
        )
        assert default_call_back(session, business, at, tz=PARIS) == datetime(
            2026, 11, 26, 13, 0, tzinfo=PARIS
        )
        # Working hours from 13:30: 13:00 becomes 13:30, in the same hour.
        save_call_settings(session, replace(load_call_settings(session), work_start=time(13, 30)))
        assert default_follow_up(session, business, at, 2, tz=PARIS) == datetime(
            2026, 11, 27, 13, 30, tzinfo=PARIS
        )
    assert BEST_HOUR_MIN_CALLS == 30


def test_too_few_calls_keep_the_working_hours_rule(db: Database) -> None:
    from prospection.core.calls import default_call_back

    business = add_prospect(db, "Société")
    at = paris(WEDNESDAY, 4, 28).astimezone(UTC)
    _history(db, {13: (14, 14), 11: (15, 2)})  # 29 calls: not enough to say
    with db.session() as session:
        assert default_follow_up(session, business, at, 2, tz=PARIS) == datetime(
            2026, 11, 27, 9, 0, tzinfo=PARIS
        )
        assert default_call_back(session, business, at, tz=PARIS) == datetime(
            2026, 11, 26, 10, 0, tzinfo=PARIS
        )
