"""What every CLI command shares: opening the database, clear errors, JSON output."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from prospection import paths
from prospection.core import check_verdict, dialects, limits, team, users
from prospection.core.db import Database, open_database
from prospection.core.errors import StorageError
from prospection.core.integrity import LiveCheck, ReadOnly

#: Exit codes: 0 success, 1 a problem with the data or the file, 2 bad input from the user.
EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


#: `--database URL` of this run (set by main; read by `database()`).
DATABASE_OPTION: ContextVar[str | None] = ContextVar("database_option", default=None)
#: `--user NAME` of this run: who works on a team server (else the one saved by team join).
USER_OPTION: ContextVar[str | None] = ContextVar("user_option", default=None)

T = TypeVar("T")


class UserError(Exception):
    """Bad input from the user: printed as one line, exit code 2 (or the one given)."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def fail(message: str, exit_code: int = EXIT_USAGE) -> NoReturn:
    """Stop the command with a one-line message."""
    raise UserError(message, exit_code)


@contextmanager
def database(
    data_dir: str | None,
    *,
    check: bool = True,
    writes: bool = True,
    local: bool = False,
    identify: bool = True,
) -> Iterator[Database]:
    """The migrated database of the chosen data folder, closed afterwards.

    `local`: the command is for the local file only (backup, check): refused, with a
    message, when a team server is in use. `check`: never write to a damaged file. A
    command that `writes` runs SQLite's quick_check first, unless the verdict kept beside
    the file (core/check_verdict.py) says it is whole and unchanged since; a damaged file
    is then open for reading only (a write fails with a message saying to restore a
    backup) and says so. A command that only reads skips the check (SQLite reports damage
    it reads) and is held to reading when the file is not known whole. A team server is
    checked by its administrator, not here. On a team server the database works for the
    person (`person()`; `identify` False: for nobody in particular, e.g. listing users).
    """
    app_paths = paths.resolve(data_dir)
    try:
        app_paths.ensure()
    except OSError as error:
        raise UserError(
            f"The data folder {app_paths.data_dir} cannot be created ({error.strerror}).",
            EXIT_FAILURE,
        ) from error
    url, _source = team.chosen_url(DATABASE_OPTION.get(), app_paths.data_dir)
    if local and url is not None:
        raise UserError(
            f"this command works on the local file, and the team server {team.shown(url)} "
            "is in use: a team database is backed up and checked by its administrator "
            "(pg_dump). prospection-cli team leave goes back to the local file.",
            EXIT_FAILURE,
        )
    try:
        if url is not None:
            db = with_password(
                url,
                lambda password: team.open_team_database(app_paths.database, url, password),
            )
            if identify:  # after connecting: an unreachable server is said first
                try:
                    users.identify(db, *person(app_paths.data_dir))
                except users.UserError as error:
                    db.dispose()
                    raise UserError(user_problem(error), EXIT_USAGE) from error
                except BaseException:
                    db.dispose()
                    raise
        else:
            db = open_database(app_paths.database, backups_dir=app_paths.backups)
    except StorageError as error:
        raise UserError(str(error), EXIT_FAILURE) from error
    known = None
    if check and db.read_only is None and dialects.is_sqlite(db.engine):
        known = _check(db, writes=writes)
    try:
        yield db
    except UserError:  # refused cleanly (bad id ...): nothing happened to the file
        db.dispose()
        if known is not None:
            check_verdict.carry_forward(db.path, known)
        raise
    except BaseException:  # maybe damage SQLite ran into: the next command checks again
        db.dispose()
        if known is not None:
            check_verdict.forget(db.path)
        raise
    db.dispose()
    if known is not None:
        # Known whole at the start, written through SQLite since: still whole.
        check_verdict.carry_forward(db.path, known)


def _check(db: Database, *, writes: bool) -> check_verdict.Verdict | None:
    """Check `db` (or trust its recorded verdict); the verdict when the file is whole."""
    known = check_verdict.recorded(db.path)
    if known is None and not writes:
        db.read_only = ReadOnly.CHECKING  # not known whole: this command only reads
        return None
    if known is None:
        result = LiveCheck(db.path).run()
        if result.interrupted:
            db.read_only = ReadOnly.CHECKING
            return None
        check_verdict.remember(db.path, result.problems)
        known = check_verdict.recorded(db.path)
        if known is None:  # the verdict could not be kept (read-only folder ...)
            known = check_verdict.Verdict(result.problems, time.time())
    if not known.ok:
        db.read_only = ReadOnly.DAMAGED
        print(
            f"prospection-cli: warning: {db.path} is damaged "
            f"({'; '.join(known.problems[:3])}); it is open for reading only. Restore "
            "a backup: prospection-cli backups, then prospection-cli restore FILE",
            file=sys.stderr,
        )
        return None
    return known


