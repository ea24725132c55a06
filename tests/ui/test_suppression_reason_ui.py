"""Issue 13.3 in the GUI: a suppressed person typed into a new prospect arrives flagged,
with the reason shown in the user's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from prospection.core import privacy
from prospection.core.db import Database
from prospection.core.models import Contact, Phone, Prospect
from prospection.ui.data_events import DataEvents
from prospection.ui.editor.contact_dialog import ContactDialog
from prospection.ui.editor.prospect_editor import ProspectEditor
from prospection.ui.i18n import install_translators, remove_translators


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    previous = QLocale()
    translators = install_translators(qapp, "fr")
    QLocale.setDefault(QLocale("fr_FR"))
    try:
        yield
    finally:
        remove_translators(qapp, translators)
        QLocale.setDefault(previous)


def _erase_someone(db: Database) -> None:
    """Zoé objected and was erased: only her hashes are left, on the suppression list."""
    with db.session() as session:
        prospect = Prospect(name="Ancien client")
        zoe = Contact(first_name="Zoé", last_name="Quennevilleux", email="zoe@bellerive.fr")
        zoe.phones.append(Phone(raw="06 71 23 45 98", e164="+33671234598"))
        prospect.contacts.append(zoe)
        session.add(prospect)
        session.flush()
        zoe_id = zoe.id
    privacy.erase_person(db, zoe_id)


def test_a_suppressed_person_typed_into_a_new_prospect_is_flagged_with_the_reason(
    qtbot, db: Database, french: None
) -> None:  # type: ignore[no-untyped-def]
    _erase_someone(db)
    undo = QUndoStack()
    editor = ProspectEditor(db, DataEvents(), undo)
    qtbot.addWidget(editor)
    editor.start_new()  # what Ctrl+N does
    qtbot.keyClicks(editor.form.name, "Menuiserie Bellerive")
    assert editor.save()
    assert editor.prospect_id() is not None

    dialog = ContactDialog(editor.submit_new_contact)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.first_name, "Zoe")  # keyClicks aborts on "é"
    qtbot.keyClicks(dialog.phone_rows()[0].text, "06 71 23 45 98")
    qtbot.keyClicks(dialog.email, "Zoe@Bellerive.fr")
    dialog.show()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.email, Qt.Key.Key_Return)  # the OK button is the default

    with db.session() as session:
        saved = session.scalars(select(Contact).where(Contact.first_name == "Zoe")).one()
        assert saved.dnc_phone and saved.dnc_email
        assert saved.dnc_phone_reason == privacy.SUPPRESSED_REASON
    shown = editor.contacts.contacts()
    text = editor.contacts.describe(shown[0])
    assert "liste d'opposition" in text or "liste d’opposition" in text, text
    assert privacy.SUPPRESSED_REASON not in text
