"""Help > Licences: every component shipped with Prospection and its licence texts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from prospection.licences import Component, components


class LicencesDialog(QDialog):
    """A list of components on the left, the selected one's licence texts on the right."""

    def __init__(self, parent: QWidget | None = None, found: list[Component] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Licences"))
        self.components = components() if found is None else found
        intro = QLabel(
            self.tr(
                "Prospection is free software (GPL-3.0-or-later). It ships with these "
                "components, each under its own licence:"
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        for component in self.components:
            item = QListWidgetItem(f"{component.name} {component.version}")
            item.setToolTip(component.licence)
            self.list.addItem(item)
        self.licence = QLabel()
        self.licence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.licence)
        right_layout.addWidget(self.text)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self.show_component)
        self.resize(820, 560)
        if self.components:
            self.list.setCurrentRow(0)

    def show_component(self, row: int) -> None:
        """Show the licence texts of the component in `row`."""
        if not 0 <= row < len(self.components):
            return
        component = self.components[row]
        self.licence.setText(self.tr("Licence: {licence}").format(licence=component.licence))
        self.text.setPlainText(component.text())
