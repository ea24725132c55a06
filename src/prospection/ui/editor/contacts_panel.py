"""The editor's list of contacts: who to talk to, their phones and email; add, edit, remove."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, QUrl, Signal, SignalInstance
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prospection.core.models import Contact
from prospection.core.phones import display_phone
from prospection.ui.dnc_reason_labels import dnc_reason_text
from prospection.ui.labels import phone_kind_label, role_label

_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _why(reason: str) -> str:
    """ " (reason)" after a do-not-contact line, the app's own reasons translated."""
    return f" ({dnc_reason_text(reason)})" if reason.strip() else ""


class ContactsPanel(QWidget):
    """Shows a prospect's contacts; asks the editor to add, edit, remove or promote one."""

    add_requested = Signal()
    edit_requested = Signal(int)
    remove_requested = Signal(int)
    primary_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._contacts: list[Contact] = []
        self._region = "FR"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Contacts"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.itemDoubleClicked.connect(self._edit_item)
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("+ Contact"), self)
        self.add_button.setToolTip(self.tr("Add a contact (Ctrl+Shift+K)"))
        # No shortcut of its own: the window's "Add a contact" action has it (two would make
        # Ctrl+Shift+K ambiguous, and then it does nothing at all).
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.primary_button = QPushButton(self.tr("Make primary"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        for button in (self.add_button, self.edit_button, self.primary_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(lambda: self._emit_for(self.edit_requested))
        self.remove_button.clicked.connect(lambda: self._emit_for(self.remove_requested))
        self.primary_button.clicked.connect(lambda: self._emit_for(self.primary_requested))
        self.list.currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_contacts(self, contacts: Sequence[Contact], region: str = "FR") -> None:
        """Show these contacts (primary first)."""
        current = self.current_contact_id()
        self._contacts = list(contacts)
        self._region = region
        self.list.clear()
        for contact in self._contacts:
            item = QListWidgetItem(self.describe(contact), self.list)
            item.setData(_ID_ROLE, contact.id)
            if contact.id == current:
                self.list.setCurrentItem(item)
        lines = sum(self.describe(c).count("\n") + 1 for c in self._contacts)
        height = self.list.fontMetrics().lineSpacing() * max(3, min(lines, 12)) + 12
        self.list.setFixedHeight(height)
        self._update_buttons()

    def contacts(self) -> list[Contact]:
        """The contacts shown."""
        return list(self._contacts)

    def describe(self, contact: Contact) -> str:
        """A few lines about a contact: name, title and role, phones, email, do-not-call."""
        name = contact.full_name or self.tr("(no name)")
        if contact.is_primary:
            name = self.tr("{name} · primary").format(name=name)
        lines = [name]
        about = " · ".join(p for p in (contact.title, role_label(contact.role)) if p)
        lines.append(about)
        for phone in contact.phones:
            number = display_phone(phone.raw, phone.e164, self._region)
            kind = phone_kind_label(phone.kind)
            if phone.e164 is None:
                lines.append(
                    self.tr("⚠ {number} ({kind}, not recognised)").format(number=number, kind=kind)
                )
            elif phone.is_wrong:
                lines.append(
                    self.tr("☎ {number} ({kind}, wrong number)").format(
                        number=struck_through(number), kind=kind
                    )
                )
            else:
                lines.append(self.tr("☎ {number} ({kind})").format(number=number, kind=kind))
        if contact.email:
            lines.append(f"✉ {contact.email}")
        if contact.dnc_phone:
            lines.append(self.tr("⛔ Asked not to be called") + _why(contact.dnc_phone_reason))
        if contact.dnc_email:
            lines.append(self.tr("⛔ Asked not to be emailed") + _why(contact.dnc_email_reason))
        return "\n".join(lines)

    def current_contact_id(self) -> int | None:
        """The contact under the cursor."""
        item = self.list.currentItem()
        if item is None:
            return None
        value = item.data(_ID_ROLE)
        return int(value) if value is not None else None

    def set_editable(self, editable: bool) -> None:
        """Allow adding contacts (not before the prospect has a name)."""
        self.add_button.setEnabled(editable)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current_contact_id() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        contact = self._contact(self.current_contact_id())
        self.primary_button.setEnabled(contact is not None and not contact.is_primary)

    def _contact(self, contact_id: int | None) -> Contact | None:
        return next((c for c in self._contacts if c.id == contact_id), None)

    def _emit_for(self, signal: SignalInstance) -> None:
        contact_id = self.current_contact_id()
        if contact_id is not None:
            signal.emit(contact_id)

    def _edit_item(self, item: QListWidgetItem) -> None:
        value = item.data(_ID_ROLE)
        if value is not None:
            self.edit_requested.emit(int(value))

    def _menu(self, position: QPoint) -> None:
        contact = self._contact(self.current_contact_id())
        menu = QMenu(self)
        if contact is not None:
            for phone in contact.phones:
                number = phone.e164 or phone.raw
                shown = display_phone(phone.raw, phone.e164, self._region)
                action = menu.addAction(self.tr("Call {number}").format(number=shown))
                action.setEnabled(not contact.dnc_phone)
                action.triggered.connect(
                    lambda _c=False, n=number: QDesktopServices.openUrl(QUrl(f"tel:{n}"))
                )
            if contact.email:
                action = menu.addAction(self.tr("Email {address}").format(address=contact.email))
                action.setEnabled(not contact.dnc_email)
                action.triggered.connect(
                    lambda _c=False, a=contact.email: QDesktopServices.openUrl(QUrl(f"mailto:{a}"))
                )
            menu.addSeparator()
            menu.addAction(self.edit_button.text(), self.edit_button.click)
            menu.addAction(self.primary_button.text(), self.primary_button.click).setEnabled(
                not contact.is_primary
            )
            menu.addAction(self.remove_button.text(), self.remove_button.click)
        menu.addAction(self.add_button.text(), self.add_requested.emit)
        menu.exec(self.list.mapToGlobal(position))


def struck_through(text: str) -> str:
    """`text` struck through in plain text (a combining long stroke after each character).

    The contacts list holds plain text; the stroke shows a wrong number at a glance
    while the words "wrong number" beside it say it to screen readers.
    """
    return "".join(f"{char}\u0336" for char in text)
