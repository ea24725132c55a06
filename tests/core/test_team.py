"""Team mode, connecting (issue #17): which database, the password, the server's state,
and moving the local data to the team, all or nothing.

The PostgreSQL tests use `pg_url` (a schema of their own; skipped without a server).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from prospection.core import team
from prospection.core.db import open_database, open_read_only
from prospection.core.demo import fill_demo
from prospection.core.errors import Problem, classify_problem

NOWHERE = "postgresql+psycopg://someone@127.0.0.1:1/teamdb"


class MemoryKeyring(KeyringBackend):
    """A keyring for tests: a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


# -- which database ----------------------------------------------------------------------


def test_the_option_wins_over_the_environment_over_the_settings_over_the_local_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PROSPECTION_DATABASE_URL", raising=False)
    assert team.chosen_url(None, tmp_path) == (None, team.Source.LOCAL)
    team.TeamSettings("postgresql+psycopg://me@saved/db").save(tmp_path)
    assert team.chosen_url(None, tmp_path) == (
        "postgresql+psycopg://me@saved/db",
        team.Source.SETTINGS,
    )
    monkeypatch.setenv("PROSPECTION_DATABASE_URL", "postgresql+psycopg://me@env/db")
    assert team.chosen_url(None, tmp_path)[1] is team.Source.ENVIRONMENT
    assert team.chosen_url("postgresql+psycopg://me@opt/db", tmp_path) == (
        "postgresql+psycopg://me@opt/db",
        team.Source.OPTION,
    )


def test_the_saved_settings_never_hold_the_password(tmp_path: Path) -> None:
    team.TeamSettings("postgresql://me:s3cret@server:5432/team?sslmode=require").save(tmp_path)
    written = (tmp_path / team.SETTINGS_FILE).read_text(encoding="utf-8")
    assert "s3cret" not in written
    saved = team.TeamSettings.load(tmp_path)
    assert saved is not None
    # TLS options stay; the driver is named.
    assert saved.url == "postgresql+psycopg://me@server:5432/team?sslmode=require"
    assert json.loads(written) == {"url": saved.url}


def test_a_non_postgresql_address_is_refused_with_a_message() -> None:
    for url in ("mysql://a@b/c", "not a url", "postgresql+psycopg://me@/nodatabase"):
        with pytest.raises(team.TeamError) as caught:
            team.parse(url)
        assert caught.value.reason is team.Reason.BAD_URL


# -- the keyring -------------------------------------------------------------------------


def test_the_password_goes_to_the_keyring_and_back(memory_keyring: MemoryKeyring) -> None:
    url = "postgresql+psycopg://me@server/team"
    assert team.keyring_available()
    assert team.store_password(url, "s3cret")
    assert team.stored_password(url) == "s3cret"
    # Connecting adds it (and a timeout); the address written down never has it.
    assert ":s3cret@" in team.connect_url(url)
    assert "connect_timeout=" in team.connect_url(url)
    team.forget_password(url)
    assert team.stored_password(url) is None
    assert ":s3cret@" not in team.connect_url(url)


def test_without_a_keyring_nothing_is_stored(no_keyring: None) -> None:
    url = "postgresql+psycopg://me@server/team"
    assert not team.keyring_available()
    assert not team.store_password(url, "s3cret")
    assert team.stored_password(url) is None
    assert ":s3cret@" in team.connect_url(url, "s3cret")  # typed at the prompt


