"""The table's queries: filter, search, sort and page in SQL; bulk edits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from prospection.core import prospects
from prospection.core.db import Database
from prospection.core.enums import ActivityKind, Stage
from prospection.core.models import Activity, Contact, Phone, Prospect
from prospection.core.prospects import Due, ProspectFilter, SortKey

NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
BOTH = ["Boulangeries Marchand", "Menuiserie Lefèvre"]


def _seed(db: Database) -> None:
    with db.session() as session:
        specs = [
            ("Boulangeries Marchand", "Lyon", Stage.REACHED, NOW - timedelta(days=2), "Élodie"),
            ("Menuiserie Lefèvre", "Rezé", Stage.NEW, NOW + timedelta(hours=2), "François"),
            ("DataForge", "Montreuil", Stage.ATTEMPTED, NOW + timedelta(days=3), "Jean"),
            ("Zénith Transports", "Lille", Stage.CLIENT, None, "Agnès"),
        ]
        for index, (name, city, stage, due, first) in enumerate(specs):
            prospect = Prospect(name=name, city=city, stage=stage, next_action_at=due)
            contact = Contact(first_name=first, last_name=f"Nom{index}", is_primary=True)
            contact.phones.append(Phone(raw=f"04 65 71 20 1{index}", e164=f"+3346571201{index}"))
            prospect.contacts.append(contact)
            session.add(prospect)


def _names(db: Database, flt: ProspectFilter, **kwargs: object) -> list[str]:
    with db.session() as session:
        return [row.name for row in prospects.page(session, flt, now=NOW, **kwargs)]  # type: ignore[arg-type]


def test_search_is_accent_and_case_insensitive_prefix(db: Database) -> None:
    _seed(db)
    assert _names(db, ProspectFilter(text="lefev")) == ["Menuiserie Lefèvre"]
    assert _names(db, ProspectFilter(text="ELODIE")) == ["Boulangeries Marchand"]
    assert _names(db, ProspectFilter(text="reze menuis")) == ["Menuiserie Lefèvre"]
    assert _names(db, ProspectFilter(text="04 65 71 20 12")) == ["DataForge"]
    assert _names(db, ProspectFilter(text="nothing-like-this")) == []


def test_due_windows(db: Database) -> None:
    _seed(db)
    assert _names(db, ProspectFilter(due=Due.OVERDUE)) == ["Boulangeries Marchand"]
    assert _names(db, ProspectFilter(due=Due.TODAY)) == ["Menuiserie Lefèvre"]
    assert _names(db, ProspectFilter(due=Due.NOW)) == [
        "Boulangeries Marchand",
        "Menuiserie Lefèvre",
    ]
    assert _names(db, ProspectFilter(due=Due.NONE)) == ["Zénith Transports"]


def test_sort_and_page(db: Database) -> None:
    _seed(db)
    everything = ProspectFilter()
    assert _names(db, everything, sort=SortKey.CITY) == [
        "Zénith Transports",
        "Boulangeries Marchand",
        "DataForge",
        "Menuiserie Lefèvre",
    ]
    assert _names(db, everything, sort=SortKey.NAME, descending=True, offset=1, limit=2) == [
        "Menuiserie Lefèvre",
        "DataForge",
    ]
    # Nulls last whatever the direction: prospects with no next action never lead.
    assert _names(db, everything, sort=SortKey.NEXT_ACTION)[-1] == "Zénith Transports"
    for key in SortKey:
        assert len(_names(db, everything, sort=key)) == 4, key
    with db.session() as session:
        assert prospects.count(session, ProspectFilter(stages=frozenset({Stage.NEW})), NOW) == 1


def test_rows_show_the_primary_contact_and_national_phone(db: Database) -> None:
    _seed(db)
    with db.session() as session:
        row = prospects.page(session, ProspectFilter(text="dataforge"), now=NOW)[0]
    assert row.contact == "Jean Nom2"
    assert row.phone == "04 65 71 20 12"


def test_bulk_stage_tag_and_delete(db: Database) -> None:
    _seed(db)
    with db.session() as session:
        ids = [1, 2]
        assert prospects.set_stage(session, ids, Stage.MEETING, now=NOW) == 2
        assert prospects.add_tag(session, ids, "bakery") == 2
        assert prospects.add_tag(session, ids, "bakery") == 0
    with db.session() as session:
        changes = session.query(Activity).filter_by(kind=ActivityKind.STAGE_CHANGE).count()
        assert changes == 2
        assert prospects.all_tags(session) == [("bakery", 2)]
    assert _names(db, ProspectFilter(tag="bakery")) == [
        "Boulangeries Marchand",
        "Menuiserie Lefèvre",
    ]
    assert _names(db, ProspectFilter(text="bakery")) == [
        "Boulangeries Marchand",
        "Menuiserie Lefèvre",
    ]
    with db.session() as session:
        assert prospects.remove_tag(session, [1], "bakery") == 1
        prospects.delete_prospects(session, [2])
    assert _names(db, ProspectFilter(tag="bakery")) == []
    with db.session() as session:
        assert prospects.count(session, ProspectFilter(), NOW) == 3
        assert session.query(Contact).count() == 3


def test_page_ids_match_the_page_order(db: Database) -> None:
    _seed(db)
    everything = ProspectFilter()
    with db.session() as session:
        rows = prospects.page(session, everything, sort=SortKey.CITY, now=NOW)
        ids = prospects.page_ids(session, everything, sort=SortKey.CITY, offset=1, limit=2, now=NOW)
        assert ids == [row.id for row in rows[1:3]]
        tail = prospects.page_ids(session, everything, sort=SortKey.CITY, offset=3, limit=None)
        assert tail == [rows[3].id]


def test_tag_names_are_sorted(db: Database) -> None:
    _seed(db)
    with db.session() as session:
        prospects.add_tag(session, [1], "zeta")
        prospects.add_tag(session, [2], "alpha")
        assert prospects.tag_names(session) == ["alpha", "zeta"]
