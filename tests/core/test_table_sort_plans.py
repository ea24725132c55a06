"""Every table sort is served by an index, and the copied sort columns follow edits."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from prospection.core import prospects
from prospection.core.db import Database
from prospection.core.models import Contact, Phone, Prospect, Tag
from prospection.core.prospects import ProspectFilter, SortKey


@pytest.mark.sqlite_only(reason="reads SQLite's query plans (EXPLAIN QUERY PLAN)")
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", list(SortKey))
def test_each_sort_walks_an_index_instead_of_sorting(
    db: Database, key: SortKey, descending: bool
) -> None:
    query = prospects.page_ids_query(ProspectFilter(), key, descending, offset=500, limit=100)
    sql = str(query.compile(db.engine, compile_kwargs={"literal_binds": True}))
    with db.engine.connect() as connection:
        plan = [row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
    # A temporary B-tree means SQLite sorts every matching row for each page.
    assert not any("TEMP B-TREE" in step for step in plan), plan
    assert any("INDEX" in step for step in plan), plan


def _sort_values(db: Database, prospect_id: int) -> tuple[str | None, str | None, str | None]:
    with db.session() as session:
        row = session.execute(
            select(Prospect.sort_contact, Prospect.sort_phone, Prospect.sort_tags).where(
                Prospect.id == prospect_id
            )
        ).one()
    return row[0], row[1], row[2]


def test_copied_sort_columns_follow_contacts_phones_and_tags(db: Database) -> None:
    with db.session() as session:
        prospect = Prospect(name="Boulangeries Marchand")
        session.add(prospect)
        session.flush()
        prospect_id = prospect.id
    assert _sort_values(db, prospect_id) == (None, None, None)

    with db.session() as session:
        other = Contact(prospect_id=prospect_id, first_name="Zoé", last_name="Zed")
        main = Contact(prospect_id=prospect_id, first_name="Élodie", last_name="Marchand")
        main.is_primary = True
        main.phones.append(Phone(raw="04 65 71 20 10", e164="+33465712010"))
        other.phones.append(Phone(raw="06 00 00 00 00", e164="+33600000000"))
        session.add_all([other, main])
    assert _sort_values(db, prospect_id)[:2] == ("Marchand Élodie", "+33465712010")

    with db.session() as session:
        contact = session.scalars(select(Contact).where(Contact.last_name == "Marchand")).one()
        contact.last_name = "Aubert"
    assert _sort_values(db, prospect_id)[0] == "Aubert Élodie"

    with db.session() as session:
        phone = session.scalars(select(Phone).where(Phone.e164 == "+33465712010")).one()
        session.delete(phone)
    # The primary contact has no phone left: the next contact's phone comes first.
    assert _sort_values(db, prospect_id)[1] == "+33600000000"

    with db.session() as session:
        contact = session.scalars(select(Contact).where(Contact.last_name == "Aubert")).one()
        session.delete(contact)
    assert _sort_values(db, prospect_id)[:2] == ("Zed Zoé", "+33600000000")

    with db.session() as session:
        prospects.add_tag(session, [prospect_id], "salon")
        prospects.add_tag(session, [prospect_id], "bakery")
    assert _sort_values(db, prospect_id)[2] == "bakery"

    with db.session() as session:
        tag = session.scalars(select(Tag).where(Tag.name == "bakery")).one()
        tag.name = "viennoiserie"
    assert _sort_values(db, prospect_id)[2] == "salon"

    with db.session() as session:
        prospects.remove_tag(session, [prospect_id], "salon")
        prospects.remove_tag(session, [prospect_id], "viennoiserie")
    assert _sort_values(db, prospect_id)[2] is None


def test_searched_pages_are_the_same_read_along_the_index_or_sorted(db: Database) -> None:
    with db.session() as session:
        for index, (name, city) in enumerate(
            [("Boulangerie Aubert", "Lyon"), ("Boucherie Zed", "Lille"), ("Garage Bouvier", "Lyon")]
            * 4
        ):
            prospect = Prospect(name=f"{name} {index}", city=city, priority=index % 3)
            prospect.contacts.append(Contact(first_name="Jo", last_name=f"B{index % 5}"))
            session.add(prospect)
    flt = ProspectFilter(text="bou lyon")
    with db.session() as session:
        for key in SortKey:
            for descending in (False, True):
                pages = [
                    list(
                        session.scalars(
                            prospects.page_ids_query(
                                flt, key, descending, 1, 5, walk_sort_index=walk, probe_search=probe
                            )
                        )
                    )
                    for walk, probe in ((False, False), (True, False), (True, True))
                ]
                assert pages[0] == pages[1] == pages[2], (key, descending)
                assert len(pages[0]) == 5


def test_broad_short_words_ask_the_index_row_by_row(db: Database) -> None:
    with db.session() as session:
        for index in range(10):
            session.add(Prospect(name=f"Boulangerie {index}" if index < 1 else f"Garage {index}"))
    with db.session() as session:
        broad = ProspectFilter(text="ga")  # 9 of 10: a share worth asking row by row
        assert prospects._probe_search(session, broad, 0, 100)
        assert not prospects._probe_search(session, broad, 900, 100)  # deep: not this way
        assert not prospects._probe_search(session, ProspectFilter(text="bo"), 0, 100)
        assert not prospects._probe_search(session, ProspectFilter(text="garage"), 0, 100)
        assert len(prospects.page_ids(session, broad)) == 9


def test_single_letters_do_not_filter(db: Database) -> None:
    with db.session() as session:
        session.add_all([Prospect(name="Boulangerie"), Prospect(name="Garage")])
    with db.session() as session:
        assert prospects.count(session, ProspectFilter(text="b")) == 2
        assert prospects.count(session, ProspectFilter(text="bo")) == 1
        assert prospects.count(session, ProspectFilter(text="bo g")) == 1


#: What the table showed when it read its rows through joins (before migration 0005):
#: the shown copies on the prospect must always say the same.
_JOINED = """
SELECT CASE WHEN c.id IS NULL THEN NULL ELSE trim(
         coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) END,
       ph.raw, ph.e164,
       EXISTS (SELECT 1 FROM contact d WHERE d.prospect_id = p.id AND d.dnc_phone),
       (SELECT group_concat(t.name, char(31)) FROM prospect_tag pt
          JOIN tag t ON t.id = pt.tag_id WHERE pt.prospect_id = p.id)
