"""log_call: every row a call writes, the retry cadence, DNC and wrong numbers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from prospection.core.call_outcomes import CallSettings, save_call_settings
from prospection.core.call_queue import LeftOutReason, QueueSource, QueueSpec, build_queue
from prospection.core.calls import CallError, RecordNotFoundError, log_call, mark_do_not_call
from prospection.core.db import Database
from prospection.core.enums import ActivityKind, Channel, Outcome, Stage
from prospection.core.models import Activity, Contact, Phone, Prospect, Suppression
from prospection.core.working_days import add_working_days
from tests.call_factories import NOW, add_prospect


def _activities(db: Database, prospect_id: int) -> list[Activity]:
    with db.session() as session:
        return list(
            session.scalars(
                select(Activity).where(Activity.prospect_id == prospect_id).order_by(Activity.id)
            )
        )


def _prospect(db: Database, prospect_id: int) -> Prospect:
    with db.session() as session:
        prospect = session.get(Prospect, prospect_id)
        assert prospect is not None
        return prospect


def test_no_answer_writes_the_call_moves_the_stage_and_schedules_a_retry(db: Database) -> None:
    pid = add_prospect(db, "Boulangeries Marchand")
    with db.session() as session:
        result = log_call(session, pid, Outcome.NO_ANSWER, at=NOW, duration_seconds=25)
    call, stage_change = _activities(db, pid)
    assert (call.kind, call.outcome, call.occurred_at, call.duration_seconds) == (
        ActivityKind.CALL,
        Outcome.NO_ANSWER,
        NOW,
        25,
    )
    assert call.phone_id is not None and call.contact_id is not None
    assert (stage_change.kind, stage_change.stage_from, stage_change.stage_to) == (
        ActivityKind.STAGE_CHANGE,
        "new",
        "attempted",
    )
    prospect = _prospect(db, pid)
    assert prospect.stage == Stage.ATTEMPTED
    assert prospect.call_attempts == 1
    assert prospect.last_contact_at == NOW
    expected_day = add_working_days(NOW.astimezone().date(), 2)
    assert prospect.next_action_at is not None
    assert prospect.next_action_at.astimezone().date() == expected_day
    assert prospect.next_action_at.astimezone().time() == NOW.astimezone().time()
    assert result.follow_up_created and not result.became_unreachable


def test_after_six_unanswered_calls_the_prospect_is_unreachable(db: Database) -> None:
    pid = add_prospect(db, "Silent SARL")
    at = NOW
    for attempt in range(1, 7):
        with db.session() as session:
            result = log_call(
                session, pid, Outcome.VOICEMAIL if attempt % 2 else Outcome.NO_ANSWER, at=at
            )
        assert result.call_attempts == attempt
        assert result.became_unreachable == (attempt == 6)
        at += timedelta(days=3)
    prospect = _prospect(db, pid)
    assert prospect.stage == Stage.UNREACHABLE
    assert prospect.next_action_at is None and prospect.next_action_text == ""
    activities = _activities(db, pid)
    stage_changes = [a.stage_to for a in activities if a.kind == ActivityKind.STAGE_CHANGE]
    assert stage_changes == ["attempted", "unreachable"]


def test_retry_cadence_follows_the_settings(db: Database) -> None:
    pid = add_prospect(db, "Cadence")
    with db.session() as session:
        save_call_settings(session, CallSettings(retry_working_days=5, max_attempts=2))
    with db.session() as session:
        first = log_call(session, pid, Outcome.NO_ANSWER, at=NOW)
    assert first.next_action_at is not None
    assert first.next_action_at.astimezone().date() == add_working_days(NOW.astimezone().date(), 5)
    with db.session() as session:
        second = log_call(session, pid, Outcome.NO_ANSWER, at=NOW + timedelta(days=7))
    assert second.became_unreachable and second.stage_after == Stage.UNREACHABLE


def test_a_gatekeeper_answer_resets_the_unanswered_count(db: Database) -> None:
    pid = add_prospect(db, "Switchboard", call_attempts=4, stage=Stage.ATTEMPTED)
    with db.session() as session:
        result = log_call(session, pid, Outcome.GATEKEEPER, at=NOW)
    assert result.call_attempts == 0
    assert result.follow_up_created
    assert _prospect(db, pid).next_action_at is not None


def test_wrong_number_flags_that_phone_and_the_next_call_uses_another(db: Database) -> None:
    pid = add_prospect(db, "Two numbers", phones=("+33465712010", "+33639981234"))
    with db.session() as session:
        first = log_call(session, pid, Outcome.WRONG_NUMBER, at=NOW)
    with db.session() as session:
        phones = session.scalars(select(Phone).order_by(Phone.position)).all()
        assert [p.is_wrong for p in phones] == [True, False]
        assert first.flagged_phone_id == phones[0].id
        queue = build_queue(session, QueueSpec(QueueSource.ALL), now=NOW)
    assert queue.entries[0].phone_e164 == "+33639981234"
    with db.session() as session:
        log_call(session, pid, Outcome.WRONG_NUMBER, at=NOW)
    with db.session() as session:
        queue = build_queue(session, QueueSpec(QueueSource.ALL), now=NOW)
    assert queue.entries == []
    assert [(i.prospect_id, i.reason) for i in queue.without_phone] == [
        (pid, LeftOutReason.NO_PHONE)
    ]


def test_not_interested_loses_the_prospect_and_do_not_call_keeps_them_out(db: Database) -> None:
    pid = add_prospect(db, "No thanks", next_action_at=NOW, next_action_text="call")
    with db.session() as session:
        result = log_call(session, pid, Outcome.NOT_INTERESTED, at=NOW, notes="Happy as is")
    assert result.offers_dnc and result.stage_after == Stage.LOST
    prospect = _prospect(db, pid)
    assert prospect.next_action_at is None and prospect.stage == Stage.LOST
    assert result.contact_id is not None
    with db.session() as session:
        mark_do_not_call(session, result.contact_id, "asked on the phone", at=NOW)
    with db.session() as session:
        contact = session.get(Contact, result.contact_id)
        assert contact is not None and contact.dnc_phone and contact.dnc_phone_at == NOW
        chosen = build_queue(session, QueueSpec(QueueSource.SELECTION, ids=(pid,)), now=NOW)
    assert chosen.entries == []
    assert chosen.left_out[0].reason == LeftOutReason.DO_NOT_CALL


def test_call_back_needs_a_time_and_sets_the_next_action(db: Database) -> None:
    pid = add_prospect(db, "Later")
    with pytest.raises(CallError), db.session() as session:
        log_call(session, pid, Outcome.CALL_BACK, at=NOW)
    assert _activities(db, pid) == []  # nothing half-written
    later = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    with db.session() as session:
        log_call(session, pid, Outcome.CALL_BACK, at=NOW, next_at=later, next_text="After 2pm")
    prospect = _prospect(db, pid)
    assert (prospect.next_action_at, prospect.next_action_text) == (later, "After 2pm")
    assert prospect.stage == Stage.REACHED


def test_conversation_next_step_is_optional(db: Database) -> None:
    pid = add_prospect(db, "Talked", next_action_at=NOW, next_action_text="old")
    with db.session() as session:
        result = log_call(session, pid, Outcome.CONVERSATION, at=NOW)
    assert not result.follow_up_created
    assert _prospect(db, pid).next_action_at is None
    step = NOW + timedelta(days=7)
    with db.session() as session:
        result = log_call(session, pid, Outcome.CONVERSATION, at=NOW, next_at=step)
    assert result.follow_up_created and _prospect(db, pid).next_action_at == step


def test_meeting_booked_records_the_meeting_and_moves_the_stage(db: Database) -> None:
    pid = add_prospect(db, "Meeting SA", stage=Stage.ATTEMPTED, call_attempts=2)
    start = datetime(2026, 12, 3, 13, 0, tzinfo=UTC)
    with db.session() as session:
        result = log_call(
            session,
            pid,
            Outcome.MEETING_BOOKED,
            at=NOW,
            next_at=start,
            meeting_location="12 rue des Fours, Villeurbanne",
            notes="Bring route figures",
        )
    kinds = [(a.kind, a.outcome) for a in _activities(db, pid)]
    assert kinds == [
        (ActivityKind.CALL, Outcome.MEETING_BOOKED),
        (ActivityKind.STAGE_CHANGE, None),
        (ActivityKind.MEETING, None),
    ]
    meeting = _activities(db, pid)[2]
    assert meeting.id == result.meeting_activity_id
    assert (meeting.occurred_at, meeting.ends_at) == (start, start + timedelta(hours=1))
    assert meeting.location == "12 rue des Fours, Villeurbanne"
    prospect = _prospect(db, pid)
    assert prospect.stage == Stage.MEETING and prospect.call_attempts == 0
    assert prospect.next_action_at == start
    assert "Villeurbanne" in prospect.next_action_text
    with pytest.raises(CallError), db.session() as session:
        log_call(session, pid, Outcome.MEETING_BOOKED, at=NOW)


def test_bad_input_is_refused(db: Database) -> None:
    pid = add_prospect(db, "Strict")
    with pytest.raises(RecordNotFoundError), db.session() as session:
        log_call(session, pid + 100, Outcome.NO_ANSWER)
    with pytest.raises(CallError), db.session() as session:
        log_call(session, pid, Outcome.NO_ANSWER, at=datetime(2026, 11, 25, 10, 0))
    with pytest.raises(CallError), db.session() as session:
        log_call(session, pid, Outcome.NO_ANSWER, phone_id=9999)
    with pytest.raises(CallError), db.session() as session:
        log_call(session, pid, Outcome.NO_ANSWER, duration_seconds=-1)
    assert _activities(db, pid) == []


def test_do_not_call_is_also_kept_as_a_hashed_suppression(db: Database) -> None:
    pid = add_prospect(db, "Objects")
    with db.session() as session:
        result = log_call(session, pid, Outcome.NOT_INTERESTED, at=NOW)
        assert result.contact_id is not None
        mark_do_not_call(session, result.contact_id, "asked on the phone", at=NOW)
        suppressed = session.scalars(select(Suppression)).all()
    assert [s.channel for s in suppressed] == [Channel.PHONE]
    assert "+33465712010" not in suppressed[0].digest
    with pytest.raises(RecordNotFoundError), db.session() as session:
        mark_do_not_call(session, 9999)


def test_a_wrong_only_number_leaves_the_due_lists_with_find_a_new_number(db: Database) -> None:
    pid = add_prospect(
        db, "One number", phones=("+33465712010",), next_action_at=NOW, next_action_text="call"
    )
    other = add_prospect(
        db, "Two numbers", phones=("+33465712010", "+33639981234"), next_action_at=NOW
    )
    with db.session() as session:
        log_call(session, pid, Outcome.WRONG_NUMBER, at=NOW, next_text="Trouver un numéro")
        log_call(session, other, Outcome.WRONG_NUMBER, at=NOW)
    prospect = _prospect(db, pid)
    assert prospect.next_action_at is None
    assert prospect.next_action_text == "Trouver un numéro"
    # Another number left: the follow-up stays as it was.
    assert _prospect(db, other).next_action_at is not None
    with db.session() as session:
        log_call(session, other, Outcome.WRONG_NUMBER, at=NOW)
    assert _prospect(db, other).next_action_at is None
    assert _prospect(db, other).next_action_text == "Find a new number"
