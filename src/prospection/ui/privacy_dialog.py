"""A person's rights in one place: do-not-contact per channel, consent, export, erasure.

Opened from the prospect (Prospects › Privacy and consent…) for one of its contacts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from prospection.core import exports, limits, privacy
from prospection.core.db import Database
from prospection.core.enums import Channel
from prospection.core.models import Contact, Prospect
from prospection.ui.backup_dialogs import local_datetime
from prospection.ui.data_events import DataEvents
from prospection.ui.dnc_reason_labels import dnc_reason_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PersonState:
    """What the dialog shows about one contact (read in one short session)."""

    contact_id: int
    name: str
    dnc_phone: bool
    dnc_phone_at: datetime | None
    dnc_phone_reason: str
    dnc_email: bool
    dnc_email_at: datetime | None
    dnc_email_reason: str
    consent_at: datetime | None
    consent_channel: str
    consent_wording: str
    source: str
    collected_at: datetime


def _state(contact: Contact) -> PersonState:
    return PersonState(
        contact.id,
        contact.full_name,
        contact.dnc_phone,
        contact.dnc_phone_at,
        contact.dnc_phone_reason,
        contact.dnc_email,
        contact.dnc_email_at,
        contact.dnc_email_reason,
        contact.consent_at,
        contact.consent_channel,
        contact.consent_wording,
        contact.source,
        contact.collected_at,
    )


class PrivacyDialog(QDialog):
    """Do-not-contact, consent, access and erasure for the contacts of one prospect."""

    def __init__(
        self,
        db: Database,
        events: DataEvents,
        prospect_id: int,
        parent: QWidget | None = None,
        contact_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.events = events
        self.prospect_id = prospect_id
        self.people: list[PersonState] = []
        #: Someone was erased: the window must forget undo steps that could bring them back.
        self.erased = False
        self.resize(580, 560)
        layout = QVBoxLayout(self)

        chooser = QFormLayout()
        self.person_box = QComboBox(self)
        chooser.addRow(self.tr("&Person:"), self.person_box)
        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)
        chooser.addRow(self.tr("Source:"), self.source_label)
        layout.addLayout(chooser)

        dnc_group = QGroupBox(self.tr("Do not contact"), self)
        dnc_group.setToolTip(
            self.tr(
                "GDPR: anyone may object to prospecting. The objection is kept as a "
                "one-way hash of the phone and email, so the person stays do-not-contact "
                "even if erased and imported again."
            )
        )
        dnc_layout = QFormLayout(dnc_group)
        self.no_call = QCheckBox(self.tr("Do not &call"), dnc_group)
        self.no_email = QCheckBox(self.tr("Do not &email"), dnc_group)
        self.dnc_phone_label = QLabel(dnc_group)
        self.dnc_email_label = QLabel(dnc_group)
        dnc_layout.addRow(self.no_call, self.dnc_phone_label)
        dnc_layout.addRow(self.no_email, self.dnc_email_label)
        self.reason_edit = QLineEdit(dnc_group)
        self.reason_edit.setMaxLength(limits.max_length("reason"))
        self.reason_edit.setPlaceholderText(self.tr("For example: asked on the phone on 3 May"))
        dnc_layout.addRow(self.tr("&Reason:"), self.reason_edit)
        self.apply_dnc_button = QPushButton(self.tr("&Apply"), dnc_group)
        apply_row = QHBoxLayout()
        apply_row.addStretch()
        apply_row.addWidget(self.apply_dnc_button)
        dnc_layout.addRow(apply_row)
        layout.addWidget(dnc_group)

        consent_group = QGroupBox(self.tr("Consent to be called"), self)
        consent_group.setToolTip(
            self.tr(
                "Since 11 August 2026 (French law of 30 June 2025), a consumer may be "
                "called for prospecting only with prior consent you can prove: when, how "
                "and to what words they agreed."
            )
        )
        consent_layout = QFormLayout(consent_group)
        self.consent_label = QLabel(consent_group)
        self.consent_label.setWordWrap(True)
        consent_layout.addRow(self.consent_label)
        self.consent_channel = QComboBox(consent_group)
        self.consent_channel.setEditable(True)
        for text in (
            self.tr("phone"),
            self.tr("web form"),
            self.tr("email"),
            self.tr("paper form"),
            self.tr("in person"),
        ):
            self.consent_channel.addItem(text)
        channel_line = self.consent_channel.lineEdit()
        if channel_line is not None:
            channel_line.setMaxLength(limits.max_length("channel"))
        consent_layout.addRow(self.tr("&How:"), self.consent_channel)
        self.consent_wording = QPlainTextEdit(consent_group)
        self.consent_wording.setPlaceholderText(
            self.tr("The words the person agreed to, e.g. “I agree to be called about …”")
        )
        self.consent_wording.setFixedHeight(70)
        consent_layout.addRow(self.tr("&Words:"), self.consent_wording)
        consent_buttons = QHBoxLayout()
        self.record_consent_button = QPushButton(self.tr("Record &consent"), consent_group)
        self.withdraw_consent_button = QPushButton(self.tr("&Withdraw consent"), consent_group)
        consent_buttons.addWidget(self.record_consent_button)
        consent_buttons.addWidget(self.withdraw_consent_button)
        consent_buttons.addStretch()
        consent_layout.addRow(consent_buttons)
        layout.addWidget(consent_group)

        rights_group = QGroupBox(self.tr("The person's rights"), self)
        rights_layout = QHBoxLayout(rights_group)
        self.export_button = QPushButton(self.tr("E&xport their data…"), rights_group)
        self.export_button.setToolTip(
            self.tr("Right of access: everything held about the person, as a readable file")
        )
        self.erase_button = QPushButton(self.tr("E&rase this person…"), rights_group)
        self.erase_button.setToolTip(
            self.tr("Right to erasure: the contact, their activities and notes, with no trace")
        )
        rights_layout.addWidget(self.export_button)
        rights_layout.addWidget(self.erase_button)
        rights_layout.addStretch()
        layout.addWidget(rights_group)

        layout.addStretch()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.person_box.currentIndexChanged.connect(self._show_person)
        self.apply_dnc_button.clicked.connect(self.apply_do_not_contact)
        self.record_consent_button.clicked.connect(self.record_consent)
        self.withdraw_consent_button.clicked.connect(self.withdraw_consent)
        self.export_button.clicked.connect(self.export_data)
        self.erase_button.clicked.connect(self.erase)
        self.reload(contact_id)

    # --- data ---------------------------------------------------------------------

    def reload(self, contact_id: int | None = None) -> None:
        """Read the prospect's contacts again and show `contact_id` (or the current one)."""
        keep = contact_id if contact_id is not None else self.current_contact_id()
        with self.db.session() as session:
            prospect = session.get(Prospect, self.prospect_id)
            name = prospect.name if prospect is not None else ""
            contacts = session.scalars(
                select(Contact)
                .where(Contact.prospect_id == self.prospect_id)
                .order_by(Contact.is_primary.desc(), Contact.id)
            ).all()
            self.people = [_state(c) for c in contacts]
        self.setWindowTitle(self.tr("Privacy and consent — {name}").format(name=name))
        self.person_box.blockSignals(True)
        self.person_box.clear()
        for person in self.people:
            self.person_box.addItem(person.name or self.tr("(no name)"), person.contact_id)
        index = self.person_box.findData(keep) if keep is not None else 0
        self.person_box.setCurrentIndex(max(0, index))
        self.person_box.blockSignals(False)
        self._show_person()

    def current_contact_id(self) -> int | None:
        value = self.person_box.currentData() if self.person_box.count() else None
        return int(value) if value is not None else None

    def _person(self) -> PersonState | None:
        contact_id = self.current_contact_id()
        return next((p for p in self.people if p.contact_id == contact_id), None)

    def _when(self, value: datetime | None) -> str:
        if value is None:
            return ""
        return QLocale().toString(local_datetime(value), QLocale.FormatType.ShortFormat)

    def _show_person(self) -> None:
        person = self._person()
        enabled = person is not None
        for widget in (
            self.no_call,
            self.no_email,
            self.reason_edit,
            self.apply_dnc_button,
            self.record_consent_button,
            self.export_button,
            self.erase_button,
        ):
            widget.setEnabled(enabled)
        if person is None:
            self.source_label.setText(self.tr("This prospect has no contact person yet."))
            self.consent_label.setText("")
            self.withdraw_consent_button.setEnabled(False)
            return
        self.source_label.setText(
            self.tr("{source}, collected on {date}").format(
                source=self._source_text(person.source), date=self._when(person.collected_at)
            )
        )
        self.no_call.setChecked(person.dnc_phone)
        self.no_email.setChecked(person.dnc_email)
        self.dnc_phone_label.setText(self._dnc_text(person.dnc_phone_at, person.dnc_phone_reason))
        self.dnc_email_label.setText(self._dnc_text(person.dnc_email_at, person.dnc_email_reason))
        if person.consent_at is not None:
            self.consent_label.setText(
                self.tr("Consent recorded on {date} ({channel}): “{words}”").format(
                    date=self._when(person.consent_at),
                    channel=person.consent_channel,
                    words=person.consent_wording,
                )
            )
        else:
            self.consent_label.setText(self.tr("No consent recorded."))
        self.withdraw_consent_button.setEnabled(person.consent_at is not None)

    def _source_text(self, source: str) -> str:
        texts = {
            "manual": self.tr("Entered by hand"),
            "import": self.tr("Imported from a file"),
            "demo": self.tr("Demo data"),
            "cli": self.tr("Added from the command line"),
        }
        return texts.get(source, source)

    def _dnc_text(self, at: datetime | None, reason: str) -> str:
        if at is None:
            return ""
        text = self.tr("since {date}").format(date=self._when(at))
        return f"{text} — {dnc_reason_text(reason)}" if reason else text

    # --- actions ------------------------------------------------------------------

    def apply_do_not_contact(self) -> None:
        """Record or lift the objection per channel as the boxes say."""
        person = self._person()
        if person is None:
            return
        add = [
            channel
            for channel, now, before in (
                (Channel.PHONE, self.no_call.isChecked(), person.dnc_phone),
                (Channel.EMAIL, self.no_email.isChecked(), person.dnc_email),
            )
            if now and not before
        ]
        lift = [
            channel
            for channel, now, before in (
                (Channel.PHONE, self.no_call.isChecked(), person.dnc_phone),
                (Channel.EMAIL, self.no_email.isChecked(), person.dnc_email),
            )
            if before and not now
        ]
        if lift:
            answer = QMessageBox.question(
                self,
                self.tr("Contact this person again?"),
                self.tr(
                    "Only lift an objection when the person asked to be contacted again. Lift it?"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                self._show_person()
                return
        with self.db.session() as session:
            if add:
                privacy.mark_do_not_contact(
                    session, person.contact_id, add, self.reason_edit.text().strip()
                )
            if lift:
                privacy.lift_do_not_contact(session, person.contact_id, lift)
        self.reason_edit.clear()
        self.events.prospects_changed.emit([self.prospect_id])
        self.reload()

    def record_consent(self) -> None:
        person = self._person()
        words = self.consent_wording.toPlainText().strip()
        if person is None:
            return
        if not words:
            QMessageBox.information(
                self,
                self.tr("Consent"),
                self.tr("Write the words the person agreed to: they prove the consent."),
            )
            return
        if limits.too_long("wording", words):
            QMessageBox.information(
                self,
                self.tr("Consent"),
                self.tr(
                    "The words are too long (at most {limit} characters): nothing was recorded."
                ).format(limit=QLocale().toString(limits.max_length("wording"))),
            )
            return
        with self.db.session() as session:
            privacy.record_consent(
                session,
                person.contact_id,
                channel=self.consent_channel.currentText(),
                wording=words,
            )
        self.consent_wording.clear()
        self.events.prospects_changed.emit([self.prospect_id])
        self.reload()

    def withdraw_consent(self) -> None:
        person = self._person()
        if person is None:
            return
        with self.db.session() as session:
            privacy.withdraw_consent(session, person.contact_id)
        self.events.prospects_changed.emit([self.prospect_id])
        self.reload()

    def export_data(self, path: Path | None = None) -> Path | None:
        """Write the person's data as JSON (asks where unless `path` is given)."""
        person = self._person()
        if person is None:
            return None
        if path is None:
            suggested = f"{person.name or 'person'}-{person.contact_id}.json".replace(" ", "-")
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the person's data"), suggested, self.tr("JSON (*.json)")
            )
            if not name:
                return None
            path = Path(name)
        with self.db.session() as session:
            text = privacy.export_person_json(session, person.contact_id)
        exports.write_private(path, text.encode("utf-8"))  # 0600: for the user alone
        return path

    def erase(self, confirmed: bool = False) -> bool:
        """Erase the current person after confirmation; True when done."""
        person = self._person()
        if person is None:
            return False
        if not confirmed:
            answer = QMessageBox.warning(
                self,
                self.tr("Erase this person?"),
                self.tr(
                    "{name}, their phones, activities and notes will be erased for good, "
                    "with no trace left in the file. Only a one-way hash of their phone and "
                    "email is kept, so that they are never contacted again. This cannot be "
                    "undone."
                ).format(name=person.name or self.tr("This person")),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        # Cleaning the file (index rebuild, VACUUM) takes a few seconds on a big file.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = privacy.erase_person(self.db, person.contact_id)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.erased = True
        self.events.prospects_changed.emit([])
        if report.prospects:
            self.accept()  # the prospect was the person: nothing left to show
        else:
            self.reload()
        return True