FROM prospect p
LEFT JOIN contact c ON c.id = (
    SELECT c2.id FROM contact c2 WHERE c2.prospect_id = p.id
    ORDER BY c2.is_primary DESC, c2.id LIMIT 1)
LEFT JOIN phone ph ON ph.id = (
    SELECT ph2.id FROM phone ph2 WHERE ph2.contact_id = c.id
    ORDER BY coalesce(ph2.is_wrong, 0), ph2.position, ph2.id LIMIT 1)
WHERE p.id = :pid
"""


def _joined(db: Database) -> str:
    if db.engine.dialect.name == "sqlite":
        return _JOINED
    return (
        _JOINED.replace("group_concat(", "string_agg(")
        .replace("char(31)", "chr(31)")
        .replace("coalesce(ph2.is_wrong, 0)", "coalesce(ph2.is_wrong, false)")
    )


def _shown(db: Database, prospect_id: int) -> tuple[object, ...]:
    with db.session() as session:
        copied = session.execute(
            select(
                Prospect.shown_contact,
                Prospect.shown_phone_raw,
                Prospect.shown_phone_e164,
                Prospect.has_dnc,
                Prospect.shown_tags,
            ).where(Prospect.id == prospect_id)
        ).one()
        joined = session.execute(text(_joined(db)), {"pid": prospect_id}).one()
    tags = lambda value: sorted(value.split("\x1f")) if value else None  # noqa: E731
    assert (*copied[:3], bool(copied[3]), tags(copied[4])) == (
        *joined[:3],
        bool(joined[3]),
        tags(joined[4]),
    )
    return (*copied[:4], tuple(tags(copied[4]) or ()))


def test_shown_copies_follow_contacts_phones_do_not_call_and_tags(db: Database) -> None:
    with db.session() as session:
        prospect = Prospect(name="Boulangeries Marchand")
        session.add(prospect)
        session.flush()
        prospect_id = prospect.id
    assert _shown(db, prospect_id) == (None, None, None, False, ())

    with db.session() as session:
        other = Contact(prospect_id=prospect_id, first_name="Zoé", last_name="Zed")
        main = Contact(prospect_id=prospect_id, first_name="Élodie", last_name="Marchand")
        main.is_primary = True
        main.phones.append(Phone(raw="04 65 71 20 10", e164="+33465712010", position=0))
        main.phones.append(Phone(raw="06 11 22 33 44", e164="+33611223344", position=1))
        other.phones.append(Phone(raw="06 00 00 00 00", e164="+33600000000"))
        session.add_all([other, main])
    assert _shown(db, prospect_id)[:4] == (
        "Élodie Marchand",
        "04 65 71 20 10",
        "+33465712010",
        False,
    )

    with db.session() as session:
        phone = session.scalars(select(Phone).where(Phone.e164 == "+33465712010")).one()
        phone.is_wrong = True
    assert _shown(db, prospect_id)[2] == "+33611223344"

    with db.session() as session:
        contact = session.scalars(select(Contact).where(Contact.last_name == "Zed")).one()
        contact.dnc_phone = True
    assert _shown(db, prospect_id)[3] is True

    with db.session() as session:
        contact = session.scalars(select(Contact).where(Contact.last_name == "Marchand")).one()
        contact.first_name = ""
    assert _shown(db, prospect_id)[0] == "Marchand"

    with db.session() as session:
        contact = session.scalars(select(Contact).where(Contact.last_name == "Marchand")).one()
        session.delete(contact)
    assert _shown(db, prospect_id)[:4] == ("Zoé Zed", "06 00 00 00 00", "+33600000000", True)

    with db.session() as session:
        prospects.add_tag(session, [prospect_id], "salon")
        prospects.add_tag(session, [prospect_id], "bakery")
    assert _shown(db, prospect_id)[4] == ("bakery", "salon")

    with db.session() as session:
        tag = session.scalars(select(Tag).where(Tag.name == "bakery")).one()
        tag.name = "viennoiserie"
    assert _shown(db, prospect_id)[4] == ("salon", "viennoiserie")

    with db.session() as session:
        contact = session.scalars(select(Contact).where(Contact.last_name == "Zed")).one()
        session.delete(contact)
        prospects.remove_tag(session, [prospect_id], "salon")
    assert _shown(db, prospect_id) == (None, None, None, False, ("viennoiserie",))


def test_a_page_walked_from_a_name_skips_what_comes_before_it(db: Database) -> None:
    with db.session() as session:
        for index, name in enumerate(["Atelier Bouvier", "Boucherie Aubert", "Garage Bourg"] * 5):
            session.add(Prospect(name=f"{name} {index:02}"))
    flt = ProspectFilter(text="bou")
    with db.session() as session:
        for descending in (False, True):
            whole = prospects.page_ids(session, flt, descending=descending, offset=0, limit=100)
            first = session.get(Prospect, whole[0])
            assert first is not None
            for offset in (0, 3, 9):
                walked = prospects.page_ids(
                    session, flt, descending=descending, offset=offset, limit=4,
                    name_from=first.name,
                )  # fmt: skip
                assert walked == whole[offset : offset + 4]
        # The seek is real: from a later name, the rows before it are not read.
        later = prospects.page_ids(session, flt, offset=0, limit=100, name_from="Garage")
        assert len(later) == 5
        if db.engine.dialect.name != "sqlite":
            return  # the plan below is SQLite's
        query = prospects.page_ids_query(flt, walk_sort_index=True, name_from="Garage")
        sql = str(query.compile(db.engine, compile_kwargs={"literal_binds": True}))
        with db.engine.connect() as connection:
            plan = [row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
        assert any("ix_prospect_name_nocase (name>?)" in step for step in plan), plan
