"""A database written at the first schema revision opens with today's code, rows intact."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select, text

from prospection.core import prospects
from prospection.core.db import current_revision, head_revision, open_database
from prospection.core.enums import ActivityKind, ContactRole, Outcome, PhoneKind, Stage
from prospection.core.models import Activity, Contact, Prospect, TalkTrack, WeeklyGoal
from prospection.core.prospects import ProspectFilter
from prospection.core.settings import get_setting
from tests.fixtures.make_db_0001 import FIXTURE, build

NOW = datetime(2026, 9, 16, 12, 0, tzinfo=UTC)


def test_fixture_is_at_revision_0001() -> None:
    import sqlite3

    connection = sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0001",)
        ]
    finally:
        connection.close()


def test_rebuilding_the_fixture_gives_the_same_rows(tmp_path: Path) -> None:
    """The committed file is what the script makes (so the script documents it)."""
    import sqlite3

    rebuilt = build(tmp_path / "rebuilt.sqlite3")
    query = "SELECT id, name, stage, next_action_at FROM prospect ORDER BY id"
    rows = []
    for path in (FIXTURE, rebuilt):
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows.append(connection.execute(query).fetchall())
        finally:
            connection.close()
    assert rows[0] == rows[1]


def test_opening_a_0001_file_migrates_it_and_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "prospection.sqlite3"
    shutil.copyfile(FIXTURE, path)
    backups = tmp_path / "backups"
    db = open_database(path, backups_dir=backups)
    try:
        assert current_revision(db.engine) == head_revision()
        copies = list(backups.glob("before-migration-0001-*.sqlite3"))
        assert len(copies) == (0 if head_revision() == "0001" else 1)
        with db.session() as session:
            marchand = prospects.load(session, 1)
            assert marchand is not None
            assert marchand.name == "Boulangerie Marchand SARL"
            assert marchand.stage == Stage.REACHED
            assert marchand.next_action_at == datetime(2026, 9, 16, 13, 45, 30, tzinfo=UTC)
            assert marchand.import_batch_id == 1
            assert [t.name for t in marchand.tags] == ["boulangerie", "salon 2026"]
            elodie, nadia = marchand.contacts
            assert (elodie.full_name, elodie.role, elodie.is_primary) == (
                "Élodie Marchand",
                ContactRole.DECISION_MAKER,
                True,
            )
            assert elodie.extra_fields == {"Salon": "Artisanat 2026"}
            assert [(p.raw, p.e164, p.kind) for p in elodie.phones] == [
                ("04 65 71 20 10", "+33465712010", PhoneKind.WORK)
            ]
            assert nadia.role == ContactRole.GATEKEEPER
            kinds = [(a.kind, a.outcome) for a in marchand.activities]
            assert (ActivityKind.CALL, Outcome.CALL_BACK) in kinds
            assert (ActivityKind.STAGE_CHANGE, None) in kinds

            lefevre = session.scalars(select(Contact).where(Contact.id == 3)).one()
            assert lefevre.dnc_phone and lefevre.dnc_phone_reason
            assert lefevre.phones[0].e164 is None and lefevre.phones[0].raw == "poste 214"
            client = session.get(Prospect, 3)
            assert client is not None
            assert client.client_since == date(2024, 3, 1)
            assert client.yearly_revenue == 52000.0
            assert session.scalars(select(WeeklyGoal.week)).all() == ["2026-W38"]
            track = session.scalars(select(TalkTrack)).one()
            assert track.objections == [["Pas le temps", "Je serai bref."]]
            assert get_setting(session, "calls.retry_working_days", 2) == 3
            assert session.scalar(select(Activity.call_session_id).where(Activity.id == 1)) == 1

            # Search still finds old rows, accents folded, and follows new edits.
            assert prospects.count(session, ProspectFilter(text="elodie"), NOW) == 1
            assert prospects.count(session, ProspectFilter(text="reze"), NOW) == 1
            # Rebuilt with four-letter prefixes (migration 0007), every document back.
            definition = session.scalar(
                text("SELECT sql FROM sqlite_master WHERE name = 'prospect_search'")
            )
            assert "prefix = '2 3 4'" in definition
            documents = session.scalar(text("SELECT count(*) FROM prospect_search"))
            assert documents == session.scalar(text("SELECT count(*) FROM prospect"))
            assert prospects.count(session, ProspectFilter(text="boul"), NOW) == 1
            assert prospects.count(session, ProspectFilter(text="marc"), NOW) == 1
            assert prospects.count(session, ProspectFilter(tag="salon 2026"), NOW) == 2
            client.city = "Saint-Herblain"
        with db.session() as session:
            assert prospects.count(session, ProspectFilter(text="herblain"), NOW) == 1
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert connection.execute(text("PRAGMA foreign_key_check")).fetchall() == []
    finally:
        db.dispose()
    # The original fixture is never touched by the test.
    assert FIXTURE.read_bytes()[:16] == b"SQLite format 3\x00"
