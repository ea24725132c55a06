"""The store: pragmas, transactions, migrations, newer and damaged files."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from prospection.core import db as dbmod
from prospection.core.db import Database, current_revision, head_revision, open_database
from prospection.core.errors import DamagedDatabaseError, NewerDatabaseError
from prospection.core.exports import search_ids
from prospection.core.models import Contact, Phone, Prospect, Tag

CORE = Path(dbmod.__file__).resolve().parent


@pytest.mark.sqlite_only(reason="SQLite PRAGMAs set on each connection of the file")
def test_pragmas_hold_on_every_connection(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == dbmod.BUSY_TIMEOUT_MS


def test_rolled_back_savepoint_discards_only_its_work(db: Database) -> None:
    with db.session() as session:
        session.add(Prospect(name="Kept"))
        savepoint = session.begin_nested()
        session.add(Prospect(name="Dropped"))
        session.flush()
        savepoint.rollback()
    with db.session() as session:
        names = session.scalars(text("SELECT name FROM prospect")).all()
    assert names == ["Kept"]


def test_error_in_an_action_rolls_the_whole_action_back(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        session.add(Prospect(name="Half"))
        session.flush()
        raise RuntimeError("boom")
    with db.session() as session:
        assert session.execute(text("SELECT count(*) FROM prospect")).scalar() == 0


def test_fresh_file_is_at_head(db: Database) -> None:
    assert current_revision(db.engine) == head_revision()


def test_search_index_folds_accents_and_case_and_follows_edits(db: Database) -> None:
    with db.session() as session:
        prospect = Prospect(name="Société Lefèvre", city="Rezé")
        contact = Contact(first_name="François", last_name="Durand", email="fd@example.fr")
        contact.phones.append(Phone(raw="02 61 91 00 00", e164="+33261910000"))
        prospect.contacts.append(contact)
        prospect.tags.append(Tag(name="menuiserie"))
        session.add(prospect)

    def hits(query: str) -> list[int]:
        with db.session() as session:
            # Through core (FTS5 MATCH on SQLite, the tsvector index on PostgreSQL).
            return search_ids(session, query.strip('"*'))

    for query in ['"societe"*', '"FRANCOIS"', '"reze"', '"0261"*', '"menuis"*', '"fd"']:
        assert hits(query) == [1], query
    with db.session() as session:
        session.get_one(Prospect, 1).name = "Atelier Martin"
    assert hits('"societe"*') == []
    assert hits('"atelier"') == [1]
    with db.session() as session:
        session.delete(session.get_one(Prospect, 1))
    assert hits('"atelier"') == []


def test_newer_database_is_refused_and_left_untouched(data_dir: Path) -> None:
    path = data_dir / "prospection.sqlite3"
    open_database(path).dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_database(path)
    assert path.read_bytes() == before


def test_damaged_file_is_refused_and_left_untouched(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "prospection.sqlite3"
    path.write_bytes(b"this is not a database, just some bytes" * 100)
    before = path.read_bytes()
    with pytest.raises(DamagedDatabaseError):
        open_database(path)
    assert path.read_bytes() == before


def test_migrating_an_old_file_backs_it_up_first(data_dir: Path) -> None:
    """A file at an older revision is copied into backups/ before it is upgraded."""
    path = data_dir / "prospection.sqlite3"
    backups = data_dir / "backups"
    if head_revision() == "0001":
        pytest.skip("only one revision so far: nothing to migrate from")
    # A real file at the first revision (not a head schema stamped as older).
    data_dir.mkdir(parents=True)
    engine = dbmod.create_sqlite_engine(path)
    with engine.begin() as connection:
        command.upgrade(dbmod.alembic_config(connection), "0001")
    engine.dispose()
    said: list[list[Path]] = []

    def on_update() -> None:  # called before the backup, to tell the user
        said.append(list(backups.glob("before-migration-*.sqlite3")))

    open_database(path, backups_dir=backups, on_update=on_update).dispose()
    assert said == [[]]
    assert list(backups.glob("before-migration-*.sqlite3"))
    # Already at head, or a new file: nothing to update, nothing said.
    open_database(path, backups_dir=backups, on_update=on_update).dispose()
    open_database(data_dir / "new.sqlite3", on_update=on_update).dispose()
    assert said == [[]]


def test_core_never_imports_qt() -> None:
    offenders = []
    for source in CORE.rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in names):
                offenders.append(str(source.relative_to(CORE)))
    assert offenders == []
