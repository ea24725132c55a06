"""Team mode: which server to use, its password, checking, building and joining it.

The server's address is kept in the data folder (`team.json`) WITHOUT its password: the
password lives in the system keyring (`keyring`). Where no keyring exists (a headless
Linux) nothing is stored and the password is asked at each connection.

Which database is used: `--database` > `$PROSPECTION_DATABASE_URL` > the saved team
server > the local SQLite file (`chosen_url`).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, delete, func, insert, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from prospection.core import dialects
from prospection.core.errors import (
    SERVER_UNREACHABLE_WORDS,
    DataFolderError,
    Problem,
    StorageError,
)

if TYPE_CHECKING:
    from prospection.core.db import Database

log = logging.getLogger(__name__)

#: The team server's settings, in the data folder (no password in it, ever).
SETTINGS_FILE = "team.json"
#: The keyring's service name; the user name there is the URL without its password.
KEYRING_SERVICE = "Prospection team server"
#: Seconds to wait for an unreachable server before saying so.
CONNECT_TIMEOUT = 8
#: Rows per INSERT batch when moving data.
BATCH = 2000


class Source(StrEnum):
    """Where the database address came from."""

    OPTION = "option"  # --database
    ENVIRONMENT = "environment"  # $PROSPECTION_DATABASE_URL
    SETTINGS = "settings"  # Preferences > Team / team join
    LOCAL = "local"  # no server: the SQLite file


class Reason(StrEnum):
    """Why a team server could not be used (the UI translates each)."""

    BAD_URL = "bad_url"
    UNREACHABLE = "unreachable"
    PASSWORD_NEEDED = "password_needed"
    AUTH_FAILED = "auth_failed"
    NO_USER = "no_user"
    NO_DATABASE = "no_database"
    TLS = "tls"
    PERMISSION = "permission"
    EMPTY = "empty"  # no schema yet: `team init` first
    FOREIGN = "foreign"  # tables of something else
    NEWER = "newer"  # schema of a newer Prospection
    NOT_EMPTY = "not_empty"  # move-data: the team database already holds data
    OTHER = "other"


class TeamError(StorageError):
    """A team server that cannot be used now; `reason` says why, the message in English."""

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        # errors.classify_problem reads `problem`: the app's dialogs and the CLI's text.
        self.problem = Problem.SERVER if reason is Reason.UNREACHABLE else Problem.SERVER_REFUSED


# -- addresses ---------------------------------------------------------------------------


def parse(url: str) -> URL:
    """A PostgreSQL URL, checked; TeamError(BAD_URL) otherwise."""
    try:
        parsed = make_url(url.strip())
    except ArgumentError as error:
        raise TeamError(Reason.BAD_URL, f"{url!r} is not a database address.") from error
    if parsed.get_backend_name() != "postgresql" or not parsed.host or not parsed.database:
        raise TeamError(
            Reason.BAD_URL,
            f"{parsed.render_as_string(hide_password=True)} is not a team server address "
            "(expected postgresql+psycopg://user@host/database).",
        )
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def without_password(url: str, user: str | None = None) -> str:
    """The address as it may be written down: no password (and `user` set when given)."""
    parsed = parse(url)._replace(password=None)  # .set(password=None) keeps it
    if user:
        parsed = parsed.set(username=user.strip())
    return parsed.render_as_string(hide_password=False)


def password_in(url: str) -> str | None:
    """The password written in the address itself (given on the command line), or None."""
    password = parse(url).password
    return str(password) if password else None


def user_of(url: str) -> str:
    """The user name of the address ("" when none)."""
    return str(parse(url).username or "")


def shown(url: str) -> str:
    """The address for messages: never the password."""
    try:
        return parse(url).render_as_string(hide_password=True)
    except TeamError:
        return make_url(url).render_as_string(hide_password=True) if "://" in url else url


def connect_url(url: str, password: str | None = None) -> str:
    """The address to connect with: the password (given, in the URL, or in the keyring)
    added, and a connection timeout so that an unreachable server is said in seconds."""
    parsed = parse(url)
    secret = password or (str(parsed.password) if parsed.password else None)
    if secret is None:
        secret = stored_password(url)
    if secret:
        parsed = parsed.set(password=secret)
    if "connect_timeout" not in parsed.query:
        parsed = parsed.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT)})
    return parsed.render_as_string(hide_password=False)


# -- settings in the data folder ---------------------------------------------------------


@dataclass(frozen=True)
class TeamSettings:
    """The saved team server (address without password) and who you are on it."""

    url: str
    #: The person using it (`team join --user`, Preferences > Team): their app_user.
    user: str = ""
    email: str = ""

    @staticmethod
    def file(data_dir: Path) -> Path:
        return data_dir / SETTINGS_FILE

    @classmethod
    def load(cls, data_dir: Path) -> TeamSettings | None:
        """The saved settings, or None (none saved, or an unreadable file: logged)."""
        path = cls.file(data_dir)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            log.warning("Team settings %s cannot be read: %s", path, error)
            return None
        if not isinstance(data, dict) or not data.get("url"):
            return None
        return cls(
            url=str(data["url"]),
            user=str(data.get("user") or ""),
            email=str(data.get("email") or ""),
        )

    def save(self, data_dir: Path) -> None:
        """Write the settings (the password is stripped, whatever was given).

        Another server than the saved one: the local copy of the previous team's data
        is deleted (core/offline_copy.py; not kept for a team you no longer use)."""
        clean = without_password(self.url)
        path = self.file(data_dir)
        previous = TeamSettings.load(data_dir)
        if previous is not None:
            from prospection.core import offline_copy

            if not offline_copy.same_address(previous.url, clean):
                offline_copy.delete_copy(data_dir)
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".part")
            data = {"url": clean}
            if self.user.strip():
                data["user"] = self.user.strip()
            if self.email.strip():
                data["email"] = self.email.strip()
            partial.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
            if os.name == "posix":
                partial.chmod(0o600)
            partial.replace(path)
        except OSError as error:
            raise DataFolderError(
                f"The team settings cannot be saved in {data_dir} ({error.strerror})."
            ) from error


def saved_person(data_dir: Path) -> tuple[str, str]:
    """Who you are on the team server, as saved (name, email); ("", "") when not said."""
    settings = TeamSettings.load(data_dir)
    return (settings.user, settings.email) if settings is not None else ("", "")


def forget_settings(data_dir: Path) -> None:
    """Back to the local file: the saved team server is removed, and with it the local
    copy of the team's data (the whole team's personal data: not kept once you leave)."""
    TeamSettings.file(data_dir).unlink(missing_ok=True)
    from prospection.core import offline_copy

    offline_copy.delete_copy(data_dir)


def chosen_url(option: str | None, data_dir: Path) -> tuple[str | None, Source]:
    """The database to use: --database > the environment > the saved team server > local."""
    if option and option.strip():
        return option.strip(), Source.OPTION
    environment = os.environ.get(dialects.DATABASE_URL_ENV, "").strip()
    if environment:
        return environment, Source.ENVIRONMENT
    settings = TeamSettings.load(data_dir)
    if settings is not None:
        return settings.url, Source.SETTINGS
    return None, Source.LOCAL


# -- the keyring -------------------------------------------------------------------------


def _keyring() -> Any | None:
    """The system keyring backend, or None where there is none (a headless Linux)."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception as error:  # a broken backend is no keyring
        log.warning("No system keyring: %s", error)
        return None
    if isinstance(backend, fail.Keyring):
        return None
    chained = getattr(backend, "backends", None)
    if chained is not None and not chained:
        return None
    return backend


