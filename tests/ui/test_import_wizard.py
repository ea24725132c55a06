"""The import wizard walked through (reading, planning and writing off the GUI thread),
cancel, the preview's fate filter, undo of an import, the export dialog's worker, drop.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from prospection.core.db import Database
from prospection.core.exports import SUFFIXES, ExportFormat
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


def read_file(qtbot: QtBot, wizard: ImportWizard) -> None:
    """Next on the file page: the file is read off the GUI thread, then the wizard moves on."""
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.next()
    assert wizard.file_page.reading()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.format_page, timeout=30_000)
    assert not wizard.file_page.busy.isVisible()


def walk_to_preview(qtbot: QtBot, wizard: ImportWizard) -> None:
    read_file(qtbot, wizard)  # file -> format
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
    with qtbot.waitSignal(events.database_reset, timeout=30_000):
        dialog.undo_button.click()  # undone off the GUI thread; Close waits for it
        assert dialog.undoing() and not dialog.close_button.isEnabled()
        assert not dialog.undo_button.isEnabled() and not dialog.progress.isHidden()
    assert count(db, Prospect) == 0 and count(db, Contact) == 0
    assert not dialog.undo_button.isEnabled() and dialog.close_button.isEnabled()
    assert "2 prospects and 3 contacts removed" in dialog.status.text()


def test_mapping_changed_and_remembered(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Boîte,Qui,Couleur\nACME,Jean Dupont,bleu\n", "utf-8")
    wizard = ImportWizard(db, DataEvents(), path)
    qtbot.addWidget(wizard)
    read_file(qtbot, wizard)
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
    read_file(qtbot, again)
    again.next()
    assert again.mapping_page.mapping() == [Field.COMPANY, Field.FULL_NAME, None]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.csv", b"", "is empty"),
        ("binary.csv", bytes(range(256)) * 40, "cannot be imported"),
        ("header.csv", b"Company,Email\r\n", "header"),
        ("truncated.xlsx", b"PK\x03\x04" + b"\x00" * 40, "cannot be imported"),
        ("gone.csv", None, "cannot be imported"),
    ],
)
def test_bad_file_stays_on_the_first_page_with_a_message(
    qtbot: QtBot, db: Database, tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    wizard = ImportWizard(db, DataEvents(), path)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    wizard.next()
    qtbot.waitUntil(lambda: not page.reading(), timeout=30_000)
    assert wizard.currentPage() is page
    assert expected in page.error.text()
    assert page.error.text().startswith("This file cannot be imported:")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # the user may retry
    assert count(db, ImportBatch) == 0


def test_too_large_a_file_is_refused_with_a_message(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(201 * 1024 * 1024)  # sparse: no disk used, but 201 MB long
    wizard = ImportWizard(db, DataEvents(), path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.file_page.reading(), timeout=30_000)
    assert wizard.currentPage() is wizard.file_page
    assert "split it into parts" in wizard.file_page.error.text()


def test_reading_stopped_stays_on_the_first_page(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prospection.ui.import_wizard import wizard as wizard_module

    release = threading.Event()
    real_read = wizard_module.read_table

    def slow_read(path: Path, *choices: object) -> wizard_module.ReadResult:
        release.wait(30)  # a big file: still reading when the user stops
        return real_read(path)

    monkeypatch.setattr(wizard_module, "read_table", slow_read)
    path = tmp_path / "x.csv"
    path.write_text("Company,Email\nACME,a@acme.example\n")
    wizard = ImportWizard(db, DataEvents(), path)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    wizard.next()
    task = page.task
    assert task is not None and page.busy.isVisible()
    assert not page.path_edit.isEnabled()
    page.busy.stop_button.click()
    assert not page.reading() and not page.busy.isVisible()
    assert "stopped" in page.error.text()
    assert page.path_edit.isEnabled()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    release.set()
    qtbot.waitUntil(task.finished.is_set, timeout=30_000)
    QCoreApplication.processEvents()  # the abandoned read delivers nothing
    assert wizard.currentPage() is page and wizard.state.table is None
    monkeypatch.setattr(wizard_module, "read_table", real_read)
    wizard.next()  # a second try reads the file and moves on
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.format_page, timeout=30_000)


def test_read_again_with_another_delimiter(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Company;Email\nACME;a@acme.example\n", "utf-8")
    wizard = ImportWizard(db, DataEvents(), path)
    qtbot.addWidget(wizard)
    read_file(qtbot, wizard)
    page = wizard.format_page
    assert wizard.state.table is not None and wizard.state.table.headers == ["Company", "Email"]
    page.delimiter_box.setCurrentIndex(page.delimiter_box.findData(","))
    page.apply_button.click()
    assert page.task is not None and not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    assert wizard.state.table.headers == ["Company;Email"]
    assert page.sample.columnCount() == 1
    page.encoding_box.setEditText("no-such-encoding")
    page.apply_button.click()
    assert page.task is None and "Unknown encoding" in page.error.text()


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
    assert wizard.preview_page.confirm_all_button.isEnabled()
    index = model.index(0, model.FATE)
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.done, timeout=30_000)
    with db.session() as session:
        assert [c.email for c in session.scalars(select(Contact))] == ["j@acme.example"]


def test_fate_filter_and_confirm_all(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    with db.session() as session:
        prospect = Prospect(name="ACME", name_key="acme")
        prospect.contacts.append(Contact(first_name="Jean", last_name="Dupont"))
        prospect.contacts.append(Contact(first_name="Marie", last_name="Lefebvre"))
        session.add(prospect)
    path = tmp_path / "x.csv"
    path.write_text(
        "Company,First name,Last name,Email\n"
        "ACME,Jean,Dupond,j@acme.example\n"  # possible duplicate of Jean Dupont
        "Globex,Ann,Lee,ann@globex.example\n"  # new prospect
        "ACME,Marie,Lefebvres,m@acme.example\n"  # possible duplicate of Marie Lefebvre
        "Initech,Bob,Smith,bob@initech.example\n"  # new prospect
        ',,,"not an email"\n'  # invalid
    )
    wizard = ImportWizard(db, DataEvents(), path)
    qtbot.addWidget(wizard)
    walk_to_preview(qtbot, wizard)
    page = wizard.preview_page
    model = page.model
    fates = [r.fate for r in model.rows]
    assert fates.count(Fate.POSSIBLE_DUPLICATE) == 2 and fates.count(Fate.NEW_PROSPECT) == 2
    items = [page.fate_box.itemText(i) for i in range(page.fate_box.count())]
    assert items[0] == f"All rows ({len(fates)})"
    assert "Possible duplicates (2)" in items and "New prospects (2)" in items
    page.set_fate_filter(Fate.POSSIBLE_DUPLICATE)
    assert model.rowCount() == 2
    assert {model.data(model.index(r, model.PERSON)) for r in range(2)} == {
        "Jean Dupond",
        "Marie Lefebvres",
    }
    page.set_fate_filter(Fate.NEW_PROSPECT)
    assert model.rowCount() == 2
    assert model.data(model.index(0, model.COMPANY)) == "Globex"
    page.set_fate_filter(None)
    assert model.rowCount() == len(fates)

    page.confirm_all_button.click()
    assert len(model.confirmed) == 2
    assert "2 of 2" in page.confirmed_label.text()
    page.set_fate_filter(Fate.POSSIBLE_DUPLICATE)
    checked = Qt.CheckState.Checked
    assert all(model.data(model.index(r, model.FATE), Qt.ItemDataRole.CheckStateRole) == checked
               for r in range(2))  # fmt: skip
    page.confirm_none_button.click()
    assert model.confirmed == set() and "0 of 2" in page.confirmed_label.text()
    page.confirm_all_button.click()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.done, timeout=30_000)
    with db.session() as session:
        acme = session.scalars(select(Prospect).where(Prospect.name == "ACME")).one()
        assert sorted(c.email for c in acme.contacts) == ["j@acme.example", "m@acme.example"]
        assert count(db, Contact) == 4  # both possible duplicates merged, two new people


def test_back_from_the_preview_abandons_planning(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Company,Email\nACME,a@acme.example\n")
    wizard = ImportWizard(db, DataEvents(), path)
    qtbot.addWidget(wizard)
    read_file(qtbot, wizard)
    wizard.next()
    wizard.next()  # the preview starts planning
    task = wizard.preview_page.task
    assert task is not None and not wizard.preview_page.isComplete()
    wizard.back()
    assert task.is_cancelled() and wizard.preview_page.task is None
    qtbot.waitUntil(task.finished.is_set, timeout=30_000)
    QCoreApplication.processEvents()
    assert wizard.state.plan is None  # nothing landed from the abandoned plan
    wizard.next()
    qtbot.waitUntil(lambda: wizard.state.plan is not None, timeout=30_000)


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
    with qtbot.waitSignal(dialog.finished_export, timeout=30_000):
        dialog.choose_file_and_export()
        assert dialog.exporting() and not dialog.save_button.isEnabled()
    assert dialog.result() == QDialog.DialogCode.Accepted
    text = (tmp_path / "out.csv").read_text("utf-8-sig")
    assert "Alpha" in text and "Beta" not in text
    assert dialog.summary is not None and dialog.summary.prospects == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "out.csv"]


def test_export_of_the_view_reads_its_ids_in_the_worker(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    with db.session() as session:
        session.add_all([Prospect(name="Alpha"), Prospect(name="Beta")])
        session.flush()
        beta = session.scalars(select(Prospect.id).where(Prospect.name == "Beta")).one()
    threads: list[bool] = []

    def view_ids() -> list[int]:
        threads.append(threading.current_thread() is threading.main_thread())
        return [beta]

    dialog = ExportDialog(db, [], view_ids)
    qtbot.addWidget(dialog)
    dialog.view_button.setChecked(True)
    dialog.ask_path = lambda _fmt: tmp_path / "view.csv"  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.finished_export, timeout=30_000):
        dialog.choose_file_and_export()
    assert threads == [False]  # a query of up to 100,000 ids: never on the GUI thread
    text = (tmp_path / "view.csv").read_text("utf-8-sig")
    assert "Beta" in text and "Alpha" not in text


@pytest.mark.parametrize("fmt", [ExportFormat.CSV, ExportFormat.XLSX, ExportFormat.VCARD])
def test_export_of_everything_in_the_worker(
    qtbot: QtBot, db: Database, tmp_path: Path, fmt: ExportFormat
) -> None:
    from prospection.core.imports import read_source

    with db.session() as session:
        for i in range(1200):  # more than one chunk of the export's progress
            prospect = Prospect(name=f"Company {i}")
            prospect.contacts.append(Contact(first_name="Ann", last_name=f"Lee{i}"))
            session.add(prospect)
    dialog = ExportDialog(db, [])
    qtbot.addWidget(dialog)
    assert dialog.all_button.isChecked()
    target = tmp_path / "everyone"
    dialog.ask_path = lambda _fmt: target  # type: ignore[method-assign]
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt.value))
    progress: list[tuple[int, int]] = []
    with qtbot.waitSignal(dialog.finished_export, timeout=60_000):
        dialog.choose_file_and_export()
        assert dialog.task is not None
        dialog.task.signals.progress.connect(lambda done, total: progress.append((done, total)))
    written = target.with_suffix(SUFFIXES[fmt])
    table = read_source(written)
    assert len(table.rows) == 1200
    assert dialog.summary is not None and dialog.summary.contacts == 1200
    assert progress and progress[-1][0] == progress[-1][1]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_stopped_leaves_no_file(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prospection.core import exports

    with db.session() as session:
        session.add_all([Prospect(name=f"Company {i}") for i in range(3)])
    real_write = exports._write_atomically
    writing = threading.Event()
    release = threading.Event()

    def slow_write(path: Path, data: bytes, report: exports.Report | None = None) -> None:
        writing.set()
        release.wait(30)  # the user presses Stop while the export is under way
        real_write(path, data, report)

    monkeypatch.setattr(exports, "_write_atomically", slow_write)
    old = tmp_path / "prospects.csv"
    old.write_text("an older export\n")
    dialog = ExportDialog(db, [])
    qtbot.addWidget(dialog)
    dialog.ask_path = lambda _fmt: old  # type: ignore[method-assign]
    dialog.show()
    dialog.choose_file_and_export()
    qtbot.waitUntil(writing.is_set, timeout=30_000)
    assert dialog.cancel_button.text() == "Stop"
    with qtbot.waitSignal(dialog.finished_export, timeout=30_000):
        dialog.reject()  # Cancel while exporting stops the export, the dialog stays
        assert dialog.isVisible() and dialog.status.text() == "Stopping…"
        release.set()
    assert dialog.isVisible() and dialog.summary is None
    assert dialog.status.text() == "Export stopped: no file was written."
    assert old.read_text() == "an older export\n"  # not replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "prospects.csv"]
    assert dialog.save_button.isEnabled() and dialog.cancel_button.text() == "Cancel"
    dialog.reject()
    assert not dialog.isVisible()


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
    # The dropped file is read at once, off the GUI thread, then the wizard moves on.
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.format_page, timeout=30_000)
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "photo.png"))])
    refused = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, other,
                         Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    assert DropImporter.dropped_file(refused) is None


def test_csv_fr_offers_utf8_when_cp1252_cannot_hold_characters(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from prospection.core.exports import UnwritableCharacters

    with db.session() as session:
        session.add(Prospect(name="Biuro Łódź"))
    dialog = ExportDialog(db, [])
    qtbot.addWidget(dialog)
    asked: list[list[str]] = []

    def choose(error: UnwritableCharacters) -> QMessageBox.StandardButton:
        asked.append(error.characters)
        return QMessageBox.StandardButton.Yes  # "Save as UTF-8"

    dialog.unwritable_choice = choose  # type: ignore[method-assign]
    dialog.ask_path = lambda _fmt: tmp_path / "fr.csv"  # type: ignore[method-assign]
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(ExportFormat.CSV_FR.value))
    dialog.choose_file_and_export()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=30_000)
    assert asked == [["Ł", "ź"]]
    data = (tmp_path / "fr.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "Biuro Łódź" in data.decode("utf-8-sig")


def test_a_file_with_nothing_importable_is_refused_in_the_preview(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "foreign.csv"
    path.write_text("Foo,Bar,Baz\n1,2,3\n4,5,6\n")
    wizard = ImportWizard(db, DataEvents(), path)
    qtbot.addWidget(wizard)
    walk_to_preview(qtbot, wizard)
    assert "nothing to import from foreign.csv" in wizard.preview_page.summary.text()
    assert not wizard.preview_page.isComplete()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.next()  # refused: stays on the preview, no empty batch recorded
    assert wizard.currentPage() is wizard.preview_page
    assert count(db, ImportBatch) == 0


def test_the_last_page_lists_what_merges_changed_and_kept(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    with db.session() as session:
        prospect = Prospect(name="ACME", name_key="acme", city="Paris")
        prospect.contacts.append(Contact(first_name="Jean", email="j@acme.example"))
        session.add(prospect)
    path = tmp_path / "x.csv"
    path.write_text("Company,First name,Email,City,Website\nACME,Jean,j@acme.example,Lyon,a.fr\n")
    wizard = ImportWizard(db, DataEvents(), path)
    qtbot.addWidget(wizard)
    walk_to_preview(qtbot, wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.done, timeout=30_000)
    report = wizard.import_page.report.toPlainText()
    assert "ACME" in report and "Website" in report
    assert "Lyon" in report and "Paris" in report
    assert not wizard.import_page.report.isHidden()
