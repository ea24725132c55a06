"""Team mode (issue 17): who works on the data (`users.identify`, saved in team.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from prospection.core import team, users
from prospection.core.call_queue import QueueSource, QueueSpec, build_queue
from prospection.core.call_sessions import record_call, start_session
from prospection.core.db import Database, open_database
from prospection.core.enums import Outcome
from prospection.core.models import Activity, CallLease, CallSession
from tests.call_factories import NOW, add_prospect

ONE = QueueSpec(QueueSource.ALL, size=1)  # each person leases one prospect


def _call_first(db: Database) -> int:
    """Start a session of everything due and call its first prospect; its id."""
    with db.session() as session:
        queue = build_queue(session, ONE, now=NOW)
        state = start_session(session, ONE, queue, now=NOW)
        first = state.queue[0]
        record_call(session, state.id, first, Outcome.NO_ANSWER, at=NOW)
        return int(first)


def test_two_people_on_one_database_record_under_two_user_ids(db: Database) -> None:
    add_prospect(db, "Boulangerie Martin")
    add_prospect(db, "Garage Dupont")
    url = None if db.engine.dialect.name == "sqlite" else db.engine.url
    alice_db = open_database(
        db.path, url=url.render_as_string(hide_password=False) if url else None
    )
    bob_db = open_database(db.path, url=url.render_as_string(hide_password=False) if url else None)
    try:
        alice = users.identify(alice_db, "Alice", "alice@example.fr")
        bob = users.identify(bob_db, "Bob")
        assert alice.id != bob.id
        # The first person names the unnamed local user (whose moved data it is).
        assert alice.id == 1
        alice_called = _call_first(alice_db)
        bob_called = _call_first(bob_db)
        assert alice_called != bob_called  # Alice's lease kept Bob off her prospect
        with db.session() as session:
            by_prospect = {
                row.prospect_id: row.user_id
                for row in session.execute(select(Activity.prospect_id, Activity.user_id))
            }
            assert by_prospect == {alice_called: alice.id, bob_called: bob.id}
            sessions = set(session.scalars(select(CallSession.user_id)))
            assert sessions == {alice.id, bob.id}
            leases = {
                row.prospect_id: row.user_id
                for row in session.execute(select(CallLease.prospect_id, CallLease.user_id))
            }
            assert leases[alice_called] == alice.id and leases[bob_called] == bob.id
            assert [u.label for u in users.list_users(session)] == ["Alice", "Bob"]
        # Coming back: found by email first, then by name (case and spaces aside).
        again = open_database(
            db.path, url=url.render_as_string(hide_password=False) if url else None
        )
        try:
            assert users.identify(again, "someone else", "ALICE@example.fr ").id == alice.id
            assert users.identify(again, "  bob ").id == bob.id
            with again.session() as session:
                assert users.current_user_id(session) == bob.id
                assert users.user_count(session) == 2
        finally:
            again.dispose()
    finally:
        alice_db.dispose()
        bob_db.dispose()


def test_identify_needs_a_name_or_an_email_and_checks_the_email(db: Database) -> None:
    with pytest.raises(users.UserError) as error:
        users.identify(db, "  ", "")
    assert error.value.code == "name_required"
    with pytest.raises(users.UserError) as error:
        users.identify(db, "Alice", "not an email")
    assert error.value.code == "email_invalid"
    with db.session() as session:
        assert [(u.id, u.name) for u in users.list_users(session)] == [(1, "")]


def test_the_person_is_saved_with_the_team_server_and_never_the_password(
    tmp_path: Path,
) -> None:
    url = "postgresql+psycopg://team:secret@db.example/prospection"
    team.TeamSettings(url, " Alice ", "alice@example.fr").save(tmp_path)
    saved = team.TeamSettings.load(tmp_path)
    assert saved == team.TeamSettings(
        "postgresql+psycopg://team@db.example/prospection", "Alice", "alice@example.fr"
    )
    assert team.saved_person(tmp_path) == ("Alice", "alice@example.fr")
    assert "secret" not in (tmp_path / team.SETTINGS_FILE).read_text(encoding="utf-8")
    # A file written before people were saved still loads.
    (tmp_path / team.SETTINGS_FILE).write_text(json.dumps({"url": url}), encoding="utf-8")
    assert team.saved_person(tmp_path) == ("", "")
    team.forget_settings(tmp_path)
    assert team.saved_person(tmp_path) == ("", "")


def test_opening_the_team_database_works_for_the_saved_person(pg_url: str, tmp_path: Path) -> None:
    team.init_server(pg_url)
    add_first = team.open_team_database(tmp_path / "p.sqlite3", pg_url, user="Alice")
    second = team.open_team_database(tmp_path / "p.sqlite3", pg_url, user="Bob", email="b@x.fr")
    try:
        add_prospect(add_first, "Boulangerie Martin")
        add_prospect(add_first, "Garage Dupont")
        alice_called = _call_first(add_first)
        bob_called = _call_first(second)
        assert alice_called != bob_called
        with second.session() as session:
            by_prospect = {
                row.prospect_id: row.user_id
                for row in session.execute(select(Activity.prospect_id, Activity.user_id))
            }
            labels = users.user_labels(session)
            assert {labels[by_prospect[alice_called]], labels[by_prospect[bob_called]]} == {
                "Alice",
                "Bob",
            }
            assert labels[by_prospect[alice_called]] == "Alice"
            leases = {
                row.prospect_id: row.user_id
                for row in session.execute(select(CallLease.prospect_id, CallLease.user_id))
            }
            assert labels[leases[bob_called]] == "Bob"
    finally:
        add_first.dispose()
        second.dispose()
