"""Insights: funnel over a period, outcomes, calls per day, best time with enough calls."""

from __future__ import annotations

from datetime import date

import pytest

from prospection.core.db import Database
from prospection.core.enums import Outcome
from prospection.core.insights import MIN_CALLS_PER_CELL, funnel, insights, wilson_lower_bound
from tests.goal_data import PARIS, at, became_client, log_calls, prospect


def test_funnel_over_a_period(db: Database) -> None:
    with db.session() as session:
        p = prospect(session)
        log_calls(session, p, at(2026, 11, 2, 9), Outcome.NO_ANSWER, count=6)
        log_calls(session, p, at(2026, 11, 3, 10), Outcome.CALL_BACK)
        log_calls(session, p, at(2026, 11, 3, 11), Outcome.CONVERSATION, count=2)
        log_calls(session, p, at(2026, 11, 4, 11), Outcome.MEETING_BOOKED)
        log_calls(session, p, at(2026, 11, 10, 11), Outcome.MEETING_BOOKED)  # after the end
        became_client(session, p, at(2026, 11, 5))
        result = funnel(session, date(2026, 11, 2), date(2026, 11, 8), PARIS)
    assert (result.calls, result.reached, result.conversations) == (10, 4, 3)
    assert (result.meetings, result.new_clients) == (1, 1)
    assert result.reach_rate == pytest.approx(0.4)
    assert result.conversation_rate == pytest.approx(0.75)
    assert result.meeting_rate == pytest.approx(1 / 3)
    assert result.close_rate == pytest.approx(1.0)


def test_empty_funnel_has_no_rates(db: Database) -> None:
    with db.session() as session:
        result = funnel(session, date(2026, 11, 2), date(2026, 11, 8), PARIS)
    assert result.calls == 0 and result.reach_rate is None


def test_outcomes_and_calls_per_day(db: Database) -> None:
    with db.session() as session:
        p = prospect(session)
        log_calls(session, p, at(2026, 11, 2), Outcome.VOICEMAIL, count=3)
        log_calls(session, p, at(2026, 11, 4), Outcome.GATEKEEPER)
        log_calls(session, p, at(2026, 11, 4), None)
        result = insights(session, date(2026, 11, 2), date(2026, 11, 5), PARIS)
    assert result.outcomes[Outcome.VOICEMAIL] == 3
    assert result.outcomes[Outcome.GATEKEEPER] == 1
    assert result.outcomes[Outcome.MEETING_BOOKED] == 0
    assert list(result.outcomes) == list(Outcome)
    assert result.calls_without_outcome == 1
    assert result.calls_per_day == [
        (date(2026, 11, 2), 3),
        (date(2026, 11, 3), 0),
        (date(2026, 11, 4), 2),
        (date(2026, 11, 5), 0),
    ]


def test_heat_map_in_local_time_and_no_conclusion_from_few_calls(db: Database) -> None:
    with db.session() as session:
        p = prospect(session)
        # Tuesdays at 10 (local): 12 calls, 6 reached.
        log_calls(session, p, at(2026, 11, 3, 10, 15), Outcome.NO_ANSWER, count=6)
        log_calls(session, p, at(2026, 11, 10, 10, 45), Outcome.CONVERSATION, count=6)
        # Thursday at 16: 11 calls, 2 reached.
        log_calls(session, p, at(2026, 11, 5, 16), Outcome.NO_ANSWER, count=9)
        log_calls(session, p, at(2026, 11, 5, 16), Outcome.GATEKEEPER, count=2)
        # Monday at 9: 3 calls, all reached: too few to say anything.
        log_calls(session, p, at(2026, 11, 2, 9), Outcome.CONVERSATION, count=3)
        result = insights(session, date(2026, 11, 1), date(2026, 11, 30), PARIS)
    cells = {(c.weekday, c.hour): c for c in result.heat_map}
    assert set(cells) == {(1, 10), (3, 16), (0, 9)}
    assert (cells[1, 10].calls, cells[1, 10].reached) == (12, 6)
    assert cells[1, 10].reach_rate == pytest.approx(0.5)
    assert cells[0, 9].calls < MIN_CALLS_PER_CELL
    assert cells[0, 9].reach_rate is None
    assert [(c.weekday, c.hour) for c in result.best_slots()] == [(1, 10), (3, 16)]


def test_wilson_bound_prefers_more_evidence() -> None:
    assert wilson_lower_bound(50, 100) > wilson_lower_bound(6, 10)
    assert wilson_lower_bound(0, 0) == 0.0
    assert 0 < wilson_lower_bound(1, 1) < 1
