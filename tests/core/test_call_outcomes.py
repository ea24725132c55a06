"""The outcome table: what each outcome does, and that the documented table says the same."""

from __future__ import annotations

import pytest

from prospection.core import call_outcomes
from prospection.core.call_outcomes import (
    OUTCOME_BY_KEY,
    OUTCOME_RULES,
    Attempts,
    CallSettings,
    FollowUp,
    attempts_after,
    load_call_settings,
    save_call_settings,
    stage_after,
)
from prospection.core.db import Database
from prospection.core.enums import Outcome, Stage


def test_every_outcome_has_one_rule_and_one_key_from_1_to_8() -> None:
    assert set(OUTCOME_RULES) == set(Outcome)
    assert sorted(OUTCOME_BY_KEY) == list(range(1, 9))
    assert [OUTCOME_BY_KEY[k] for k in range(1, 9)] == list(Outcome)


def _documented_table() -> dict[str, list[str]]:
    doc = call_outcomes.__doc__ or ""
    rows = [line for line in doc.splitlines() if line.startswith("| ") and "outcome" not in line]
    return {
        cells[1]: cells
        for cells in ([c.strip() for c in row.strip("|").split("|")] for row in rows)
    }


def test_documented_table_matches_the_rules() -> None:
    table = _documented_table()
    assert set(table) == {o.value for o in Outcome}
    attempts_words = {
        Attempts.INCREMENT: "+1",
        Attempts.RESET: "reset to 0",
        Attempts.KEEP: "unchanged",
    }
    for outcome, rule in OUTCOME_RULES.items():
        key, _, stage, attempts, follow_up, also = table[outcome.value]
        assert int(key) == rule.key
        assert stage == rule.stage.value
        assert attempts == attempts_words[rule.attempts]
        if rule.follow_up == FollowUp.RETRY:
            assert follow_up == "automatic retry"
        elif rule.follow_up == FollowUp.REQUIRED:
            assert "required" in follow_up
        elif rule.follow_up == FollowUp.OPTIONAL:
            assert "optional" in follow_up
        assert ("do-not-call" in also) == rule.offers_dnc
        assert ("flags the phone" in also) == rule.flags_phone_wrong
        assert ("unreachable" in also) == rule.can_become_unreachable


@pytest.mark.parametrize(
    ("current", "outcome", "expected"),
    [
        (Stage.NEW, Outcome.NO_ANSWER, Stage.ATTEMPTED),
        (Stage.NEW, Outcome.WRONG_NUMBER, Stage.ATTEMPTED),
        (Stage.NEW, Outcome.CONVERSATION, Stage.REACHED),
        (Stage.ATTEMPTED, Outcome.CALL_BACK, Stage.REACHED),
        (Stage.REACHED, Outcome.MEETING_BOOKED, Stage.MEETING),
        (Stage.PROPOSAL, Outcome.CONVERSATION, Stage.PROPOSAL),  # never backwards
        (Stage.MEETING, Outcome.NO_ANSWER, Stage.MEETING),
        (Stage.PROPOSAL, Outcome.NOT_INTERESTED, Stage.LOST),
        (Stage.CLIENT, Outcome.NOT_INTERESTED, Stage.CLIENT),  # a client stays a client
        (Stage.CLIENT, Outcome.MEETING_BOOKED, Stage.CLIENT),
        (Stage.LOST, Outcome.CONVERSATION, Stage.REACHED),  # chosen again, and talked
        (Stage.LOST, Outcome.NO_ANSWER, Stage.LOST),
        (Stage.UNREACHABLE, Outcome.MEETING_BOOKED, Stage.MEETING),
        (Stage.UNREACHABLE, Outcome.NOT_INTERESTED, Stage.LOST),
        (Stage.NOT_A_FIT, Outcome.NOT_INTERESTED, Stage.NOT_A_FIT),
    ],
)
def test_stage_after(current: Stage, outcome: Outcome, expected: Stage) -> None:
    assert stage_after(current, outcome) == expected


def test_unanswered_attempts_count_in_a_row() -> None:
    assert attempts_after(2, Outcome.NO_ANSWER) == 3
    assert attempts_after(2, Outcome.VOICEMAIL) == 3
    assert attempts_after(2, Outcome.GATEKEEPER) == 0
    assert attempts_after(2, Outcome.WRONG_NUMBER) == 2
    assert attempts_after(5, Outcome.CONVERSATION) == 0


def test_retry_settings_default_and_round_trip(db: Database) -> None:
    with db.session() as session:
        assert load_call_settings(session) == CallSettings(2, 6)
        save_call_settings(session, CallSettings(retry_working_days=3, max_attempts=4))
    with db.session() as session:
        assert load_call_settings(session) == CallSettings(3, 4)
        with pytest.raises(ValueError):
            save_call_settings(session, CallSettings(retry_working_days=0, max_attempts=4))
