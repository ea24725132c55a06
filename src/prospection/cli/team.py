"""CLI commands of team mode: team init, join, users, add-user, rename-user, status, leave,
move-data, copy-to-file."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from prospection import paths
from prospection.cli.common import (
    DATABASE_OPTION,
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    USER_OPTION,
    UserError,
    database,
    fail,
    print_json,
    user_problem,
    with_password,
)
from prospection.core import team, users
from prospection.core.emails import check_email
from prospection.core.errors import StorageError


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "team",
        help="work as a team on a shared PostgreSQL server",
        description="Team mode: one PostgreSQL database shared by the team. The address "
        "is postgresql+psycopg://user@host/database (add ?sslmode=require for TLS); the "
        "password is kept in the system keyring, never in a file.",
    )
    actions = command.add_subparsers(dest="team_command", metavar="ACTION", required=True)

    init = actions.add_parser(
        "init",
        help="build Prospection's schema in an empty team database",
        description="Build the schema with the same migrations as the local file. A "
        "database that holds other tables is refused and left untouched.",
    )
    init.add_argument("url", metavar="URL")
    init.add_argument("--json", action="store_true", help="print the result as JSON")
    init.set_defaults(handler=run_init)

    join = actions.add_parser(
        "join",
        help="use a team database from now on (checks its schema, saves the address)",
        description="Check the team database's schema version, then save its address "
        "(without password) for this data folder; the password goes to the keyring.",
    )
    join.add_argument("url", metavar="URL")
    join.add_argument(
        "--user",
        metavar="NAME",
        help="who you are in the team: your name (added as a user at first use; the "
        "server's login is the user@ of the URL)",
    )
    join.add_argument("--email", metavar="EMAIL", help="your email (finds you before the name)")
    join.set_defaults(handler=run_join)

    people = actions.add_parser(
        "users", help="the people working on the data (you are marked with *)"
    )
    people.add_argument("--json", action="store_true", help="print the users as JSON")
    people.set_defaults(handler=run_users)

    add = actions.add_parser(
        "add-user",
        help="add a colleague (prospects can be given to them before they first connect)",
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("--email", metavar="EMAIL", default="", help="their email address")
    add.add_argument("--json", action="store_true", help="print the user as JSON")
    add.set_defaults(handler=run_add_user)

    rename = actions.add_parser(
        "rename-user", help="change a user's name (and email); the user by id, name or email"
    )
    rename.add_argument("user", metavar="USER", help="the user's id, name or email")
    rename.add_argument("new_name", metavar="NEW_NAME")
    rename.add_argument("--email", metavar="EMAIL", default=None, help="a new email address")
    rename.add_argument("--json", action="store_true", help="print the user as JSON")
    rename.set_defaults(handler=run_rename_user)

    status = actions.add_parser("status", help="which database is used, and whether it answers")
    status.add_argument("--json", action="store_true", help="print the result as JSON")
    status.set_defaults(handler=run_status)

    leave = actions.add_parser(
        "leave", help="go back to the local file (the saved address and password are removed)"
    )
    leave.set_defaults(handler=run_leave)

    move = actions.add_parser(
        "move-data",
        help="copy the local file's data into an empty team database (all or nothing)",
        description="Copy every prospect, call, goal and setting of the local file into "
        "the team database, which must be built (team init) and empty. The local file is "
        "only read; the copy is checked row count by row count, and on any difference "
        "nothing is kept.",
    )
    move.add_argument(
        "url", metavar="URL", nargs="?", help="the team database (default: the one in use)"
    )
    move.add_argument("--dry-run", action="store_true", help="copy and check, then keep nothing")
    move.add_argument("--json", action="store_true", help="print the counts as JSON")
    move.set_defaults(handler=run_move)

    copy = actions.add_parser(
        "copy-to-file",
        help="copy the team database into a new local file (the reverse of move-data)",
        description="Copy every row of the team database into a new Prospection data file, "
        "all or nothing, with the same row count check as move-data. The team database is "
        "only read; the file is written under a temporary name and appears only complete.",
    )
    copy.add_argument("file", metavar="FILE", help="the new data file (must not exist yet)")
    copy.add_argument(
        "url", metavar="URL", nargs="?", help="the team database (default: the one in use)"
    )
    copy.add_argument("--json", action="store_true", help="print the counts as JSON")
    copy.set_defaults(handler=run_copy_to_file)


def _team_url(given: str | None, data_dir: str | None) -> str:
    url, _source = team.chosen_url(given or DATABASE_OPTION.get(), paths.resolve(data_dir).data_dir)
    if url is None:
        fail("no team server: give its URL, or join one first (prospection-cli team join URL)")
    return url


def _checked(url: str) -> str:
    try:
        team.parse(url)
    except team.TeamError as error:
        fail(str(error))
    return url


def run_init(args: argparse.Namespace) -> int:
    url = _checked(args.url)
    report = with_password(url, lambda password: team.init_server(url, password))
    if args.json:
        print_json(_report_json(report))
    else:
        print(
            f"{team.shown(report.url)}: Prospection's schema {report.revision} is ready "
            f"(PostgreSQL {report.server_version}). Next: prospection-cli team join URL"
        )
    return EXIT_OK


def run_join(args: argparse.Namespace) -> int:
    url = _checked(args.url)
    user = (args.user or "").strip()
    email = (args.email or "").strip()
    if len(user) > users.NAME_MAX:
        fail(f"a user name has at most {users.NAME_MAX} characters")
    if email:
        checked = check_email(email)
        if not checked.valid:
            fail(f"that email address is not valid ({checked.error})")
        email = checked.normalized
    folder = paths.resolve(args.data_dir)
    try:
        folder.ensure()
    except OSError as error:
        raise UserError(
            f"The data folder {folder.data_dir} cannot be created ({error.strerror}).",
            EXIT_FAILURE,
        ) from error
    typed: list[str | None] = []

    def join(password: str | None) -> team.ServerReport:
        typed.append(password)
        report, _kept = team.join_server(url, folder.data_dir, password, user=user, email=email)
        return report

    report = with_password(url, join)
    secret = typed[-1] or team.password_in(url)
    if secret and not team.store_password(url, secret):
        print(
            "prospection-cli: no system keyring on this computer: the password was not "
            "stored and will be asked at each connection.",
            file=sys.stderr,
        )
    print(
        f"Joined {team.shown(report.url)} ({report.prospects or 0} prospects, schema "
        f"{report.revision}). Prospection and prospection-cli now use it for this data "
        "folder; prospection-cli team leave goes back to the local file."
    )
    if report.state is team.ServerState.OLDER:
        print("Its schema is older: it is updated when first opened by this version.")
    if user or email:
        print(f"You work there as {user or email}{f' <{email}>' if user and email else ''}.")
    else:
        print("Say who you are: prospection-cli team join URL --user NAME [--email EMAIL].")
    return EXIT_OK


def run_users(args: argparse.Namespace) -> int:
    folder = paths.resolve(args.data_dir)
    url, _source = team.chosen_url(DATABASE_OPTION.get(), folder.data_dir)
    me: int | None = None
    with (
        database(args.data_dir, check=False, writes=False, identify=False) as db,
        db.session() as session,
    ):
        listed = users.list_users(session)
        if url is None:
            me = users.local_user_id(session)
        else:
            name = (USER_OPTION.get() or "").strip()
            email = ""
            if not name:
                name, email = team.saved_person(folder.data_dir)
            found = users.find_user(session, email) if email else None
            if found is None and name:
                found = users.find_user(session, name)
            me = found.id if found is not None else None
    if args.json:
        print_json(
            [
                {"id": user.id, "name": user.name, "email": user.email, "you": user.id == me}
                for user in listed
            ]
        )
        return EXIT_OK
    for user in listed:
        mark = "*" if user.id == me else " "
        label = user.label or "(the local user, unnamed)"
        email = f" <{user.email}>" if user.email and user.name else ""
        print(f"{mark} {user.id}\t{label}{email}")
    return EXIT_OK


def _user_json(user: users.User) -> dict[str, Any]:
    return {"id": user.id, "name": user.name, "email": user.email}


def _said(user: users.User) -> str:
    return f"{user.name} <{user.email}>" if user.email else user.name


def run_add_user(args: argparse.Namespace) -> int:
    # On a team server, who does it is known first (the first person names the
    # unnamed user of a new server before adding anyone).
    with database(args.data_dir) as db:
        try:
            with db.session() as session:
                added = users.add_user(session, args.name, args.email)
        except users.UserError as error:  # nothing written
            raise UserError(user_problem(error), EXIT_USAGE) from error
    if args.json:
        print_json(_user_json(added))
    else:
        print(f"Added {_said(added)} (user {added.id}).")
    return EXIT_OK


def _find(session: Any, given: str) -> users.User:
    """The user `given` names: an id, else an email or a name (case aside)."""
    text = given.strip()
    if text.isdigit():
        for user in users.list_users(session):
            if user.id == int(text):
                return user
    found = users.find_user(session, text)
    if found is None:
        raise users.UserError("unknown_user", text)
    return found


def run_rename_user(args: argparse.Namespace) -> int:
    # On a team server, who does it is known first (the first person names the
    # unnamed user of a new server before adding anyone).
    with database(args.data_dir) as db:
        try:
            with db.session() as session:
                before = _find(session, args.user)
                renamed = users.rename_user(session, before.id, args.new_name, args.email)
        except users.UserError as error:  # nothing written
            raise UserError(user_problem(error), EXIT_USAGE) from error
    if args.json:
        print_json(_user_json(renamed))
    else:
        old = before.label or f"user {before.id}"
        print(f"Renamed {old} to {_said(renamed)} (user {renamed.id}).")
    return EXIT_OK


def run_status(args: argparse.Namespace) -> int:
    folder = paths.resolve(args.data_dir)
    url, source = team.chosen_url(DATABASE_OPTION.get(), folder.data_dir)
    user, email = team.saved_person(folder.data_dir)
    result: dict[str, Any] = {
        "source": source.value,
        "keyring": team.keyring_available(),
        "user": (USER_OPTION.get() or "").strip() or user,
        "email": "" if (USER_OPTION.get() or "").strip() else email,
    }
    if url is None:
        result["database"] = str(folder.database)
        code = EXIT_OK
    else:
        result["database"] = team.shown(url)
        try:
            report = with_password(url, lambda password: team.check_server(url, password))
        except StorageError as error:
            result["reachable"] = False
            result["problem"] = str(error)
            reason = getattr(error, "reason", None)
            result["reason"] = reason.value if reason is not None else None
            code = EXIT_FAILURE
        else:
            result.update(_report_json(report))
            result["reachable"] = True
            code = EXIT_OK
    if args.json:
        print_json(result)
        return code
    where = {
        team.Source.OPTION: "--database",
        team.Source.ENVIRONMENT: "$PROSPECTION_DATABASE_URL",
        team.Source.SETTINGS: "the saved team server",
        team.Source.LOCAL: "the local file",
    }[source]
    print(f"Database: {result['database']} (from {where})")
    if url is not None:
        print(
            f"You: {result['user'] or result['email'] or '(not said: team join URL --user NAME)'}"
        )
    if url is not None:
        if result.get("reachable"):
            print(
                f"Server: PostgreSQL {result['server_version']}, schema {result['state']} "
                f"({result['revision']}), {result.get('prospects') or 0} prospects"
            )
        else:
            print(f"Server: not usable now: {result['problem']}")
        print(
            "Password: in the system keyring"
            if result["keyring"]
            else "Password: no system keyring on this computer (asked at each connection)"
        )
    return code


def run_leave(args: argparse.Namespace) -> int:
    folder = paths.resolve(args.data_dir)
    settings = team.TeamSettings.load(folder.data_dir)
    if settings is None:
        print("No team server was saved: the local file is in use.")
        return EXIT_OK
    team.forget_password(settings.url)
    team.forget_settings(folder.data_dir)
    print(f"Left {team.shown(settings.url)}: the local file is in use again.")
    return EXIT_OK


def run_move(args: argparse.Namespace) -> int:
    from prospection.core.db import open_read_only

    url = _checked(_team_url(args.url, args.data_dir))
    folder = paths.resolve(args.data_dir)
    if not folder.database.exists():
        fail(f"there is no local file to move ({folder.database})", EXIT_FAILURE)
    try:
        local = open_read_only(folder.database)  # only read: the file is left untouched
    except StorageError as error:
        raise UserError(str(error), EXIT_FAILURE) from error
    try:

        def move(password: str | None) -> team.MoveReport:
            target = team.engine_for(url, password)
            try:
                return team.move_data(local.engine, target, dry_run=args.dry_run)
            finally:
                target.dispose()

        report = with_password(url, move)
    finally:
        local.dispose()
    if args.json:
        print_json({"dry_run": report.dry_run, "counts": report.counts, "total": report.total})
        return EXIT_OK
    for name, count in report.counts.items():
        print(f"{name}: {count}")
    if report.dry_run:
        print(f"Dry run: {report.total} rows copied and checked, then nothing kept.")
    else:
        print(
            f"Moved {report.total} rows to {team.shown(url)}, counts checked. The local "
            f"file {folder.database} was left as it was."
        )
    return EXIT_OK


def run_copy_to_file(args: argparse.Namespace) -> int:
    from pathlib import Path

    from prospection.core.db import open_database

    url = _checked(_team_url(args.url, args.data_dir))
    destination = Path(args.file).expanduser()
    if destination.exists():
        fail(f"{destination} already exists: give the name of a new file", EXIT_FAILURE)
    if not destination.parent.is_dir():
        fail(f"the folder {destination.parent} does not exist", EXIT_FAILURE)
    partial = destination.with_name(destination.name + ".part")

    def remove_partial() -> None:
        for leftover in (partial, *(Path(f"{partial}{end}") for end in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)

    remove_partial()  # left by an interrupted copy
    try:
        local = open_database(partial)  # built at this version's schema, empty
    except StorageError as error:
        raise UserError(str(error), EXIT_FAILURE) from error
    try:

        def copy(password: str | None) -> team.MoveReport:
            source = team.engine_for(url, password)
            try:
                return team.move_data(source, local.engine)
            finally:
                source.dispose()

        report = with_password(url, copy)
    except BaseException:
        local.dispose()
        remove_partial()
        raise
    local.dispose()
    partial.rename(destination)
    if args.json:
        print_json({"file": str(destination), "counts": report.counts, "total": report.total})
        return EXIT_OK
    for name, count in report.counts.items():
        print(f"{name}: {count}")
    print(
        f"Copied {report.total} rows of {team.shown(url)} into {destination}, counts checked. "
        "Open it with prospection --data-dir on its folder (named prospection.sqlite3)."
    )
    return EXIT_OK


def _report_json(report: team.ServerReport) -> dict[str, Any]:
    return {
        "url": team.shown(report.url),
        "server_version": report.server_version,
        "state": report.state.value,
        "revision": report.revision,
        "prospects": report.prospects,
    }
