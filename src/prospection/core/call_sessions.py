"""Call sessions: start, record, skip, pause, end, resume after a crash, summary, history.

Every step is written at once: the session row holds the queue (prospect ids in order),
the position reached and the notes being typed, so a session interrupted by a crash or
a closed lid resumes at the prospect where it stopped.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from prospection.core import call_leases, users
from prospection.core.call_queue import CallQueue, LeftOut, LeftOutReason, QueueSpec
from prospection.core.calls import CallError, CallResult, RecordNotFoundError, log_call
from prospection.core.enums import (
    CONVERSATION_OUTCOMES,
    REACHED_OUTCOMES,
    ActivityKind,
    Outcome,
    SessionStatus,
)
from prospection.core.models import Activity, CallSession, utcnow
from prospection.core.prospect_snapshots import (
    ProspectSnapshot,
    changed_since,
    rebase,
    restore,
    snapshot,
)


@dataclass(frozen=True)
class SessionState:
    """A detached snapshot of a call session."""

    id: int
    started_at: datetime
    ended_at: datetime | None
    status: SessionStatus
    source: str
    planned_size: int | None
    time_box_minutes: int | None
    queue: tuple[int, ...]
    position: int
    draft_notes: str
    follow_ups: int
    skipped: int

    @property
    def finished(self) -> bool:
        """Whether every prospect in the queue has been worked through."""
        return self.position >= len(self.queue)

    @property
    def current_prospect_id(self) -> int | None:
        return None if self.finished else self.queue[self.position]


def _state(row: CallSession) -> SessionState:
    return SessionState(
        id=row.id,
        started_at=row.started_at,
        ended_at=row.ended_at,
        status=row.status,
        source=row.source,
        planned_size=row.planned_size,
        time_box_minutes=row.time_box_minutes,
        queue=tuple(int(i) for i in row.queue),
        position=row.position,
        draft_notes=row.draft_notes,
        follow_ups=row.follow_ups,
        skipped=row.skipped,
    )


def _row(session: Session, session_id: int) -> CallSession:
    row = session.get(CallSession, session_id)
    if row is None:
        raise RecordNotFoundError(f"no call session with id {session_id}")
    return row


def start_session(
    session: Session,
    spec: QueueSpec,
    queue: CallQueue,
    *,
    time_box_minutes: int | None = None,
    now: datetime | None = None,
) -> SessionState:
    """Store a new session over `queue` (built from `spec`) and return it.

    The session reserves its prospects (`call_leases`): those a colleague's session
    took, or a colleague called, since the queue was built leave `queue` (moved to its
    `left_out`, with the reason), so no two people's sessions serve the same prospect.
    """
    now = now or utcnow()
    row = CallSession(
        user_id=users.current_user_id(session),
        started_at=now,
        status=SessionStatus.ACTIVE,
        source=spec.label,
        planned_size=spec.size,
        time_box_minutes=time_box_minutes,
        queue=queue.prospect_ids,
        position=0,
    )
    session.add(row)
    session.flush()
    lost = _hold_rest(session, row, now)
    for reason, held in lost.items():
        queue.drop(held, reason)
    return _state(row)


def _hold_rest(
    session: Session, row: CallSession, now: datetime
) -> dict[LeftOutReason, dict[int, call_leases.Hold]]:
    """Take or renew the leases of the prospects still to call; drop those we lost.

    A prospect is lost when a colleague's session holds it (our lease expired while
    the session was left alone) or a colleague called it within the retry window.
    """
    queue = [int(i) for i in row.queue]
    rest = queue[row.position :]
    if not rest:
        return {}
    held = call_leases.claim(session, row.id, row.user_id, rest, now)
    taken = {pid: call_leases.Hold(pid, 0, now) for pid in rest if pid not in held}
    if taken:
        taken = {**taken, **call_leases.leased_by_others(session, taken, row.user_id, now)}
    called: dict[int, call_leases.Hold] = {}
    if users.is_team(session):
        # Read after taking the leases: nobody else can start calling them now.
        called = call_leases.colleague_calls(session, held, row.user_id, now)
        call_leases.release(session, row.id, called)
    if not taken and not called:
        return {}
    row.queue = queue[: row.position] + [i for i in rest if i not in taken and i not in called]
    return {LeftOutReason.RESERVED: taken, LeftOutReason.CALLED_BY_COLLEAGUE: called}


def keep_reservations(
    session: Session, session_id: int, *, now: datetime | None = None
) -> list[LeftOut]:
    """Renew the session's reservations (a timer calls it while a session is open).

    Prospects lost meanwhile leave the queue; they are returned with the reason.
    """
    row = _row(session, session_id)
    lost = _hold_rest(session, row, now or utcnow())
    return [
        LeftOut(pid, "", reason.value, "", hold.until, hold.user_id or None)
        for reason, held in lost.items()
        for pid, hold in held.items()
    ]


def get_session(session: Session, session_id: int) -> SessionState:
    """The session `session_id`."""
    return _state(_row(session, session_id))


def record_call(
    session: Session, session_id: int, prospect_id: int, outcome: Outcome, **details: Any
) -> tuple[CallResult, SessionState]:
    """Log a call made in the session and move on, in the caller's one transaction.

    `details` are `log_call`'s keyword arguments. Writing the call and the new position
    together means a crash can never leave a call logged but the prospect still current.
    """
    row = _row(session, session_id)
    result = log_call(session, prospect_id, outcome, call_session_id=session_id, **details)
    queue = [int(i) for i in row.queue]
    if row.position < len(queue) and queue[row.position] == prospect_id:
        row.position += 1
        row.draft_notes = ""
    if row.status == SessionStatus.PAUSED:
        row.status = SessionStatus.ACTIVE
    _hold_rest(session, row, utcnow())
    return result, _state(row)


@dataclass(frozen=True)
class CallUndo:
    """What taking back a call needs: the prospect and the session's count before it."""

    before: ProspectSnapshot
    follow_ups: int
    notes: str = ""
    #: The prospect as the call left it (`sealed`): what was changed since is kept.
    after: ProspectSnapshot | None = None

    @property
    def prospect_id(self) -> int | None:
        return self.before.ids[0] if self.before.ids else None


