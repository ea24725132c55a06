"""Issue 14 item 7: tags come in through the import (Outlook's categories, our exports)."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from prospection.core.db import Database
from prospection.core.imports import apply_plan, detect_layout, plan_import
from prospection.core.imports.grouping import company_key
from prospection.core.imports.source import read_data
from prospection.core.imports.writer import undo_import
from prospection.core.models import Prospect, Tag


def _import(db: Database, text: str) -> int | None:
    table = read_data(text.encode("utf-8"), "contacts.csv")
    layout = detect_layout(table.headers, table.file_format)
    with db.session() as session:
        plan = plan_import(session, table, layout)
    return apply_plan(db, plan, backup_first=False).batch_id


def _tags(db: Database) -> dict[str, list[str]]:
    with db.session() as session:
        prospects = session.scalars(select(Prospect).options(selectinload(Prospect.tags)))
        return {p.name: sorted(t.name for t in p.tags) for p in prospects}


@pytest.mark.parametrize("column", ["Catégories", "Categories", "Kategorien"])
def test_outlook_categories_become_tags(db: Database, column: str) -> None:
    _import(
        db,
        f"First Name,Last Name,Company,E-mail Address,{column}\n"
        "Ana,Lopez,Acme,ana@acme.example,Salon 2026;VIP\n"
        "Bo,Berg,Acme,bo@acme.example,vip; Chaud\n",
    )
    # One "VIP" tag whatever the case; the union of the rows' categories.
    assert _tags(db) == {"Acme": ["Chaud", "Salon 2026", "VIP"]}
    with db.session() as session:
        assert sorted(session.scalars(select(Tag.name))) == ["Chaud", "Salon 2026", "VIP"]
        shown = session.scalar(select(Prospect.shown_tags))
    assert shown is not None and "VIP" in shown  # the table's copy (triggers) follows


def test_merging_adds_tags_and_undo_removes_only_those(db: Database) -> None:
    with db.session() as session:
        prospect = Prospect(name="Acme", name_key=company_key("Acme"))
        prospect.tags.append(Tag(name="Client"))
        session.add(prospect)
    batch = _import(
        db, "Company,Website,Categories\nAcme,acme.example,Salon\nAcme,,client;Nouveau\n"
    )
    assert _tags(db) == {"Acme": ["Client", "Nouveau", "Salon"]}  # never drops "Client"
    assert batch is not None
    undo_import(db, batch)
    assert _tags(db) == {"Acme": ["Client"]}
    with db.session() as session:
        assert list(session.scalars(select(Tag.name))) == ["Client"]
