"""Asks, field by field, which value to keep when a colleague saved the same fields first.

The editing API writes nothing when two people changed the same field to different
values (`EditConflict`); this dialog shows both values of each such field and lets the
user choose, one field at a time. Cancel keeps everything as it is in the editor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from prospection.core.enums import ContactRole, PhoneKind, Stage
from prospection.core.prospect_editing import EditConflict, PhoneInput
from prospection.ui.editor.issue_text import field_label
from prospection.ui.labels import role_label, stage_label

# Longest value shown on a choice's one line; a longer one is shown in full below it.
SHOWN_CHARS = 40


class Choice(StrEnum):
    """Which value of a conflicting field to keep."""

    MINE = "mine"
    THEIRS = "theirs"


def value_text(value: Any, users: Mapping[int, str] | None = None, field: str = "") -> str:
    """A field's value as the user reads it (empty values say so)."""
    if value is None or value == "" or value == []:
        return QCoreApplication.translate("ConflictDialog", "(empty)")
    if field == "owner_id" and isinstance(value, int):
        return (users or {}).get(value, str(value))
    if isinstance(value, bool):
        yes = QCoreApplication.translate("ConflictDialog", "Yes")
        return yes if value else QCoreApplication.translate("ConflictDialog", "No")
    if isinstance(value, Stage):
        return stage_label(value)
    if isinstance(value, ContactRole):
        return role_label(value)
    if isinstance(value, datetime):
        moment = QDateTime.fromSecsSinceEpoch(int(value.timestamp()))
        return QLocale().toString(moment, QLocale.FormatType.ShortFormat)
    if isinstance(value, date):
        return QLocale().toString(QDate(value.year, value.month, value.day))
    if isinstance(value, float):
        return QLocale().toString(value, "f", 2)
    if isinstance(value, list | tuple):
        parts = [v.text if isinstance(v, PhoneInput) else str(v) for v in value]
        return ", ".join(parts)
    if isinstance(value, PhoneKind):
        return value.value
    return str(value)


class ConflictDialog(QDialog):
    """One row per conflicting field: its name, then "Theirs" and "Mine" to choose from."""

    def __init__(
        self,
        conflicts: Sequence[EditConflict],
        parent: QWidget | None = None,
        users: Mapping[int, str] | None = None,
        subject: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed by someone else"))
        self._conflicts = list(conflicts)
        self._groups: dict[str, QButtonGroup] = {}
        self.mine_buttons: dict[str, QRadioButton] = {}
        self.theirs_buttons: dict[str, QRadioButton] = {}

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Someone else saved {subject} while you were editing it, and changed these "
                "fields too. Nothing is saved yet: choose which value to keep for each. Your "
                "other changes, and theirs, are kept."
            ).format(subject=subject or self.tr("this prospect")),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        header_theirs = QLabel(self.tr("Theirs (saved)"), body)
        header_mine = QLabel(self.tr("Mine (not saved)"), body)
        for label in (header_theirs, header_mine):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        grid.addWidget(header_theirs, 0, 1)
        grid.addWidget(header_mine, 0, 2)
        for row, conflict in enumerate(self._conflicts, start=1):
            name = QLabel(field_label(conflict.field), body)
            name.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            theirs = self._choice(grid, row, 1, value_text(conflict.theirs, users, conflict.field))
            mine = self._choice(grid, row, 2, value_text(conflict.mine, users, conflict.field))
            theirs.setAccessibleName(
                self.tr("{field}: theirs").format(field=field_label(conflict.field))
            )
            mine.setAccessibleName(
                self.tr("{field}: mine").format(field=field_label(conflict.field))
            )
            mine.setChecked(True)  # what the user typed, unless they choose otherwise
            group = QButtonGroup(self)
            group.addButton(theirs)
            group.addButton(mine)
            self._groups[conflict.field] = group
            self.theirs_buttons[conflict.field] = theirs
            self.mine_buttons[conflict.field] = mine
            grid.addWidget(name, row, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Long values wrap in their column; only many fields scroll (down).
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("Save with these values"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setToolTip(self.tr("Save nothing; your changes stay in the editor"))
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self._conflicts:
            self.mine_buttons[self._conflicts[0].field].setFocus()
        # Fits a 1366x768 screen: wide enough for two values side by side, and as tall
        # as the fields need up to 560 pixels (then they scroll).
        body.setMinimumWidth(680)
        wanted = intro.sizeHint().height() + body.sizeHint().height() + 90
        self.resize(760, max(300, min(560, wanted)))

    def _choice(self, grid: QGridLayout, row: int, column: int, text: str) -> QRadioButton:
        # A radio button's text does not wrap: a short line on the button, and a long
        # value (notes, pains) in full in a wrapped label under it.
        parent = grid.parentWidget()
        lines = text.splitlines() or [text]
        short = lines[0] if len(lines[0]) <= SHOWN_CHARS else lines[0][:SHOWN_CHARS] + "…"
        if short != text and not short.endswith("…"):
            short += " …"
        button = QRadioButton(short, parent)
        button.setToolTip(text)
        cell = QVBoxLayout()
        cell.addWidget(button)
        if short != text:
            full = QLabel(text, parent)
            full.setWordWrap(True)
            full.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            full.setIndent(24)
            cell.addWidget(full)
        cell.addStretch(1)
        grid.addLayout(cell, row, column)
        return button

    def choices(self) -> dict[str, Choice]:
        """The value chosen for each conflicting field."""
        return {
            name: Choice.MINE if self.mine_buttons[name].isChecked() else Choice.THEIRS
            for name in self._groups
        }

    def ask(self) -> dict[str, Choice] | None:
        """Show the dialog; the choices, or None when the user cancelled."""
        if self.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.choices()
