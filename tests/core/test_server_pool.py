"""The team server's connection pool (issue #17): no ping in a burst, a rested one checked.

`pool_pre_ping` cost a round trip at every checkout, and a keystroke is several. Now
only a connection that rested longer than `dialects.REST_BEFORE_CHECK_S` is checked
(a restart while the app rests stays unseen); one that died within the last seconds
fails its first statement with the error of a lost server, and the pool replaces its
connections (the next statement works). Needs the test PostgreSQL server.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from prospection.core import dialects
from prospection.core.db import Database, open_database
from prospection.core.errors import Problem, classify_problem


@pytest.fixture
def team(pg_url: str, tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    yield database
    database.dispose()


@pytest.fixture
def pings(team: Database, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per ping of `team`'s pool."""
    done: list[int] = []
    dialect = team.engine.dialect
    real = dialect.do_ping

    def ping(dbapi_connection: Any) -> bool:
        done.append(1)
        return bool(real(dbapi_connection))

    monkeypatch.setattr(dialect, "do_ping", ping)
    return done


def _pid(db: Database) -> int:
    with db.session() as session:
        return int(session.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _terminate(pg_url: str, pid: int) -> None:
    """What a server restart does to a pooled connection (or an administrator)."""
    other = create_engine(pg_url)
    try:
        with other.begin() as connection:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    finally:
        other.dispose()


def _rest(monkeypatch: pytest.MonkeyPatch) -> None:
    # As if every pooled connection had rested long enough to be checked.
    monkeypatch.setattr(dialects, "REST_BEFORE_CHECK_S", 0.0)
    time.sleep(0.01)


def test_a_burst_of_sessions_pings_nothing_a_rested_connection_is_pinged(
    team: Database, pings: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(5):  # a keystroke's count and rows, scrolling ...
        _pid(team)
    assert pings == []  # pool_pre_ping: one per checkout (5)
    _rest(monkeypatch)
    _pid(team)
    assert pings == [1]


def test_a_rested_connection_the_server_dropped_is_replaced_unseen(
    team: Database, pg_url: str, pings: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _pid(team)
    _terminate(pg_url, first)
    _rest(monkeypatch)
    again = _pid(team)  # no error: checked, found gone, connected again
    assert again != first
    assert pings == [1]


def test_a_connection_dropped_within_the_last_seconds_fails_as_a_lost_server_once(
    team: Database, pg_url: str
) -> None:
    first = _pid(team)
    _terminate(pg_url, first)
    with pytest.raises(OperationalError) as caught:
        _pid(team)
    # What the app shows for it: the lost server's words and its banner (not a bug).
    assert caught.value.connection_invalidated
    assert classify_problem(caught.value) is Problem.SERVER
    # SQLAlchemy replaced the pool's connections: the next statement works.
    assert _pid(team) != first