def keyring_available() -> bool:
    """Whether passwords can be kept in a system keyring on this computer."""
    return _keyring() is not None


def _keyring_user(url: str) -> str:
    return without_password(url)


def stored_password(url: str) -> str | None:
    """The password kept in the keyring for this address, or None."""
    backend = _keyring()
    if backend is None:
        return None
    try:
        value = backend.get_password(KEYRING_SERVICE, _keyring_user(url))
    except Exception as error:
        log.warning("The keyring could not be read: %s", error)
        return None
    return str(value) if value else None


def store_password(url: str, password: str) -> bool:
    """Keep the password in the keyring; False when there is none (nothing is stored)."""
    backend = _keyring()
    if backend is None:
        return False
    try:
        backend.set_password(KEYRING_SERVICE, _keyring_user(url), password)
    except Exception as error:
        log.warning("The keyring could not store the password: %s", error)
        return False
    return True


def forget_password(url: str) -> None:
    """Remove the keyring's password for this address (nothing when there is none)."""
    backend = _keyring()
    if backend is None:
        return
    try:
        backend.delete_password(KEYRING_SERVICE, _keyring_user(url))
    except Exception as error:  # keyring.errors.PasswordDeleteError: none stored
        log.debug("No password to forget: %s", error)


# -- connecting --------------------------------------------------------------------------

