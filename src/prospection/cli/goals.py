"""CLI commands for weekly goals and the planner: stats, goal set, plan."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from typing import Any

from prospection.cli.common import EXIT_OK, count, database, fail, iso, print_json
from prospection.core.planner import gather_inputs, plan, plan_as_json
from prospection.core.weekly_goals import METRICS, set_targets, week_status
from prospection.core.weeks import Week, WeekError


def register(subparsers: Any) -> None:
    """Add `stats`, `goal set` and `plan`."""
    stats = subparsers.add_parser("stats", help="this week's progress against its targets")
    stats.add_argument("--week", metavar="YYYY-Www", help="an ISO week (default: this week)")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(handler=run_stats)

    goal = subparsers.add_parser("goal", help="weekly targets")
    goal_commands = goal.add_subparsers(dest="goal_command", metavar="ACTION", required=True)
    goal_set = goal_commands.add_parser(
        "set", help="set a week's targets (the others carry over from the week before)"
    )
    goal_set.add_argument("--week", metavar="YYYY-Www", help="an ISO week (default: this week)")
    for metric in METRICS:
        goal_set.add_argument(
            f"--{metric.replace('_', '-')}", dest=metric, type=count, metavar="N", default=None
        )
    goal_set.add_argument("--json", action="store_true", help="print JSON")
    goal_set.set_defaults(handler=run_goal_set)

    planner = subparsers.add_parser("plan", help="how much prospecting the portfolio needs")
    planner.add_argument(
        "--attrition", type=float, metavar="RATE", help="share of clients lost a year (0.15)"
    )
    planner.add_argument("--growth", type=float, metavar="N", help="new clients a year wanted")
    planner.add_argument("--json", action="store_true", help="print JSON")
    planner.set_defaults(handler=run_plan)


def _week(text: str | None) -> Week:
    if text is None:
        return Week.current()
    try:
        return Week.parse(text)
    except WeekError as error:
        fail(str(error))


def run_stats(args: argparse.Namespace) -> int:
    """Print the week's actuals, targets and even-pace expectations."""
    week = _week(args.week)
    with database(args.data_dir, writes=False) as db, db.session() as session:
        status = week_status(session, week)
    start, end = week.bounds()
    if args.json:
        data: dict[str, Any] = {"week": str(week), "start": iso(start), "end": iso(end)}
        for progress in status.metrics:
            data[progress.metric] = {
                "actual": progress.actual,
                "target": progress.target,
                "expected_by_now": progress.expected_by_now,
                "pace": progress.pace.value,
            }
        data.update(
            streak_weeks=status.streak_weeks,
            streak_capped=status.streak_capped,
            goal_met=status.goal_met,
            pace=status.pace.value,
            days_prospected=status.days_prospected,
            working_days=status.working_days,
            days_left=status.days_left,
        )
        print_json(data)
        return EXIT_OK
    print(f"Week {week} ({week.monday.isoformat()} to {week.sunday.isoformat()})")
    for progress in status.metrics:
        label = progress.metric.replace("_", " ")
        pace = progress.pace.value.replace("_", " ")
        print(
            f"  {label:<14}{progress.actual:>5} / {progress.target:<5}"
            f"expected by now {progress.expected_by_now:g} ({pace})"
        )
    print(
        f"  streak: {status.streak_weeks} week(s); days prospected: {status.days_prospected}; "
        f"working days left: {status.days_left}"
    )
    return EXIT_OK


def run_goal_set(args: argparse.Namespace) -> int:
    """Set some of a week's targets."""
    week = _week(args.week)
    changes = {m: getattr(args, m) for m in METRICS if getattr(args, m) is not None}
    if not changes:
        fail("give at least one target, e.g. --calls 40 --meetings 2")
    negative = [m for m, v in changes.items() if v < 0]
    if negative:
        fail(f"targets cannot be negative: {', '.join(negative)}")
    with database(args.data_dir) as db, db.session() as session:
        targets = set_targets(session, week, **changes)
    if args.json:
        print_json({"week": str(week), **targets.as_dict()})
    else:
        shown = ", ".join(f"{m.replace('_', ' ')} {targets.get(m)}" for m in METRICS)
        print(f"Targets for {week}: {shown}")
    return EXIT_OK


def run_plan(args: argparse.Namespace) -> int:
    """Print the planner's inputs, the arithmetic and the weekly numbers."""
    if args.attrition is not None and not 0 <= args.attrition <= 1:
        fail("--attrition is a share between 0 and 1, e.g. 0.15")
    if args.growth is not None and args.growth < 0:
        fail("--growth cannot be negative")
    if args.growth is not None and not args.growth <= 1_000_000:
        fail("--growth is out of range (at most 1000000 new clients a year)")
    with database(args.data_dir, writes=False) as db, db.session() as session:
        inputs = gather_inputs(session, date.today())
    if args.attrition is not None:
        inputs = replace(inputs, attrition=args.attrition)
    if args.growth is not None:
        inputs = replace(inputs, growth=args.growth)
    result = plan(inputs)
    if args.json:
        print_json(plan_as_json(result))
        return EXIT_OK
    for key, rate in inputs.rates.items():
        basis = (
            f"measured on {rate.events} events"
            if rate.source.value == "measured"
            else rate.reference or "your own figure"
        )
        print(f"  {key} rate {rate.value * 100:.1f}% ({rate.source.value}: {basis})")
    for step in result.steps:
        print(f"  {step.text}")
    if result.problem:
        print(f"No plan: {result.problem}")
    elif result.weekly:
        weekly = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in result.weekly.items())
        print(f"Each week: {weekly}")
    return EXIT_OK
