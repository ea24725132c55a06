"""Item 7 in the editors: one-line fields stop at core's limits, notes over the limit are
refused with a message that does not repeat them, dates stay within the accepted years."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from prospection.core import limits
from prospection.core.db import Database
from prospection.core.models import Contact
from prospection.ui.data_events import DataEvents
from prospection.ui.editor.contact_dialog import ContactDialog
from prospection.ui.editor.prospect_editor import ProspectEditor
from prospection.ui.privacy_dialog import PrivacyDialog
from tests.ui.conftest import seed


def _editor(qtbot, db: Database) -> ProspectEditor:  # type: ignore[no-untyped-def]
    editor = ProspectEditor(db, DataEvents(), QUndoStack())
    qtbot.addWidget(editor)
    editor.start_new()
    return editor


def test_line_edits_stop_at_the_limit(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot, db)
    editor.form.name.setText("N" * 10_000)
    assert len(editor.form.name.text()) == limits.LINE_MAX
    dialog = ContactDialog(lambda data: None)  # type: ignore[arg-type, return-value]
    qtbot.addWidget(dialog)
    dialog.last_name.setText("Q" * 10_000)
    dialog.phone_rows()[0].text.setText("6" * 5_000_000)
    dialog.email.setText("e" * 10_000)
    assert len(dialog.last_name.text()) == limits.LINE_MAX
    assert len(dialog.phone_rows()[0].text.text()) == limits.PHONE_MAX
    assert len(dialog.email.text()) == limits.EMAIL_MAX


def test_notes_over_the_limit_are_refused_with_a_message(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot, db)
    qtbot.keyClicks(editor.form.name, "Menuiserie Bellerive")
    editor.form.notes.setPlainText("Quennevilleux " * 10_000)  # 140,000 characters
    assert editor.save() is False
    status = editor.status.text()
    assert "Notes" in status and "too long" in status
    assert "100000" in "".join(ch for ch in status if ch.isdigit())
    assert "Quennevilleux" not in status
    editor.form.notes.setPlainText("Short notes")
    assert editor.save() is True


def test_date_edits_refuse_year_one(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(qtbot, db)
    editor.form.next_at.setDate(QDate(1, 1, 1))
    assert editor.form.next_at.date().year() == limits.EARLIEST_YEAR
    editor.form.client_since.setDate(QDate(9999, 12, 31))
    assert editor.form.client_since.date().year() == limits.LATEST_YEAR


def test_privacy_dialog_limits_the_reason_and_the_consent(
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    prospect_id = seed(db)[0]
    dialog = PrivacyDialog(db, DataEvents(), prospect_id)
    qtbot.addWidget(dialog)
    dialog.reason_edit.setText("Q" * 10_000)
    assert len(dialog.reason_edit.text()) == limits.LINE_MAX
    line = dialog.consent_channel.lineEdit()
    assert line is not None
    line.setText("C" * 10_000)
    assert len(dialog.consent_channel.currentText()) == limits.LINE_MAX
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text: shown.append(text)
    )
    dialog.consent_channel.setCurrentIndex(0)
    dialog.consent_wording.setPlainText("Quennevilleux " * 10_000)  # 140,000 characters
    dialog.record_consent()
    assert len(shown) == 1 and "too long" in shown[0]
    assert "Quennevilleux" not in shown[0]
    assert "100000" in "".join(ch for ch in shown[0] if ch.isdigit())
    with db.session() as session:
        contact = session.scalars(select(Contact).where(Contact.prospect_id == prospect_id)).one()
        assert contact.consent_at is None
