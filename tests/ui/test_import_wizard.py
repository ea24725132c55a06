"""The import wizard walked through, cancel, undo of an import, export dialog, drop."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from prospection.core.db import Database
from prospection.core.exports import ExportFormat
from prospection.core.imports import Fate, Field
from prospection.core.models import Contact, ImportBatch, Prospect
from prospection.ui.data_events import DataEvents
from prospection.ui.import_wizard.export_dialog import ExportDialog
from prospection.ui.import_wizard.undo_dialog import UndoImportDialog
from prospection.ui.import_wizard.wizard import ImportWizard

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def count(db: Database, model: type) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def walk_to_preview(qtbot: QtBot, wizard: ImportWizard) -> None:
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.next()  # file -> format
    assert wizard.currentPage() is wizard.format_page
    wizard.next()  # format -> mapping
    assert wizard.currentPage() is wizard.mapping_page
    wizard.next()  # mapping -> preview (planned off the GUI thread)
    qtbot.waitUntil(lambda: wizard.state.plan is not None, timeout=30_000)


def test_walk_the_wizard_then_undo(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    events = DataEvents()
    path = tmp_path / "people.csv"
    path.write_bytes((FIXTURES / "excel_fr_semicolon.csv").read_bytes())
    wizard = ImportWizard(db, events, path)
    qtbot.addWidget(wizard)
    walk_to_preview(qtbot, wizard)
    assert "Semicolon" in wizard.format_page.delimiter_box.currentText()
    model = wizard.preview_page.model
    assert model.rowCount() == 3
    assert [r.fate for r in model.rows] == [Fate.NEW_PROSPECT, Fate.NEW_CONTACT, Fate.NEW_PROSPECT]
    with qtbot.waitSignal(events.prospects_changed, timeout=30_000):
        wizard.next()
    assert wizard.import_page.done
    assert count(db, Prospect) == 2 and count(db, Contact) == 3
    assert "2 new prospects" in wizard.import_page.status.text()

    dialog = UndoImportDialog(db, events)
    qtbot.addWidget(dialog)
    dialog.confirm = lambda batch: True  # type: ignore[method-assign]
    assert dialog.table.rowCount() == 1
    with qtbot.waitSignal(events.database_reset):
        dialog.undo_button.click()
    assert count(db, Prospect) == 0 and count(db, Contact) == 0
    assert not dialog.undo_button.isEnabled()


def test_mapping_changed_and_remembered(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Boîte,Qui,Couleur\nACME,Jean Dupont,bleu\n", "utf-8")
    wizard = ImportWizard(db, DataEvents(), path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.next()
    page = wizard.mapping_page
    assert page.mapping() == [None, None, None]
    page.set_field(0, Field.COMPANY)
    page.set_field(1, Field.FULL_NAME)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.state.plan is not None, timeout=30_000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.done, timeout=30_000)
    with db.session() as session:
        contact = session.scalars(select(Contact)).one()
        assert contact.last_name == "Dupont" and contact.extra_fields == {"Couleur": "bleu"}
    again = ImportWizard(db, DataEvents(), path)
    qtbot.addWidget(again)
    again.show()
    again.next()
    again.next()
    assert again.mapping_page.mapping() == [Field.COMPANY, Field.FULL_NAME, None]


def test_bad_file_stays_on_the_first_page(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    wizard = ImportWizard(db, DataEvents(), path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert "is empty" in wizard.file_page.error.text()


def test_possible_duplicate_confirmed_in_the_preview(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    with db.session() as session:
        prospect = Prospect(name="ACME", name_key="acme")
        prospect.contacts.append(Contact(first_name="Jean", last_name="Dupont"))
        session.add(prospect)
    path = tmp_path / "x.csv"
    path.write_text("Company,First name,Last name,Email\nACME,Jean,Dupond,j@acme.example\n")
    wizard = ImportWizard(db, DataEvents(), path)
    qtbot.addWidget(wizard)
    walk_to_preview(qtbot, wizard)
    model = wizard.preview_page.model
    assert model.rows[0].fate is Fate.POSSIBLE_DUPLICATE
    index = model.index(0, model.FATE)
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.done, timeout=30_000)
    with db.session() as session:
        assert [c.email for c in session.scalars(select(Contact))] == ["j@acme.example"]


def test_cancel_during_import_writes_nothing(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = "".join(f"Co {i},p{i}@co{i}.example\n" for i in range(6000))
    path = tmp_path / "big.csv"
    path.write_text("Company,Email\n" + rows)
    wizard = ImportWizard(db, DataEvents(), path)
    qtbot.addWidget(wizard)
    walk_to_preview(qtbot, wizard)
    from prospection.ui.import_wizard import background

    original = background.BackgroundTask.start

    def start_cancelled(task: background.BackgroundTask) -> None:
        task.cancel()  # as if Cancel was pressed at once
        original(task)

    monkeypatch.setattr(background.BackgroundTask, "start", start_cancelled)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.done, timeout=30_000)
    assert "nothing was written" in wizard.import_page.status.text()
    assert count(db, Prospect) == 0 and count(db, ImportBatch) == 0


def test_export_dialog_writes_the_selection(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    with db.session() as session:
        session.add_all([Prospect(name="Alpha"), Prospect(name="Beta")])
        session.flush()
        alpha = session.scalars(select(Prospect.id).where(Prospect.name == "Alpha")).one()
    dialog = ExportDialog(db, [alpha], lambda: [alpha])
    qtbot.addWidget(dialog)
    target = tmp_path / "out"
    dialog.ask_path = lambda fmt: target  # type: ignore[method-assign]
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(ExportFormat.CSV.value))
    dialog.choose_file_and_export()
    text = (tmp_path / "out.csv").read_text("utf-8-sig")
    assert "Alpha" in text and "Beta" not in text
    assert dialog.summary is not None and dialog.summary.prospects == 1


def test_main_window_menus_and_dropped_file(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from prospection.ui.main_window import MainWindow
    from prospection.ui.transfer_actions import DropImporter

    window = MainWindow(db, DataEvents())
    qtbot.addWidget(window)
    texts = [a.text() for a in window.file_menu.actions()]
    assert {"&Import…", "&Export…", "&Undo an import…"} <= set(texts)
    assert window.action_import.isVisible()
    assert window.action_import.shortcut().toString() == "Ctrl+I"

    path = tmp_path / "drop.csv"
    path.write_text("Company,Email\nACME,a@acme.example\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    assert DropImporter.dropped_file(drop) == path
    # QApplication delivers drops only during a real drag; the window's filter gets it so.
    assert window.transfer.drop.eventFilter(window, drop)
    wizards = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard)]
    assert len(wizards) == 1
    wizard = wizards[0]
    qtbot.addWidget(wizard)
    assert wizard.currentPage() is wizard.format_page  # the file was read already
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "photo.png"))])
    refused = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, other,
                         Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    assert DropImporter.dropped_file(refused) is None
