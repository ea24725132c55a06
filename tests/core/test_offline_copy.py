"""Team mode offline (issue #17): the local read copy of the team database.

Refreshed from the server as a whole (a consistent snapshot written to a temporary file,
then renamed), opened read-only when the server cannot be reached, an erasure on the
server gone from it at the next refresh, deleted when leaving team mode.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from prospection.core import offline_copy, team
from prospection.core.db import Database, open_database
from prospection.core.demo import fill_demo
from prospection.core.errors import Problem, classify_problem
from prospection.core.integrity import ReadOnly, WritesRefusedError
from prospection.core.models import Contact, Prospect, Suppression
from prospection.core.privacy import erase_person


@pytest.fixture
def server(pg_url: str, tmp_path: Path) -> Iterator[Database]:
    """The team database on the test server, with the demo prospects."""
    db = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    with db.session() as session:
        assert fill_demo(session).created
    try:
        yield db
    finally:
        db.dispose()


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def test_the_copy_holds_every_row_of_the_server_and_is_private(
    server: Database, pg_url: str, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    before = datetime.now(UTC)
    info = offline_copy.refresh_copy(server.engine, folder, pg_url)

    path = offline_copy.copy_path(folder)
    assert path.is_file()
    assert [p.name for p in folder.iterdir()] == [path.name]  # no .part, no -wal left
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    copy, read = offline_copy.open_copy(folder, pg_url)
    try:
        assert team.held_rows(copy.engine) == team.held_rows(server.engine)
        with server.session() as session:
            names = sorted(session.scalars(select(Prospect.name)).all())
        with copy.session() as session:
            assert sorted(session.scalars(select(Prospect.name)).all()) == names
        assert read.prospects == info.prospects == len(names) > 0
        # The search index is whole: a document per prospect, found by its words.
        with copy.engine.connect() as connection:
            documents = connection.exec_driver_sql("SELECT count(*) FROM prospect_search")
            assert documents.scalar() == len(names)
            found = (
                connection.exec_driver_sql(
                    "SELECT p.name FROM prospect_search "
                    "JOIN prospect p ON p.id = prospect_search.rowid WHERE prospect_search MATCH ?",
                    (f'"{names[0].split()[-1]}"',),
                )
                .scalars()
                .all()
            )
        assert names[0] in found
        assert before - timedelta(seconds=1) <= read.taken_at <= datetime.now(UTC)
        assert read.server == team.without_password(pg_url)
    finally:
        copy.dispose()


def test_the_copy_is_read_only_and_says_why(server: Database, pg_url: str, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    offline_copy.refresh_copy(server.engine, folder, pg_url)
    before = offline_copy.copy_path(folder).read_bytes()
    copy, _info = offline_copy.open_copy(folder, pg_url)
    try:
        assert copy.read_only is ReadOnly.COPY
        with pytest.raises(WritesRefusedError) as refused, copy.session() as session:
            session.add(Prospect(name="Written offline"))
        assert refused.value.reason is ReadOnly.COPY
        assert classify_problem(refused.value) is Problem.SERVER
    finally:
        copy.dispose()
    assert offline_copy.copy_path(folder).read_bytes() == before


def test_a_refresh_stopped_before_its_end_leaves_the_previous_copy_whole(
    server: Database, pg_url: str, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    offline_copy.refresh_copy(server.engine, folder, pg_url)
    before = offline_copy.copy_path(folder).read_bytes()
    with server.session() as session:  # (the demo's ids leave PG's sequence behind: renamed)
        first = session.scalars(select(Prospect).order_by(Prospect.id)).first()
        assert first is not None
        first.name = "Renamed after the first copy"

    def crash(partial: Path) -> None:
        assert partial.is_file()  # the new copy is complete, not yet renamed
        raise KeyboardInterrupt  # the app killed at the worst moment

    with pytest.raises(KeyboardInterrupt):
        offline_copy.refresh_copy(server.engine, folder, pg_url, before_rename=crash)
    assert offline_copy.copy_path(folder).read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [offline_copy.COPY_FILE]

    # The server lost midway: the same (and the error is the team's, not a traceback).
    offline_copy.refresh_copy(server.engine, folder, pg_url)
    after = offline_copy.copy_path(folder).read_bytes()
    nowhere = team.engine_for("postgresql+psycopg://someone@127.0.0.1:1/teamdb")
    try:
        with pytest.raises(team.TeamError):
            offline_copy.refresh_copy(nowhere, folder, pg_url)
    finally:
        nowhere.dispose()
    assert offline_copy.copy_path(folder).read_bytes() == after
    copy, _info = offline_copy.open_copy(folder, pg_url)
    try:
        with copy.session() as session:
            assert session.scalar(
                select(Prospect.id).where(Prospect.name == "Renamed after the first copy")
            )
    finally:
        copy.dispose()


def test_an_erasure_on_the_server_is_gone_from_the_copy_after_the_next_refresh(
    server: Database, pg_url: str, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    with server.session() as session:
        contact = session.scalars(select(Contact).where(Contact.last_name != "")).first()
        assert contact is not None
        contact_id, last_name = contact.id, contact.last_name
    assert last_name
    offline_copy.refresh_copy(server.engine, folder, pg_url)
    path = offline_copy.copy_path(folder)
    assert last_name.encode() in path.read_bytes()

    report = erase_person(server, contact_id)
    with server.session() as session:
        assert session.get(Contact, contact_id) is None
        objections = session.scalar(select(Suppression.id).limit(1))
    assert objections is not None  # the erasure kept the objection (hashes)
    offline_copy.refresh_copy(server.engine, folder, pg_url)

    # Not in any table, not in the search index, not in a free page of the file.
    with server.session() as session:
        still_named = session.scalars(
            select(Contact.id).where(Contact.last_name == last_name)
        ).all()
    if not still_named:  # (a demo surname may be shared by another person)
        assert last_name.encode() not in path.read_bytes()
    copy, _info = offline_copy.open_copy(folder, pg_url)
    try:
        with copy.session() as session:
            assert session.get(Contact, contact_id) is None
            # The suppression list comes along: a later import from the copy stays flagged.
            assert session.scalar(select(Suppression.id).limit(1)) is not None
        assert team.held_rows(copy.engine) == team.held_rows(server.engine)
    finally:
        copy.dispose()
    assert report is not None


def test_no_copy_or_another_servers_copy_is_said(
    server: Database, pg_url: str, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    with pytest.raises(offline_copy.NoCopyError):
        offline_copy.open_copy(folder, pg_url)
    offline_copy.refresh_copy(server.engine, folder, pg_url)
    other = team.parse(pg_url).set(host="elsewhere.example").render_as_string(False)
    with pytest.raises(offline_copy.NoCopyError):
        offline_copy.open_copy(folder, other)
    # Another user name on the same server reads the same team database: same copy.
    colleague = team.parse(pg_url).set(username="colleague").render_as_string(False)
    copy, _info = offline_copy.open_copy(folder, colleague)
    copy.dispose()


def test_leaving_team_mode_deletes_the_copy(server: Database, pg_url: str, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    team.TeamSettings(pg_url).save(folder)
    offline_copy.refresh_copy(server.engine, folder, pg_url)
    offline_copy._partial(folder).write_bytes(b"leftover")
    team.forget_settings(folder)
    assert list(folder.iterdir()) == []
    assert offline_copy.copy_info(folder) is None


def test_saving_another_team_server_deletes_the_copy_of_the_previous_one(
    server: Database, pg_url: str, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    team.TeamSettings(pg_url).save(folder)
    offline_copy.refresh_copy(server.engine, folder, pg_url)
    team.TeamSettings(pg_url, user="Alice").save(folder)  # the same server: kept
    assert offline_copy.copy_info(folder) is not None
    other = team.parse(pg_url).set(host="elsewhere.example").render_as_string(False)
    team.TeamSettings(other).save(folder)
    assert offline_copy.copy_info(folder) is None
    assert not offline_copy.copy_path(folder).exists()
