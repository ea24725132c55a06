"""One user per name (migration 0013): duplicates refused, the race of two arrivals."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from prospection.core import users
from prospection.core.db import Database, alembic_config, create_sqlite_engine, open_database


def _url(db: Database) -> str | None:
    if db.engine.dialect.name == "sqlite":
        return None
    return db.engine.url.render_as_string(hide_password=False)


def test_a_second_user_of_the_same_name_is_refused(db: Database) -> None:
    with db.session() as session:
        users.add_user(session, "Alice Martin")
    with db.session() as session, pytest.raises(users.UserError) as refused:
        users.add_user(session, "  alice martin ")
    assert refused.value.code == "name_taken"
    with db.session() as session:
        bob = users.add_user(session, "Bob")
        with pytest.raises(users.UserError) as renamed:
            users.rename_user(session, bob.id, "ALICE MARTIN")
        assert renamed.value.code == "name_taken"
        # Renaming oneself to one's own name in another case is fine.
        assert users.rename_user(session, bob.id, "BOB", "bob@example.fr").name == "BOB"
    with db.session() as session:
        assert [u.name for u in users.list_users(session)] == ["", "Alice Martin", "BOB"]


def test_the_database_refuses_a_duplicate_name_whatever_the_app_checked(db: Database) -> None:
    with db.session() as session:
        users.add_user(session, "Alice")
    with pytest.raises(IntegrityError), db.session() as session:
        session.execute(
            text(
                "INSERT INTO app_user (name, email, created_at) "
                "VALUES (' ALICE', '', CURRENT_TIMESTAMP)"
            )
        )
    # Unnamed rows are not names: the index leaves them out.
    with db.session() as session:
        session.execute(
            text(
                "INSERT INTO app_user (name, email, created_at) VALUES ('', '', CURRENT_TIMESTAMP)"
            )
        )


def _insert_user(connection, name: str) -> None:  # type: ignore[no-untyped-def]
    connection.execute(
        text("INSERT INTO app_user (name, email, created_at) VALUES (:n, '', CURRENT_TIMESTAMP)"),
        {"n": name},
    )


DUPLICATES = ["Alice", "alice ", "Bob", "ALICE", "Alice (2)", "Bob"]
RENAMED = ["", "Alice", "alice (3)", "Bob", "ALICE (4)", "Alice (2)", "Bob (2)"]


def _migrate_with_duplicates(connection) -> list[str]:  # type: ignore[no-untyped-def]
    command.upgrade(alembic_config(connection), "0010_pg_search")
    for name in DUPLICATES:
        _insert_user(connection, name)
    command.upgrade(alembic_config(connection), "0013_user_name_unique")
    names = [row[0] for row in connection.execute(text("SELECT name FROM app_user ORDER BY id"))]
    command.downgrade(alembic_config(connection), "0010_pg_search")
    command.upgrade(alembic_config(connection), "0013_user_name_unique")
    return names


def test_migration_0013_renames_existing_duplicates_oldest_keeps_its_name(tmp_path: Path) -> None:
    engine = create_sqlite_engine(tmp_path / "p.sqlite3")
    try:
        with engine.begin() as connection:
            assert _migrate_with_duplicates(connection) == RENAMED
    finally:
        engine.dispose()


def test_migration_0013_on_postgresql(pg_url: str) -> None:
    engine = create_engine(pg_url)
    try:
        with engine.begin() as connection:
            assert _migrate_with_duplicates(connection) == RENAMED
    finally:
        engine.dispose()


def test_two_people_arriving_at_once_with_one_name_become_one_user(
    pg_url: str, tmp_path: Path
) -> None:
    """Bob's look-up runs while Alice's new row is not committed (he sees nobody): his
    insert waits on the unique index, fails when she commits, and he is found as her."""
    first = open_database(tmp_path / "unused", url=pg_url)
    second = open_database(tmp_path / "unused", url=pg_url)
    with first.session() as session:  # a named first user: nobody claims the blank one
        users.rename_user(session, 1, "Admin")
    results: dict[str, object] = {}
    inserted = threading.Event()

    def later() -> None:
        inserted.wait(10)
        try:
            results["second"] = users.identify(second, "zoé martin")
        except Exception as error:  # reported by the assertion
            results["second"] = error

    thread = threading.Thread(target=later)
    try:
        thread.start()
        with first.session() as session:
            results["first"] = users.add_user(session, "Zoé Martin")
            inserted.set()
            time.sleep(0.5)  # the second one looks, finds nobody, inserts and waits
        thread.join(20)
        one = results["first"]
        other = results["second"]
        assert isinstance(other, users.User), other
        assert isinstance(one, users.User)
        assert other.id == one.id
        with first.session() as session:
            assert [u.name for u in users.list_users(session)] == ["Admin", "Zoé Martin"]
    finally:
        thread.join(20)
        first.dispose()
        second.dispose()
