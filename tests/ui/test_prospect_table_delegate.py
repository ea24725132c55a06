"""The table's one-call cell delegate draws exactly what Qt's own delegate draws."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QStyledItemDelegate
from pytestqt.qtbot import QtBot

from prospection.core.db import Database
from prospection.core.enums import Stage
from prospection.core.models import Contact, Phone, Prospect, Tag
from prospection.ui.prospect_table import ProspectTable
from prospection.ui.prospect_table_delegate import ProspectCellDelegate
from prospection.ui.prospect_table_model import Column, ProspectTableModel


def _fill(db: Database) -> None:
    now = datetime.now(UTC)
    with db.session() as session:
        salon = Tag(name="salon 2026")
        dues = [now - timedelta(days=3), now, now + timedelta(days=2), None]
        for index in range(12):
            prospect = Prospect(
                name=f"Boulangerie Marchand et fils, fondée en 19{index:02} " * (index % 2 + 1),
                city=["Lyon", "Rezé", "Saint-Étienne-du-Rouvray", ""][index % 4],
                stage=list(Stage)[index % len(Stage)],
                priority=index % 4,
                next_action_at=dues[index % 4],
                last_contact_at=now - timedelta(days=index) if index % 3 else None,
            )
            if index % 5:
                contact = Contact(first_name="Élodie", last_name=f"Marchand {index}")
                # Some numbers flagged wrong: struck through (the font role) alike.
                contact.phones.append(
                    Phone(raw=f"04 65 71 20 1{index % 10}", e164=None, is_wrong=index % 3 == 1)
                )
                contact.dnc_phone = index % 4 == 1
                prospect.contacts.append(contact)
            if index % 3 == 0:
                prospect.tags.append(salon)
            session.add(prospect)


def _shot(table: ProspectTable) -> bytes:
    table.viewport().repaint()
    image = table.grab().toImage()
    return bytes(image.constBits())


def test_cells_are_drawn_as_qt_draws_them(qtbot: QtBot, db: Database) -> None:
    _fill(db)
    model = ProspectTableModel(db)
    table = ProspectTable(model)
    qtbot.addWidget(table)
    for column in Column:
        table.setColumnHidden(int(column), False)
    table.resize(1600, 420)
    table.show()
    qtbot.waitExposed(table)
    table.selectRow(2)
    assert isinstance(table.itemDelegate(), ProspectCellDelegate)
    ours = _shot(table)
    table.setItemDelegate(QStyledItemDelegate(table))
    qts = _shot(table)
    assert ours == qts
