"""Small builders of prospects for the call-session tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from prospection.core.db import Database
from prospection.core.enums import ContactRole
from prospection.core.models import Contact, Phone, Prospect, Tag

#: A Wednesday, 14:00 in Paris (13:00 UTC), in an ordinary working week.
NOW = datetime(2026, 11, 25, 13, 0, tzinfo=UTC)


def add_prospect(
    db: Database,
    name: str,
    *,
    phones: tuple[str, ...] = ("+33465712010",),
    dnc: bool = False,
    tags: tuple[str, ...] = (),
    contact_name: tuple[str, str] = ("Élodie", "Marchand"),
    **fields: Any,
) -> int:
    """Store a prospect with one contact holding `phones` (E.164); return its id."""
    with db.session() as session:
        prospect = Prospect(name=name, **fields)
        contact = Contact(
            first_name=contact_name[0],
            last_name=contact_name[1],
            role=ContactRole.DECISION_MAKER,
            is_primary=True,
            dnc_phone=dnc,
        )
        for position, number in enumerate(phones):
            contact.phones.append(Phone(raw=number, e164=number, position=position))
        prospect.contacts.append(contact)
        for tag_name in tags:
            tag = session.query(Tag).filter_by(name=tag_name).one_or_none() or Tag(name=tag_name)
            prospect.tags.append(tag)
        session.add(prospect)
        session.flush()
        return prospect.id
