"""`prospection --demo` fills an empty folder once and never touches one with data."""

from __future__ import annotations

from sqlalchemy import func, select

from prospection.app import fill_demo_if_empty
from prospection.core.db import Database
from prospection.core.models import Prospect


def test_demo_fills_an_empty_database_once(db: Database) -> None:
    assert fill_demo_if_empty(db) is True
    with db.session() as session:
        first = session.scalar(select(func.count()).select_from(Prospect))
    assert first is not None and first >= 250
    assert fill_demo_if_empty(db) is False
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Prospect)) == first


def test_demo_follows_the_interface_language(db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from prospection.core.db import open_database

    assert fill_demo_if_empty(db, "en") is True
    with db.session() as session:
        assert set(session.scalars(select(Prospect.country))) == {"GB"}
    french = open_database(tmp_path / "fr" / "prospection.sqlite3")
    try:
        assert fill_demo_if_empty(french, "fr") is True
        with french.session() as session:
            assert set(session.scalars(select(Prospect.country))) == {"FR"}
    finally:
        french.dispose()
