"""Help menu dialogs: About (version, licence) and the list of keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prospection import __version__
from prospection.ui.call_session.session_keys import session_key_rows


def show_about(parent: QWidget) -> None:
    """The About box: what the app is for, its version and its licence."""
    title = QCoreApplication.translate("About", "About Prospection")
    text = QCoreApplication.translate(
        "About",
        "<h3>Prospection {version}</h3>"
        "<p>Prospecting made bearable: know who you call and how you help them, "
        "call in small batches, see your progress.</p>"
        "<p>Everything stays on this computer.</p>"
        "<p>Free software under the GNU General Public License, version 3 or later "
        "(GPL-3.0-or-later).</p>",
    ).format(version=__version__)
    QMessageBox.about(parent, title, text)


def _action_name(action: QAction) -> str:
    """What an action does in general: Undo and Redo, not "Undo Edit Marchand"."""
    shortcut = action.shortcut()
    for standard, name in (
        (QKeySequence.StandardKey.Undo, QCoreApplication.translate("ShortcutsDialog", "Undo")),
        (QKeySequence.StandardKey.Redo, QCoreApplication.translate("ShortcutsDialog", "Redo")),
    ):
        if shortcut in QKeySequence.keyBindings(standard):
            return name
    return action.text().replace("&", "")


def shortcut_rows(menu_bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every menu action that has a shortcut."""
    rows: list[tuple[str, str, str]] = []

    def visit(menu_title: str, actions: list) -> None:  # type: ignore[type-arg]
        for action in actions:
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                visit(menu_title, submenu.actions())
                continue
            if action.isSeparator() or not action.isVisible():
                continue
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                rows.append((menu_title, _action_name(action), keys))

    for top in menu_bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            visit(top.text().replace("&", ""), menu.actions())
    return rows


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the menus, in a table."""

    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        rows = shortcut_rows(menu_bar)
        session = self.tr("Call session")
        rows += [(session, what, keys) for keys, what in session_key_rows()]
        table = QTableWidget(len(rows), 3, self)
        table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                table.setItem(row, column, item)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table = table
        self.resize(560, 520)
