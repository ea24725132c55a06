"""Editing one prospect: validation results, contacts and phones, tags, activities."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from prospection.core import prospects
from prospection.core.db import Database
from prospection.core.enums import ActivityKind, ContactRole, Outcome, PhoneKind, Stage
from prospection.core.models import Activity, Contact, Phone, Prospect
from prospection.core.prospect_editing import (
    ActivityInput,
    ContactInput,
    IssueCode,
    PhoneInput,
    ProspectInput,
    add_contact,
    create_prospect,
    delete_activity,
    log_activity,
    remove_contact,
    set_primary_contact,
    set_tags,
    update_activity,
    update_contact,
    update_prospect,
)
from prospection.core.prospects import ProspectFilter

NOW = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
LATER = NOW + timedelta(days=30)


def _create(db: Database, **fields: object) -> int:
    data = ProspectInput(name="Menuiserie Lefèvre SARL", city="Rezé", postal_code="44400")
    for key, value in fields.items():
        setattr(data, key, value)
    contact = ContactInput(
        first_name="François",
        last_name="Lefèvre",
        title="Gérant",
        role=ContactRole.DECISION_MAKER,
        email="francois@menuiserie-lefevre.example",
        phones=["04 65 71 20 10", PhoneInput("05 36 49 12 34", PhoneKind.MOBILE)],
    )
    with db.session() as session:
        result = create_prospect(session, data, [contact], ["menuiserie"], now=NOW)
    assert result.ok, result.errors
    assert result.prospect_id is not None
    return result.prospect_id


def test_create_stores_fields_contacts_phones_and_tags(db: Database) -> None:
    prospect_id = _create(db)
    with db.session() as session:
        prospect = prospects.load(session, prospect_id)
        assert prospect is not None
        assert prospect.name == "Menuiserie Lefèvre SARL"
        assert prospect.name_key == "menuiserie lefevre"
        assert prospect.source == "manual"
        assert prospect.created_at == NOW
        [contact] = prospect.contacts
        assert contact.is_primary
        assert contact.role == ContactRole.DECISION_MAKER
        assert [(p.raw, p.e164, p.kind) for p in contact.phones] == [
            ("04 65 71 20 10", "+33465712010", PhoneKind.WORK),
            ("05 36 49 12 34", "+33536491234", PhoneKind.MOBILE),
        ]
        assert [t.name for t in prospect.tags] == ["menuiserie"]
        # Searchable at once (the FTS triggers ran).
        assert prospects.count(session, ProspectFilter(text="lefevre 0536"), NOW) == 1


def test_invalid_input_is_reported_per_field_and_changes_nothing(db: Database) -> None:
    with db.session() as session:
        result = create_prospect(
            session,
            ProspectInput(name="  ", priority=7, stage="won", country="France"),
            [ContactInput(first_name="A", email="not an email"), ContactInput()],
        )
        assert not result.ok
        codes = {issue.field: issue.code for issue in result.errors}
        assert codes == {
            "name": IssueCode.REQUIRED,
            "priority": IssueCode.OUT_OF_RANGE,
            "stage": IssueCode.INVALID_STAGE,
            "country": IssueCode.INVALID_COUNTRY,
            "contacts[0].email": IssueCode.INVALID_EMAIL,
            "contacts[1].name": IssueCode.EMPTY_CONTACT,
        }
        assert result.issue_for("contacts[0].email") is not None
        assert result.prospect_id is None
    with db.session() as session:
        assert session.scalars(select(Prospect)).all() == []


def test_unparseable_phone_is_kept_as_typed_and_flagged(db: Database) -> None:
    with db.session() as session:
        result = create_prospect(
            session,
            ProspectInput(name="Garage du Centre"),
            [ContactInput(last_name="Martin", phones=["ask the receptionist", "  "])],
        )
    assert result.ok
    [warning] = result.warnings
    assert warning.field == "contacts[0].phones[0]"
    assert warning.code == IssueCode.UNPARSED_PHONE
    with db.session() as session:
        [phone] = session.scalars(select(Phone)).all()
        assert (phone.raw, phone.e164) == ("ask the receptionist", None)


def test_stage_change_is_recorded_and_client_since_set(db: Database) -> None:
    prospect_id = _create(db)
    with db.session() as session:
        assert update_prospect(session, prospect_id, {"stage": "client"}, now=NOW).ok
    with db.session() as session:
        prospect = session.get(Prospect, prospect_id)
        assert prospect is not None
        assert prospect.stage == Stage.CLIENT
        assert prospect.client_since == NOW.astimezone().date()
        [change] = session.scalars(select(Activity)).all()
        assert (change.kind, change.stage_from, change.stage_to) == (
            ActivityKind.STAGE_CHANGE,
            "new",
            "client",
        )
        # Same stage again: nothing more in the timeline.
        assert update_prospect(session, prospect_id, {"stage": Stage.CLIENT}).ok
        assert len(session.scalars(select(Activity)).all()) == 1


def test_update_with_a_whole_form(db: Database) -> None:
    prospect_id = _create(db)
    with db.session() as session:
        prospect = session.get(Prospect, prospect_id)
        assert prospect is not None
        form = ProspectInput.of(prospect)
        form.name = "Menuiserie Lefèvre & Fils"
        form.pains = "Devis faits le soir, à la main."
        form.priority = 3
        form.next_action_at = datetime(2026, 12, 1, 10, 0)  # naive: local time
        form.yearly_revenue = 12000
        result = update_prospect(session, prospect_id, form, now=NOW)
        assert result.ok
    with db.session() as session:
        prospect = session.get(Prospect, prospect_id)
        assert prospect is not None
        assert prospect.name_key == "menuiserie lefevre fils"
        assert prospect.priority == 3
        assert prospect.yearly_revenue == 12000.0
        assert prospect.next_action_at == datetime(2026, 12, 1, 10, 0).astimezone()
        assert prospects.count(session, ProspectFilter(text="devis main"), NOW) == 1
        bad = update_prospect(session, prospect_id, {"yearly_revenue": -1, "name": ""})
        assert {i.field for i in bad.errors} == {"yearly_revenue", "name"}
        assert prospect.name == "Menuiserie Lefèvre & Fils"
    with pytest.raises(ValueError, match="not editable"), db.session() as session:
        update_prospect(session, prospect_id, {"id": 4})
    with db.session() as session:
        missing = update_prospect(session, 999, {"name": "x"})
        assert [i.code for i in missing.errors] == [IssueCode.NOT_FOUND]


def test_new_client_gets_client_since(db: Database) -> None:
    prospect_id = _create(db, stage=Stage.CLIENT, yearly_revenue=5000.0)
    with db.session() as session:
        prospect = session.get(Prospect, prospect_id)
        assert prospect is not None
        assert prospect.client_since == NOW.astimezone().date()
    given = _create(db, stage=Stage.CLIENT, client_since=date(2024, 3, 1))
    with db.session() as session:
        prospect = session.get(Prospect, given)
        assert prospect is not None
        assert prospect.client_since == date(2024, 3, 1)


def _primary_names(db: Database, prospect_id: int) -> list[tuple[str, bool]]:
    with db.session() as session:
        contacts = session.scalars(
            select(Contact).where(Contact.prospect_id == prospect_id).order_by(Contact.id)
        )
        return [(c.first_name, c.is_primary) for c in contacts]


def test_contacts_keep_exactly_one_primary(db: Database) -> None:
    prospect_id = _create(db)
    with db.session() as session:
        second = add_contact(
            session, prospect_id, ContactInput(first_name="Nadia", role=ContactRole.GATEKEEPER)
        )
        third = add_contact(session, prospect_id, ContactInput(first_name="Luc", is_primary=True))
    assert second.ok and third.ok
    assert _primary_names(db, prospect_id) == [
        ("François", False),
        ("Nadia", False),
        ("Luc", True),
    ]
    assert second.contact_id is not None and third.contact_id is not None
    with db.session() as session:
        assert set_primary_contact(session, second.contact_id).ok
    assert [p for _, p in _primary_names(db, prospect_id)] == [False, True, False]
    with db.session() as session:
        assert remove_contact(session, second.contact_id).ok
    # The oldest remaining contact takes over.
    assert _primary_names(db, prospect_id) == [("François", True), ("Luc", False)]
    with db.session() as session:
        assert not remove_contact(session, second.contact_id).ok
        assert not set_primary_contact(session, 4242).ok
        assert not add_contact(session, 4242, ContactInput(first_name="X")).ok


def test_update_contact_keeps_phone_rows_and_their_flags(db: Database) -> None:
    _create(db)
    with db.session() as session:
        contact = session.scalars(select(Contact)).one()
        work, mobile = contact.phones
        work.is_wrong = True
        contact_id, work_id, mobile_id = contact.id, work.id, mobile.id
    with db.session() as session:
        result = update_contact(
            session,
            contact_id,
            ContactInput(
                first_name="François",
                last_name="Lefèvre",
                email="Francois@Menuiserie-Lefevre.example",
                linkedin_url=" https://www.linkedin.com/in/flefevre-example ",
                phones=[
                    PhoneInput("05 36 49 12 35", PhoneKind.MOBILE, id=mobile_id),
                    "04 65 71 20 10",
                    PhoneInput("01 99 00 12 34", PhoneKind.SWITCHBOARD),
                ],
            ),
        )
        assert result.ok
    with db.session() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        assert contact.email == "Francois@menuiserie-lefevre.example"
        assert contact.linkedin_url == "https://www.linkedin.com/in/flefevre-example"
        rows = [(p.id, p.raw, p.e164, p.kind, p.is_wrong) for p in contact.phones]
        assert rows[0] == (mobile_id, "05 36 49 12 35", "+33536491235", PhoneKind.MOBILE, False)
        assert rows[1] == (work_id, "04 65 71 20 10", "+33465712010", PhoneKind.WORK, True)
        assert rows[2][1:4] == ("01 99 00 12 34", "+33199001234", PhoneKind.SWITCHBOARD)
        bad = update_contact(session, contact_id, ContactInput(first_name="F", email="a@"))
        assert [i.field for i in bad.errors] == ["email"]
        assert contact.first_name == "François"


def test_tags_set_and_reuse_existing_case(db: Database) -> None:
    prospect_id = _create(db)
    with db.session() as session:
        result = set_tags(session, prospect_id, ["Menuiserie", " Rezé ", "rezé", ""])
        assert result.ok
    with db.session() as session:
        assert prospects.all_tags(session) == [("Rezé", 1), ("menuiserie", 1)]
        too_long = set_tags(session, prospect_id, ["x" * 81])
        assert [i.code for i in too_long.errors] == [IssueCode.TOO_LONG]
        assert set_tags(session, prospect_id, []).ok
        assert prospects.all_tags(session) == [("Rezé", 0), ("menuiserie", 0)]


def test_logging_activities_updates_contact_dates_and_attempts(db: Database) -> None:
    prospect_id = _create(db)
    day = timedelta(days=1)

    def log(kind: ActivityKind, when: datetime, **extra: object) -> int:
        with db.session() as session:
            result = log_activity(
                session,
                prospect_id,
                ActivityInput(kind=kind, occurred_at=when, **extra),
                now=LATER,
            )
        assert result.ok, result.errors
        assert result.activity_id is not None
        return result.activity_id

    def state() -> tuple[datetime | None, datetime | None, int]:
        with db.session() as session:
            p = session.get(Prospect, prospect_id)
            assert p is not None
            return p.last_contact_at, p.last_inbound_at, p.call_attempts

    log(ActivityKind.CALL, NOW - 3 * day, outcome=Outcome.NO_ANSWER)
    log(ActivityKind.CALL, NOW - 2 * day, outcome=Outcome.VOICEMAIL)
    assert state() == (NOW - 2 * day, None, 2)
    log(ActivityKind.CALL, NOW - day, outcome=Outcome.WRONG_NUMBER)
    assert state() == (NOW - day, None, 2)
    log(ActivityKind.NOTE, NOW, notes="Rappeler après les vacances de la Toussaint")
    assert state()[0] == NOW - day  # a note is no contact
    email_id = log(ActivityKind.EMAIL, NOW, inbound=True, notes="Demande de devis")
    assert state() == (NOW, NOW, 2)
    answered = log(ActivityKind.CALL, NOW + day, outcome=Outcome.CONVERSATION)
    assert state() == (NOW + day, NOW, 0)
    with db.session() as session:
        assert delete_activity(session, answered, now=LATER).ok
        assert delete_activity(session, email_id, now=LATER).ok
    assert state() == (NOW - day, None, 2)
    with db.session() as session:
        assert prospects.count(session, ProspectFilter(text="toussaint"), NOW) == 1


def test_activity_validation(db: Database) -> None:
    prospect_id = _create(db)
    other = _create(db, name="Autre")
    with db.session() as session:
        foreign_contact = session.scalars(
            select(Contact.id).where(Contact.prospect_id == other)
        ).one()
        result = log_activity(
            session,
            prospect_id,
            ActivityInput(
                kind=ActivityKind.NOTE,
                outcome=Outcome.CONVERSATION,
                occurred_at=NOW,
                ends_at=NOW - timedelta(hours=1),
                duration_seconds=-5,
                contact_id=foreign_contact,
            ),
        )
        assert {i.field for i in result.errors} == {
            "outcome",
            "ends_at",
            "duration_seconds",
            "contact_id",
        }
        stage = log_activity(session, prospect_id, ActivityInput(kind=ActivityKind.STAGE_CHANGE))
        assert [i.code for i in stage.errors] == [IssueCode.NOT_ALLOWED]
        assert session.scalars(select(Activity)).all() == []


def test_update_activity(db: Database) -> None:
    prospect_id = _create(db)
    with db.session() as session:
        logged = log_activity(
            session,
            prospect_id,
            ActivityInput(kind=ActivityKind.CALL, outcome=Outcome.NO_ANSWER, occurred_at=NOW),
        )
        assert logged.activity_id is not None
        changed = update_activity(
            session,
            logged.activity_id,
            ActivityInput(
                kind=ActivityKind.MEETING,
                occurred_at=NOW + timedelta(days=2),
                ends_at=NOW + timedelta(days=2, hours=1),
                location="Atelier, Rezé",
            ),
            now=LATER,
        )
        assert changed.ok
        prospect = session.get(Prospect, prospect_id)
        assert prospect is not None
        assert prospect.call_attempts == 0
        assert prospect.last_contact_at == NOW + timedelta(days=2)


def test_a_meeting_to_come_is_no_contact_yet(db: Database) -> None:
    prospect_id = _create(db)
    with db.session() as session:
        meeting = ActivityInput(
            kind=ActivityKind.MEETING,
            occurred_at=NOW + timedelta(days=3),
            ends_at=NOW + timedelta(days=3, hours=1),
        )
        assert log_activity(session, prospect_id, meeting, now=NOW).ok
        prospect = session.get(Prospect, prospect_id)
        assert prospect is not None
        assert prospect.last_contact_at is None