_REASONS: tuple[tuple[str, Reason], ...] = (
    ("no password supplied", Reason.PASSWORD_NEEDED),
    ("password authentication failed", Reason.AUTH_FAILED),
    ("authentication failed", Reason.AUTH_FAILED),
    ('role "', Reason.NO_USER),  # role "x" does not exist
    ('database "', Reason.NO_DATABASE),  # database "x" does not exist
    ("ssl", Reason.TLS),
    ("certificate", Reason.TLS),
    ("permission denied", Reason.PERMISSION),
    ("must be owner", Reason.PERMISSION),
)


def reason_of(error: BaseException) -> Reason:
    """Why connecting failed, read from the driver's message."""
    if isinstance(error, TeamError):
        return error.reason
    message = str(getattr(error, "orig", None) or error).lower()
    for needle, reason in _REASONS:
        if needle in message:
            if reason in (Reason.NO_USER, Reason.NO_DATABASE) and "not exist" not in message:
                continue
            return reason
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return Reason.UNREACHABLE
    if any(word in message for word in SERVER_UNREACHABLE_WORDS):
        return Reason.UNREACHABLE
    return Reason.OTHER


_LEADS = {
    Reason.UNREACHABLE: "cannot be reached (is the server on, and the network up?)",
    Reason.PASSWORD_NEEDED: "asks for a password",
    Reason.AUTH_FAILED: "refused the user name or password",
    Reason.NO_USER: "does not know this user name",
    Reason.NO_DATABASE: "has no such database",
    Reason.TLS: "refused the secure connection (TLS, sslmode)",
    Reason.PERMISSION: "refused: this user may not do that",
}


def _team_error(error: BaseException, url: str) -> TeamError:
    reason = reason_of(error)
    detail = str(getattr(error, "orig", None) or error).strip().splitlines()
    first = detail[0] if detail else type(error).__name__
    lead = _LEADS.get(reason, "cannot be used")
    return TeamError(reason, f"The team server {shown(url)} {lead}. Details: {first}")


def engine_for(url: str, password: str | None = None) -> Engine:
    """An engine on the team server (the keyring's password used when none is given)."""
    return dialects.create_server_engine(connect_url(url, password))


class ServerState(StrEnum):
    """What the team database holds."""

    EMPTY = "empty"  # no tables: `team init` builds the schema
    CURRENT = "current"  # Prospection's schema at this version's head
    OLDER = "older"  # Prospection's schema of an older version (updated when opened)
    NEWER = "newer"  # written by a newer Prospection: refused
    FOREIGN = "foreign"  # tables, no Prospection schema: refused


@dataclass(frozen=True)
class ServerReport:
    """What `check_server` found."""

    url: str  # without password
    server_version: str
    state: ServerState
    revision: str | None
    prospects: int | None  # None unless the schema is current


def _state(engine: Engine) -> tuple[ServerState, str | None]:
    from prospection.core.db import current_revision, head_revision

    revision = current_revision(engine)
    if revision is None:
        with engine.connect() as connection:
            tables = dialects.count_tables(connection)
        return (ServerState.FOREIGN if tables else ServerState.EMPTY), None
    if revision == head_revision():
        return ServerState.CURRENT, revision
    from alembic.script import ScriptDirectory

    from prospection.core.db import alembic_config

    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except Exception:
        return ServerState.NEWER, revision
    return ServerState.OLDER, revision


def check_server(url: str, password: str | None = None) -> ServerReport:
    """Connect and say what the team database holds; TeamError with the reason otherwise.

    Nothing is written. Used by "Test connection", `team status` and `team join`.
    """
    engine = engine_for(url, password)
    try:
        with engine.connect() as connection:
            version = str(connection.execute(text("SHOW server_version")).scalar_one())
        state, revision = _state(engine)
        prospects = None
        if state is ServerState.CURRENT:
            from prospection.core.models import Prospect

            with engine.connect() as connection:
                prospects = int(
                    connection.execute(select(func.count()).select_from(Prospect)).scalar_one()
                )
    except TeamError:
        raise
    except (SQLAlchemyError, OSError) as error:
        raise _team_error(error, url) from error
    finally:
        engine.dispose()
    return ServerReport(without_password(url), version, state, revision, prospects)


