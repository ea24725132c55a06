"""Call sessions: progress written at each step, resumption, summaries, the week."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from prospection.core.call_queue import QueueSource, QueueSpec, build_queue
from prospection.core.call_sessions import (
    end_session,
    find_resumable,
    get_session,
    history,
    pause,
    record_call,
    resume,
    save_draft_notes,
    skip,
    start_session,
    summary,
)
from prospection.core.calls import plan_next_action
from prospection.core.db import Database
from prospection.core.enums import ActivityKind, Outcome, SessionStatus
from prospection.core.models import Activity, Prospect
from tests.call_factories import NOW, add_prospect


def _start(db: Database, count: int = 3) -> tuple[int, list[int]]:
    ids = [add_prospect(db, f"Prospect {n}", priority=3 - n) for n in range(count)]
    spec = QueueSpec(QueueSource.ALL, size=20)
    with db.session() as session:
        state = start_session(session, spec, build_queue(session, spec, now=NOW), now=NOW)
    assert list(state.queue) == ids
    return state.id, ids


def test_a_session_records_calls_skips_and_ends(db: Database) -> None:
    session_id, ids = _start(db)
    with db.session() as session:
        save_draft_notes(session, session_id, "Asked for Élodie")
    with db.session() as session:
        assert get_session(session, session_id).draft_notes == "Asked for Élodie"
        _, state = record_call(
            session,
            session_id,
            ids[0],
            Outcome.CONVERSATION,
            at=NOW,
            notes="Asked for Élodie",
            duration_seconds=180,
            next_at=NOW + timedelta(days=2),
        )
    assert state.position == 1 and state.draft_notes == "" and state.current_prospect_id == ids[1]
    with db.session() as session:
        save_draft_notes(session, session_id, "Closed on Wednesdays")
        state = skip(session, session_id, now=NOW)
    assert state.position == 2 and state.skipped == 1
    with db.session() as session:
        record_call(session, session_id, ids[2], Outcome.NO_ANSWER, at=NOW, duration_seconds=20)
        state = end_session(session, session_id, now=NOW + timedelta(minutes=30))
    assert state.status == SessionStatus.ENDED and state.finished
    with db.session() as session:
        note = session.scalars(select(Activity).where(Activity.kind == ActivityKind.NOTE)).one()
        assert (note.prospect_id, note.notes) == (ids[1], "Closed on Wednesdays")
        done = summary(session, session_id)
    assert (done.tally.calls, done.tally.reached, done.tally.conversations) == (2, 1, 1)
    assert done.tally.talk_seconds == 200
    assert done.tally.reach_rate == 0.5
    assert done.follow_ups == 2  # the conversation's next step and the retry
    assert done.elapsed == timedelta(minutes=30)


def test_an_interrupted_session_is_offered_where_it_stopped(db: Database) -> None:
    old_id, _ = _start(db, 2)
    with db.session() as session:
        pause(session, old_id)
    with db.session() as session:
        record_call(session, old_id, get_session(session, old_id).queue[0], Outcome.VOICEMAIL)
    # The process "dies" here: nothing but the database survives.
    with db.session() as session:
        offered = find_resumable(session)
    assert offered is not None and offered.id == old_id and offered.position == 1
    assert offered.status == SessionStatus.ACTIVE  # recording a call un-pauses
    with db.session() as session:
        resume(session, old_id)
        end_session(session, old_id)
    with db.session() as session:
        assert find_resumable(session) is None


def test_only_the_latest_unfinished_session_is_offered(db: Database) -> None:
    first, _ = _start(db, 1)
    with db.session() as session:
        spec = QueueSpec(QueueSource.ALL)
        second = start_session(session, spec, build_queue(session, spec, now=NOW), now=NOW).id
    with db.session() as session:
        offered = find_resumable(session)
    assert offered is not None and offered.id == second
    with db.session() as session:
        assert get_session(session, first).status == SessionStatus.ENDED
        assert [s.state.id for s in history(session)] == [second, first]


def test_undo_call_restores_the_prospect_the_counts_and_the_position(db: Database) -> None:
    from prospection.core.call_sessions import reopen, undo_call, undo_point
    from prospection.core.enums import Stage
    from prospection.core.models import Prospect

    session_id, ids = _start(db, 2)
    with db.session() as session:
        prospect = session.get(Prospect, ids[0])
        assert prospect is not None
        prospect.next_action_at = NOW - timedelta(days=1)
        prospect.next_action_text = "Call Élodie"
        undo = undo_point(session, session_id, ids[0], "Tuesday 10:00")
        _, state = record_call(
            session,
            session_id,
            ids[0],
            Outcome.MEETING_BOOKED,
            at=NOW,
            notes="Tuesday 10:00",
            duration_seconds=120,
            next_at=NOW + timedelta(days=6),
            next_text="Meeting",
        )
    assert state.position == 1
    with db.session() as session:
        done = summary(session, session_id)
        assert (done.tally.calls, done.tally.meetings, done.follow_ups) == (1, 1, 1)
        stage = session.get(Prospect, ids[0]).stage  # type: ignore[union-attr]
        assert stage != Stage.NEW
        end_session(session, session_id, now=NOW + timedelta(minutes=5))
    with db.session() as session:
        state = undo_call(session, session_id, undo)
        state = reopen(session, session_id)
    assert (state.position, state.current_prospect_id, state.draft_notes) == (
        0,
        ids[0],
        "Tuesday 10:00",
    )
    assert state.status == SessionStatus.ACTIVE and state.ended_at is None
    with db.session() as session:
        prospect = session.get(Prospect, ids[0])
        assert prospect is not None
        assert prospect.stage == Stage.NEW and prospect.call_attempts == 0
        assert prospect.next_action_at == (NOW - timedelta(days=1)).replace(tzinfo=None) or (
            prospect.next_action_at == NOW - timedelta(days=1)
        )
        assert prospect.next_action_text == "Call Élodie"
        assert session.scalars(select(Activity).where(Activity.prospect_id == ids[0])).all() == []
        done = summary(session, session_id)
    assert (done.tally.calls, done.tally.meetings, done.follow_ups) == (0, 0, 0)


def test_a_follow_up_counts_only_when_the_calls_plan_is_kept(db: Database) -> None:
    # Team writes: a colleague planned the next action during the call. The call's own
    # plan is a follow-up of the session only once it is written: kept theirs, none;
    # then chose mine (plan_next_action), one.
    session_id, ids = _start(db, 2)
    with db.session() as session:
        shown = (None, "")
        session.get(Prospect, ids[0]).next_action_text = "Envoyer le devis"  # theirs
        session.get(Prospect, ids[1]).next_action_text = "Envoyer le devis"
    for pid in ids:
        with db.session() as session:
            result, _ = record_call(
                session, session_id, pid, Outcome.NO_ANSWER, at=NOW, next_base=shown
            )
        assert result.next_action_conflicts  # asked: mine or theirs
        with db.session() as session:
            assert summary(session, session_id).follow_ups == 0
    mine = tuple(c.mine for c in result.next_action_conflicts)
    with db.session() as session:
        conflicts = plan_next_action(
            session, ids[1], (mine[0], mine[1]), (None, "Envoyer le devis"),
            call_session_id=session_id,
        )  # fmt: skip
        assert conflicts == ()
    with db.session() as session:
        assert summary(session, session_id).follow_ups == 1
