"""The demo data: realistic, deterministic, consistent, and never on a file with data."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from prospection.core import prospects
from prospection.core.db import Database, open_database
from prospection.core.demo import DEMO_SOURCE, fill_demo, is_empty
from prospection.core.emails import check_email
from prospection.core.enums import (
    CONVERSATION_OUTCOMES,
    REACHED_OUTCOMES,
    ActivityKind,
    Outcome,
    Stage,
)
from prospection.core.models import (
    Activity,
    CallSession,
    Contact,
    Phone,
    Prospect,
    WeeklyGoal,
)
from prospection.core.phones import parse_phone
from prospection.core.prospect_editing import (
    ProspectInput,
    create_prospect,
    recompute_contact_fields,
)
from prospection.core.prospects import Due, ProspectFilter

# A Friday afternoon, and a Monday morning before any call of the week.
FRIDAY = datetime(2026, 11, 27, 14, 30, tzinfo=UTC)
MONDAY = datetime(2026, 11, 30, 7, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One demo database for the read-only checks (filling it once keeps the suite fast)."""
    folder = tmp_path_factory.mktemp("demo")
    database = open_database(folder / "prospection.sqlite3")
    with database.session() as session:
        result = fill_demo(session, now=FRIDAY)
    assert result.created
    yield database
    database.dispose()


def _calls(session: Session) -> list[Activity]:
    return list(session.scalars(select(Activity).where(Activity.kind == ActivityKind.CALL)))


def test_about_300_prospects_with_contacts_phones_and_emails(demo_db: Database) -> None:
    with demo_db.session() as session:
        all_prospects = list(session.scalars(select(Prospect)))
        assert len(all_prospects) == 300
        assert {p.source for p in all_prospects} == {DEMO_SOURCE}
        assert len({p.name_key for p in all_prospects}) == 300
        assert not [p.name for p in all_prospects if re.search(r"\bde [AEIOUÉ]", p.name)]
        assert any("d'" in p.name for p in all_prospects)
        assert all(p.pains and p.pitch and p.industry and p.city for p in all_prospects)
        assert len({p.industry for p in all_prospects}) >= 10
        contacts = list(session.scalars(select(Contact)))
        primaries = Counter(c.prospect_id for c in contacts if c.is_primary)
        assert set(primaries.values()) == {1} and len(primaries) == 300
        assert {c.role.value for c in contacts} >= {"decision_maker", "gatekeeper", "influencer"}
        for contact in contacts:
            if contact.email:
                assert check_email(contact.email).valid, contact.email
                assert contact.email.endswith(".example")  # reserved: never a real inbox
        phones = list(session.scalars(select(Phone)))
        unparsed = [p for p in phones if p.e164 is None]
        assert 1 <= len(unparsed) <= 5  # a few kept as typed, to show the flag
        for phone in phones:
            if phone.e164 is not None:
                assert parse_phone(phone.raw).e164 == phone.e164
                # ARCEP's fiction ranges only.
                assert phone.e164[:7] in {"+331990", "+332619", "+333530", "+334657", "+335364"}
        assert len({p.e164 for p in phones if p.e164}) == len([p for p in phones if p.e164])


def test_stages_spread_through_the_funnel(demo_db: Database) -> None:
    with demo_db.session() as session:
        counts = prospects.stage_counts(session)
    assert set(counts) == set(Stage)
    assert counts[Stage.NEW] > 100
    assert counts[Stage.CLIENT] >= 10


def test_calls_look_like_ten_weeks_of_real_prospecting(demo_db: Database) -> None:
    with demo_db.session() as session:
        calls = _calls(session)
    assert 300 <= len(calls) <= 500
    reached = sum(1 for c in calls if c.outcome in REACHED_OUTCOMES) / len(calls)
    conversations = sum(1 for c in calls if c.outcome in CONVERSATION_OUTCOMES)
    meetings = sum(1 for c in calls if c.outcome == Outcome.MEETING_BOOKED)
    assert 0.10 <= reached <= 0.25
    assert conversations >= 15
    assert 5 <= meetings <= 30
    first = min(c.occurred_at for c in calls)
    assert FRIDAY - first >= timedelta(weeks=9)
    for call in calls:
        local = call.occurred_at.astimezone()
        assert local.weekday() < 5
        assert 9 <= local.hour < 18
        assert call.occurred_at < FRIDAY
        assert call.duration_seconds and call.duration_seconds > 0
        assert call.call_session_id is not None and call.phone_id is not None


