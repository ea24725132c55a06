"""Test data for goals, planner and insights: prospects, calls and stage changes."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from prospection.core.enums import ActivityKind, Outcome, Stage
from prospection.core.models import Activity, Prospect

PARIS = ZoneInfo("Europe/Paris")


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    """An aware Paris time."""
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


def prospect(session: Session, name: str = "Boulangerie", **fields: object) -> Prospect:
    """A new prospect, flushed (it has an id)."""
    row = Prospect(name=name, **fields)
    session.add(row)
    session.flush()
    return row


def log_calls(
    session: Session,
    target: Prospect,
    when: datetime,
    outcome: Outcome | None = Outcome.NO_ANSWER,
    count: int = 1,
    inbound: bool = False,
) -> None:
    """`count` calls at `when` with `outcome`."""
    for _ in range(count):
        session.add(
            Activity(
                prospect_id=target.id,
                kind=ActivityKind.CALL,
                outcome=outcome,
                occurred_at=when,
                inbound=inbound,
            )
        )
    session.flush()


def became_client(session: Session, target: Prospect, when: datetime) -> None:
    """A stage change to client at `when`."""
    target.stage = Stage.CLIENT
    session.add(
        Activity(
            prospect_id=target.id,
            kind=ActivityKind.STAGE_CHANGE,
            occurred_at=when,
            stage_from=Stage.PROPOSAL.value,
            stage_to=Stage.CLIENT.value,
        )
    )
    session.flush()


def client(session: Session, name: str, revenue: float | None, since: date | None = None) -> None:
    """A prospect already at stage client with a yearly revenue."""
    prospect(session, name, stage=Stage.CLIENT, yearly_revenue=revenue, client_since=since)
