"""The SQLite engine: pragmas, transactions that really hold, sessions, and migrations.

SQLite specifics live here (and in `search.py`) so that another backend can be added.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from prospection.core import dialects
from prospection.core.errors import (
    READ_ONLY_TEXT,
    DamagedDatabaseError,
    DataFolderError,
    NewerDatabaseError,
    ReadOnlyDataError,
)
from prospection.core.integrity import (
    CopyDamagedError,
    ReadOnly,
    check_file,
    install_write_guard,
)

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only when a file needs migrating: it (with what it pulls in) is a
# large share of the start-up time, and a file already at the head needs none of it.

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000


def create_sqlite_engine(path: Path, *, echo: bool = False) -> Engine:
    """An engine on the SQLite file at `path`, with WAL, foreign keys and a busy timeout."""
    engine = create_engine(f"sqlite:///{path}", echo=echo)
    _install_sqlite_hooks(engine)
    return engine


def _read_only_engine(path: Path, *, immutable: bool = False) -> Engine:
    """An engine that cannot write `path` (SQLite refuses, whoever runs it, root too).

    `immutable` also reads a WAL-mode file whose -shm cannot be created in a read-only
    folder; it is used only when the plain read-only open fails.
    """
    flag = "immutable=1" if immutable else "mode=ro"
    engine = create_engine(f"sqlite:///file:{path.as_posix()}?{flag}&uri=true")
    _install_sqlite_hooks(engine, read_only=True)
    return engine


def owner_made_read_only(path: Path) -> bool:
    """Whether the owner made the data folder or the database file read-only (chmod a-w).

    Read from the permission bits, not by trying to write: root (and some network
    disks) would write anyway, and the owner's choice is to be respected all the same.
    """
    for candidate in (path.parent, path):
        try:
            mode = candidate.stat().st_mode
        except OSError:
            continue
        if not mode & stat.S_IWUSR or not os.access(candidate, os.W_OK):
            return True
    return False


def _install_sqlite_hooks(engine: Engine, *, read_only: bool = False) -> None:
    # Python's sqlite3 (3.11) issues BEGIN itself, lazily, and never around SAVEPOINTs,
    # so transactions and savepoints do not hold. SQLAlchemy's documented recipe: turn
    # the driver's transaction handling off and emit BEGIN ourselves.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if read_only:  # changing the journal mode is a write; reading needs none
                return
            cursor.execute("PRAGMA journal_mode = WAL")
            # FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on a power
            # cut, and every action confirmed to the user must survive one.
            cursor.execute("PRAGMA synchronous = FULL")
            # Erased personal data must not linger in free pages (GDPR erasure).
            cursor.execute("PRAGMA secure_delete = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")


@dataclass
class Database:
    """One data file: its engine and a session factory. One per data folder."""

    path: Path
    engine: Engine
    #: Why the file may not be written now (the owner's read-only folder, damaged, being
    #: checked ...), or None: it may. OWNER is set at open (`owner_made_read_only`) and
    #: never undone by the app; the others come and go (core/integrity.py).
    read_only: ReadOnly | None = None

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        install_write_guard(self)  # core/integrity.py: writes fail while read_only is set
        if self.read_only is ReadOnly.OWNER:
            event.listen(self.sessions, "before_flush", _refuse_writes)
            return
        if self.read_only is ReadOnly.COPY:  # team mode's local copy: the guard says why
            return
        from prospection.core import privacy, privacy_ledger  # privacy imports this module

        # Every way in (add, dialogs, edits, imports) checks the suppression list.
        event.listen(self.sessions, "before_flush", privacy.check_on_flush)
        # Objections and erasures also go to the ledger beside the file (outlives a restore).
        # Not on a team server: its suppression list is in the server's database, for
        # everyone, and the app restores no server (its backups are the administrator's
        # pg_dump); a ledger in one person's data folder would only copy it there.
        if (
            dialects.is_sqlite(self.engine)
            and self.path.name != ":memory:"
            and self.path.parent.is_dir()
        ):
            privacy_ledger.bind(self.sessions.kw.setdefault("info", {}), self.path)
            event.listen(self.sessions, "after_commit", privacy_ledger.write_pending)
            event.listen(self.sessions, "after_rollback", privacy_ledger.drop_pending)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for one user action, committed at the end (rolled back on error)."""
        with self.sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def _refuse_writes(session: Session, _context: Any, _instances: Any) -> None:
    """`before_flush` of a read-only Database: say so before SQLite does, in plain words."""
    if session.new or session.dirty or session.deleted:
        raise ReadOnlyDataError(READ_ONLY_TEXT)


