"""Weekly targets and actuals: carrying targets forward, counting, pace and streaks."""

from __future__ import annotations

from datetime import date

import pytest

from prospection.core import weekly_goals
from prospection.core.activity_counts import calls_up_to, ranges_with_calls
from prospection.core.db import Database
from prospection.core.enums import CONVERSATION_OUTCOMES, REACHED_OUTCOMES, Outcome
from prospection.core.weekly_goals import (
    DEFAULT_TARGETS,
    Counts,
    Pace,
    actuals_for,
    elapsed_working_days,
    goal_met,
    history,
    pace_of,
    public_holidays_in,
    set_targets,
    streak,
    streak_weeks,
    targets_for,
    week_status,
    working_days,
)
from prospection.core.weeks import Week
from tests.goal_data import PARIS, at, became_client, client, log_calls, prospect

W48 = Week(2026, 48)  # Monday 23 November to Sunday 29 November 2026


def test_conversations_are_a_subset_of_reached() -> None:
    assert CONVERSATION_OUTCOMES <= REACHED_OUTCOMES
    assert Outcome.CALL_BACK in REACHED_OUTCOMES
    assert Outcome.CALL_BACK not in CONVERSATION_OUTCOMES
    assert Outcome.WRONG_NUMBER not in REACHED_OUTCOMES


def test_targets_default_then_carry_forward(db: Database) -> None:
    with db.session() as session:
        assert targets_for(session, W48) == DEFAULT_TARGETS
        set_targets(session, W48, today_week=W48, calls=60, meetings=3)
    with db.session() as session:
        assert targets_for(session, W48) == Counts(60, 8, 5, 3, 0)
        # A new week starts from last week's targets.
        assert targets_for(session, W48.shift(5)) == Counts(60, 8, 5, 3, 0)
        # Weeks before the first target keep the defaults.
        assert targets_for(session, W48.previous()) == DEFAULT_TARGETS


def test_changing_this_week_never_rewrites_past_weeks(db: Database) -> None:
    with db.session() as session:
        set_targets(session, W48, today_week=W48, calls=50)
        set_targets(session, W48.shift(2), today_week=W48.shift(2), calls=80)
        set_targets(session, W48.shift(2), today_week=W48.shift(2), calls=90)
    with db.session() as session:
        assert targets_for(session, W48).calls == 50
        assert targets_for(session, W48.next()).calls == 50
        assert targets_for(session, W48.shift(2)).calls == 90


def test_setting_a_past_week_leaves_the_weeks_since_alone(db: Database) -> None:
    today = W48.shift(3)
    with db.session() as session:
        set_targets(session, W48.shift(-2), today_week=today, calls=30)
        set_targets(session, W48, today_week=today, calls=70)
    with db.session() as session:
        assert targets_for(session, W48).calls == 70
        assert targets_for(session, W48.shift(-2)).calls == 30
        # The weeks after each changed week keep what they had before the change.
        assert targets_for(session, W48.shift(-1)).calls == DEFAULT_TARGETS.calls
        assert targets_for(session, W48.next()).calls == DEFAULT_TARGETS.calls
        assert targets_for(session, today).calls == DEFAULT_TARGETS.calls


def test_set_targets_rejects_unknown_and_negative(db: Database) -> None:
    with db.session() as session, pytest.raises(ValueError, match="unknown"):
        set_targets(session, W48, today_week=W48, visits=3)
    with db.session() as session, pytest.raises(ValueError, match="negative"):
        set_targets(session, W48, today_week=W48, calls=-1)


def test_actuals_count_each_metric(db: Database) -> None:
    with db.session() as session:
        p = prospect(session)
        log_calls(session, p, at(2026, 11, 23), Outcome.NO_ANSWER, count=5)
        log_calls(session, p, at(2026, 11, 24), Outcome.VOICEMAIL, count=2)
        log_calls(session, p, at(2026, 11, 24), Outcome.GATEKEEPER)
        log_calls(session, p, at(2026, 11, 25), Outcome.CALL_BACK)
        log_calls(session, p, at(2026, 11, 25), Outcome.NOT_INTERESTED)
        log_calls(session, p, at(2026, 11, 26), Outcome.CONVERSATION, count=2)
        log_calls(session, p, at(2026, 11, 26), Outcome.MEETING_BOOKED)
        log_calls(session, p, at(2026, 11, 26), Outcome.WRONG_NUMBER)
        log_calls(session, p, at(2026, 11, 26), None)  # outcome not logged yet
        # Not this week's prospecting: an inbound call, and calls in the weeks around.
        log_calls(session, p, at(2026, 11, 27), Outcome.CONVERSATION, inbound=True)
        log_calls(session, p, at(2026, 11, 22, 23, 30), Outcome.CONVERSATION)
        log_calls(session, p, at(2026, 11, 30, 0, 30), Outcome.CONVERSATION)
    with db.session() as session:
        counts = actuals_for(session, W48, PARIS)
    assert counts == Counts(calls=15, reached=6, conversations=4, meetings=1, new_clients=0)


