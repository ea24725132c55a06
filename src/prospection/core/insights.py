"""What works: the funnel over a period, outcomes, calls per day, and the best time to call.

Counts follow the definitions of `weekly_goals` (outgoing calls; reached and conversation
outcomes from `enums`; meetings booked; new clients). Times are the user's local time.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from prospection.core.enums import CONVERSATION_OUTCOMES, REACHED_OUTCOMES, ActivityKind, Outcome
from prospection.core.models import Activity
from prospection.core.weekly_goals import new_client_dates
from prospection.core.weeks import local_midnight, to_local

#: Below this many calls in a weekday x hour cell, no reach rate is concluded from it.
MIN_CALLS_PER_CELL = 10


@dataclass(frozen=True)
class Funnel:
    """Counts of each step over a period, and the rate from each step to the next."""

    start: date
    end: date  # inclusive
    calls: int
    reached: int
    conversations: int
    meetings: int
    new_clients: int

    @staticmethod
    def ratio(part: int, whole: int) -> float | None:
        """part / whole, capped at 1; None when nothing to divide by."""
        return min(1.0, part / whole) if whole else None

    @property
    def reach_rate(self) -> float | None:
        return self.ratio(self.reached, self.calls)

    @property
    def conversation_rate(self) -> float | None:
        return self.ratio(self.conversations, self.reached)

    @property
    def meeting_rate(self) -> float | None:
        return self.ratio(self.meetings, self.conversations)

    @property
    def close_rate(self) -> float | None:
        return self.ratio(self.new_clients, self.meetings)


@dataclass(frozen=True)
class HeatCell:
    """Calls placed on one weekday (Monday = 0) in one hour, and how many reached someone."""

    weekday: int
    hour: int
    calls: int
    reached: int

    @property
    def enough(self) -> bool:
        """Whether there are enough calls behind this cell to draw a conclusion."""
        return self.calls >= MIN_CALLS_PER_CELL

    @property
    def reach_rate(self) -> float | None:
        """Share of calls that reached someone, or None when too few calls to say."""
        return self.reached / self.calls if self.enough else None


@dataclass(frozen=True)
class Insights:
    """All the insight measures of one period."""

    funnel: Funnel
    outcomes: dict[Outcome, int]  # every outcome, zeros included, in enum order
    calls_without_outcome: int
    calls_per_day: list[tuple[date, int]]  # every day of the period
    heat_map: list[HeatCell]  # only cells with at least one call

    def best_slots(self, count: int = 3) -> list[HeatCell]:
        """The cells most surely good, among those with enough calls.

        Ranked by the lower bound of the reach rate's 95% Wilson interval, so that 6 of
        10 does not outrank 50 of 100 by luck alone.
        """
        ready = [cell for cell in self.heat_map if cell.enough]
        ready.sort(key=lambda c: (wilson_lower_bound(c.reached, c.calls), c.calls), reverse=True)
        return ready[:count]


def wilson_lower_bound(successes: int, trials: int, z: float = 1.96) -> float:
    """The lower end of the Wilson score interval of a proportion (0 without trials)."""
    if trials <= 0:
        return 0.0
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = p + z * z / (2 * trials)
    spread = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    return (centre - spread) / denominator


def _outgoing_calls(
    session: Session, start: datetime, end: datetime
) -> list[tuple[datetime, Outcome | None]]:
    rows = session.execute(
        select(Activity.occurred_at, Activity.outcome).where(
            Activity.kind == ActivityKind.CALL,
            Activity.inbound.is_(False),
            Activity.occurred_at >= start,
            Activity.occurred_at < end,
        )
    ).all()
    return [(row[0], row[1]) for row in rows]


def _meetings_booked(session: Session, start: datetime, end: datetime) -> int:
    rows = session.scalars(
        select(Activity.id).where(
            Activity.outcome == Outcome.MEETING_BOOKED,
            Activity.kind != ActivityKind.STAGE_CHANGE,
            Activity.occurred_at >= start,
            Activity.occurred_at < end,
        )
    ).all()
    return len(rows)


def funnel(session: Session, start: date, end: date, tz: tzinfo | None = None) -> Funnel:
    """The funnel over the local days `start` to `end`, both included."""
    begin, finish = local_midnight(start, tz), local_midnight(end + timedelta(days=1), tz)
    calls = _outgoing_calls(session, begin, finish)
    clients = sum(1 for day in new_client_dates(session, tz).values() if start <= day <= end)
    return Funnel(
        start=start,
        end=end,
        calls=len(calls),
        reached=sum(1 for _, outcome in calls if outcome in REACHED_OUTCOMES),
        conversations=sum(1 for _, outcome in calls if outcome in CONVERSATION_OUTCOMES),
        meetings=_meetings_booked(session, begin, finish),
        new_clients=clients,
    )


def insights(session: Session, start: date, end: date, tz: tzinfo | None = None) -> Insights:
    """Funnel, outcomes, calls per day and the weekday x hour reach map of a period."""
    begin, finish = local_midnight(start, tz), local_midnight(end + timedelta(days=1), tz)
    calls = _outgoing_calls(session, begin, finish)
    outcomes = Counter(outcome for _, outcome in calls if outcome is not None)
    per_day: Counter[date] = Counter()
    cells: dict[tuple[int, int], list[int]] = {}
    for occurred_at, outcome in calls:
        local = to_local(occurred_at, tz)
        per_day[local.date()] += 1
        cell = cells.setdefault((local.weekday(), local.hour), [0, 0])
        cell[0] += 1
        cell[1] += outcome in REACHED_OUTCOMES
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    return Insights(
        funnel=funnel(session, start, end, tz),
        outcomes={outcome: outcomes[outcome] for outcome in Outcome},
        calls_without_outcome=sum(1 for _, outcome in calls if outcome is None),
        calls_per_day=[(day, per_day[day]) for day in days],
        heat_map=[
            HeatCell(weekday, hour, total, reached)
            for (weekday, hour), (total, reached) in sorted(cells.items())
        ],
    )