def undo_point(session: Session, session_id: int, prospect_id: int, notes: str = "") -> CallUndo:
    """Take, before logging a call, what `undo_call` needs to take it back.

    `notes` are the notes typed for the call, given back to the user on undo.
    """
    row = _row(session, session_id)
    return CallUndo(snapshot(session, [prospect_id]), row.follow_ups, notes)


class ChangedSinceError(CallError):
    """The call cannot be taken back: what it changed was changed again since."""


def sealed(session: Session, undo: CallUndo) -> CallUndo:
    """`undo` with the prospect as the call just left it (same transaction as the call).

    Taking the call back then puts back only what the call changed, and keeps what
    someone (a colleague, the editor) changed since.
    """
    return replace(undo, after=snapshot(session, undo.before.ids))


def undo_call(session: Session, session_id: int, undo: CallUndo) -> SessionState:
    """Take back a call logged in the session: the prospect as it was, and back to it.

    `undo` was taken (`undo_point`) in the transaction that logged the call; restoring
    its snapshot removes the call, its stage change and meeting, and puts back the
    stage, next action, attempts and flags, so the session's counts (read from its
    activities, and its follow-up count) drop too. The session returns to that
    prospect, with the notes that were typed.
    """
    row = _row(session, session_id)
    ids = undo.before.ids
    if undo.after is not None and changed_since(session, undo.after, ids):
        # Changed since the call (an edit, a colleague's plan): only the call's own
        # changes go back, and not at all over a later change of the same things.
        merged = rebase(snapshot(session, ids), undo.after, undo.before)
        if merged is None:
            raise ChangedSinceError(
                "the prospect was changed since this call, where the call changed it: "
                "not taken back"
            )
        restore(session, merged)
    else:
        restore(session, undo.before)
    row.follow_ups = min(row.follow_ups, undo.follow_ups)
    queue = [int(i) for i in row.queue]
    earlier = [i for i in range(min(row.position, len(queue))) if queue[i] == undo.prospect_id]
    if earlier:
        row.position = earlier[-1]
        row.draft_notes = undo.notes
    return _state(row)


def reopen(session: Session, session_id: int) -> SessionState:
    """Make an ended session active again (a call taken back from its summary)."""
    row = _row(session, session_id)
    row.status = SessionStatus.ACTIVE
    row.ended_at = None
    _hold_rest(session, row, utcnow())
    return _state(row)


def skip(session: Session, session_id: int, *, now: datetime | None = None) -> SessionState:
    """Move past the current prospect without a call; notes typed are kept as a note."""
    row = _row(session, session_id)
    queue = [int(i) for i in row.queue]
    if row.position >= len(queue):
        return _state(row)
    if row.draft_notes.strip():
        session.add(
            Activity(
                prospect_id=queue[row.position],
                call_session_id=row.id,
                kind=ActivityKind.NOTE,
                occurred_at=now or utcnow(),
                notes=row.draft_notes.strip(),
            )
        )
    row.position += 1
    row.skipped += 1
    row.draft_notes = ""
    call_leases.release(session, row.id, [queue[row.position - 1]])
    _hold_rest(session, row, now or utcnow())
    return _state(row)


def save_draft_notes(session: Session, session_id: int, notes: str) -> None:
    """Keep the notes being typed for the current prospect (called as the user types)."""
    _row(session, session_id).draft_notes = notes


def pause(session: Session, session_id: int) -> SessionState:
    """Mark the session paused (it is offered for resumption if the app closes)."""
    row = _row(session, session_id)
    if row.status != SessionStatus.ENDED:
        row.status = SessionStatus.PAUSED
    return _state(row)


def resume(session: Session, session_id: int) -> SessionState:
    """Mark a paused or interrupted session active again."""
    row = _row(session, session_id)
    if row.status == SessionStatus.ENDED:
        raise CallError(f"call session {session_id} has ended")
    row.status = SessionStatus.ACTIVE
    _hold_rest(session, row, utcnow())
    return _state(row)


