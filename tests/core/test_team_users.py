"""Team mode (issue 17): users, per-user rows, owners, reservations, no double calls."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TypeVar

import pytest
from alembic import command
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from prospection.core import users
from prospection.core.call_leases import LEASE_MINUTES
from prospection.core.call_queue import LeftOutReason, QueueSource, QueueSpec, build_queue
from prospection.core.call_sessions import (
    end_session,
    find_resumable,
    get_session,
    keep_reservations,
    record_call,
    start_session,
)
from prospection.core.db import Database, alembic_config, create_sqlite_engine, open_database
from prospection.core.enums import ActivityKind, Outcome
from prospection.core.models import Activity, CallSession, Prospect, WeeklyGoal
from prospection.core.weekly_goals import actuals_for, set_targets, targets_for
from prospection.core.weeks import Week
from tests.call_factories import NOW, add_prospect

T = TypeVar("T")
ALL = QueueSpec(QueueSource.ALL, size=20)


def _team(db: Database) -> tuple[int, int]:
    """Name the local user Alice and add Bob; return their ids."""
    with db.session() as session:
        alice = users.rename_user(session, users.local_user_id(session), "Alice", "a@x.fr")
        bob = users.add_user(session, "Bob", "bob@x.fr")
    return alice.id, bob.id


def _as(db: Database, user_id: int) -> Database:
    """A second client: its own engine on the same data, working for `user_id`."""
    url = None
    if db.engine.dialect.name != "sqlite":  # --db=postgres
        url = db.engine.url.render_as_string(hide_password=False)
    other = open_database(db.path, url=url)
    users.use_user(other, user_id)
    return other


# ------------------------------------------------------------------ single user


def test_a_single_user_has_one_local_user_and_nothing_changes(db: Database) -> None:
    pid = add_prospect(db, "Boulangerie Martin")
    with db.session() as session:
        assert [u.id for u in users.list_users(session)] == [1]
        assert users.current_user_id(session) == 1 and not users.is_team(session)
        queue = build_queue(session, ALL, now=NOW)
        state = start_session(session, ALL, queue, now=NOW)
        record_call(session, state.id, pid, Outcome.NO_ANSWER, at=NOW)
    with db.session() as session:
        assert session.scalar(select(Activity.user_id).where(Activity.prospect_id == pid)) == 1
        assert session.get(CallSession, state.id).user_id == 1  # type: ignore[union-attr]
        assert session.get(Prospect, pid).last_caller_id == 1  # type: ignore[union-attr]


def test_migration_0009_gives_an_existing_file_one_user_who_owns_its_rows(tmp_path: Path) -> None:
    engine = create_sqlite_engine(tmp_path / "p.sqlite3")
    with engine.begin() as connection:
        config = alembic_config(connection)
        command.upgrade(config, "0008_shown_phone_wrong")
        connection.execute(
            text(
                "INSERT INTO weekly_goal (week, calls, reached, conversations, meetings, "
                "new_clients) VALUES ('2026-W48', 50, 8, 5, 2, 0)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO call_session (started_at, status, source, queue, position, "
                "follow_ups, skipped, draft_notes) "
                "VALUES ('2026-11-25 13:00:00', 'ended', 'due', '[]', 0, 0, 0, '')"
            )
        )
        command.upgrade(config, "0009_users")
        assert connection.execute(text("SELECT id, name FROM app_user")).all() == [(1, "")]
        assert connection.execute(text("SELECT user_id FROM weekly_goal")).scalar() == 1
        assert connection.execute(text("SELECT user_id FROM call_session")).scalar() == 1
        columns = {row[1] for row in connection.execute(text("PRAGMA table_info(prospect)"))}
        assert {"owner_id", "last_caller_id"} <= columns
        # A second user may now set their own targets for the same week.
        connection.execute(
            text(
                "INSERT INTO weekly_goal (user_id, week, calls, reached, conversations, "
                "meetings, new_clients) VALUES (2, '2026-W48', 10, 1, 1, 1, 0)"
            )
        )
        connection.execute(text("DELETE FROM weekly_goal WHERE user_id = 2"))
        command.downgrade(config, "0008_shown_phone_wrong")
        tables = {row[0] for row in connection.execute(text("SELECT name FROM sqlite_master"))}
        assert "app_user" not in tables and "call_lease" not in tables
        assert connection.execute(text("SELECT calls FROM weekly_goal")).scalar() == 50
        command.upgrade(config, "head")
    engine.dispose()


def test_users_are_checked_and_found_by_email_or_name(db: Database) -> None:
    _team(db)
    with db.session() as session:
        with pytest.raises(users.UserError) as error:
            users.add_user(session, "  ")
        assert error.value.code == "name_required"
        with pytest.raises(users.UserError) as error:
            users.add_user(session, "Robert", "BOB@x.fr")
        assert error.value.code == "email_taken"
        with pytest.raises(users.UserError) as error:
            users.add_user(session, "Robert", "not an email")
        assert error.value.code == "email_invalid"
        assert users.find_user(session, " Bob@X.fr ").name == "Bob"  # type: ignore[union-attr]
        assert users.find_user(session, "alice").email == "a@x.fr"  # type: ignore[union-attr]
        assert users.find_user(session, "Carol") is None
        assert users.is_team(session)


def test_whether_it_is_a_team_is_asked_once_per_transaction(db: Database) -> None:
    """The weekly stats asked it 63 times for one panel: on a server, 63 round trips."""
    from sqlalchemy import event

    from prospection.core.weekly_goals import week_status

    asked: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "app_user" in statement and "count(" in statement:
            asked.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    with db.session() as session:
        week_status(session)
        assert len(asked) == 1
        assert not users.is_team(session)
        users.add_user(session, "Bob")  # seen at once, in the same transaction
        assert users.is_team(session)
    with db.session() as session:
        assert users.is_team(session)
    assert len(asked) == 3
    event.remove(db.engine, "before_cursor_execute", count)


# ------------------------------------------------------------------ per user


def test_activities_sessions_goals_and_counts_are_per_user(db: Database) -> None:
    alice, bob = _team(db)
    pids = [add_prospect(db, f"P{n}") for n in range(3)]
    bob_db = _as(db, bob)
    try:
        week = Week.containing(NOW)
        with db.session() as session:
            set_targets(session, week, today_week=week, calls=50)
            spec = QueueSpec(QueueSource.SELECTION, ids=(pids[0], pids[1]))
            state = start_session(session, spec, build_queue(session, spec, now=NOW), now=NOW)
            record_call(session, state.id, pids[0], Outcome.NO_ANSWER, at=NOW)
            pause_id = state.id
        with bob_db.session() as session:
            assert targets_for(session, week).calls != 50  # Alice's target is hers
            set_targets(session, week, today_week=week, calls=12)
            assert targets_for(session, week).calls == 12
            assert actuals_for(session, week).calls == 0  # Alice's call is not Bob's
            assert find_resumable(session) is None  # nor is her session
            queue = build_queue(session, ALL, now=NOW)
            # pids[0]: called by Alice; pids[1]: in her paused session.
            assert [e.prospect_id for e in queue.entries] == pids[2:]
            state = start_session(session, ALL, queue, now=NOW)
            record_call(session, state.id, pids[2], Outcome.NO_ANSWER, at=NOW)
            assert actuals_for(session, week).calls == 1
        with db.session() as session:
            assert targets_for(session, week).calls == 50
            assert actuals_for(session, week).calls == 1
            assert find_resumable(session).id == pause_id  # type: ignore[union-attr]
            callers = dict(session.execute(select(Prospect.id, Prospect.last_caller_id)).all())
            assert callers[pids[0]] == alice and callers[pids[2]] == bob
            assert session.scalar(select(func.count()).select_from(WeeklyGoal)) == 2
    finally:
        bob_db.dispose()


# ------------------------------------------------------------------ reservations


def test_a_colleagues_session_reserves_its_prospects_until_it_ends(
    db: Database,
) -> None:
    _, bob = _team(db)
    pids = [add_prospect(db, f"P{n}", priority=5 - n) for n in range(4)]
    bob_db = _as(db, bob)
    try:
        with db.session() as session:
            mine = start_session(
                session, QueueSpec(QueueSource.ALL, size=2), build_queue(session, ALL, now=NOW)
            )
        assert list(mine.queue) == pids  # built for 20, the whole queue is reserved
        with bob_db.session() as session:
            queue = build_queue(session, ALL)
        assert queue.entries == []
        reasons = {item.prospect_id: item.reason for item in queue.left_out}
        assert reasons == dict.fromkeys(pids, LeftOutReason.RESERVED)
        assert queue.left_out[0].callable_again_at is not None
        with db.session() as session:
            record_call(session, mine.id, pids[0], Outcome.NO_ANSWER)
            end_session(session, mine.id)
        with bob_db.session() as session:
            queue = build_queue(session, ALL)
        # Leases gone with the session; the prospect Alice called waits for its retry
        # (its next action; a selection says why: the next test).
        assert [e.prospect_id for e in queue.entries] == pids[1:]
    finally:
        bob_db.dispose()


def test_an_explicit_selection_still_skips_what_a_colleague_just_called(
    db: Database,
) -> None:
    _, bob = _team(db)
    pid = add_prospect(db, "Boulangerie Martin")
    bob_db = _as(db, bob)
    try:
        with db.session() as session:
            state = start_session(session, ALL, build_queue(session, ALL))
            record_call(session, state.id, pid, Outcome.NO_ANSWER)
            end_session(session, state.id)
        spec = QueueSpec(QueueSource.SELECTION, ids=(pid,))
        with bob_db.session() as session:
            queue = build_queue(session, spec)
        assert queue.entries == []
        (item,) = queue.left_out
        assert item.reason == LeftOutReason.CALLED_BY_COLLEAGUE and item.by_user_id == 1
        assert item.callable_again_at is not None and item.callable_again_at > NOW
    finally:
        bob_db.dispose()


def test_leases_of_a_crashed_session_expire(db: Database) -> None:
    _, bob = _team(db)
    pids = [add_prospect(db, f"P{n}") for n in range(2)]
    bob_db = _as(db, bob)
    try:
        with db.session() as session:  # Alice's app dies here: the session never ends
            crashed = start_session(session, ALL, build_queue(session, ALL, now=NOW), now=NOW)
        later = NOW + timedelta(minutes=LEASE_MINUTES - 1)
        with bob_db.session() as session:
            assert build_queue(session, ALL, now=later).entries == []
        later = NOW + timedelta(minutes=LEASE_MINUTES + 1)
        with bob_db.session() as session:
            queue = build_queue(session, ALL, now=later)
            bobs = start_session(session, ALL, queue, now=later)
        assert list(bobs.queue) == pids
        # Alice comes back: what Bob holds has left her queue, with the reason.
        with db.session() as session:
            lost = keep_reservations(session, crashed.id, now=later)
            assert {item.prospect_id for item in lost} == set(pids)
            assert {item.reason for item in lost} == {LeftOutReason.RESERVED.value}
            assert get_session(session, crashed.id).finished
    finally:
        bob_db.dispose()


def test_a_session_started_over_a_stale_queue_drops_what_a_colleague_took(
    db: Database,
) -> None:
    _, bob = _team(db)
    pids = [add_prospect(db, f"P{n}") for n in range(3)]
    bob_db = _as(db, bob)
    try:
        with db.session() as session:
            stale = build_queue(session, ALL)  # shown in the start dialog ...
        with bob_db.session() as session:
            spec = QueueSpec(QueueSource.SELECTION, ids=(pids[1],))
            start_session(session, spec, build_queue(session, spec))
        with db.session() as session:  # ... and started after Bob took one
            state = start_session(session, ALL, stale)
        assert list(state.queue) == [pids[0], pids[2]]
        assert [(i.prospect_id, i.reason) for i in stale.left_out] == [
            (pids[1], LeftOutReason.RESERVED)
        ]
    finally:
        bob_db.dispose()


# ------------------------------------------------------------------ two clients at once


def _retry(action: Callable[[], T]) -> T:
    """Run one transaction, again when the engine says the data was busy or changed.

    SQLite refuses a write to a transaction whose snapshot a concurrent writer made
    stale ("database is locked"); PostgreSQL may report a deadlock. Nothing was
    written then: doing it again is what the app's retry does too.
    """
    for attempt in range(200):
        try:
            return action()
        except OperationalError:
            time.sleep(0.005 * (attempt % 10 + 1))
    raise AssertionError("the database stayed busy")


def _two_clients_call_everyone(first: Database, second: Database, count: int) -> None:
    with first.session() as session:
        alice = users.rename_user(session, users.local_user_id(session), "Alice")
        bob = users.add_user(session, "Bob")
    users.use_user(first, alice.id)
    users.use_user(second, bob.id)
    pids = {add_prospect(first, f"P{n}", priority=n % 3) for n in range(count)}
    served: dict[int, list[int]] = {alice.id: [], bob.id: []}
    barrier = threading.Barrier(2)
    failures: list[BaseException] = []

    def client(db: Database, user_id: int) -> None:
        spec = QueueSpec(QueueSource.ALL, size=5)

        def start() -> int | None:
            with db.session() as session:
                queue = build_queue(session, spec)
                if not queue.entries:
                    return None  # everyone is called or held by the other
                # The other may have taken them all since the queue was read: then
                # this session is empty and the loop starts another.
                return start_session(session, spec, queue).id

        def call_current(session_id: int) -> int | None:
            with db.session() as session:
                pid = get_session(session, session_id).current_prospect_id
                if pid is not None:
                    record_call(session, session_id, pid, Outcome.NO_ANSWER)
                return pid

        def end(session_id: int) -> None:
            with db.session() as session:
                end_session(session, session_id)

        try:
            barrier.wait()
            while (session_id := _retry(start)) is not None:
                while (pid := _retry(lambda: call_current(session_id))) is not None:
                    served[user_id].append(pid)
                    time.sleep(0.02)  # a call takes a while: the other client gets a turn
                _retry(lambda: end(session_id))
        except BaseException as error:  # reported by the main thread
            failures.append(error)

    threads = [
        threading.Thread(target=client, args=(first, alice.id)),
        threading.Thread(target=client, args=(second, bob.id)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not failures, failures
    both = served[alice.id] + served[bob.id]
    assert len(both) == len(set(both)), "a prospect was served twice"
    assert set(both) == pids  # and everyone was called, by one of them
    assert served[alice.id] and served[bob.id]  # really at the same time
    with first.session() as session:
        calls = session.execute(
            select(Activity.prospect_id, func.count())
            .where(Activity.kind == ActivityKind.CALL)
            .group_by(Activity.prospect_id)
        ).all()
        assert dict(calls) == dict.fromkeys(pids, 1)  # type: ignore[arg-type]


def test_two_clients_on_one_sqlite_file_never_serve_the_same_prospect(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    first = open_database(path)
    second = open_database(path)
    try:
        _two_clients_call_everyone(first, second, 60)
    finally:
        first.dispose()
        second.dispose()


def test_two_clients_on_postgresql_never_serve_the_same_prospect(
    pg_url: str, tmp_path: Path
) -> None:
    first = open_database(tmp_path / "unused", url=pg_url)
    second = open_database(tmp_path / "unused", url=pg_url)
    try:
        _two_clients_call_everyone(first, second, 80)
    finally:
        first.dispose()
        second.dispose()
