"""The dialog adding or editing one contact: names, role, phones, email, LinkedIn."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prospection.core import limits
from prospection.core.emails import check_email
from prospection.core.enums import ContactRole, PhoneKind
from prospection.core.models import Contact
from prospection.core.phones import display_phone, parse_phone
from prospection.core.prospect_editing import EditResult
from prospection.core.prospects import ContactInput, PhoneInput
from prospection.ui.editor.issue_text import issue_text
from prospection.ui.labels import phone_kind_labels, role_labels
from prospection.ui.prospect_table_model import overdue_colour

MAX_PHONES = 6


def set_warning_style(label: QLabel, warning: bool) -> None:
    """Colour `label` as a warning (palette-aware) or as ordinary secondary text."""
    palette = label.palette()
    colour = overdue_colour() if warning else palette.color(QPalette.ColorRole.PlaceholderText)
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    label.setPalette(palette)


class _PhoneRow:
    """One phone: its kind, the text as typed, and how it was understood."""

    def __init__(self, dialog: ContactDialog, grid: QGridLayout, row: int) -> None:
        self.kind = QComboBox(dialog)
        for kind, label in phone_kind_labels().items():
            self.kind.addItem(label, kind.value)
        self.text = QLineEdit(dialog)
        self.text.setMaxLength(limits.PHONE_MAX)
        self.text.setPlaceholderText(QCoreApplication.translate("ContactDialog", "Phone number"))
        self.status = QLabel(dialog)
        # Always there (empty when nothing is typed): the form does not jump when the
        # check message appears, and it wraps rather than being cut off.
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(self.status.fontMetrics().height())
        self.phone_id: int | None = None
        #: The number as stored when a call flagged it wrong (struck through until edited).
        self.wrong_raw: str | None = None
        grid.addWidget(self.kind, row * 2, 0)
        grid.addWidget(self.text, row * 2, 1)
        grid.addWidget(self.status, row * 2 + 1, 1)
        self.text.textChanged.connect(lambda _t: dialog.check_phone(self))


class ContactDialog(QDialog):
    """Edits a contact; `submit` saves it and returns the API's verdict."""

    def __init__(
        self,
        submit: Callable[[ContactInput], EditResult],
        contact: Contact | None = None,
        region: str = "FR",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self._region = region
        self.setWindowTitle(self.tr("Edit contact") if contact else self.tr("New contact"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.first_name = QLineEdit(self)
        self.last_name = QLineEdit(self)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("e.g. Sales director"))
        self.role = QComboBox(self)
        for role, label in role_labels().items():
            self.role.addItem(label, role.value)
        form.addRow(self.tr("&First name:"), self.first_name)
        form.addRow(self.tr("&Last name:"), self.last_name)
        form.addRow(self.tr("&Job title:"), self.title)
        form.addRow(self.tr("&Role:"), self.role)

        phones = QWidget(self)
        self._phone_grid = QGridLayout(phones)
        self._phone_grid.setContentsMargins(0, 0, 0, 0)
        self._phone_rows: list[_PhoneRow] = []
        self.add_phone_button = QPushButton(self.tr("+ Another phone"), self)
        self.add_phone_button.clicked.connect(lambda: self.add_phone_row().text.setFocus())
        form.addRow(self.tr("&Phones:"), phones)
        form.addRow("", self.add_phone_button)

        self.email = QLineEdit(self)
        self.email.setPlaceholderText("name@example.com")
        self.email_status = QLabel(self)
        self.email_status.setWordWrap(True)
        form.addRow(self.tr("&Email:"), self.email)
        form.addRow("", self.email_status)
        self.linkedin = QLineEdit(self)
        self.linkedin.setPlaceholderText("https://www.linkedin.com/in/…")
        form.addRow(self.tr("Lin&kedIn:"), self.linkedin)
        for name, edit in (
            ("first_name", self.first_name),
            ("last_name", self.last_name),
            ("title", self.title),
            ("email", self.email),
            ("linkedin_url", self.linkedin),
        ):
            edit.setMaxLength(limits.max_length(name))  # what core accepts (core.limits)
        self.primary = QCheckBox(self.tr("Primary contact (the one you call first)"), self)
        form.addRow("", self.primary)

        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        set_warning_style(self.error_label, True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._buttons = buttons
        self.email.textChanged.connect(self._check_email)

        if contact is not None:
            self.first_name.setText(contact.first_name)
            self.last_name.setText(contact.last_name)
            self.title.setText(contact.title)
            self.role.setCurrentIndex(max(0, self.role.findData(contact.role.value)))
            self.email.setText(contact.email)
            self.linkedin.setText(contact.linkedin_url)
            self.primary.setChecked(contact.is_primary)
            for phone in contact.phones:
                row = self.add_phone_row()
                row.phone_id = phone.id
                row.wrong_raw = phone.raw if phone.is_wrong else None
                row.kind.setCurrentIndex(max(0, row.kind.findData(phone.kind.value)))
                row.text.setText(phone.raw)
        if not self._phone_rows:
            self.add_phone_row()
        self._check_email()
        self.resize(480, self.sizeHint().height())

    def add_phone_row(self) -> _PhoneRow:
        """One more phone line (up to a few)."""
        row = _PhoneRow(self, self._phone_grid, len(self._phone_rows))
        self._phone_rows.append(row)
        self.add_phone_button.setEnabled(len(self._phone_rows) < MAX_PHONES)
        self.check_phone(row)
        self._set_tab_order()
        return row

    def _set_tab_order(self) -> None:
        """Tab follows the form: the phones right after the role, OK and Cancel last."""
        chain: list[QWidget] = [self.first_name, self.last_name, self.title, self.role]
        for row in self._phone_rows:
            chain += [row.kind, row.text]
        chain += [self.add_phone_button, self.email, self.linkedin, self.primary]
        chain += list(self._buttons.buttons())
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def phone_rows(self) -> list[_PhoneRow]:
        """The phone lines shown."""
        return list(self._phone_rows)

    def check_phone(self, row: _PhoneRow) -> None:
        """Show how the number is understood, or that it is kept as typed."""
        parsed = parse_phone(row.text.text(), self._region)
        wrong = row.wrong_raw is not None and row.text.text() == row.wrong_raw
        font = row.text.font()
        if font.strikeOut() != wrong:
            font.setStrikeOut(wrong)
            row.text.setFont(font)
        if not parsed.raw:
            row.status.clear()
            return
        if wrong:
            # Saving a corrected number clears the flag (prospect_editing).
            row.status.setText(
                self.tr("✗ Wrong number (flagged during a call): type the right one")
            )
            set_warning_style(row.status, True)
        elif parsed.valid:
            row.status.setText(
                self.tr("✓ {number}").format(
                    number=display_phone(parsed.raw, parsed.e164, self._region)
                )
            )
            set_warning_style(row.status, False)
        else:
            row.status.setText(self.tr("⚠ Not recognised: kept as typed"))
            set_warning_style(row.status, True)

    def _check_email(self) -> None:
        checked = check_email(self.email.text())
        if checked.valid:
            self.email_status.setVisible(False)
            return
        self.email_status.setVisible(True)
        self.email_status.setText(
            self.tr("This does not look like an email address yet (name@example.com).")
        )
        set_warning_style(self.email_status, True)

    def contact_input(self) -> ContactInput:
        """What the form holds."""
        phones: list[str | PhoneInput] = [
            PhoneInput(
                text=row.text.text(), kind=PhoneKind(row.kind.currentData()), id=row.phone_id
            )
            for row in self._phone_rows
            if row.text.text().strip()
        ]
        return ContactInput(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            title=self.title.text(),
            email=self.email.text(),
            phones=phones,
            role=ContactRole(self.role.currentData()),
            linkedin_url=self.linkedin.text(),
            is_primary=self.primary.isChecked(),
        )

    def accept(self) -> None:
        result = self._submit(self.contact_input())
        if not result.ok:
            self.error_label.setText("\n".join(issue_text(i) for i in result.errors))
            if any("email" in i.field for i in result.errors):
                self.email.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()