def end_session(session: Session, session_id: int, *, now: datetime | None = None) -> SessionState:
    """End the session (notes still being typed are kept as a note on the prospect)."""
    row = _row(session, session_id)
    if row.status == SessionStatus.ENDED:
        return _state(row)
    queue = [int(i) for i in row.queue]
    if row.draft_notes.strip() and row.position < len(queue):
        session.add(
            Activity(
                prospect_id=queue[row.position],
                call_session_id=row.id,
                kind=ActivityKind.NOTE,
                occurred_at=now or utcnow(),
                notes=row.draft_notes.strip(),
            )
        )
        row.draft_notes = ""
    row.status = SessionStatus.ENDED
    row.ended_at = now or utcnow()
    call_leases.release(session, row.id)
    return _state(row)


def find_resumable(session: Session) -> SessionState | None:
    """The latest session left unfinished by a crash, a closed app or a pause, if any.

    Older unfinished sessions, and unended ones with nothing left to call, are ended on
    the way, so only one session is ever offered.
    """
    rows = session.scalars(
        select(CallSession)
        .where(
            CallSession.status != SessionStatus.ENDED,
            CallSession.user_id == users.current_user_id(session),
        )
        .order_by(CallSession.started_at.desc(), CallSession.id.desc())
    ).all()
    offered: SessionState | None = None
    for row in rows:
        state = _state(row)
        if offered is None and not state.finished:
            offered = state
            continue
        row.status = SessionStatus.ENDED
        row.ended_at = row.ended_at or utcnow()
        call_leases.release(session, row.id)
    return offered


# --- summaries ------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """Counts of calls and what they came to."""

    calls: int = 0
    reached: int = 0
    conversations: int = 0
    meetings: int = 0
    talk_seconds: int = 0

    @property
    def reach_rate(self) -> float | None:
        """Share of calls that reached somebody (None before any call)."""
        return self.reached / self.calls if self.calls else None


@dataclass(frozen=True)
class SessionSummary:
    """What a session came to (the end-of-session screen and the history)."""

    state: SessionState
    tally: Tally
    follow_ups: int
    not_interested: int
    meeting_times: tuple[datetime, ...] = field(default_factory=tuple)

    @property
    def elapsed(self) -> timedelta:
        end = self.state.ended_at or utcnow()
        return end - self.state.started_at


def _tally(outcomes: list[tuple[Outcome | None, int | None]]) -> Tally:
    calls = [(o, d) for o, d in outcomes if o is not None]
    return Tally(
        calls=len(calls),
        reached=sum(1 for o, _ in calls if o in REACHED_OUTCOMES),
        conversations=sum(1 for o, _ in calls if o in CONVERSATION_OUTCOMES),
        meetings=sum(1 for o, _ in calls if o == Outcome.MEETING_BOOKED),
        talk_seconds=sum(d or 0 for _, d in calls),
    )


def summary(session: Session, session_id: int) -> SessionSummary:
    """Calls, people reached, conversations, meetings, talk time, follow-ups of a session."""
    row = _row(session, session_id)
    calls = session.execute(
        select(Activity.outcome, Activity.duration_seconds).where(
            Activity.call_session_id == session_id, Activity.kind == ActivityKind.CALL
        )
    ).all()
    meetings = session.scalars(
        select(Activity.occurred_at)
        .where(Activity.call_session_id == session_id, Activity.kind == ActivityKind.MEETING)
        .order_by(Activity.occurred_at)
    ).all()
    outcomes = [(o, d) for o, d in calls]
    return SessionSummary(
        state=_state(row),
        tally=_tally(outcomes),
        follow_ups=row.follow_ups,
        not_interested=sum(1 for o, _ in outcomes if o == Outcome.NOT_INTERESTED),
        meeting_times=tuple(meetings),
    )


def average_reach_rate(session: Session, *, excluding: int | None = None) -> float | None:
    """The user's reach rate over every call with an outcome (but session `excluding`)."""
    query = select(Activity.outcome).where(
        Activity.kind == ActivityKind.CALL, Activity.outcome.is_not(None)
    )
    if users.is_team(session):
        query = query.where(Activity.user_id == users.current_user_id(session))
    if excluding is not None:
        query = query.where(
            (Activity.call_session_id.is_(None)) | (Activity.call_session_id != excluding)
        )
    return _tally([(o, None) for o in session.scalars(query)]).reach_rate


def history(session: Session, limit: int = 100) -> list[SessionSummary]:
    """The latest sessions, newest first, with their summaries."""
    ids = session.scalars(
        select(CallSession.id)
        .where(CallSession.user_id == users.current_user_id(session))
        .order_by(CallSession.started_at.desc(), CallSession.id.desc())
        .limit(limit)
    ).all()
    return [summary(session, session_id) for session_id in ids]


def count_sessions(session: Session) -> int:
    """How many sessions were ever started."""
    return int(session.scalar(select(func.count(CallSession.id))) or 0)