def _refuse(report: ServerReport) -> None:
    where = shown(report.url)
    if report.state is ServerState.FOREIGN:
        raise TeamError(
            Reason.FOREIGN,
            f"{where} already holds tables that are not Prospection's: it was left "
            "untouched. Use an empty database.",
        )
    if report.state is ServerState.NEWER:
        raise TeamError(
            Reason.NEWER,
            f"{where} was built by a newer version of Prospection (schema "
            f"{report.revision}): install that version.",
        )


def init_server(url: str, password: str | None = None) -> ServerReport:
    """Build Prospection's schema (the same Alembic migrations) in an empty database.

    A database holding other tables, or a newer schema, is refused untouched; one that
    already holds Prospection's schema is brought to this version's head.
    """
    report = check_server(url, password)
    _refuse(report)
    if report.state is ServerState.CURRENT:
        return report
    from prospection.core.db import migrate

    engine = engine_for(url, password)
    try:
        migrate(engine)
    except (SQLAlchemyError, OSError) as error:
        raise _team_error(error, url) from error
    finally:
        engine.dispose()
    return check_server(url, password)


def join_server(
    url: str,
    data_dir: Path,
    password: str | None = None,
    *,
    user: str = "",
    email: str = "",
) -> tuple[ServerReport, bool]:
    """Check the team database's schema, then save it (and who you are: `user`,
    `email`) as this data folder's server.

    Returns the report and whether the password went to the keyring.
    """
    report = check_server(url, password)
    _refuse(report)
    if report.state is ServerState.EMPTY:
        raise TeamError(
            Reason.EMPTY,
            f"{shown(url)} is empty: build it first with prospection-cli team init URL.",
        )
    TeamSettings(url, user, email).save(data_dir)
    secret = password or password_in(url)
    kept = bool(secret) and store_password(url, str(secret))
    return report, kept


# -- moving the local data to the team ---------------------------------------------------


@dataclass
class MoveReport:
    """Rows copied per table (in copy order); `dry_run`: checked, then rolled back."""

    counts: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _data_tables() -> list[Any]:
    from prospection.core.models import Base

    return list(Base.metadata.sorted_tables)


def held_rows(engine: Engine) -> dict[str, int]:
    """Rows per data table (tables holding none left out)."""
    counts: dict[str, int] = {}
    with engine.connect() as connection:
        for table in _data_tables():
            count = int(connection.execute(select(func.count()).select_from(table)).scalar_one())
            if count:
                counts[table.name] = count
    return counts


def move_data(
    source: Engine,
    target: Engine,
    *,
    dry_run: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> MoveReport:
    """Copy every row of the local database into the EMPTY team database, all or nothing.

    Both must be at this version's head. `source` is only read. Row counts are checked
    per table inside the target's transaction: a difference rolls everything back. The
    ids are kept (links between rows stay right); PostgreSQL's id sequences then
    continue after them. `dry_run` does all of it, then rolls back.
    """
    from prospection.core.db import current_revision, head_revision

    head = head_revision()
    where = dialects.describe(target)
    try:
        if current_revision(source) != head:
            raise TeamError(
                Reason.OTHER,
                "The local data file is not at this version's schema: open it once with "
                "this version of Prospection, then move it.",
            )
        state, _revision = _state(target)
        if state is not ServerState.CURRENT:
            raise TeamError(
                Reason.EMPTY if state is ServerState.EMPTY else Reason.OTHER,
                f"{where} is not ready for Prospection's data ({state.value}): "
                "run prospection-cli team init URL first.",
            )
        already = held_rows(target)
        blank_user = already.get("app_user") == 1 and _only_blank_user(target)
        if blank_user:  # the unnamed user migration 0009 adds: the local file brings its own
            del already["app_user"]
        if already:
            listed = ", ".join(f"{name} {count}" for name, count in already.items())
            raise TeamError(
                Reason.NOT_EMPTY,
                f"{where} already holds data ({listed}): moving only fills an empty team "
                "database. Nothing was copied.",
            )
        report = MoveReport(dry_run=dry_run)
        with source.connect() as reading, target.connect() as writing:
            transaction = writing.begin()
            try:
                if blank_user:
                    from prospection.core.models import AppUser

                    writing.execute(delete(AppUser))
                for table in _data_tables():
                    copied = 0
                    result = reading.execution_options(stream_results=True).execute(select(table))
                    for rows in result.mappings().partitions(BATCH):
                        writing.execute(insert(table), [dict(row) for row in rows])
                        copied += len(rows)
                        if progress is not None:
                            progress(table.name, copied)
                    expected = int(
                        reading.execute(select(func.count()).select_from(table)).scalar_one()
                    )
                    landed = int(
                        writing.execute(select(func.count()).select_from(table)).scalar_one()
                    )
                    if not (copied == expected == landed):
                        raise TeamError(
                            Reason.OTHER,
                            f"Count check failed for {table.name}: {expected} in the local "
                            f"file, {landed} on the server. Nothing was copied.",
                        )
                    report.counts[table.name] = copied
                if not dialects.is_sqlite(target):
                    continue_sequences(writing)
            except BaseException:
                transaction.rollback()
                raise
            if dry_run:
                transaction.rollback()
            else:
                transaction.commit()
        if not dry_run and not dialects.is_sqlite(target):
            _analyze(target)
    except TeamError:
        raise
    except (SQLAlchemyError, OSError) as error:
        raise _team_error(error, str(target.url)) from error
    return report


def _analyze(engine: Engine) -> None:
    """The planner's statistics of the tables just filled (PostgreSQL).

    Autovacuum would gather them a minute or more later; until then the server plans
    with no idea of the tables' sizes (whole tables walked for a page of the table).
    """
    names = [table.name for table in _data_tables()] + ["prospect_search"]
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("ANALYZE " + ", ".join(f'"{name}"' for name in names)))