def test_new_clients_by_stage_change_or_client_since_counted_once(db: Database) -> None:
    with db.session() as session:
        changed = prospect(session, "Changed")
        became_client(session, changed, at(2026, 11, 25))
        client(session, "Signed", 1000.0, since=date(2026, 11, 27))
        both = prospect(session, "Both", client_since=date(2026, 11, 24))
        became_client(session, both, at(2026, 11, 24))
        earlier = prospect(session, "Earlier", client_since=date(2026, 11, 26))
        became_client(session, earlier, at(2026, 10, 1))  # the stage change wins
    with db.session() as session:
        assert actuals_for(session, W48, PARIS).new_clients == 3


def test_working_days_skip_weekends_and_public_holidays() -> None:
    # Week 19 of 2026: Friday 8 May is a public holiday in France (and 14 May too).
    week = Week(2026, 19)
    holidays = public_holidays_in(week, "FR")
    assert holidays == {date(2026, 5, 8)}
    assert len(working_days(week, holidays)) == 4
    assert len(working_days(week)) == 5
    assert public_holidays_in(week, "") == frozenset()
    assert public_holidays_in(week, "ZZ") == frozenset()


def test_elapsed_working_days_counts_today_by_the_clock() -> None:
    days = working_days(W48)
    assert elapsed_working_days(days, at(2026, 11, 25, 13, 30)) == (2.5, 3)
    assert elapsed_working_days(days, at(2026, 11, 23, 8, 0)) == (0.0, 5)
    assert elapsed_working_days(days, at(2026, 11, 27, 19, 0)) == (5.0, 0)
    assert elapsed_working_days(days, at(2026, 11, 28, 11, 0)) == (5.0, 0)


@pytest.mark.parametrize(
    ("actual", "target", "expected", "pace"),
    [
        (40, 40, 40.0, Pace.MET),
        (25, 40, 20.0, Pace.AHEAD),
        (21, 40, 20.0, Pace.ON_TRACK),
        (18, 40, 20.0, Pace.ON_TRACK),
        (17, 40, 20.0, Pace.BEHIND),
        (0, 2, 1.0, Pace.ON_TRACK),  # one meeting short mid-week is no alarm
        (0, 0, 0.0, Pace.NO_TARGET),
        (0, 40, 0.0, Pace.ON_TRACK),  # Monday morning
    ],
)
def test_pace_against_an_even_pace(actual: int, target: int, expected: float, pace: Pace) -> None:
    assert pace_of(actual, target, expected) == pace


def test_goal_met_is_the_calls_target_or_every_other_target() -> None:
    assert goal_met(Counts(calls=40), Counts(calls=40))
    assert not goal_met(Counts(calls=40, meetings=2), Counts(calls=39, meetings=5))
    assert goal_met(Counts(meetings=2), Counts(meetings=2))
    assert not goal_met(Counts(), Counts(calls=10))


def _week_of_calls(session: object, p: object, week: Week, calls: int) -> None:
    monday = week.monday
    log_calls(session, p, at(monday.year, monday.month, monday.day), count=calls)  # type: ignore[arg-type]


def test_streak_counts_consecutive_met_weeks(db: Database) -> None:
    with db.session() as session:
        set_targets(session, W48.shift(-6), today_week=W48.shift(-6), calls=10)
        p = prospect(session)
        _week_of_calls(session, p, W48.shift(-5), 12)
        _week_of_calls(session, p, W48.shift(-4), 3)  # missed: breaks the streak
        for back in (3, 2, 1):
            _week_of_calls(session, p, W48.shift(-back), 10)
        _week_of_calls(session, p, W48, 4)  # under way: does not break it
    with db.session() as session:
        assert streak_weeks(session, W48, PARIS) == 3
        p2 = prospect(session, "Other")
        _week_of_calls(session, p2, W48, 6)
    with db.session() as session:
        assert streak_weeks(session, W48, PARIS) == 4