def test_joining_keeps_the_password_out_of_the_settings_file(
    pg_url: str, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    built = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    built.dispose()
    with_secret = team.parse(pg_url).set(password="typed").render_as_string(hide_password=False)
    report, kept = team.join_server(with_secret, tmp_path / "data")
    assert report.state is team.ServerState.CURRENT
    assert kept
    assert "typed" not in (tmp_path / "data" / team.SETTINGS_FILE).read_text(encoding="utf-8")
    assert team.stored_password(pg_url) == "typed"


# -- the server's state and errors -------------------------------------------------------


def test_an_unreachable_server_is_said_in_plain_words() -> None:
    with pytest.raises(team.TeamError) as caught:
        team.check_server(NOWHERE)
    assert caught.value.reason is team.Reason.UNREACHABLE
    assert "cannot be reached" in str(caught.value)
    assert classify_problem(caught.value) is Problem.SERVER


def test_a_connection_lost_mid_use_is_a_server_problem_not_a_bug() -> None:
    engine = create_engine(NOWHERE)
    with pytest.raises(OperationalError) as caught, engine.connect():
        pass
    assert classify_problem(caught.value) is Problem.SERVER


def test_an_empty_database_is_seen_as_empty(pg_url: str) -> None:
    report = team.check_server(pg_url)
    assert report.state is team.ServerState.EMPTY
    assert report.server_version


def test_tls_asked_in_the_address_is_honoured(pg_url: str) -> None:
    # The test server has no TLS: sslmode=require must make the connection fail, not
    # fall back to clear text.
    secure = team.parse(pg_url).update_query_dict({"sslmode": "require"})
    with pytest.raises(team.TeamError) as caught:
        team.check_server(secure.render_as_string(hide_password=False))
    assert caught.value.reason is team.Reason.TLS


def test_init_refuses_a_database_holding_other_tables(pg_url: str) -> None:
    engine = create_engine(pg_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id integer primary key)"))
    with pytest.raises(team.TeamError) as caught:
        team.init_server(pg_url)
    assert caught.value.reason is team.Reason.FOREIGN
    with engine.connect() as connection:  # untouched: no Prospection table was added
        names = connection.execute(
            text(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema()"
            )
        ).scalars()
        assert set(names) == {"invoices"}
    engine.dispose()


def test_join_refuses_an_empty_database(pg_url: str, tmp_path: Path) -> None:
    with pytest.raises(team.TeamError) as caught:
        team.join_server(pg_url, tmp_path)
    assert caught.value.reason is team.Reason.EMPTY
    assert not (tmp_path / team.SETTINGS_FILE).exists()


def test_init_builds_the_schema_and_join_saves_the_address(pg_url: str, tmp_path: Path) -> None:
    report = team.init_server(pg_url)
    assert report.state is team.ServerState.CURRENT
    assert report.prospects == 0
    joined, _kept = team.join_server(pg_url, tmp_path)
    assert joined.state is team.ServerState.CURRENT
    assert team.TeamSettings.load(tmp_path) == team.TeamSettings(team.without_password(pg_url))


# -- moving the local data ---------------------------------------------------------------


def _local_with_demo(folder: Path) -> Path:
    path = folder / "local.sqlite3"
    db = open_database(path)
    with db.session() as session:
        assert fill_demo(session).created
    db.dispose()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(params=["sqlite", "postgresql"])
def target_url(request: pytest.FixtureRequest) -> str | None:
    """Where the data is moved: another SQLite file, or the test PostgreSQL server."""
    if request.param == "sqlite":
        return None
    return str(request.getfixturevalue("pg_url"))


def test_moving_copies_every_row_and_leaves_the_local_file_untouched(
    tmp_path: Path, target_url: str | None
) -> None:
    local_path = _local_with_demo(tmp_path)
    before = _digest(local_path)
    local = open_read_only(local_path)
    target = (
        open_database(tmp_path / "unused.sqlite3", url=target_url)
        if target_url
        else open_database(tmp_path / "team.sqlite3")
    )
    try:
        expected = team.held_rows(local.engine)
        report = team.move_data(local.engine, target.engine)
        assert {name: n for name, n in report.counts.items() if n} == expected
        assert team.held_rows(target.engine) == expected
        assert report.total > 100
    finally:
        local.dispose()
        target.dispose()
    assert _digest(local_path) == before


#: What a just-built database holds: the unnamed user of migration 0009.
BUILT = {"app_user": 1}


def test_a_failure_midway_leaves_the_team_database_empty(
    tmp_path: Path, target_url: str | None
) -> None:
    local = open_read_only(_local_with_demo(tmp_path))
    target = (
        open_database(tmp_path / "unused.sqlite3", url=target_url)
        if target_url
        else open_database(tmp_path / "team.sqlite3")
    )

    def stop_at_activities(table: str, _copied: int) -> None:
        if table == "activity":
            raise OSError("network gone")

    try:
        with pytest.raises(Exception, match="network gone"):
            team.move_data(local.engine, target.engine, progress=stop_at_activities)
        assert team.held_rows(target.engine) == BUILT
        # The dry run copies and checks, then keeps nothing either.
        report = team.move_data(local.engine, target.engine, dry_run=True)
        assert report.dry_run and report.counts["prospect"] > 0
        assert team.held_rows(target.engine) == BUILT
    finally:
        local.dispose()
        target.dispose()


def test_moving_refuses_a_team_database_that_holds_data(tmp_path: Path) -> None:
    local = open_read_only(_local_with_demo(tmp_path))
    target = open_database(tmp_path / "team.sqlite3")
    try:
        team.move_data(local.engine, target.engine)
        with pytest.raises(team.TeamError) as caught:
            team.move_data(local.engine, target.engine)
        assert caught.value.reason is team.Reason.NOT_EMPTY
        assert "Nothing was copied" in str(caught.value)
    finally:
        local.dispose()
        target.dispose()


def test_after_moving_new_rows_get_new_ids_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    from prospection.core.models import Prospect

    local = open_read_only(_local_with_demo(tmp_path))
    target = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    try:
        team.move_data(local.engine, target.engine)
        with target.session() as session:
            session.add(Prospect(name="Added after the move"))
        assert (
            team.held_rows(target.engine)["prospect"]
            == team.held_rows(local.engine)["prospect"] + 1
        )
    finally:
        local.dispose()
        target.dispose()


def test_a_write_cut_by_a_lost_connection_leaves_nothing(tmp_path: Path, pg_url: str) -> None:
    from prospection.core.models import Prospect

    db = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    admin = create_engine(pg_url)
    try:
        with pytest.raises(OperationalError) as caught, db.session() as session:
            session.add(Prospect(name="Half written"))
            session.flush()
            pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with admin.begin() as other:
                other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        assert classify_problem(caught.value) is Problem.SERVER
        with admin.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM prospect")).scalar() == 0
    finally:
        admin.dispose()
        db.dispose()


def test_after_moving_postgresql_has_statistics_of_the_rows(tmp_path: Path, pg_url: str) -> None:
    """Right after a move the planner knows the tables' sizes (ANALYZE), instead of
    guessing until autovacuum comes by (a minute or more: plans walking whole tables)."""
    local = open_read_only(_local_with_demo(tmp_path))
    target = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    never = "SELECT reltuples FROM pg_class WHERE oid = to_regclass(:table)"
    try:
        team.move_data(local.engine, target.engine)
        with target.engine.connect() as connection:
            for table in ("prospect", "activity", "prospect_search"):
                tuples = connection.execute(text(never), {"table": table}).scalar_one()
                assert tuples > 0, table  # -1: never analysed
    finally:
        local.dispose()
        target.dispose()
