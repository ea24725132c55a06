"""Weekly targets and what was done against them: actuals, pace, streak and history.

Definitions (the panel, the CLI and the planner all use these):
- calls: outgoing calls (activities of kind call, not inbound);
- reached: outgoing calls whose outcome is in `REACHED_OUTCOMES` (a live person answered);
- conversations: outgoing calls whose outcome is in `CONVERSATION_OUTCOMES`;
- meetings: activities (calls, emails ...) whose outcome is "meeting booked", inbound or
  not; meeting activities themselves are the meetings held, not counted again;
- new clients: prospects that became clients that week: the first stage change to
  client, else the prospect's `client_since` date.

A week belongs to the user's local time: Monday 00:00 to the next Monday 00:00.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from prospection.core.activity_counts import (
    call_outcome_counts,
    calls_in_ranges,
    calls_up_to,
    meetings_booked,
    new_clients,
    ranges_with_calls,
)
from prospection.core.enums import (
    CONVERSATION_OUTCOMES,
    REACHED_OUTCOMES,
    ActivityKind,
)
from prospection.core.models import Activity, WeeklyGoal
from prospection.core.settings import get_setting
from prospection.core.users import current_user_id, is_team
from prospection.core.weeks import Week, local_midnight, to_local, week_range
from prospection.core.working_days import is_public_holiday

#: The five measures of a week, in the order they are shown.
METRICS: tuple[str, ...] = ("calls", "reached", "conversations", "meetings", "new_clients")

#: Working hours used to spread today's share of the weekly target (9:00 to 18:00).
WORKDAY_START = time(9, 0)
WORKDAY_END = time(18, 0)
#: Weekdays worked (Monday = 0).
WORKING_WEEKDAYS: frozenset[int] = frozenset(range(5))
#: Setting naming the country whose public holidays are not working days ("" for none).
HOLIDAY_COUNTRY_SETTING = "goals.holiday_country"
DEFAULT_HOLIDAY_COUNTRY = "FR"
#: Weeks shown in the panel's history chart.
HISTORY_WEEKS = 12
#: How far back a streak is counted; beyond, the panel says "52+ weeks".
STREAK_LOOKBACK_WEEKS = 52


@dataclass(frozen=True)
class Counts:
    """One number per metric: targets of a week, or what was done in it."""

    calls: int = 0
    reached: int = 0
    conversations: int = 0
    meetings: int = 0
    new_clients: int = 0

    def get(self, metric: str) -> int:
        """The value of one metric by name (see METRICS)."""
        value: int = getattr(self, metric)
        return value

    def as_dict(self) -> dict[str, int]:
        """{metric: value}, in METRICS order."""
        return asdict(self)


#: Targets of a week before the user ever set any (the WeeklyGoal column defaults).
DEFAULT_TARGETS = Counts(calls=40, reached=8, conversations=5, meetings=2, new_clients=0)


class Pace(StrEnum):
    """How a metric stands against an even pace over the working days."""

    MET = "met"
    AHEAD = "ahead"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NO_TARGET = "no_target"


@dataclass(frozen=True)
class MetricProgress:
    """One metric of one week: done, target, and what an even pace would have done."""

    metric: str
    actual: int
    target: int
    expected_by_now: float
    pace: Pace

    @property
    def met(self) -> bool:
        return self.target > 0 and self.actual >= self.target


@dataclass(frozen=True)
class WeekStatus:
    """Everything the weekly panel shows about one week."""

    week: Week
    targets: Counts
    actuals: Counts
    metrics: tuple[MetricProgress, ...]
    pace: Pace  # overall: the pace of calls, the part the user controls
    working_days: int
    elapsed_working_days: float
    days_left: int
    days_prospected: int
    streak_weeks: int
    streak_capped: bool  # the streak is at least streak_weeks (look-back limit reached)
    goal_met: bool

    def metric(self, name: str) -> MetricProgress:
        """The progress of one metric by name."""
        return next(m for m in self.metrics if m.metric == name)


@dataclass(frozen=True)
class WeekSummary:
    """One past (or the current) week in the history: targets, actuals, met or not."""

    week: Week
    targets: Counts
    actuals: Counts
    goal_met: bool


# ---------------------------------------------------------------- targets


def _row_counts(row: WeeklyGoal) -> Counts:
    return Counts(
        calls=row.calls,
        reached=row.reached,
        conversations=row.conversations,
        meetings=row.meetings,
        new_clients=row.new_clients,
    )


def targets_for(session: Session, week: Week) -> Counts:
    """The targets of `week`: its own, else those of the latest earlier week, else defaults.

    Reading never writes: a week nobody set simply carries the previous targets forward.
    """
    row = session.scalars(
        select(WeeklyGoal)
        .where(WeeklyGoal.week <= str(week), WeeklyGoal.user_id == current_user_id(session))
        .order_by(WeeklyGoal.week.desc())
        .limit(1)
    ).first()
    return _row_counts(row) if row is not None else DEFAULT_TARGETS


def targets_by_week(session: Session, weeks: Sequence[Week]) -> dict[Week, Counts]:
    """targets_for() of several weeks with one query."""
    if not weeks:
        return {}
    last = max(weeks)
    rows = session.scalars(
        select(WeeklyGoal)
        .where(WeeklyGoal.week <= str(last), WeeklyGoal.user_id == current_user_id(session))
        .order_by(WeeklyGoal.week)
    ).all()
    result: dict[Week, Counts] = {}
    for week in weeks:
        label = str(week)
        chosen = DEFAULT_TARGETS
        for row in rows:  # few rows: one per week the user changed something
            if row.week <= label:
                chosen = _row_counts(row)
            else:
                break
        result[week] = chosen
    return result


def set_targets(
    session: Session,
    week: Week,
    *,
    today_week: Week | None = None,
    **changes: int,
) -> Counts:
    """Set some targets of `week` (the others keep their carried-forward values).

    Weeks before `week` are never touched. When `week` is already past, the week after
    it first keeps its own current targets, so that weeks since then stay as they were.
    """
    unknown = set(changes) - set(METRICS)
    if unknown:
        raise ValueError(f"unknown metrics: {', '.join(sorted(unknown))}")
    negative = [name for name, value in changes.items() if value < 0]
    if negative:
        raise ValueError(f"targets cannot be negative: {', '.join(negative)}")
    current = today_week or Week.current()
    following = week.next()
    if (
        following <= current
        and session.scalar(
            select(WeeklyGoal.id).where(
                WeeklyGoal.week == str(following), WeeklyGoal.user_id == current_user_id(session)
            )
        )
        is None
    ):
        _store(session, following, targets_for(session, following))
    new = Counts(**{**targets_for(session, week).as_dict(), **changes})
    _store(session, week, new)
    return new


def _store(session: Session, week: Week, targets: Counts) -> None:
    user_id = current_user_id(session)
    row = session.scalars(
        select(WeeklyGoal).where(WeeklyGoal.week == str(week), WeeklyGoal.user_id == user_id)
    ).first()
    if row is None:
        row = WeeklyGoal(week=str(week), user_id=user_id)
        session.add(row)
    for field in fields(Counts):
        setattr(row, field.name, getattr(targets, field.name))
    session.flush()


# ---------------------------------------------------------------- actuals


def _week_counts(session: Session, week: Week, tz: tzinfo | None) -> Counts:
    start, end = week.bounds(tz)
    outcomes = call_outcome_counts(session, start, end)
    return Counts(
        calls=sum(outcomes.values()),
        reached=sum(n for outcome, n in outcomes.items() if outcome in REACHED_OUTCOMES),
        conversations=sum(n for outcome, n in outcomes.items() if outcome in CONVERSATION_OUTCOMES),
        meetings=meetings_booked(session, start, end),
        new_clients=new_clients(session, start, end, week.monday, week.sunday),
    )


def actuals_by_week(
    session: Session, weeks: Sequence[Week], tz: tzinfo | None = None
) -> dict[Week, Counts]:
    """What was done in each of `weeks` (a few indexed counts per week)."""
    return {week: _week_counts(session, week, tz) for week in weeks}


def actuals_for(session: Session, week: Week, tz: tzinfo | None = None) -> Counts:
    """What was done in `week`."""
    return _week_counts(session, week, tz)


def days_prospected(session: Session, week: Week, tz: tzinfo | None = None) -> int:
    """The days of `week` (local time) with at least one outgoing call."""
    # One existence probe per local day rather than loading every call of the week.
    days = [week.monday + timedelta(days=n) for n in range(8)]
    bounds = [local_midnight(day, tz) for day in days]
    return sum(ranges_with_calls(session, list(itertools.pairwise(bounds))))


def _first_call(session: Session) -> datetime | None:
    return session.scalar(
        select(Activity.occurred_at)
        .where(
            Activity.kind == ActivityKind.CALL,
            Activity.inbound.is_(False),
            *([Activity.user_id == current_user_id(session)] if is_team(session) else []),
        )
        .order_by(Activity.occurred_at)
        .limit(1)
    )


# ---------------------------------------------------------------- goal met, streak


def goal_met(targets: Counts, actuals: Counts) -> bool:
    """Whether a week's goal was met: its calls target (the part the user controls).

    With no calls target, every metric that has a target must be met; with no target
    at all there is no goal to meet.
    """
    if targets.calls > 0:
        return actuals.calls >= targets.calls
    wanted = [m for m in METRICS if targets.get(m) > 0]
    return bool(wanted) and all(actuals.get(m) >= targets.get(m) for m in wanted)


def streak(
    session: Session, this_week: Week, tz: tzinfo | None = None, *, this_met: bool | None = None
) -> tuple[int, bool]:
    """(weeks in a row with the goal met, whether the count stopped at the look-back limit).

    The streak ends last week, plus this week once its goal is met: a week under way
    does not break it. It looks back STREAK_LOOKBACK_WEEKS weeks at most, so that years
    of history stay one quick query.
    """
    first_call = _first_call(session)
    if first_call is None:
        return 0, False
    earliest = Week.containing(first_call, tz)
    if this_met is None:
        this_met = goal_met(targets_for(session, this_week), actuals_for(session, this_week, tz))
    count = 1 if this_met else 0
    back = week_range(this_week.previous(), STREAK_LOOKBACK_WEEKS)
    weeks = [w for w in reversed(back) if w >= earliest]  # newest first
    targets = targets_by_week(session, weeks)
    # Each week's count stops at its target: "met" needs no more (and 0 when there is no
    # calls target, where the other metrics decide).
    calls = calls_up_to(session, [w.bounds(tz) for w in weeks], [targets[w].calls for w in weeks])
    for week, done in zip(weeks, calls, strict=True):
        wanted = targets[week]
        met = (
            done >= wanted.calls
            if wanted.calls > 0
            else goal_met(wanted, actuals_for(session, week, tz))
        )
        if not met:
            return count, False
        count += 1
    return count, bool(weeks) and weeks[-1] > earliest


def streak_weeks(session: Session, this_week: Week, tz: tzinfo | None = None) -> int:
    """Consecutive weeks with the goal met (see `streak`)."""
    return streak(session, this_week, tz)[0]


def summarise_weeks(
    session: Session, weeks: Sequence[Week], tz: tzinfo | None = None
) -> list[WeekSummary]:
    """Targets, actuals and goal met for each of `weeks`, in the given order."""
    targets = targets_by_week(session, weeks)
    actuals = actuals_by_week(session, weeks, tz)
    return [
        WeekSummary(week, targets[week], actuals[week], goal_met(targets[week], actuals[week]))
        for week in weeks
    ]


def history(
    session: Session, last: Week, count: int = HISTORY_WEEKS, tz: tzinfo | None = None
) -> list[WeekSummary]:
    """The `count` weeks ending with `last`, oldest first (the panel's chart)."""
    return summarise_weeks(session, week_range(last, count), tz)


# ---------------------------------------------------------------- pace


def public_holidays_in(week: Week, country: str) -> frozenset[date]:
    """Public holidays of `country` (ISO code) in `week`; none for "" or an unknown code.

    Shares the call queue's cached holiday tables (`working_days`), so that the
    `holidays` library builds each country's year once per process.
    """
    if not country:
        return frozenset()
    try:
        return frozenset(day for day in week.days() if is_public_holiday(day, country))
    except NotImplementedError:  # a country the holidays library does not know
        return frozenset()


def working_days(week: Week, holidays: Collection[date] = ()) -> list[date]:
    """The days of `week` that are worked: Monday to Friday, except public holidays."""
    return [d for d in week.days() if d.weekday() in WORKING_WEEKDAYS and d not in holidays]


def _share_of_day_elapsed(now: datetime) -> float:
    start = datetime.combine(now.date(), WORKDAY_START, tzinfo=now.tzinfo)
    end = datetime.combine(now.date(), WORKDAY_END, tzinfo=now.tzinfo)
    if now <= start:
        return 0.0
    if now >= end:
        return 1.0
    return (now - start) / (end - start)


def elapsed_working_days(days: Sequence[date], now: datetime) -> tuple[float, int]:
    """(working days elapsed, with today's share by the clock; working days left).

    `now` is local time. Today counts among the days left until the working day ends.
    """
    today = now.date()
    share = _share_of_day_elapsed(now)
    elapsed = 0.0
    left = 0
    for day in days:
        if day < today:
            elapsed += 1
        elif day == today:
            elapsed += share
            left += 1 if share < 1 else 0
        else:
            left += 1
    return elapsed, left


def pace_of(actual: int, target: int, expected: float) -> Pace:
    """Met, ahead, on track or behind: a margin of 10% (at least one) counts as on track."""
    if target <= 0:
        return Pace.NO_TARGET
    if actual >= target:
        return Pace.MET
    margin = max(1.0, 0.1 * expected)
    if actual > expected + margin:
        return Pace.AHEAD
    if actual < expected - margin:
        return Pace.BEHIND
    return Pace.ON_TRACK


def week_status(
    session: Session,
    week: Week | None = None,
    *,
    now: datetime | None = None,
    tz: tzinfo | None = None,
    holidays: Collection[date] | None = None,
) -> WeekStatus:
    """The weekly panel's numbers for `week` (default: this week) as of `now`."""
    local_now = to_local(now, tz) if now is not None else datetime.now(tz).astimezone(tz)
    today_week = Week.of(local_now.date())
    week = week or today_week
    if holidays is None:
        country = get_setting(session, HOLIDAY_COUNTRY_SETTING, DEFAULT_HOLIDAY_COUNTRY)
        holidays = public_holidays_in(week, str(country))
    days = working_days(week, holidays)
    elapsed, left = elapsed_working_days(days, local_now)
    share = elapsed / len(days) if days else (1.0 if week < today_week else 0.0)

    targets = targets_for(session, week)
    actuals = actuals_for(session, week, tz)
    streak_count, streak_capped = streak(session, week, tz, this_met=goal_met(targets, actuals))
    metrics = tuple(
        MetricProgress(
            metric=name,
            actual=actuals.get(name),
            target=targets.get(name),
            expected_by_now=round(targets.get(name) * share, 2),
            pace=pace_of(actuals.get(name), targets.get(name), targets.get(name) * share),
        )
        for name in METRICS
    )
    overall = next((m.pace for m in metrics if m.pace != Pace.NO_TARGET), Pace.NO_TARGET)
    return WeekStatus(
        week=week,
        targets=targets,
        actuals=actuals,
        metrics=metrics,
        pace=overall,
        working_days=len(days),
        elapsed_working_days=round(elapsed, 2),
        days_left=left,
        days_prospected=days_prospected(session, week, tz),
        streak_weeks=streak_count,
        streak_capped=streak_capped,
        goal_met=goal_met(targets, actuals),
    )


def week_start(week: Week, tz: tzinfo | None = None) -> datetime:
    """Monday 00:00 local of `week` (a convenience for callers building queries)."""
    return local_midnight(week.monday, tz)


def average_weekly_calls(
    session: Session, last: Week, weeks: int = HISTORY_WEEKS, tz: tzinfo | None = None
) -> float:
    """Average outgoing calls per week over the `weeks` ending with `last`.

    Weeks before the first call ever logged are left out, so a new user's pace is not
    diluted by weeks they did not use the app.
    """
    first_call = _first_call(session)
    if first_call is None:
        return 0.0
    earliest = Week.containing(first_call, tz)
    span = [w for w in week_range(last, weeks) if w >= earliest]
    if not span:
        return 0.0
    return sum(calls_in_ranges(session, [w.bounds(tz) for w in span])) / len(span)
