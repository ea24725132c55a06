"""Team mode: colleagues' committed changes are heard (LISTEN/NOTIFY), bursts coalesced."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, insert, text, update

from prospection.core.change_feed import (
    Change,
    ChangeBatch,
    ChangeFeed,
    Coalescer,
    merge,
    parse_payload,
)
from prospection.core.db import Database, open_database
from prospection.core.enums import ActivityKind
from prospection.core.models import Activity, Contact, Prospect, prospect_tag


def test_payloads_are_parsed_and_foreign_ones_ignored() -> None:
    assert parse_payload('{"schema": "s", "table": "contact", "ids": [3, 4]}', 7) == Change(
        "s", "contact", frozenset({3, 4}), 7
    )
    assert parse_payload('{"schema": "s", "table": "tag", "ids": null}') == Change("s", "tag", None)
    for foreign in (
        "",
        "hello",
        "[1]",
        '{"table": "x"}',
        '{"schema": "s", "table": "t", "ids": ["1"]}',
        '{"schema": "s", "table": "t", "ids": [true]}',
    ):
        assert parse_payload(foreign) is None, foreign


def test_a_burst_is_one_batch_due_after_the_quiet_or_the_longest_wait() -> None:
    pending = Coalescer(debounce=0.5, max_wait=2.0)
    assert pending.due_in(0.0) is None
    pending.add(Change("s", "prospect", frozenset({1})), 10.0)
    assert pending.due_in(10.0) == pytest.approx(0.5)
    for step in range(1, 30):  # a notification every 0.1 s: no quiet, the wait caps it
        pending.add(Change("s", "contact", frozenset({step})), 10.0 + step / 10)
    assert pending.due_in(12.9) == 0.0
    batch = pending.take()
    assert batch is not None
    assert batch.notifications == 30
    assert batch.tables == {"prospect", "contact"}
    assert batch.ids == frozenset(range(1, 30))
    assert pending.take() is None
    many = merge([Change("s", "prospect", frozenset({1})), Change("s", "tag", None)])
    assert many is not None and many.ids is None and many.touches(12345)


def test_nothing_listens_on_sqlite(db: Database) -> None:
    if db.engine.dialect.name != "sqlite":
        pytest.skip("the SQLite case")
    assert ChangeFeed.for_engine(db.engine) is None


@pytest.fixture
def team(pg_url: str, tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    yield database
    database.dispose()


def _listening(team: Database, **options: float) -> ChangeFeed:
    feed = ChangeFeed(team.engine, **options)  # type: ignore[arg-type]
    feed.connect()
    return feed


def _hear(feed: ChangeFeed, seconds: float = 2.0) -> list[Change]:
    heard: list[Change] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        heard.extend(feed.wait(0.2))
    return heard


def test_a_colleagues_commit_is_heard_with_the_prospects_ids(team: Database, pg_url: str) -> None:
    feed = _listening(team)
    colleague = create_engine(pg_url)
    try:
        with colleague.begin() as connection:
            first = connection.execute(
                insert(Prospect).values(name="Acme").returning(Prospect.id)
            ).scalar_one()
            second = connection.execute(
                insert(Prospect).values(name="Globex").returning(Prospect.id)
            ).scalar_one()
        heard = _hear(feed, 1.0)
        assert [(c.table, c.ids) for c in heard] == [("prospect", {first}), ("prospect", {second})]
        assert heard[0].schema == feed.schema
        assert heard[0].pid not in feed.own_pids

        with colleague.begin() as connection:
            contact = connection.execute(
                insert(Contact).values(prospect_id=first, last_name="Doe").returning(Contact.id)
            ).scalar_one()
            connection.execute(
                text(
                    "INSERT INTO phone (contact_id, kind, raw, is_wrong, position) "
                    "VALUES (:c, 'WORK', '01 02', false, 0)"
                ),
                {"c": contact},
            )
            connection.execute(
                insert(Activity).values(prospect_id=second, kind=ActivityKind.CALL, notes="hello")
            )
            connection.execute(text("INSERT INTO tag (name) VALUES ('vip')"))
            tag = connection.execute(text("SELECT id FROM tag")).scalar_one()
            connection.execute(insert(prospect_tag).values(prospect_id=second, tag_id=tag))
        by_table = {c.table: c.ids for c in _hear(feed, 1.0)}
        assert by_table["contact"] == {first}
        assert by_table["phone"] == {first}
        assert by_table["activity"] == {second}
        assert by_table["prospect_tag"] == {second}
        assert by_table["tag"] is None  # no prospect: reload everything

        # A rolled-back change is never heard; a statement changing no row neither.
        with colleague.connect() as connection:
            connection.execute(update(Prospect).values(name="Never"))
            connection.rollback()
        with colleague.begin() as connection:
            connection.execute(update(Prospect).where(Prospect.id == -1).values(name="No one"))
        assert _hear(feed, 0.8) == []

        with colleague.begin() as connection:
            connection.execute(text("DELETE FROM prospect WHERE id = :i"), {"i": first})
        assert {(c.table, frozenset(c.ids or ())) for c in _hear(feed, 1.0)} >= {
            ("prospect", frozenset({first}))
        }
    finally:
        colleague.dispose()
        feed.close()


def test_the_apps_own_changes_are_not_heard(team: Database) -> None:
    feed = _listening(team)
    team.engine.dispose()  # pooled connections made from now on are known as ours
    try:
        with team.session() as session:
            session.add(Prospect(name="Mine"))
        assert feed.own_pids
        assert _hear(feed, 0.8) == []
    finally:
        feed.close()


def test_many_rows_in_one_statement_is_one_notification_saying_many(
    team: Database, pg_url: str
) -> None:
    feed = _listening(team)
    colleague = create_engine(pg_url)
    try:
        with colleague.begin() as connection:
            connection.execute(insert(Prospect), [{"name": f"P{i}"} for i in range(300)])
            ids = sorted(connection.execute(text("SELECT id FROM prospect")).scalars())
        _hear(feed, 0.5)  # sent as separate statements (coalesced by `run`, see below)
        with colleague.begin() as connection:  # one statement, 50 rows: one notification
            connection.execute(
                update(Prospect).where(Prospect.id.in_(ids[:50])).values(city="Lyon")
            )
        [one] = _hear(feed, 1.0)
        assert (one.table, one.ids) == ("prospect", frozenset(ids[:50]))
        with colleague.begin() as connection:
            connection.execute(update(Prospect).values(city="Paris"))
        [big] = _hear(feed, 1.0)
        assert big.ids is None  # more than 200 prospects: "many", reload everything
    finally:
        colleague.dispose()
        feed.close()


def test_a_burst_of_commits_is_delivered_as_few_batches(team: Database, pg_url: str) -> None:
    feed = ChangeFeed(team.engine, debounce=0.4, max_wait=1.5)
    batches: list[ChangeBatch] = []
    states: list[bool] = []
    thread = threading.Thread(
        target=feed.run, args=(batches.append, lambda up, _why: states.append(up))
    )
    thread.start()
    colleague = create_engine(pg_url)
    try:
        deadline = time.monotonic() + 5
        while not states and time.monotonic() < deadline:
            time.sleep(0.05)
        assert states == [True]
        ids = set()
        began = time.monotonic()
        with colleague.connect() as connection:
            for i in range(200):  # 200 separate commits, as fast as they go
                ids.add(
                    connection.execute(
                        insert(Prospect).values(name=f"B{i}").returning(Prospect.id)
                    ).scalar_one()
                )
                connection.commit()
        took = time.monotonic() - began
        deadline = time.monotonic() + 5
        while sum(b.notifications for b in batches) < 200 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sum(b.notifications for b in batches) == 200
        # One batch per 1.5 s at most while they keep coming (a loaded machine commits
        # slower), then the last one: never one per commit.
        most = int(took / 1.5) + 2
        assert 1 <= len(batches) <= min(most, 20), (took, [b.notifications for b in batches])
        seen = set().union(*(b.ids or set() for b in batches))
        assert seen == ids
    finally:
        feed.stop()
        thread.join(5)
        colleague.dispose()
    assert not thread.is_alive()


def test_a_lost_connection_is_reported_then_listened_again(team: Database, pg_url: str) -> None:
    feed = ChangeFeed(team.engine, debounce=0.2, backoff=(0.3,))
    batches: list[ChangeBatch] = []
    states: list[bool] = []
    thread = threading.Thread(
        target=feed.run, args=(batches.append, lambda up, _why: states.append(up))
    )
    thread.start()
    admin = create_engine(pg_url)
    try:
        deadline = time.monotonic() + 5
        while not states and time.monotonic() < deadline:
            time.sleep(0.05)
        pid = feed.listener_pid
        assert pid is not None
        with admin.begin() as connection:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        deadline = time.monotonic() + 8
        while states[-1:] != [True] or len(states) < 3:
            assert time.monotonic() < deadline, states
            time.sleep(0.05)
        assert states[:3] == [True, False, True]
        with admin.begin() as connection:  # heard again after the reconnection
            connection.execute(insert(Prospect).values(name="After"))
        deadline = time.monotonic() + 5
        while not batches and time.monotonic() < deadline:
            time.sleep(0.05)
        assert batches and batches[0].tables == {"prospect"}
    finally:
        feed.stop()
        thread.join(5)
        admin.dispose()


def test_writes_are_refused_while_the_server_is_away_and_reads_go_on(team: Database) -> None:
    from prospection.core.errors import Problem, classify_problem
    from prospection.core.integrity import ReadOnly, WritesRefusedError

    with team.session() as session:
        session.add(Prospect(name="Before"))
    team.read_only = ReadOnly.SERVER
    with pytest.raises(WritesRefusedError) as refused, team.session() as session:
        session.add(Prospect(name="Refused"))
    assert classify_problem(refused.value) is Problem.SERVER
    with pytest.raises(WritesRefusedError), team.session() as session:
        session.execute(update(Prospect).values(city="Nowhere"))
    with team.session() as session:
        assert session.execute(text("SELECT name, city FROM prospect")).all() == [("Before", "")]
    team.read_only = None
    with team.session() as session:
        session.add(Prospect(name="After"))
    with team.session() as session:
        assert session.execute(text("SELECT count(*) FROM prospect")).scalar_one() == 2


def _notify_triggers(engine: Any) -> set[str]:
    with engine.connect() as connection:
        return set(
            connection.scalars(
                text(
                    "SELECT tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = current_schema() AND tgname LIKE 'prospection_notify_%'"
                )
            )
        )


def test_migration_0012_adds_the_triggers_and_takes_them_away(team: Database, pg_url: str) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory

    from prospection.core.db import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    before = script.get_revision("0012_change_notify").down_revision  # re-chained at merge
    assert isinstance(before, str)
    assert len(_notify_triggers(team.engine)) == 7 * 3  # 7 tables x insert/update/delete
    team.dispose()
    engine = create_engine(pg_url)
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), before)
        assert _notify_triggers(engine) == set()
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
        assert len(_notify_triggers(engine)) == 21
    finally:
        engine.dispose()


def test_migration_0012_adds_nothing_on_sqlite(tmp_path: Path) -> None:
    local = open_database(tmp_path / "p.sqlite3")
    try:
        with local.engine.connect() as connection:
            triggers = connection.scalars(
                text("SELECT name FROM sqlite_master WHERE name LIKE 'prospection_notify_%'")
            ).all()
        assert triggers == []
    finally:
        local.dispose()


def test_a_transaction_writing_row_by_row_sends_a_bounded_number(
    team: Database, pg_url: str
) -> None:
    feed = _listening(team)
    colleague = create_engine(pg_url)
    try:
        with colleague.begin() as connection:  # one transaction, 1,000 statements
            for i in range(1000):
                connection.execute(insert(Prospect).values(name=f"R{i}"))
        heard = _hear(feed, 1.5)
        assert 100 <= len(heard) <= 102, len(heard)  # 100 with ids, then one "many"
        assert heard[-1].ids is None
        assert all(c.ids is not None and len(c.ids) == 1 for c in heard[:100])
        with colleague.begin() as connection:  # the count is per transaction
            connection.execute(insert(Prospect).values(name="Next"))
        [next_one] = _hear(feed, 1.0)
        assert next_one.ids is not None
    finally:
        colleague.dispose()
        feed.close()
