"""CLI commands for personal data: do-not-contact, consent, erasure, access, retention."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, NoReturn

from prospection.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    database,
    fail,
    iso,
    local_text,
    parse_datetime,
    print_json,
    record_id,
)
from prospection.core import exports, limits, privacy
from prospection.core.call_eligibility import call_eligibility
from prospection.core.enums import Channel

CHANNELS = {"phone": [Channel.PHONE], "email": [Channel.EMAIL], "all": list(Channel)}


def register(subparsers: Any) -> None:
    dnc = subparsers.add_parser(
        "dnc", help="record that a person does not want to be contacted (per channel)"
    )
    dnc.add_argument("contact_id", metavar="CONTACT_ID", type=record_id)
    dnc.add_argument("--channel", choices=sorted(CHANNELS), required=True)
    dnc.add_argument("--reason", default="", help="why (kept with the objection)")
    dnc.set_defaults(handler=run_dnc)
    consent = subparsers.add_parser("consent", help="record a person's prior consent to be called")
    consent.add_argument("contact_id", metavar="CONTACT_ID", type=record_id)
    consent.add_argument("--wording", required=True, help="the words the person agreed to")
    consent.add_argument("--channel", default="phone", help="how consent was given")
    consent.add_argument("--at", help="when (ISO 8601; default: now)")
    consent.set_defaults(handler=run_consent)
    erase = subparsers.add_parser(
        "erase", help="erase a person: contact, activities and notes, leaving no trace"
    )
    erase.add_argument("contact_id", metavar="CONTACT_ID", type=record_id)
    erase.set_defaults(handler=run_erase)
    export = subparsers.add_parser(
        "export-person", help="write everything held about a person to a JSON file"
    )
    export.add_argument("contact_id", metavar="CONTACT_ID", type=record_id)
    export.add_argument("--out", metavar="FILE", required=True)
    export.set_defaults(handler=run_export_person)
    retention = subparsers.add_parser(
        "retention", help="list prospects with no contact from them for three years"
    )
    retention.add_argument("--json", action="store_true", help="print JSON")
    retention.set_defaults(handler=run_retention)
    can_call = subparsers.add_parser(
        "can-call", help="may this prospect be called now (French consumer rules)?"
    )
    can_call.add_argument("prospect_id", metavar="PROSPECT_ID", type=record_id)
    can_call.add_argument("--at", help="at this time instead of now (ISO 8601)")
    can_call.add_argument("--json", action="store_true", help="print JSON")
    can_call.set_defaults(handler=run_can_call)


def _not_found(contact_id: int) -> NoReturn:
    fail(f"no contact with id {contact_id}", EXIT_FAILURE)


def _refuse_too_long(**texts: str) -> None:
    """Exit 2 when an option's text is over its limit (the text itself is not repeated)."""
    try:
        privacy.check_lengths(**texts)
    except privacy.TooLongError as error:
        fail(f"--{error.field}: {limits.too_long_text(error.field)}")


def run_dnc(args: argparse.Namespace) -> int:
    _refuse_too_long(reason=args.reason)
    with database(args.data_dir) as db:
        try:
            with db.session() as session:
                privacy.mark_do_not_contact(
                    session, args.contact_id, CHANNELS[args.channel], args.reason
                )
        except privacy.PersonNotFoundError:
            _not_found(args.contact_id)
    what = {"phone": "by phone", "email": "by email", "all": "by phone or email"}[args.channel]
    print(f"Contact {args.contact_id} will not be contacted {what}.")
    return EXIT_OK


def run_consent(args: argparse.Namespace) -> int:
    at = parse_datetime(args.at) if args.at else None
    if not args.wording.strip():
        fail("the consent's wording is needed to prove it")
    _refuse_too_long(wording=args.wording.strip(), channel=args.channel.strip())
    with database(args.data_dir) as db:
        try:
            with db.session() as session:
                privacy.record_consent(
                    session, args.contact_id, channel=args.channel, wording=args.wording, at=at
                )
        except privacy.PersonNotFoundError:
            _not_found(args.contact_id)
    print(f"Consent recorded for contact {args.contact_id}.")
    return EXIT_OK


def run_erase(args: argparse.Namespace) -> int:
    with database(args.data_dir) as db:
        try:
            report = privacy.erase_person(db, args.contact_id)
        except privacy.PersonNotFoundError:
            _not_found(args.contact_id)
    extra = " and their consumer record" if report.prospects else ""
    print(
        f"Erased contact {args.contact_id}{extra} with {report.activities} activities. "
        "Their objection is kept as a hash, so they stay do-not-contact if imported again."
    )
    return EXIT_OK


def run_export_person(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    with database(args.data_dir, writes=False) as db:
        try:
            with db.session() as session:
                text = privacy.export_person_json(session, args.contact_id)
        except privacy.PersonNotFoundError:
            _not_found(args.contact_id)
    exports.write_private(out, text.encode("utf-8"))
    print(f"Wrote the data of contact {args.contact_id} to {out}")
    return EXIT_OK


def run_retention(args: argparse.Namespace) -> int:
    with database(args.data_dir, writes=False) as db, db.session() as session:
        items = privacy.retention_review(session)
    if args.json:
        print_json(
            [
                {
                    "prospect_id": i.prospect_id,
                    "name": i.name,
                    "stage": i.stage.value,
                    "collected_at": iso(i.collected_at),
                    "last_inbound_at": iso(i.last_inbound_at),
                    "since": iso(i.since),
                    "contacts": i.contacts,
                }
                for i in items
            ]
        )
        return EXIT_OK
    if not items:
        print("No prospect is past the three-year retention period.")
    for i in items:
        print(f"{i.prospect_id:>7}  {i.since:%Y-%m-%d}  {i.name}")
    return EXIT_OK


def run_can_call(args: argparse.Namespace) -> int:
    at = parse_datetime(args.at) if args.at else None
    with database(args.data_dir, writes=False) as db, db.session() as session:
        found = call_eligibility(session, [args.prospect_id], at).get(args.prospect_id)
        if found is None:
            fail(f"no prospect with id {args.prospect_id}", EXIT_FAILURE)
        decision = found.decision
    if args.json:
        print_json(
            {
                "prospect_id": args.prospect_id,
                "allowed": decision.allowed,
                "reason": decision.reason.value,
                "explanation": decision.text,
                "next_allowed_at": iso(decision.next_allowed_at),
                "consumer_rules": found.consumer_rules,
            }
        )
    elif decision.allowed:
        print(f"Prospect {args.prospect_id} may be called now.")
    else:
        when = (
            f"; callable again from {local_text(decision.next_allowed_at)}"
            if decision.next_allowed_at
            else ""
        )
        print(f"Prospect {args.prospect_id} may not be called now: {decision.text}{when}.")
    return EXIT_OK