def person(data_dir: Path) -> tuple[str, str]:
    """Who works on the team server: `--user`, else the name and email saved by `team join
    --user`, else asked at a terminal; a one-line refusal without a terminal."""
    option = (USER_OPTION.get() or "").strip()
    if option:
        return option, ""
    user, email = team.saved_person(data_dir)
    if user or email:
        return user, email
    if sys.stdin.isatty():
        answer = input("Your name in the team (run team join URL --user NAME to save it): ")
        if answer.strip():
            return answer.strip(), ""
    raise UserError(
        "who are you on the team server? Give --user NAME, or save it once with "
        "prospection-cli team join URL --user NAME [--email EMAIL]",
        EXIT_USAGE,
    )


def user_problem(error: users.UserError) -> str:
    """A user that cannot be added or found, in one line."""
    texts = {
        "name_required": "a user name is required",
        "name_too_long": f"a user name has at most {error.detail} characters",
        "email_invalid": f"that email address is not valid ({error.detail})",
        "email_taken": f"{error.detail} is already another user's email address",
        "name_taken": f"someone in the team is already called {error.detail}",
        "unknown_user": f"no user {error.detail} in the team (see: prospection-cli team users)",
    }
    return texts.get(error.code, str(error))


def with_password(url: str, action: Callable[[str | None], T]) -> T:
    """Run `action(password)` on the team server: first with the password known (in the
    URL or the keyring), then, if the server wants one, with one typed at a prompt.

    A typed password is not stored here (`team join` keeps it in the keyring). Without a
    keyring (a headless Linux) the prompt says so: nothing is ever written in clear.
    """
    try:
        return action(None)
    except team.TeamError as error:
        if not team.needs_password(error) or not sys.stdin.isatty():
            if team.needs_password(error):
                raise UserError(
                    f"{error} (no password known: run prospection-cli team join URL at a "
                    "terminal, or set PGPASSWORD)",
                    EXIT_FAILURE,
                ) from error
            raise
        if not team.keyring_available():
            print(
                "prospection-cli: no system keyring on this computer: the password is "
                "asked at each connection and never stored.",
                file=sys.stderr,
            )
    password = getpass.getpass(f"Password for {team.shown(url)}: ")
    return action(password or None)


def iso(value: datetime | None) -> str | None:
    """ISO 8601 with an offset (local time), or None."""
    return value.astimezone().isoformat() if value is not None else None


def local_text(value: datetime) -> str:
    """A date-time for people: the user's (the machine's) time zone, and its name shown.

    "2026-11-25 10:00 CET": a bare "10:00" was read as Paris time when it was UTC.
    """
    local = value.astimezone()
    return f"{local:%Y-%m-%d %H:%M} {local.tzname() or local.strftime('%z')}"


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def record_id(text: str) -> int:
    """An id typed by the user (argparse `type=`): a whole number SQLite can hold.

    "99999999999999999999999" is refused here with a message, not by SQLite with an
    OverflowError; an id that fits but names nothing is the command's "no ... with id".
    """
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an id: {_short(text)}") from None
    if not limits.valid_id(value):
        raise argparse.ArgumentTypeError(f"no record has the id {_short(text)}")
    return value


def count(text: str) -> int:
    """A count typed by the user (argparse `type=`): a whole number from 0 to a billion."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {_short(text)}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{_short(text)}: a count cannot be negative")
    if value > 10**9:
        raise argparse.ArgumentTypeError(f"{_short(text)} is out of range (0 to 1000000000)")
    return value


def _short(text: str) -> str:
    """`text` quoted, cut when long: messages must not repeat a huge input."""
    return repr(text) if len(text) <= 40 else f"{text[:20]!r}... ({len(text)} characters)"


def parse_datetime(text: str) -> datetime:
    """An ISO 8601 date-time from the user; without an offset, local time is meant.

    Every date option goes through here, so a year 1 or 9999 is refused with one message
    (the shift to local time would leave `datetime`'s range).
    """
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        fail(f"not an ISO 8601 date-time: {_short(text)} (example: 2026-12-01T10:00+01:00)")
    if not limits.date_in_range(value):
        fail(f"{_short(text)} is out of range: give {limits.date_range_text()}")
    try:
        return value if value.tzinfo is not None else value.astimezone()
    except (OverflowError, OSError, ValueError):
        fail(f"{_short(text)} is out of range: give {limits.date_range_text()}")