def alembic_config(connection: Any | None = None) -> Config:
    """Alembic configuration pointing at the shipped migrations (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


_REVISION = re.compile(r'^revision(?:: str)? = "([^"]+)"', re.MULTILINE)
_DOWN_REVISION = re.compile(r'^down_revision(?:: [^=]+)? = (?:None|"([^"]+)")', re.MULTILINE)


def _head_from_files() -> str | None:
    """The head revision read from the migration files themselves; None when unsure."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision = _REVISION.search(source)
        down = _DOWN_REVISION.search(source)
        if revision is None or down is None:
            return None
        revisions.add(revision.group(1))
        if down.group(1):
            parents.add(down.group(1))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def head_revision() -> str:
    """The newest schema revision this version of Prospection knows."""
    head = _head_from_files()
    if head is not None:
        return head
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the database, or None for an empty one."""
    with engine.connect() as connection:
        if not dialects.has_version_table(connection):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _check_readable(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        raise DamagedDatabaseError(
            f"{path} is not a Prospection database (it is damaged or another kind of file). "
            "It was left untouched: restore a backup or choose another data folder."
        )


def backup_file(engine: Engine, destination: Path) -> Path:
    """Copy the live database to `destination` with SQLite's online backup API.

    The copy is written beside it under a temporary name and renamed when complete: an
    interrupted backup (a daily one runs while the app is in use) never looks like one.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".part")
    partial.unlink(missing_ok=True)  # left by an interrupted copy
    _create_private(partial)
    try:
        raw = engine.raw_connection()
        try:
            source = raw.driver_connection
            assert isinstance(source, sqlite3.Connection)
            target = sqlite3.connect(partial)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            raw.close()
        _make_private(partial)
        # A copy of damaged pages is no backup: checked before it takes a backup's name.
        problems = check_file(partial)
        if problems:
            raise CopyDamagedError(
                f"The copy {destination.name} failed its check and was deleted "
                f"({'; '.join(problems[:3])}): the data file may be damaged."
            )
        partial.replace(destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return destination


def _make_private(path: Path) -> None:
    # The file holds personal data: readable by the user alone (POSIX). A file the
    # owner made read-only stays read-only (0400): that choice is theirs.
    # Changed only when it differs: a chmod sets the file's change time, which tells the
    # check verdict (core/check_verdict.py) that the file may have changed.
    if os.name == "posix" and path.exists():
        mode = path.stat().st_mode
        wanted = 0o600 if mode & stat.S_IWUSR else 0o400
        if stat.S_IMODE(mode) != wanted:
            path.chmod(wanted)


def _create_private(path: Path) -> None:
    """Create an empty database file as 0600 so that SQLite's -wal/-shm inherit it."""
    if os.name != "posix":
        return
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    for suffix in ("", "-wal", "-shm"):
        # Not ours to change (another user's file): opening will say so.
        with suppress(OSError):
            _make_private(path.with_name(path.name + suffix))


def open_database(
    path: Path,
    *,
    backups_dir: Path | None = None,
    on_update: Callable[[], None] | None = None,
    url: str | None = None,
) -> Database:
    """Open (creating or migrating as needed) the database at `path`, or at `url`.

    With `url` (a PostgreSQL server, team mode) `path` is only the data folder's file
    name, unused: the server keeps the data and its administrator its backups.

    A file from a newer version or a damaged file is refused and left untouched. An
    existing file is copied into `backups_dir` before any migration. `on_update` is
    called before an existing file is backed up and migrated (it may take a while on a
    large file: the app says what is happening).
    """
    if url is not None:
        return _open_server(path, url, on_update=on_update)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DataFolderError(
            f"The data folder {path.parent} cannot be created ({error.strerror})."
        ) from error
    _check_readable(path)
    if path.exists() and owner_made_read_only(path):
        return open_read_only(path)
    try:
        _create_private(path)
    except OSError as error:
        raise DataFolderError(
            f"The data folder {path.parent} cannot be written ({error.strerror})."
        ) from error
    engine = create_sqlite_engine(path)
    try:
        migrate(engine, backups_dir=backups_dir, on_update=on_update)
    except BaseException:
        engine.dispose()
        raise
    return Database(path=path, engine=engine)


def open_read_only(path: Path) -> Database:
    """Open `path` for reading only: nothing is created, migrated, chmod-ed or written."""
    for immutable in (False, True):
        engine = _read_only_engine(path, immutable=immutable)
        try:
            current = current_revision(engine)
            break
        except (OperationalError, DatabaseError) as error:
            engine.dispose()
            if immutable:
                raise DataFolderError(
                    f"{path} is read-only and cannot be read ({error.orig})."
                ) from error
    if current != head_revision():
        engine.dispose()
        raise DataFolderError(
            f"{path.parent} is read-only, and its data file needs an update by this version "
            "of Prospection first: make the folder writable again, then open it."
        )
    return Database(path=path, engine=engine, read_only=ReadOnly.OWNER)


def _open_server(path: Path, url: str, *, on_update: Callable[[], None] | None) -> Database:
    engine = dialects.create_server_engine(url)
    try:
        migrate(engine, on_update=on_update)
    except BaseException:
        engine.dispose()
        raise
    return Database(path=path, engine=engine)


#: One migration at a time in the process (see `migrate`).
_MIGRATING = threading.Lock()


def migrate(
    engine: Engine,
    *,
    backups_dir: Path | None = None,
    on_update: Callable[[], None] | None = None,
) -> None:
    """Bring the schema to the head revision, after a backup of a non-empty file.

    `on_update` is called first when an existing file is to be migrated.
    """
    head = head_revision()
    where = dialects.describe(engine)
    try:
        current = current_revision(engine)
        if current is None:
            with engine.connect() as connection:
                tables = dialects.count_tables(connection)
            if tables:
                raise DamagedDatabaseError(
                    f"{where} holds tables but no Prospection schema version. "
                    "It was left untouched: choose another data folder."
                )
    except (OperationalError, DatabaseError) as error:
        raise DamagedDatabaseError(
            f"{where} cannot be read ({error.orig}). It was left untouched: "
            "restore a backup or choose another data folder."
        ) from error
    if current == head:
        return
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as error:
            raise NewerDatabaseError(
                f"{where} was written by a newer version of Prospection "
                f"(schema {current}). It was left untouched: install the newer version "
                "to open it."
            ) from error
        if on_update is not None:
            on_update()
        if backups_dir is not None and dialects.is_sqlite(engine):
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_file(engine, backups_dir / f"before-migration-{current}-{stamp}.sqlite3")
    # Alembic runs a migration through module-level proxies (`alembic.context`, `op`):
    # two at once in one process (the offline copy refreshed in its thread while a
    # database is opened) mix their connections ("table contact already exists").
    with _MIGRATING, engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")


def copy_file(source: Path, destination: Path) -> None:
    """Copy a closed database file (used for fixtures and restores)."""
    shutil.copy2(source, destination)