def test_streak_is_zero_without_calls(db: Database) -> None:
    with db.session() as session:
        assert streak_weeks(session, W48, PARIS) == 0


def test_week_status_mid_week(db: Database) -> None:
    with db.session() as session:
        set_targets(session, W48, today_week=W48, calls=40, meetings=2)
        p = prospect(session)
        log_calls(session, p, at(2026, 11, 23), count=10)
        log_calls(session, p, at(2026, 11, 24), Outcome.CONVERSATION, count=2)
        log_calls(session, p, at(2026, 11, 25, 9, 30), Outcome.MEETING_BOOKED)
        status = week_status(session, now=at(2026, 11, 25, 13, 30), tz=PARIS, holidays=())
    assert status.week == W48
    calls = status.metric("calls")
    assert (calls.actual, calls.target, calls.expected_by_now) == (13, 40, 20.0)
    assert calls.pace == Pace.BEHIND
    assert status.pace == Pace.BEHIND
    assert status.metric("meetings").pace == Pace.ON_TRACK
    assert status.metric("new_clients").pace == Pace.NO_TARGET
    assert (status.working_days, status.elapsed_working_days, status.days_left) == (5, 2.5, 3)
    assert status.days_prospected == 3
    assert not status.goal_met


def test_week_status_uses_the_holiday_setting(db: Database) -> None:
    with db.session() as session:
        status = week_status(session, Week(2026, 19), now=at(2026, 5, 6, 12), tz=PARIS)
    assert status.working_days == 4


def test_history_has_twelve_weeks_oldest_first(db: Database) -> None:
    with db.session() as session:
        p = prospect(session)
        _week_of_calls(session, p, W48.shift(-2), 45)
        weeks = history(session, W48, tz=PARIS)
    assert weeks[0].week == W48.shift(-11)
    assert weeks[-1].week == W48
    assert len(weeks) == 12
    assert weeks[-3].actuals.calls == 45
    assert weeks[-3].goal_met
    assert not weeks[-1].goal_met


def test_streak_stops_at_the_look_back_limit(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(weekly_goals, "STREAK_LOOKBACK_WEEKS", 3)
    with db.session() as session:
        set_targets(session, W48.shift(-8), today_week=W48.shift(-8), calls=5)
        p = prospect(session)
        for back in range(1, 7):
            _week_of_calls(session, p, W48.shift(-back), 5)
    with db.session() as session:
        assert streak(session, W48, PARIS) == (3, True)
    monkeypatch.setattr(weekly_goals, "STREAK_LOOKBACK_WEEKS", 10)
    with db.session() as session:
        assert streak(session, W48, PARIS) == (6, False)


def test_days_prospected_by_local_day_at_midnight_edges(db: Database) -> None:
    with db.session() as session:
        p = prospect(session)
        # 00:30 in Paris is still the day before in UTC; 23:30 the same UTC day.
        log_calls(session, p, at(2026, 11, 24, 0, 30))
        log_calls(session, p, at(2026, 11, 24, 23, 30))
        log_calls(session, p, at(2026, 11, 29, 23, 59))
        log_calls(session, p, at(2026, 11, 30, 0, 1))  # next week
        log_calls(session, p, at(2026, 11, 22, 23, 59))  # week before
    with db.session() as session:
        assert weekly_goals.days_prospected(session, W48, PARIS) == 2


def test_calls_up_to_stops_at_each_cap(db: Database) -> None:
    with db.session() as session:
        p = prospect(session)
        log_calls(session, p, at(2026, 11, 23), count=7)
        log_calls(session, p, at(2026, 11, 30), count=2)
    weeks = [W48, W48.shift(1), W48.shift(2)]
    bounds = [w.bounds(PARIS) for w in weeks]
    with db.session() as session:
        assert calls_up_to(session, bounds, [5, 5, 5]) == [5, 2, 0]
        assert calls_up_to(session, bounds, [10, 0, 3]) == [7, 0, 0]
        assert ranges_with_calls(session, bounds) == [True, True, False]
        assert calls_up_to(session, [], []) == []
