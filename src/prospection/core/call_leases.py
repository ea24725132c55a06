"""No double calls: a call session reserves its queue's prospects with expiring leases.

A lease (`call_lease`, one row per prospect) names the session and user holding the
prospect and when the hold ends. `claim` takes or renews leases with one
`INSERT ... ON CONFLICT DO UPDATE ... WHERE` (SQLite and PostgreSQL alike): a lease
changes hands only when it has expired or is already the same user's, so two people's
sessions can never both hold a prospect, whatever the timing; the statement returns
the prospects actually held. Ids are claimed in ascending order, so two sessions
claiming overlapping queues on PostgreSQL wait for each other instead of deadlocking.

Leases last `LEASE_MINUTES` and are renewed at each step of the session; a session
that crashed simply lets them expire. A prospect a colleague called within the retry
window is not served either (`colleague_calls`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from prospection.core.call_outcomes import load_call_settings
from prospection.core.enums import ActivityKind
from prospection.core.models import Activity, CallLease
from prospection.core.working_days import follow_up_after

#: How long a reservation lasts without a step of its session.
LEASE_MINUTES = 15

_CHUNK = 500  # bound parameters per statement stay well under SQLite's limit


@dataclass(frozen=True)
class Hold:
    """Why a prospect is not ours to call now: a colleague's lease or recent call."""

    prospect_id: int
    user_id: int
    until: datetime  # when the lease ends, or when the colleague's retry comes


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


def claim(
    session: Session,
    call_session_id: int,
    user_id: int,
    prospect_ids: Iterable[int],
    now: datetime,
) -> set[int]:
    """Take or renew the leases of `prospect_ids` for the session; the ids now held.

    A prospect whose lease is a colleague's and still running is not taken.
    """
    ids = sorted(set(prospect_ids))
    held: set[int] = set()
    if not ids:
        return held
    expires = now + timedelta(minutes=LEASE_MINUTES)
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    for chunk in _chunks(ids):
        statement = insert(CallLease).values(
            [
                {
                    "prospect_id": pid,
                    "user_id": user_id,
                    "call_session_id": call_session_id,
                    "expires_at": expires,
                }
                for pid in chunk
            ]
        )
        upsert = statement.on_conflict_do_update(
            index_elements=[CallLease.prospect_id],
            set_={
                "user_id": statement.excluded.user_id,
                "call_session_id": statement.excluded.call_session_id,
                "expires_at": statement.excluded.expires_at,
            },
            where=(CallLease.expires_at <= now) | (CallLease.user_id == user_id),
        ).returning(CallLease.prospect_id)
        held.update(int(pid) for pid in session.scalars(upsert))
    # Leases are only ever read as columns (never as ORM objects): nothing to expire.
    return held


def release(
    session: Session, call_session_id: int, prospect_ids: Iterable[int] | None = None
) -> None:
    """Give up the session's leases (all of them, or those of `prospect_ids`)."""
    query = delete(CallLease).where(CallLease.call_session_id == call_session_id)
    if prospect_ids is None:
        session.execute(query)
        return
    for chunk in _chunks(sorted(set(prospect_ids))):
        session.execute(query.where(CallLease.prospect_id.in_(chunk)))


def leased_by_others(
    session: Session, prospect_ids: Iterable[int], user_id: int, now: datetime
) -> dict[int, Hold]:
    """The prospects among `prospect_ids` a colleague's session holds now."""
    found: dict[int, Hold] = {}
    for chunk in _chunks(sorted(set(prospect_ids))):
        rows = session.execute(
            select(CallLease.prospect_id, CallLease.user_id, CallLease.expires_at).where(
                CallLease.prospect_id.in_(chunk),
                CallLease.expires_at > now,
                CallLease.user_id != user_id,
            )
        )
        for pid, holder, until in rows:
            found[int(pid)] = Hold(int(pid), int(holder), until)
    return found


def colleague_calls(
    session: Session,
    prospect_ids: Iterable[int],
    user_id: int,
    now: datetime,
    *,
    tz: tzinfo | None = None,
) -> dict[int, Hold]:
    """The prospects a colleague called so recently that their retry has not come yet.

    The retry window is the user's retry cadence (working days, working hours): what
    a colleague's unanswered call waits before the next try.
    """
    settings = load_call_settings(session)
    # Generous calendar bound for the query (weekends, holidays); exact test below.
    since = now - timedelta(days=settings.retry_working_days * 2 + 10)
    found: dict[int, Hold] = {}
    for chunk in _chunks(sorted(set(prospect_ids))):
        rows = session.execute(
            select(Activity.prospect_id, Activity.user_id, func.max(Activity.occurred_at))
            .where(
                Activity.prospect_id.in_(chunk),
                Activity.kind == ActivityKind.CALL,
                Activity.occurred_at >= since,
                Activity.user_id != user_id,
            )
            .group_by(Activity.prospect_id, Activity.user_id)
        )
        for pid, caller, called_at in rows:
            until = follow_up_after(
                called_at, settings.retry_working_days, settings.working_hours, tz=tz
            )
            if until > now and (int(pid) not in found or until > found[int(pid)].until):
                found[int(pid)] = Hold(int(pid), int(caller), until)
    return found
