"""Plugs import and export into the main window: File › Import… (Ctrl+I), Export…,
Undo an import…, the toolbar's Import button, and files dropped on the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence

if TYPE_CHECKING:
    from prospection.ui.import_wizard.export_dialog import ExportDialog
    from prospection.ui.import_wizard.wizard import ImportWizard
    from prospection.ui.main_window import MainWindow

# The dialogs (and the file readers they pull in: openpyxl, vCard ...) are imported when
# first opened: importing them before the window's first paint cost a third of a second.

translate = QCoreApplication.translate
IMPORTABLE = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".vcf", ".vcard")


def _region() -> str:
    """The user's country for national phone numbers (Preferences), France by default."""
    from prospection.ui.preferences import Preferences

    region = Preferences().phone_region()
    return region.upper() if len(region) == 2 else "FR"


class DropImporter(QObject):
    """Opens the import wizard for a file dropped on the main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    @staticmethod
    def dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
        """The one local file being dropped, if it looks importable."""
        urls = event.mimeData().urls()
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        return path if path.suffix.lower() in IMPORTABLE else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and isinstance(event, QDragEnterEvent | QDropEvent):
            path = self.dropped_file(event)
            if path is None:
                return False
            event.acceptProposedAction()
            if isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
                open_import(self.window, path)
            return True
        return super().eventFilter(watched, event)


@dataclass
class TransferActions:
    """What `install_transfer` added (for tests)."""

    import_: QAction
    export: QAction
    undo_import: QAction
    drop: DropImporter


def open_import(window: MainWindow, path: Path | None = None) -> ImportWizard:
    """File › Import… (or a dropped file): the wizard, non-modal so the app stays usable."""
    from prospection.ui.import_wizard.wizard import ImportWizard

    wizard = ImportWizard(window.db, window.events, path, window, region=_region())
    wizard.setModal(True)
    wizard.show()
    if path is not None:
        wizard.next()
    return wizard


def open_export(window: MainWindow) -> ExportDialog:
    """File › Export…: selection, current view or everything."""
    from prospection.core import prospects
    from prospection.ui.import_wizard.export_dialog import ExportDialog

    # The filter is taken now, on the GUI thread; the ids are read in the export's worker.
    flt, db = window.current_filter(), window.db

    def view_ids() -> list[int]:
        with db.session() as session:
            return list(session.scalars(prospects.filtered_ids(flt)))

    dialog = ExportDialog(window.db, window.selected_ids(), view_ids, window)
    if dialog.exec() and dialog.summary is not None:
        window.statusBar().showMessage(
            translate("TransferActions", "Exported to %1.").replace("%1", str(dialog.summary.path)),
            8000,
        )
    return dialog


def open_undo(window: MainWindow) -> None:
    """File › Undo an import…"""
    from prospection.ui.import_wizard.undo_dialog import UndoImportDialog

    UndoImportDialog(window.db, window.events, window).exec()


def install_transfer(window: MainWindow) -> TransferActions:
    """Connect Import… and add Export…, Undo an import… and drag-and-drop."""
    action_import = window.action_import
    action_import.triggered.connect(lambda: open_import(window))
    action_import.setVisible(True)
    export = QAction(translate("TransferActions", "&Export…"), window)
    export.setShortcut(QKeySequence("Ctrl+Shift+E"))
    tip = translate("TransferActions", "Export prospects or meetings to a file")
    export.setStatusTip(tip)
    export.setToolTip(f"{tip} (Ctrl+Shift+E)")
    export.triggered.connect(lambda: open_export(window))
    undo = QAction(translate("TransferActions", "&Undo an import…"), window)
    undo.setStatusTip(translate("TransferActions", "Remove what an import created"))
    undo.triggered.connect(lambda: open_undo(window))
    for action in (export, undo):
        window.addAction(action)
    menu = window.file_menu
    actions = menu.actions()
    position = actions.index(action_import) + 1 if action_import in actions else len(actions)
    if position < len(actions):
        menu.insertActions(actions[position], [export, undo])
    else:
        menu.addActions([export, undo])
    return TransferActions(action_import, export, undo, DropImporter(window))
