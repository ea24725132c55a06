"""The people to ask for, each number a button handing a `tel:` link to the system."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prospection.core.call_cards import CallCard, CardContact, CardPhone
from prospection.ui.labels import phone_kind_label, role_label


class ContactsPanel(QWidget):
    """Contacts with a dial button and a copy button per number."""

    #: A number was chosen to dial: (contact id, phone id, tel: URI).
    dial_requested = Signal(int, int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.dial_buttons: dict[int, QPushButton] = {}
        self.copy_buttons: dict[int, QToolButton] = {}
        self._rows: list[QWidget] = []

    def show_card(self, card: CallCard) -> None:
        """Show the contacts of `card`."""
        for row in self._rows:
            self._layout.removeWidget(row)
            # Hidden at once: deleteLater waits for the event loop, and the next card is
            # painted before that (the session repaints it before saving the call).
            row.hide()
            row.deleteLater()
        self._rows = []
        self.dial_buttons = {}
        self.copy_buttons = {}
        for contact in card.contacts:
            self._add_contact(contact)
        if not card.contacts:
            self._add_row(QLabel(self.tr("No contact recorded: ask for the right person."), self))

    def _add_row(self, widget: QWidget) -> None:
        self._layout.addWidget(widget)
        self._rows.append(widget)

    def _add_contact(self, contact: CardContact) -> None:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        who = contact.name or self.tr("(no name)")
        details = [part for part in (contact.title, role_label(contact.role)) if part]
        label = QLabel(f"<b>{_escape(who)}</b> — {_escape(', '.join(details))}", row)
        layout.addWidget(label)
        if contact.do_not_call:
            notice = QLabel(self.tr("asked not to be called"), row)
            notice.setObjectName("doNotCall")
            layout.addWidget(notice)
        else:
            for phone in contact.phones:
                self._add_phone(row, layout, contact, phone)
            if not contact.phones:
                layout.addWidget(QLabel(self.tr("no number"), row))
        layout.addStretch(1)
        self._add_row(row)

    def _add_phone(
        self, row: QWidget, layout: QHBoxLayout, contact: CardContact, phone: CardPhone
    ) -> None:
        button = QPushButton(f"☎ {phone.display}", row)
        button.setAutoDefault(False)
        kind = phone_kind_label(phone.kind)
        if phone.is_wrong:
            button.setEnabled(False)
            button.setToolTip(self.tr("{kind}: flagged as a wrong number").format(kind=kind))
            font = button.font()
            font.setStrikeOut(True)
            button.setFont(font)
        else:
            button.setToolTip(
                self.tr("{kind}: call with your phone or softphone (Enter)").format(kind=kind)
            )
            uri = phone.tel_uri
            button.clicked.connect(
                lambda _=False, c=contact.id, p=phone.id, u=uri: self.dial_requested.emit(c, p, u)
            )
        layout.addWidget(button)
        self.dial_buttons[phone.id] = button
        copy = QToolButton(row)
        copy.setText(self.tr("Copy"))
        copy.setToolTip(self.tr("Copy the number"))
        copy.setAccessibleName(self.tr("Copy {number}").format(number=phone.display))
        text = phone.e164 or phone.display
        copy.clicked.connect(lambda _=False, t=text: QGuiApplication.clipboard().setText(t))
        layout.addWidget(copy)
        self.copy_buttons[phone.id] = copy


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
