"""A search's count at once: exact when cheap, the server's estimate when not (#17).

PostgreSQL counts a search by visiting every match's row (200-300 ms for a word most of
a million prospects hold); its planner's estimate costs a millisecond. SQLite's
full-text index counts in milliseconds: it always counts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from prospection.core import prospects
from prospection.core.db import Database, open_database
from prospection.core.enums import Stage
from prospection.core.prospects import Count, ProspectFilter
from tests.ui.conftest import seed


def test_sqlite_always_counts(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    seed(db, n=30)
    monkeypatch.setattr(prospects, "QUICK_COUNT_LIMIT", 5)
    with db.session() as session:
        found = prospects.quick_count(session, ProspectFilter(text="soc"))
    if db.engine.dialect.name == "sqlite":
        assert found == Count(30, exact=True)
    else:  # the same test with --db=postgres
        assert not found.exact


@pytest.fixture
def server(pg_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    database = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    yield database
    database.dispose()


def test_a_server_estimates_a_large_search_and_counts_a_small_one(
    server: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(server, n=200)
    with server.session() as session:
        # The planner's statistics of the documents' words (autovacuum would, later).
        session.execute(text("ANALYZE prospect_search"))
        session.execute(text("ANALYZE prospect"))
    monkeypatch.setattr(prospects, "QUICK_COUNT_LIMIT", 50)
    with server.session() as session:
        large = prospects.quick_count(session, ProspectFilter(text="soc"))
        small = prospects.quick_count(session, ProspectFilter(text="boulangeries"))
        exact = prospects.count(session, ProspectFilter(text="soc"))
    assert exact == 200
    assert not large.exact
    # The estimate of one word is close (PostgreSQL's statistics of the words held).
    assert 100 <= large.value <= 400, large
    assert small == Count(1, exact=True)


def test_the_estimate_is_never_under_the_limit(
    server: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(server, n=20)
    monkeypatch.setattr(prospects, "QUICK_COUNT_LIMIT", 5)
    monkeypatch.setattr(prospects, "_estimated_rows", lambda session, query: 9)
    with server.session() as session:
        assert prospects.quick_count(session, ProspectFilter(text="soc")) == Count(9, False)
    monkeypatch.setattr(prospects, "_estimated_rows", lambda session, query: 3)
    with server.session() as session:
        # The planner expects few: counted, whatever it said.
        assert prospects.quick_count(session, ProspectFilter(text="soc")) == Count(20)


def test_other_filters_are_estimated_too_and_small_tables_counted(
    server: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(server, n=200)
    monkeypatch.setattr(prospects, "QUICK_COUNT_LIMIT", 50)
    with server.session() as session:
        session.execute(text("ANALYZE prospect"))
        # The whole table (204) and a stage (201 new) are estimated as well: counting a
        # million rows costs 60-190 ms on PostgreSQL.
        everyone = prospects.quick_count(session, ProspectFilter())
        new = prospects.quick_count(session, ProspectFilter(stages=frozenset({Stage.NEW})))
        assert not everyone.exact and 150 <= everyone.value <= 300, everyone
        assert not new.exact and 150 <= new.value <= 300, new
        # Few expected: counted.
        reached = ProspectFilter(stages=frozenset({Stage.REACHED}))
        assert prospects.quick_count(session, reached) == Count(1)
    prospects._COUNT_CACHE.clear()  # the total is cached for the plans' choices
    monkeypatch.setattr(prospects, "QUICK_COUNT_LIMIT", 500)
    monkeypatch.setattr(prospects, "_estimated_rows", lambda session, query: 10_000)
    with server.session() as session:
        # 204 prospects in all: counted, whatever the planner (no statistics yet) thinks.
        assert prospects.quick_count(session, ProspectFilter(text="soc")) == Count(200)
        assert prospects.quick_count(session, ProspectFilter()) == Count(204)


def test_a_few_rows_are_checked_against_a_search_one_by_one(db: Database) -> None:
    """What the table keeps of its first rows when a search narrows (both engines)."""
    from prospection.core.search import matches_among

    ids = seed(db, n=30)
    with db.session() as session:
        found = matches_among(session, ids, "soc 001")
        assert found == {ids[4 + n] for n in range(10, 20)}
        assert matches_among(session, ids[:3], "lyon") == {ids[0]}
        assert matches_among(session, ids[:3], "") == set(ids[:3])
        assert matches_among(session, ids[:3], "rappeler") == set()


def test_a_count_in_the_background_leaves_the_servers_cores_to_the_user(
    server: Database,
) -> None:
    seed(server, n=20)
    with server.session() as session:
        assert prospects.count(session, ProspectFilter(text="soc"), background=True) == 20
        assert session.scalar(text("SHOW max_parallel_workers_per_gather")) == "0"
    with server.session() as session:  # for that transaction only
        assert session.scalar(text("SHOW max_parallel_workers_per_gather")) != "0"