def test_denormalised_fields_match_the_history(demo_db: Database) -> None:
    with demo_db.session() as session:
        all_prospects = list(session.scalars(select(Prospect)))
        before = {
            p.id: (p.last_contact_at, p.last_inbound_at, p.call_attempts) for p in all_prospects
        }
        for prospect in all_prospects:
            recompute_contact_fields(session, prospect.id, now=FRIDAY)
        after = {
            p.id: (p.last_contact_at, p.last_inbound_at, p.call_attempts) for p in all_prospects
        }
        session.rollback()
    assert before == after
    assert sum(1 for value in before.values() if value[0] is not None) > 100
    assert any(value[1] is not None for value in before.values())


def test_stage_changes_lead_to_the_current_stage(demo_db: Database) -> None:
    with demo_db.session() as session:
        changes: dict[int, list[Activity]] = defaultdict(list)
        for activity in session.scalars(
            select(Activity)
            .where(Activity.kind == ActivityKind.STAGE_CHANGE)
            .order_by(Activity.occurred_at, Activity.id)
        ):
            changes[activity.prospect_id].append(activity)
        stages = {p.id: p.stage for p in session.scalars(select(Prospect))}
        clients = list(session.scalars(select(Prospect).where(Prospect.stage == Stage.CLIENT)))
    assert len(changes) > 100
    for prospect_id, history in changes.items():
        assert history[-1].stage_to == stages[prospect_id].value
        for earlier, later in itertools.pairwise(history):
            assert earlier.stage_to == later.stage_from
    # Clients: revenue and a start date; one big client, so concentration shows.
    assert all(c.yearly_revenue and c.client_since for c in clients)
    revenues = sorted((c.yearly_revenue or 0.0 for c in clients), reverse=True)
    assert revenues[0] / sum(revenues) >= 0.2


def test_next_actions_are_current(demo_db: Database) -> None:
    with demo_db.session() as session:
        for due, least in ((Due.OVERDUE, 3), (Due.TODAY, 3), (Due.THIS_WEEK, 3)):
            assert prospects.count(session, ProspectFilter(due=due), FRIDAY) >= least, due
        closed = session.scalars(
            select(Prospect).where(
                Prospect.stage.in_([Stage.LOST, Stage.UNREACHABLE, Stage.NOT_A_FIT])
            )
        )
        assert all(p.next_action_at is None for p in closed)


def test_weekly_goals_and_call_sessions(demo_db: Database) -> None:
    with demo_db.session() as session:
        weeks = list(session.scalars(select(WeeklyGoal.week).order_by(WeeklyGoal.week)))
        sessions = list(session.scalars(select(CallSession)))
        calls = _calls(session)
    iso = FRIDAY.astimezone().isocalendar()
    assert len(weeks) == 11
    assert weeks[-1] == f"{iso.year}-W{iso.week:02d}"
    assert sessions and all(s.ended_at is not None and s.queue for s in sessions)
    assert sum(len(s.queue) for s in sessions) == len(calls)


def test_search_finds_demo_prospects(demo_db: Database) -> None:
    with demo_db.session() as session:
        assert prospects.count(session, ProspectFilter(text="boulangerie"), FRIDAY) > 5
        assert prospects.count(session, ProspectFilter(text="lyon"), FRIDAY) > 0
        assert prospects.count(session, ProspectFilter(tag="btp"), FRIDAY) > 5


def _fingerprint(path: Path, now: datetime) -> list[tuple[object, ...]]:
    database = open_database(path)
    try:
        with database.session() as session:
            fill_demo(session, now=now)
        with database.session() as session:
            rows: list[tuple[object, ...]] = [
                (p.id, p.name, p.stage, p.next_action_at, p.call_attempts)
                for p in session.scalars(select(Prospect).order_by(Prospect.id))
            ]
            rows += [
                (a.id, a.prospect_id, a.kind, a.outcome, a.occurred_at)
                for a in session.scalars(select(Activity).order_by(Activity.id))
            ]
            return rows
    finally:
        database.dispose()


def test_deterministic_and_shifted_to_now(tmp_path: Path) -> None:
    first = _fingerprint(tmp_path / "a.sqlite3", FRIDAY)
    assert first == _fingerprint(tmp_path / "b.sqlite3", FRIDAY)
    # A Monday morning: nothing called yet this week, history shifted, still current.
    monday = open_database(tmp_path / "c.sqlite3")
    try:
        with monday.session() as session:
            fill_demo(session, now=MONDAY)
        with monday.session() as session:
            calls = _calls(session)
            assert max(c.occurred_at for c in calls) < MONDAY
            assert prospects.count(session, ProspectFilter(due=Due.TODAY), MONDAY) >= 3
            assert prospects.count(session, ProspectFilter(due=Due.OVERDUE), MONDAY) >= 3
    finally:
        monday.dispose()


