"""What works: the funnel over a period, outcomes, calls per day, and the best time to call.

Counts follow the definitions of `weekly_goals` (outgoing calls; reached and conversation
outcomes from `enums`; meetings booked; new clients). Times are the user's local time.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from sqlalchemy.orm import Session

from prospection.core.activity_counts import (
    call_hours,
    call_outcome_counts,
    day_range,
    meetings_booked,
    new_clients,
)
from prospection.core.enums import CONVERSATION_OUTCOMES, REACHED_OUTCOMES, Outcome
from prospection.core.weeks import local_midnight, to_local

#: Below this many calls in a weekday x hour cell, no reach rate is concluded from it.
MIN_CALLS_PER_CELL = 10
#: Follow-ups are proposed at the user's best hour to reach people once this many calls
#: with an outcome were made in the last `BEST_HOUR_DAYS` days (and that hour holds at
#: least `MIN_CALLS_PER_CELL` of them); below, the working-hours rule alone decides.
BEST_HOUR_MIN_CALLS = 30
BEST_HOUR_DAYS = 180


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


def best_hours(
    session: Session, now: datetime, tz: tzinfo | None = None, days: int = BEST_HOUR_DAYS
) -> list[int]:
    """The local hours of the day that reach people best, best first (follow-up times).

    From the outgoing calls with an outcome of the `days` before `now`, all weekdays
    together (a weekday x hour cell rarely holds enough calls). Empty below
    `BEST_HOUR_MIN_CALLS` calls; only hours with `MIN_CALLS_PER_CELL` calls are ranked,
    by the lower bound of the reach rate's Wilson interval, as `Insights.best_slots`.
    """
    total = 0
    cells: dict[int, list[int]] = {}
    for hour, outcome, count in call_hours(session, now - timedelta(days=days), now):
        if outcome is None:
            continue
        total += count
        cell = cells.setdefault(to_local(hour, tz).hour, [0, 0])
        cell[0] += count
        if outcome in REACHED_OUTCOMES:
            cell[1] += count
    if total < BEST_HOUR_MIN_CALLS:
        return []
    ready = [(hour, calls, reached) for hour, (calls, reached) in cells.items()]
    ready = [cell for cell in ready if cell[1] >= MIN_CALLS_PER_CELL]
    ready.sort(key=lambda c: (wilson_lower_bound(c[2], c[1]), c[1], -c[0]), reverse=True)
    return [hour for hour, _, _ in ready]


def wilson_lower_bound(successes: int, trials: int, z: float = 1.96) -> float:
    """The lower end of the Wilson score interval of a proportion (0 without trials)."""
    if trials <= 0:
        return 0.0
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = p + z * z / (2 * trials)
    spread = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    return (centre - spread) / denominator


def _funnel(
    session: Session, start: date, end: date, tz: tzinfo | None
) -> tuple[Funnel, dict[Outcome | None, int]]:
    begin, finish = local_midnight(start, tz), local_midnight(end + timedelta(days=1), tz)
    outcomes = call_outcome_counts(session, begin, finish)
    result = Funnel(
        start=start,
        end=end,
        calls=sum(outcomes.values()),
        reached=sum(n for outcome, n in outcomes.items() if outcome in REACHED_OUTCOMES),
        conversations=sum(n for outcome, n in outcomes.items() if outcome in CONVERSATION_OUTCOMES),
        meetings=meetings_booked(session, begin, finish),
        new_clients=new_clients(session, begin, finish, start, end),
    )
    return result, outcomes


def funnel(session: Session, start: date, end: date, tz: tzinfo | None = None) -> Funnel:
    """The funnel over the local days `start` to `end`, both included."""
    return _funnel(session, start, end, tz)[0]


def insights(session: Session, start: date, end: date, tz: tzinfo | None = None) -> Insights:
    """Funnel, outcomes, calls per day and the weekday x hour reach map of a period."""
    begin, finish = local_midnight(start, tz), local_midnight(end + timedelta(days=1), tz)
    result, outcomes = _funnel(session, start, end, tz)
    per_day: Counter[date] = Counter()
    cells: dict[tuple[int, int], list[int]] = {}
    for hour, outcome, count in call_hours(session, begin, finish):
        local = to_local(hour, tz)
        per_day[local.date()] += count
        cell = cells.setdefault((local.weekday(), local.hour), [0, 0])
        cell[0] += count
        if outcome in REACHED_OUTCOMES:
            cell[1] += count
    return Insights(
        funnel=result,
        outcomes={outcome: outcomes.get(outcome, 0) for outcome in Outcome},
        calls_without_outcome=outcomes.get(None, 0),
        calls_per_day=[(day, per_day[day]) for day in day_range(start, end)],
        heat_map=[
            HeatCell(weekday, hour, total, reached)
            for (weekday, hour), (total, reached) in sorted(cells.items())
        ],
    )
