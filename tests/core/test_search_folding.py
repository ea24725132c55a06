"""Issue 14 item 9: search folds ligatures both ways (œ/oe, æ/ae, ß/ss)."""

from __future__ import annotations

import pytest

from prospection.core import search
from prospection.core.db import Database
from prospection.core.models import Prospect


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Au Cœur de Lyon", "coeur"),
        ("Au Coeur de Lyon", "cœur"),
        ("Cæsar Conseil", "caesar"),
        ("Caesar Conseil", "CÆSAR"),
        ("Straße Bau GmbH", "strasse"),
        ("Strasse Bau GmbH", "straße"),
        ("Straße Bau GmbH", "straße"),
        ("Œuvres Sociales", "oeuv"),
    ],
)
def test_ligatures_fold_both_ways(db: Database, stored: str, typed: str) -> None:
    with db.session() as session:
        session.add(Prospect(name=stored))
        session.add(Prospect(name="Autre Chose"))
    with db.session() as session:
        assert search.match_count(session, typed) == 1


@pytest.mark.parametrize("typed", ["04 72 10 20 30", "0472102030", "04.72.10", "+33 4 72 10 20 30"])
def test_phone_typed_with_spaces_finds_one_stored_with_trunk_prefix(
    db: Database, typed: str
) -> None:
    from prospection.core.models import Contact, Phone

    with db.session() as session:
        prospect = Prospect(name="Atelier")
        contact = Contact(first_name="Ana", last_name="Lopez")
        contact.phones.append(Phone(raw="+33 (0)4 72 10 20 30", e164="+33472102030"))
        prospect.contacts.append(contact)
        session.add(prospect)
        session.add(Prospect(name="Autre Chose"))
    with db.session() as session:
        assert search.match_count(session, typed) == 1


@pytest.mark.parametrize(
    "typed", ["coeur lyon", "lyon coeur", "message laisse", "caesar strasse", "coeur straße"]
)
def test_several_words_with_ligature_spellings_all_must_match(db: Database, typed: str) -> None:
    """Each word's spellings are grouped; FTS5 needs an explicit AND between groups."""
    with db.session() as session:
        session.add(Prospect(name="Au Cœur de Lyon", notes="message laissé"))
        session.add(Prospect(name="Cæsar Straße", notes="au coeur du sujet"))
        session.add(Prospect(name="Autre Chose"))
    with db.session() as session:
        assert search.match_count(session, typed) == 1


@pytest.mark.parametrize(
    ("stored", "typing"),
    [
        ("Au Cœur de Lyon", "coeur"),
        ("Cæsar Conseil", "caesar"),
        ("Straße Bau GmbH", "strasse"),
        ("Œuvres Sociales", "oeuvres"),
    ],
)
def test_a_ligature_word_is_found_at_every_keystroke(
    db: Database, stored: str, typing: str
) -> None:
    """Typed letter by letter, "co" already finds "Cœur" (spelled "coeur"): the rows
    do not vanish at "co" and come back at "coe" (as on PostgreSQL, whose unaccent
    spells the ligature out)."""
    with db.session() as session:
        session.add(Prospect(name=stored))
        session.add(Prospect(name="Autre Chose"))
    with db.session() as session:
        for end in range(search.MIN_WORD_LENGTH, len(typing) + 1):
            assert search.match_count(session, typing[:end]) == 1, typing[:end]


@pytest.mark.parametrize(
    ("narrower", "wider", "expected"),
    [
        ("boulangerie ly", "boul", True),
        ("coeur", "co", True),
        ("cœur", "coe", True),
        ("strasse", "stras", True),
        ("soc 001", "so", True),
        ("so", "soc", False),
        ("ma", "04 72", False),
        ("04 72 1", "04 72", True),
        ("04 73", "04 72", False),
        ("anything", "a", True),  # one letter does not filter
        ("a", "ma", False),
    ],
)
def test_a_search_refines_another_when_its_matches_are_among_the_others(
    narrower: str, wider: str, expected: bool
) -> None:
    """The table starts a narrower search from the row shown (ligature words too)."""
    assert search.refines(narrower, wider) is expected
