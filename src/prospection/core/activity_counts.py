"""Counting calls, meetings and new clients over time ranges, from indexes, in SQL.

The weekly panel, its streak, the planner and the insights ask these questions over
years of history; they are answered by `ix_activity_kind_inbound_occurred` (a covering
index) rather than by loading rows. Ranges are [start, end) aware datetimes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import Session, aliased

from prospection.core import users
from prospection.core.dialects import hour_text
from prospection.core.enums import ActivityKind, Outcome, Stage
from prospection.core.models import Activity, Prospect


def _mine(session: Session) -> list[ColumnElement[bool]]:
    """In team mode, only the current user's activities count (goals, streaks are theirs).

    A single user's file gets no extra condition: its queries and plans are unchanged.
    """
    if not users.is_team(session):
        return []
    return [Activity.user_id == users.current_user_id(session)]


def _outgoing_calls(session: Session, start: datetime, end: datetime) -> list[ColumnElement[bool]]:
    # kind, inbound and occurred_at in this order: the covering index serves them.
    return [
        Activity.kind == ActivityKind.CALL,
        Activity.inbound.is_(False),
        Activity.occurred_at >= start,
        Activity.occurred_at < end,
        *_mine(session),
    ]


def call_outcome_counts(
    session: Session, start: datetime, end: datetime
) -> dict[Outcome | None, int]:
    """Outgoing calls in [start, end) by outcome (None: no outcome logged)."""
    rows = session.execute(
        select(Activity.outcome, func.count())
        .where(*_outgoing_calls(session, start, end))
        .group_by(Activity.outcome)
    ).all()
    return {outcome: int(count) for outcome, count in rows}


def calls_in_ranges(session: Session, ranges: Sequence[tuple[datetime, datetime]]) -> list[int]:
    """Outgoing calls in each range, with one statement (one index range scan each)."""
    if not ranges:
        return []
    columns = [
        select(func.count())
        .select_from(Activity)
        .where(*_outgoing_calls(session, s, e))
        .scalar_subquery()
        for s, e in ranges
    ]
    return [int(value) for value in session.execute(select(*columns)).one()]


def calls_up_to(
    session: Session, ranges: Sequence[tuple[datetime, datetime]], caps: Sequence[int]
) -> list[int]:
    """Outgoing calls in each range, counted up to that range's cap (one statement).

    Whether a week reached its calls target only needs the first `cap` calls: each
    count stops there instead of reading every call of the week from the index.
    """
    if not ranges:
        return []
    columns = [
        select(func.count())
        .select_from(
            select(Activity.id).where(*_outgoing_calls(session, s, e)).limit(max(cap, 0)).subquery()
        )
        .scalar_subquery()
        for (s, e), cap in zip(ranges, caps, strict=True)
    ]
    return [int(value) for value in session.execute(select(*columns)).one()]


def ranges_with_calls(session: Session, ranges: Sequence[tuple[datetime, datetime]]) -> list[bool]:
    """Whether each range holds at least one outgoing call (one index probe each)."""
    if not ranges:
        return []
    columns = [exists().where(*_outgoing_calls(session, s, e)) for s, e in ranges]
    return [bool(value) for value in session.execute(select(*columns)).one()]


def call_times(session: Session, start: datetime, end: datetime) -> list[datetime]:
    """When each outgoing call in [start, end) was placed (aware, UTC)."""
    return list(
        session.scalars(
            select(Activity.occurred_at).where(*_outgoing_calls(session, start, end))
        ).all()
    )


def call_hours(
    session: Session, start: datetime, end: datetime
) -> list[tuple[datetime, Outcome | None, int]]:
    """Outgoing calls in [start, end) by UTC hour and outcome: (hour start, outcome, calls).

    Grouped in SQL so that a year of calls comes back as a few thousand rows. Mapping
    an hour to local time is exact for zones with whole-hour offsets.
    """
    # "YYYY-MM-DD HH" of the UTC timestamp (SQLite: the first 13 characters of its text).
    hour = hour_text(Activity.occurred_at)
    rows = session.execute(
        select(hour, Activity.outcome, func.count())
        .where(*_outgoing_calls(session, start, end))
        .group_by(hour, Activity.outcome)
    ).all()
    return [
        (datetime.strptime(text, "%Y-%m-%d %H").replace(tzinfo=UTC), outcome, int(count))
        for text, outcome, count in rows
    ]


def meetings_booked(session: Session, start: datetime, end: datetime) -> int:
    """Activities in [start, end) whose outcome is "meeting booked" (any kind, any side)."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(Activity)
            .where(
                Activity.occurred_at >= start,
                Activity.occurred_at < end,
                Activity.outcome == Outcome.MEETING_BOOKED,
                Activity.kind != ActivityKind.STAGE_CHANGE,
                *_mine(session),
            )
        )
        or 0
    )


def _became_client(activity: type[Activity] | Any) -> list[ColumnElement[bool]]:
    return [activity.kind == ActivityKind.STAGE_CHANGE, activity.stage_to == Stage.CLIENT.value]


def new_clients(
    session: Session, start: datetime, end: datetime, first_day: date, last_day: date
) -> int:
    """Prospects that first became clients in [start, end).

    By their first stage change to client; prospects that never had one count by their
    `client_since` date, between `first_day` and `last_day` (the same range, as dates).
    """
    earlier = aliased(Activity)
    by_change = session.scalar(
        select(func.count(func.distinct(Activity.prospect_id))).where(
            *_became_client(Activity),
            # Both values named, so that SQLite ranges over occurred_at in the index.
            Activity.inbound.in_((False, True)),
            Activity.occurred_at >= start,
            Activity.occurred_at < end,
            ~exists().where(
                earlier.prospect_id == Activity.prospect_id,
                *_became_client(earlier),
                earlier.occurred_at < start,
            ),
            *_mine(session),
        )
    )
    any_change = aliased(Activity)
    by_date = session.scalar(
        select(func.count())
        .select_from(Prospect)
        .where(
            Prospect.client_since >= first_day,
            Prospect.client_since <= last_day,
            ~exists().where(any_change.prospect_id == Prospect.id, *_became_client(any_change)),
        )
    )
    return int(by_change or 0) + int(by_date or 0)


def day_range(start: date, end: date) -> list[date]:
    """Every day from `start` to `end`, both included."""
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]
