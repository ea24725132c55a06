"""The table's rows and ordered ids: the fast SQL gives what the ORM objects say."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from prospection.core import prospects
from prospection.core.db import Database
from prospection.core.enums import Stage
from prospection.core.models import Contact, Phone, Prospect
from prospection.core.phones import display_phone
from prospection.core.prospects import Due, ProspectFilter, ProspectRow, SortKey

NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)


def _seed_varied(db: Database, count: int = 120) -> list[int]:
    """Prospects with 0-3 contacts (primary or not), wrong numbers, tags, do-not-call."""
    rng = random.Random(8)
    stages = list(Stage)
    with db.session() as session:
        tags = [prospects.tag_named(session, name) for name in ("vip", "bakery", "Été", "b2b")]
        made = []
        for index in range(count):
            prospect = Prospect(
                name=rng.choice(["Atelier", "Boulangerie", "café", "Zèbre"]) + f" {index}",
                city=rng.choice(["Lyon", "lille", "Rezé", ""]),
                stage=rng.choice(stages),
                priority=rng.randint(0, 3),
                next_action_at=rng.choice([None, NOW + timedelta(hours=rng.randint(-90, 90))]),
                next_action_text=rng.choice(["", "Rappeler"]),
                last_contact_at=rng.choice(
                    [None, NOW - timedelta(days=rng.randint(0, 900), microseconds=123456)]
                ),
            )
            for number in range(rng.randint(0, 3)):
                contact = Contact(
                    first_name=rng.choice(["", "Élodie", "Jean"]),
                    last_name=rng.choice(["", "Martin", f"Nom{number}"]),
                    is_primary=rng.random() < 0.4,
                    dnc_phone=rng.random() < 0.1,
                )
                for position in range(rng.randint(0, 2)):
                    digits = f"{rng.randint(0, 99_999_999):08d}"
                    contact.phones.append(
                        Phone(
                            raw=f"04 {digits}",
                            e164=rng.choice([None, f"+334{digits}", f"+4420{digits}"]),
                            is_wrong=rng.random() < 0.3,
                            position=rng.choice([position, 5 - position]),
                        )
                    )
                prospect.contacts.append(contact)
            prospect.tags.extend(rng.sample(tags, rng.randint(0, 3)))
            session.add(prospect)
            made.append(prospect)
        session.flush()
        return [prospect.id for prospect in made]


def _expected(prospect: Prospect) -> ProspectRow:
    """The row as the editor's objects describe it (the reference for the fast SQL)."""
    contacts = sorted(prospect.contacts, key=lambda c: (not c.is_primary, c.id))
    first = contacts[0] if contacts else None
    phone, wrong = "", False
    if first is not None and first.phones:
        phones = sorted(first.phones, key=lambda p: (p.position, p.id))
        usable = [p for p in phones if not p.is_wrong] or phones
        phone = display_phone(usable[0].raw, usable[0].e164)
        wrong = usable[0].is_wrong
    name = " ".join(part for part in (first.first_name, first.last_name) if part) if first else ""
    return ProspectRow(
        id=prospect.id,
        name=prospect.name,
        contact=name,
        phone=phone,
        city=prospect.city,
        stage=prospect.stage,
        priority=prospect.priority,
        next_action_at=prospect.next_action_at,
        next_action_text=prospect.next_action_text,
        last_contact_at=prospect.last_contact_at,
        tags=tuple(sorted(tag.name for tag in prospect.tags)),
        do_not_contact=any(c.dnc_phone for c in prospect.contacts),
        phone_wrong=wrong,
    )


def test_rows_match_the_orm_objects(db: Database) -> None:
    ids = _seed_varied(db)
    wanted = [*reversed(ids[:60]), 999_999, *ids[60:]]  # any order; unknown ids skipped
    with db.session() as session:
        rows = prospects.rows_for(session, wanted)
        expected = [_expected(p) for p in prospects.load_many(session, wanted)]
    assert [row.id for row in rows] == [i for i in wanted if i != 999_999]
    assert rows == expected


@pytest.mark.parametrize("sort", list(SortKey))
@pytest.mark.parametrize("descending", [False, True])
def test_ordered_ids_are_the_pages_in_order(db: Database, sort: SortKey, descending: bool) -> None:
    _seed_varied(db)
    filters = [
        ProspectFilter(),
        ProspectFilter(text="boulangerie"),
        ProspectFilter(due=Due.NOW, include_dnc=False),
        ProspectFilter(tag="vip", stages=frozenset({Stage.NEW, Stage.LOST})),
    ]
    with db.session() as session:
        for flt in filters:
            ids = prospects.ordered_ids(session, flt, sort, descending, now=NOW, chunk=7)
            assert ids is not None
            pages = []
            for offset in range(0, 130, 25):
                pages += prospects.page_ids(session, flt, sort, descending, offset, 25, now=NOW)
            assert list(ids) == pages
            assert len(ids) == prospects.count(session, flt, now=NOW)


def test_ordered_ids_stop_when_asked(db: Database) -> None:
    _seed_varied(db, count=30)
    with db.session() as session:
        stopped = prospects.ordered_ids(
            session, ProspectFilter(), should_stop=lambda: True, chunk=10
        )
    assert stopped is None