def test_a_database_with_data_is_left_alone(db: Database) -> None:
    with db.session() as session:
        assert is_empty(session)
        create_prospect(session, ProspectInput(name="Mon premier prospect"))
    with db.session() as session:
        assert not is_empty(session)
        result = fill_demo(session, now=FRIDAY)
    assert not result.created
    with db.session() as session:
        assert [p.name for p in session.scalars(select(Prospect))] == ["Mon premier prospect"]
        assert session.scalars(select(WeeklyGoal)).all() == []


#: Words that only French demo text holds (next actions, notes, places, sectors).
_FRENCH = re.compile(
    r"\b(Rappeler|Relancer|Rendez-vous|Premier appel|Point annuel|locaux|Visioconférence|"
    r"salariés|Boulangerie|Menuiserie|Transports|les|des|pas|rue|avenue)\b|[àéèêç]"
)


def test_the_demo_is_in_english_for_an_english_interface(tmp_path: Path) -> None:
    from prospection.core.talk_tracks import fill_placeholders, first_problem, shipped_track

    database = open_database(tmp_path / "en.sqlite3")
    try:
        with database.session() as session:
            result = fill_demo(session, now=FRIDAY, language="en")
            assert result.created and result.prospects == 300
            rows = list(session.scalars(select(Prospect)))
            assert {p.country for p in rows} == {"GB"}
            assert len({p.name_key for p in rows}) == 300
            assert len({p.industry for p in rows}) >= 10
            texts = [
                t
                for p in rows
                for t in (p.name, p.industry, p.size, p.address, p.pains, p.pitch, p.notes)
            ]
            texts += [p.next_action_text for p in rows]
            texts += [c.title for c in session.scalars(select(Contact))]
            texts += [t for a in session.scalars(select(Activity)) for t in (a.notes, a.location)]
            french = sorted({t for t in texts if _FRENCH.search(t or "")})
            assert not french, french[:5]
            assert not [p.name for p in rows if p.name.startswith("Ltd ")]  # "X Ltd", never "Ltd X"
            # Ofcom's drama ranges only, each number as typed in the UK and dialable.
            for phone in session.scalars(select(Phone)):
                if phone.e164 is not None:
                    assert parse_phone(phone.raw, "GB").e164 == phone.e164
                    national = phone.e164[3:]
                    assert national.startswith(("2079460", "1134960", "1614960")) or (
                        national[:3] in {"114", "116", "117", "118", "121", "131", "141", "151"}
                        and national[3:7] == "4960"
                    ), phone.e164
            for contact in session.scalars(select(Contact)):
                if contact.email:
                    assert check_email(contact.email).valid and contact.email.endswith(".example")
            # The first problem reads well in the English talk track, mid-sentence.
            opener = fill_placeholders(
                shipped_track("en").opener, problem=first_problem(rows[0].pains)
            )
            assert "like yours with " + first_problem(rows[0].pains)[0].lower() in opener
            assert prospects.stage_counts(session)[Stage.CLIENT] >= 10
    finally:
        database.dispose()


def test_the_demo_is_in_french_by_default(demo_db: Database) -> None:
    with demo_db.session() as session:
        rows = list(session.scalars(select(Prospect)))
        assert {p.country for p in rows} == {"FR"}
        assert any(p.next_action_text == "Premier appel : présenter l'offre" for p in rows)


def test_the_demo_leaves_room_for_new_rows_on_either_engine(db: Database) -> None:
    """The demo writes its own ids; new rows afterwards must not collide with them (on
    PostgreSQL the id sequences go on from the demo's largest ids)."""
    with db.session() as session:
        assert fill_demo(session, now=FRIDAY).created
    with db.session() as session:
        prospect = Prospect(name="Nouvelle boulangerie")
        session.add(prospect)
        session.flush()
        contact = Contact(prospect_id=prospect.id, first_name="Léa", last_name="Roux")
        session.add(contact)
        session.flush()
        session.add(Phone(contact_id=contact.id, e164="+33536492254", raw="05 36 49 22 54"))
        session.add(CallSession(started_at=FRIDAY))
        session.add(Activity(prospect_id=prospect.id, kind=ActivityKind.NOTE, occurred_at=FRIDAY))
        session.flush()
        assert prospect.id > 1
