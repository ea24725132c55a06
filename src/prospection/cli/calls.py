"""CLI commands of the call session: `queue` (what a session would call) and `log-call`."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any

from prospection.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    count,
    database,
    fail,
    iso,
    local_text,
    parse_datetime,
    record_id,
)
from prospection.cli.common import print_json as _print_json
from prospection.core.call_queue import DEFAULT_SIZE, QueueSpec, build_queue
from prospection.core.calling_rules import REASON_TEXT
from prospection.core.calls import MOVED_BASE, CallError, RecordNotFoundError, log_call
from prospection.core.enums import Outcome
from prospection.core.models import Prospect


def register(subparsers: Any) -> None:
    queue = subparsers.add_parser(
        "queue", help="print the queue a call session would work through, in order"
    )
    queue.add_argument(
        "--source",
        default="due",
        metavar="SOURCE",
        help="due (follow-ups due today, the default), new, all, or tag:NAME",
    )
    queue.add_argument(
        "--size", type=count, default=DEFAULT_SIZE, help=f"calls (default {DEFAULT_SIZE})"
    )
    queue.add_argument("--json", action="store_true", help="print JSON")
    queue.set_defaults(handler=run_queue)

    log = subparsers.add_parser(
        "log-call", help="record a call exactly as the call session does (same rules)"
    )
    log.add_argument("prospect_id", type=record_id, metavar="PROSPECT_ID")
    log.add_argument(
        "--outcome",
        required=True,
        choices=[o.value for o in Outcome],
        metavar="OUTCOME",
        help="one of: " + ", ".join(o.value for o in Outcome),
    )
    log.add_argument("--notes", default="", help="what was said")
    log.add_argument("--at", help="when the call took place (ISO 8601; default now)")
    log.add_argument(
        "--next",
        help="the follow-up (ISO 8601): required by call_back, optional for conversation, "
        "the meeting's start for meeting_booked, overrides the automatic retry otherwise",
    )
    log.add_argument(
        "--if-version",
        type=record_id,
        metavar="N",
        help="the prospect's version when you read it (list --json): if someone changed it "
        "since, the call is still recorded but their next action is kept (said on stderr)",
    )
    log.add_argument("--json", action="store_true", help="print what changed as JSON")
    log.set_defaults(handler=run_log_call)


def run_queue(args: argparse.Namespace) -> int:
    if args.size < 1:
        fail("--size must be at least 1")
    try:
        spec = QueueSpec.parse_source(args.source, size=args.size)
    except ValueError as error:
        fail(str(error))
    with database(args.data_dir, writes=False) as db, db.session() as session:
        queue = build_queue(session, spec)
    rows = [
        {
            "id": entry.prospect_id,
            "name": entry.name,
            "reason": entry.reason.value,
            "next_action_at": iso(entry.next_action_at),
            "contact": entry.contact_name,
            "phone": entry.phone_e164 or entry.phone,
        }
        for entry in queue.entries
    ]
    if args.json:
        _print_json(rows)
        return EXIT_OK
    for position, row in enumerate(rows, start=1):
        print(
            f"{position:>3}. #{row['id']} {row['name']} | {row['contact']} {row['phone']} "
            f"| {row['reason']}"
        )
    for item in queue.left_out:
        print(f"  left out: #{item.prospect_id} {item.name} ({item.reason}: {item.detail})")
    if not rows:
        print("nothing to call")
    return EXIT_OK


def run_log_call(args: argparse.Namespace) -> int:
    outcome = Outcome(args.outcome)
    at = parse_datetime(args.at) if args.at else None
    next_at = parse_datetime(args.next) if args.next else None
    with database(args.data_dir) as db:
        try:
            with db.session() as session:
                base = None
                if args.if_version is not None:
                    # Locked: the version read is the one the call is written over.
                    stored = session.get(Prospect, args.prospect_id, with_for_update=True)
                    if stored is not None and stored.version != args.if_version:
                        base = MOVED_BASE
                result = log_call(
                    session,
                    args.prospect_id,
                    outcome,
                    at=at,
                    notes=args.notes,
                    next_at=next_at,
                    next_base=base,
                )
        except RecordNotFoundError as error:
            fail(str(error), EXIT_FAILURE)
        except CallError as error:
            fail(str(error))
    if args.json:
        _print_json(
            {
                "activity_id": result.activity_id,
                "prospect_id": result.prospect_id,
                "outcome": result.outcome.value,
                "stage_before": result.stage_before.value,
                "stage": result.stage_after.value,
                "call_attempts": result.call_attempts,
                "next_action_at": iso(result.next_action_at),
                "next_action_text": result.next_action_text,
                "meeting_activity_id": result.meeting_activity_id,
                "phone_flagged_wrong": result.flagged_phone_id,
                "consumer_rules": result.consumer_rules,
                "next_action_not_written": {
                    conflict.field: iso(conflict.mine)
                    if conflict.field == "next_action_at"
                    else conflict.mine
                    for conflict in result.next_action_conflicts
                },
                "warnings": [
                    {"code": reason.value, "message": REASON_TEXT[reason]}
                    for reason in result.warnings
                ],
            }
        )
    else:
        follow_up = local_text(result.next_action_at) if result.next_action_at else "none"
        print(
            f"call logged on #{result.prospect_id}: {result.outcome.value}, stage "
            f"{result.stage_after.value}, next action {follow_up}"
        )
    if result.next_action_conflicts:
        mine = {c.field: c.mine for c in result.next_action_conflicts}
        when = mine["next_action_at"]
        planned = local_text(when) if isinstance(when, datetime) else "no date"
        print(
            f"prospection-cli: warning: prospect {result.prospect_id} was changed by someone "
            f"else since version {args.if_version}: the call is recorded, but their next "
            f"action is kept; this call's ({planned}, {mine['next_action_text']!r}) was not "
            "written. Change it with the app if it should replace theirs.",
            file=sys.stderr,
        )
    # Recorded (the call took place), but the user must know it broke a rule.
    for reason in result.warnings:
        print(
            f"prospection-cli: warning: this call broke a calling rule: {REASON_TEXT[reason]}",
            file=sys.stderr,
        )
    return EXIT_OK
