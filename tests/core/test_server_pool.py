"""The team server's connection pool keeps `pool_pre_ping` (issue #17's round trips).

The ping is a round trip at every checkout (one of the six of a keystroke). It was
replaced, on the `ui-trips` branch, by a ping of connections that rested over 5 s plus
the change feed having the pool checked when it loses the server; the mid-session loss
tests then failed now and then: the window reads (a paint) in the moment between the
server dropping its connections and the feed hearing of it, and met a dead one. With
the ping, a connection the server dropped is replaced before use however recent its
last use. Needs the test PostgreSQL server.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from prospection.core.db import Database, open_database


@pytest.fixture
def team(pg_url: str, tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    yield database
    database.dispose()


def _pid(db: Database) -> int:
    with db.session() as session:
        return int(session.execute(text("SELECT pg_backend_pid()")).scalar_one())


def test_a_connection_the_server_dropped_a_moment_after_its_use_is_replaced_unseen(
    team: Database, pg_url: str
) -> None:
    first = _pid(team)
    other = create_engine(pg_url)  # what a restart does to it (or an administrator)
    try:
        with other.begin() as connection:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first})
    finally:
        other.dispose()
    # At once, before anything else could notice: no error, a new connection.
    assert _pid(team) != first