def _only_blank_user(engine: Engine) -> bool:
    """Whether the database's one user is the unnamed one its migration added."""
    from prospection.core.models import AppUser

    columns = AppUser.__table__.c
    with engine.connect() as connection:
        row = connection.execute(select(columns.name, columns.email)).one()
    return not row.name and not row.email


def continue_sequences(connection: Any) -> None:
    """After rows written with their own ids (a copy, the demo), PostgreSQL's sequences
    go on from the largest one (nothing to do on SQLite, whose ids follow the max)."""
    if dialects.is_sqlite(connection):
        return
    for table in _data_tables():
        for column in table.primary_key.columns:
            if column.autoincrement is True or (
                column.autoincrement == "auto" and len(table.primary_key.columns) == 1
            ):
                if not str(column.type).upper().startswith(("INTEGER", "BIGINT", "SMALLINT")):
                    continue
                connection.execute(
                    text(
                        "SELECT setval(pg_get_serial_sequence(:table, :column), "
                        f'coalesce((SELECT max("{column.name}") FROM "{table.name}"), 0) + 1, '
                        "false) WHERE pg_get_serial_sequence(:table, :column) IS NOT NULL"
                    ),
                    {"table": table.name, "column": column.name},
                )


def open_team_database(
    path: Path,
    url: str,
    password: str | None = None,
    on_update: Callable[[], None] | None = None,
    *,
    user: str = "",
    email: str = "",
) -> Database:
    """Open the team database (its schema built when empty, updated when older), working
    for the person `user` / `email` (found, else added: `users.identify`) when given.

    `path` is the data folder's file name (unused: the data is on the server). A
    database holding other tables, or a newer schema, is refused untouched; an
    unreachable server or a refused login is a TeamError saying why.
    """
    from prospection.core.db import open_database

    report = check_server(url, password)
    _refuse(report)
    if report.state is ServerState.EMPTY:
        log.info("Building Prospection's schema in the empty %s", shown(url))
    try:
        database = open_database(path, url=connect_url(url, password), on_update=on_update)
        if user.strip() or email.strip():
            from prospection.core.users import identify

            try:
                identify(database, user, email)
            except BaseException:
                database.dispose()
                raise
        return database
    except StorageError as error:  # the server went away between the check and the open
        cause = error.__cause__
        if cause is not None and reason_of(cause) is not Reason.OTHER:
            raise _team_error(cause, url) from error
        raise
    except (SQLAlchemyError, OSError) as error:
        raise _team_error(error, url) from error


def needs_password(error: BaseException) -> bool:
    """Whether asking the user for the password may help."""
    return isinstance(error, TeamError) and error.reason in (
        Reason.PASSWORD_NEEDED,
        Reason.AUTH_FAILED,
    )
