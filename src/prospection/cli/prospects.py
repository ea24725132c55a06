"""CLI commands on prospects: `add`, `edit`, `list` (with --json) and `demo`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from prospection.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    database,
    fail,
    iso,
    print_json,
    record_id,
)
from prospection.core import prospects
from prospection.core.demo import fill_demo
from prospection.core.enums import Stage
from prospection.core.models import Contact, Phone, Prospect
from prospection.core.prospect_editing import (
    ContactInput,
    EditResult,
    IssueCode,
    ProspectInput,
    create_prospect,
    update_prospect,
)
from prospection.core.prospects import ProspectFilter, SortKey

_STAGES = ", ".join(stage.value for stage in Stage)
#: Rows fetched per query when listing (keeps memory flat on big files).
_PAGE = 500


def register(subparsers: Any) -> None:
    add = subparsers.add_parser("add", help="add a prospect (prints its id)")
    add.add_argument("--company", required=True, metavar="NAME", help="the prospect's name")
    add.add_argument("--first-name", default="", metavar="X", help="the contact's first name")
    add.add_argument("--last-name", default="", metavar="X", help="the contact's last name")
    add.add_argument("--phone", default="", metavar="X", help="the contact's phone number")
    add.add_argument("--email", default="", metavar="X", help="the contact's email")
    add.add_argument("--city", default="", metavar="X")
    add.add_argument("--stage", default=Stage.NEW.value, metavar="S", help=f"one of: {_STAGES}")
    add.add_argument(
        "--tag", action="append", default=[], metavar="T", help="a tag (repeat for more)"
    )
    add.add_argument(
        "--consumer",
        action="store_true",
        help="a consumer, not a business (French consumer calling rules apply)",
    )
    add.set_defaults(handler=run_add)

    edit = subparsers.add_parser("edit", help="change a prospect's fields")
    edit.add_argument("prospect_id", type=record_id, metavar="PROSPECT_ID")
    edit.add_argument("--company", metavar="NAME", help="the prospect's name")
    edit.add_argument("--city", metavar="X")
    edit.add_argument("--stage", metavar="S", help=f"one of: {_STAGES}")
    kind = edit.add_mutually_exclusive_group()
    kind.add_argument(
        "--consumer",
        dest="is_consumer",
        action="store_true",
        default=None,
        help="a consumer (French consumer calling rules apply)",
    )
    kind.add_argument(
        "--business", dest="is_consumer", action="store_false", help="a business, not a consumer"
    )
    edit.add_argument(
        "--if-version",
        type=record_id,
        metavar="N",
        help="change nothing unless the prospect is still at version N (as `list --json` "
        "printed it): someone else's change in between is never overwritten",
    )
    edit.set_defaults(handler=run_edit)

    listing = subparsers.add_parser("list", help="list prospects (all, or those matching)")
    listing.add_argument("--search", default="", metavar="TEXT", help="full-text search")
    listing.add_argument(
        "--stage", action="append", default=[], metavar="S", help=f"one of: {_STAGES}"
    )
    listing.add_argument("--tag", metavar="T", help="only prospects with this tag")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(handler=run_list)

    demo = subparsers.add_parser(
        "demo", help="fill an empty data folder with demo prospects (as `prospection --demo`)"
    )
    demo.add_argument(
        "--lang",
        choices=("fr", "en"),
        default="fr",
        help="the demo's language: French businesses (fr) or British ones (en); default fr",
    )
    demo.set_defaults(handler=run_demo)


def _stage(text: str) -> Stage:
    try:
        return Stage(text.strip().lower())
    except ValueError:
        fail(f"unknown stage {text!r} (one of: {_STAGES})")


#: The option each field of `add` comes from, to name it in error messages.
_OPTIONS = {
    "name": "--company",
    "stage": "--stage",
    "tags": "--tag",
    "contacts[0].email": "--email",
    "contacts[0].name": "--first-name/--last-name",
}


def _refuse(result: EditResult) -> None:
    if not result.ok:
        fail(
            "; ".join(
                f"{_OPTIONS.get(issue.field, issue.field)}: {issue.message}"
                + (f" ({issue.value!r})" if issue.value else "")
                for issue in result.errors
            )
        )


def run_add(args: argparse.Namespace) -> int:
    stage = _stage(args.stage)
    contacts = []
    if args.first_name or args.last_name or args.phone or args.email:
        contacts.append(
            ContactInput(
                first_name=args.first_name,
                last_name=args.last_name,
                email=args.email,
                phones=[args.phone] if args.phone.strip() else [],
                is_primary=True,
            )
        )
    data = ProspectInput(name=args.company, city=args.city, stage=stage, is_consumer=args.consumer)
    with database(args.data_dir) as db, db.session() as session:
        result = create_prospect(session, data, contacts, args.tag, source="cli")
        _refuse(result)
    for warning in result.warnings:
        # Kept, not refused: the number is stored as typed and flagged in the app.
        print(
            f"prospection-cli: phone {warning.value!r} kept as typed: it is not a phone "
            "number we recognise",
            file=sys.stderr,
        )
    print(result.prospect_id)
    return EXIT_OK


def run_edit(args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {}
    if args.company is not None:
        changes["name"] = args.company
    if args.city is not None:
        changes["city"] = args.city
    if args.stage is not None:
        changes["stage"] = _stage(args.stage)
    if args.is_consumer is not None:
        changes["is_consumer"] = args.is_consumer
    if not changes:
        fail("nothing to change (give --company, --city, --stage, --consumer or --business)")
    with database(args.data_dir) as db, db.session() as session:
        result = update_prospect(session, args.prospect_id, changes, if_version=args.if_version)
        if any(issue.code == IssueCode.NOT_FOUND for issue in result.errors):
            fail(f"no prospect with id {args.prospect_id}", EXIT_FAILURE)
        if any(issue.code == IssueCode.CHANGED_MEANWHILE for issue in result.errors):
            fail(
                f"prospect {args.prospect_id} was changed by someone else since version "
                f"{args.if_version} (it is at version {result.errors[0].value} now): nothing "
                "was written. Read it again (list --json) and redo the change.",
                EXIT_FAILURE,
            )
        _refuse(result)
    print(args.prospect_id)
    return EXIT_OK


def _phone_text(phone: Phone) -> str:
    return phone.e164 or phone.raw


def _contact_json(contact: Contact) -> dict[str, Any]:
    # The main number: the first one not flagged wrong, else the first.
    usable = [p for p in contact.phones if not p.is_wrong] or contact.phones
    return {
        "id": contact.id,
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "title": contact.title,
        "phone": _phone_text(usable[0]) if usable else None,
        "phones": [_phone_text(p) for p in contact.phones],
        "email": contact.email or None,
        "primary": contact.is_primary,
    }


def prospect_json(prospect: Prospect) -> dict[str, Any]:
    """The JSON form of a prospect that `list --json` prints."""
    return {
        "id": prospect.id,
        "name": prospect.name,
        "stage": prospect.stage.value,
        "city": prospect.city,
        "consumer": prospect.is_consumer,
        "tags": [tag.name for tag in prospect.tags],
        "version": prospect.version,
        "next_action_at": iso(prospect.next_action_at),
        "contacts": [_contact_json(contact) for contact in prospect.contacts],
    }


def run_list(args: argparse.Namespace) -> int:
    stages = frozenset(_stage(text) for text in args.stage)
    flt = ProspectFilter(text=args.search, stages=stages, tag=args.tag or None)
    rows: list[dict[str, Any]] = []
    with database(args.data_dir, writes=False) as db, db.session() as session:
        offset = 0
        while True:
            page = prospects.page(session, flt, sort=SortKey.CREATED, offset=offset, limit=_PAGE)
            if not page:
                break
            loaded = prospects.load_many(session, [row.id for row in page])
            rows.extend(prospect_json(prospect) for prospect in loaded)
            offset += len(page)
    if args.json:
        print_json(rows)
        return EXIT_OK
    for row in rows:
        primary = next((c for c in row["contacts"] if c["primary"]), None)
        who = f"{primary['first_name']} {primary['last_name']}".strip() if primary else ""
        phone = primary["phone"] or "" if primary else ""
        due = row["next_action_at"] or ""
        print(
            f"{row['id']:>6}  {row['name']}  [{row['stage']}]  {row['city']}  {who} {phone}  {due}"
        )
    return EXIT_OK


def run_demo(args: argparse.Namespace) -> int:
    with database(args.data_dir) as db, db.session() as session:
        result = fill_demo(session, language=args.lang)
    if not result.created:
        print("The data folder already holds prospects: nothing was changed.")
        return EXIT_OK
    print(
        f"Demo data added: {result.prospects} prospects, {result.contacts} contacts, "
        f"{result.calls} calls over ten weeks, {result.weekly_goals} weekly goals."
    )
    return EXIT_OK
