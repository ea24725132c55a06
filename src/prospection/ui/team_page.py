"""Preferences > Team: the team server's address, a connection test, moving the data there,
and (on a team server) its people: who you are, your colleagues, adding one.

The address is saved in the data folder without its password (core/team.py); the
password goes to the system keyring, or, where there is none, is asked at each start.
Connecting and moving run in a thread: the dialog never freezes on a slow network.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prospection.core import team, users
from prospection.core.emails import check_email
from prospection.core.errors import StorageError
from prospection.core.users import NAME_MAX
from prospection.ui.team_dialogs import reason_text, user_problem_text

if TYPE_CHECKING:
    from prospection.core.db import Database

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries a thread's result back to the GUI thread (a queued signal)."""

    finished = Signal(object, object)  # result, error


class TeamPage(QWidget):
    """The Team page of the Preferences dialog, for one data folder."""

    # The team's people changed (added, renamed): the main window reloads its lists.
    people_changed = Signal()

    def __init__(
        self,
        data_dir: Path,
        parent: QWidget | None = None,
        *,
        connected_as: str | None = None,
        db: Database | None = None,
    ) -> None:
        """`connected_as`: the person the app works for on the team server now (None:
        the local file). `db`: the team database in use, whose people are shown and
        managed (None: the local file, one person, no list)."""
        super().__init__(parent)
        self.data_dir = data_dir
        self.db = db
        self._relays: list[_Relay] = []
        self.threads: list[threading.Thread] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Work as a team on a shared PostgreSQL server. Leave the address empty "
                "to work alone on this computer's file."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        saved = team.TeamSettings.load(data_dir)
        address, user = "", ""
        if saved is not None:
            try:
                user = team.user_of(saved.url)
                address = (
                    team.parse(saved.url)
                    ._replace(username=None)
                    .render_as_string(hide_password=True)
                )
            except team.TeamError:
                address = saved.url
        self.url_edit = QLineEdit(address, self)
        self.url_edit.setObjectName("teamUrl")
        self.url_edit.setPlaceholderText("postgresql+psycopg://server/database")
        self.url_edit.setToolTip(
            self.tr("Add ?sslmode=require to the address to insist on an encrypted connection")
        )
        form.addRow(self.tr("Server &address:"), self.url_edit)
        self.user_edit = QLineEdit(user, self)
        self.user_edit.setObjectName("teamUser")
        self.user_edit.setToolTip(self.tr("The login the server knows (its user@)"))
        form.addRow(self.tr("&User name:"), self.user_edit)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("teamPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Password:"), self.password_edit)
        if team.keyring_available():
            keyring_text = self.tr("The password is kept in the system keyring, never in a file.")
        else:
            keyring_text = self.tr(
                "This computer has no system keyring: the password is not stored, it is "
                "asked at each start."
            )
        self.keyring_note = QLabel(keyring_text, self)
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        form.addRow("", self.keyring_note)
        self.person_edit = QLineEdit(saved.user if saved is not None else "", self)
        self.person_edit.setObjectName("teamPerson")
        self.person_edit.setToolTip(
            self.tr("Who you are in the team: your calls and sessions carry this name")
        )
        form.addRow(self.tr("&Your name:"), self.person_edit)
        self.email_edit = QLineEdit(saved.email if saved is not None else "", self)
        self.email_edit.setObjectName("teamEmail")
        form.addRow(self.tr("Your &email:"), self.email_edit)
        self.connected_label = QLabel(
            self.tr("Connected as: {name}").format(name=connected_as)
            if connected_as is not None
            else self.tr("Not connected to a team server: working on this computer's file."),
            self,
        )
        self.connected_label.setObjectName("teamConnectedAs")
        self.connected_label.setWordWrap(True)
        form.addRow("", self.connected_label)

        row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.clicked.connect(self.save)
        self.local_button = QPushButton(self.tr("Use the &local file"), self)
        self.local_button.clicked.connect(self.use_local_file)
        for button in (self.test_button, self.save_button, self.local_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.move_button = QPushButton(self.tr("&Move my data to the team…"), self)
        self.move_button.setAutoDefault(False)
        self.move_button.setToolTip(
            self.tr(
                "Copy this computer's prospects, calls and goals into the empty team "
                "database; this computer's file is left as it is"
            )
        )
        self.move_button.clicked.connect(self.move_data)
        layout.addWidget(self.move_button)
        self.people_box: QGroupBox | None = None
        if db is not None:
            layout.addWidget(self._people_box(db))
            if not self.person_edit.text():  # e.g. --database: nothing saved, yet known
                with db.session() as session:
                    me = users.current_user(session)
                self.person_edit.setText(me.name)
                self.email_edit.setText(me.email)
        self._at_open = self._fields()
        self.result_label = QLabel("", self)
        self.result_label.setObjectName("teamResult")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        layout.addStretch(1)

    def _people_box(self, db: Database) -> QGroupBox:
        box = QGroupBox(self.tr("People in the team"), self)
        box.setObjectName("teamPeople")
        self.people_box = box
        column = QVBoxLayout(box)
        self.people_table = QTableWidget(0, 3, box)
        self.people_table.setObjectName("teamPeopleTable")
        self.people_table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Email"), ""])
        self.people_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people_table.verticalHeader().setVisible(False)
        header = self.people_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # Three people visible at least: a squeezed table showed one and hid the others.
        rows = self.people_table.verticalHeader().defaultSectionSize()
        header_height = self.people_table.horizontalHeader().sizeHint().height()
        self.people_table.setMinimumHeight(header_height + 3 * rows + 4)
        column.addWidget(self.people_table)
        self.rename_button = QPushButton(self.tr("Change &my name and email"), box)
        self.rename_button.setAutoDefault(False)
        self.rename_button.setToolTip(
            self.tr("Use the name and email above for you in the team (your calls keep theirs)")
        )
        self.rename_button.clicked.connect(self.rename_me)
        column.addWidget(self.rename_button)
        adding = QHBoxLayout()
        self.new_name_edit = QLineEdit(box)
        self.new_name_edit.setObjectName("newPersonName")
        self.new_name_edit.setPlaceholderText(self.tr("A colleague's name"))
        self.new_email_edit = QLineEdit(box)
        self.new_email_edit.setObjectName("newPersonEmail")
        self.new_email_edit.setPlaceholderText(self.tr("Their email (optional)"))
        self.add_button = QPushButton(self.tr("A&dd"), box)
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip(
            self.tr(
                "Prospects can be given to a colleague before they first connect; they are "
                "found by this name or email when they do"
            )
        )
        self.add_button.clicked.connect(self.add_person)
        self.new_name_edit.returnPressed.connect(self.add_person)
        self.new_email_edit.returnPressed.connect(self.add_person)
        for widget in (self.new_name_edit, self.new_email_edit, self.add_button):
            adding.addWidget(widget)
        column.addLayout(adding)
        self.people_label = QLabel("", box)
        self.people_label.setObjectName("teamPeopleResult")
        self.people_label.setWordWrap(True)
        column.addWidget(self.people_label)
        self.show_people()
        return box

    # -- the team's people ---------------------------------------------------------------

    def show_people(self) -> None:
        """Fill the list of people from the team database."""
        if self.db is None:
            return
        with self.db.session() as session:
            everyone = users.list_users(session)
            me = users.current_user_id(session)
        self.people_table.setRowCount(len(everyone))
        for row, person in enumerate(everyone):
            name = QTableWidgetItem(person.name or self.tr("(unnamed)"))
            name.setData(Qt.ItemDataRole.UserRole, person.id)
            self.people_table.setItem(row, 0, name)
            self.people_table.setItem(row, 1, QTableWidgetItem(person.email))
            self.people_table.setItem(
                row, 2, QTableWidgetItem(self.tr("you") if person.id == me else "")
            )

    def people_shown(self) -> list[tuple[str, str, str]]:
        """The list as shown: (name, email, "you" or "") per row."""
        table = self.people_table
        shown: list[tuple[str, str, str]] = []
        for row in range(table.rowCount()):
            texts = [item.text() if (item := table.item(row, col)) else "" for col in range(3)]
            shown.append((texts[0], texts[1], texts[2]))
        return shown

    def add_person(self) -> None:
        """Add the colleague typed below the list."""
        if self.db is None:
            return
        name, email = self.new_name_edit.text(), self.new_email_edit.text()
        try:
            with self.db.session() as session:
                added = users.add_user(session, name, email)
        except users.UserError as error:  # nothing written
            self.people_label.setText(user_problem_text(error))
            return
        self.new_name_edit.clear()
        self.new_email_edit.clear()
        self.people_label.setText(
            self.tr("{name} was added: prospects can be given to them now.").format(name=added.name)
        )
        self.show_people()
        self.people_changed.emit()

    def rename_me(self) -> bool:
        """Give the current user the name and email of the fields above (in the team
        database, and in the saved settings so that the next start finds you)."""
        if self.db is None:
            return True
        name, email = self.person_edit.text(), self.email_edit.text()
        try:
            with self.db.session() as session:
                me = users.current_user(session)
                if (name.strip(), email.strip().casefold()) == (me.name, me.email.casefold()):
                    return True
                renamed = users.rename_user(session, me.id, name, email)
        except users.UserError as error:
            self.people_label.setText(user_problem_text(error))
            return False
        saved = team.TeamSettings.load(self.data_dir)
        if saved is not None:
            try:
                team.TeamSettings(saved.url, renamed.name, renamed.email).save(self.data_dir)
            except StorageError as error:
                self.people_label.setText(str(error))
                return False
        self.person_edit.setText(renamed.name)
        self.email_edit.setText(renamed.email)
        self.connected_label.setText(self.tr("Connected as: {name}").format(name=renamed.label))
        self.people_label.setText(
            self.tr("You are now {name} in the team.").format(name=renamed.label)
        )
        self._at_open = self._fields()
        self.show_people()
        self.people_changed.emit()
        return True

    # -- what the fields say -------------------------------------------------------------

    def _fields(self) -> tuple[str, str, str, str, str]:
        return (
            self.url_edit.text().strip(),
            self.user_edit.text().strip(),
            self.password_edit.text(),
            self.person_edit.text().strip(),
            self.email_edit.text().strip(),
        )

    def apply_if_changed(self) -> bool:
        """The dialog's OK: save what was changed and not saved; False when it cannot be."""
        if self._fields() == self._at_open:
            return True
        if not self.url_edit.text().strip():
            self.use_local_file()
            return True
        return self.save()

    def address(self) -> str | None:
        """The address with the user name, no password; None (and a message) if wrong."""
        text = self.url_edit.text().strip()
        if not text:
            self.say(self.tr("Give the server's address first."))
            return None
        try:
            parsed = team.parse(text)
        except team.TeamError as error:
            self.say(reason_text(error.reason))
            return None
        user = self.user_edit.text().strip()
        if user:
            parsed = parsed.set(username=user)
        return team.without_password(parsed.render_as_string(hide_password=False))

    def password(self) -> str | None:
        return self.password_edit.text() or None

    def say(self, text: str) -> None:
        self.result_label.setText(text)

    def _busy(self, busy: bool) -> None:
        for button in (self.test_button, self.save_button, self.local_button, self.move_button):
            button.setEnabled(not busy)

    def _in_thread(self, work: Callable[[], Any], done: Callable[[Any, Any], None]) -> None:
        relay = _Relay(self)
        relay.finished.connect(done)
        self._relays.append(relay)

        def run() -> None:
            try:
                result = work()
            except Exception as error:  # shown to the user in plain words
                relay.finished.emit(None, error)
            else:
                relay.finished.emit(result, None)

        self._busy(True)
        thread = threading.Thread(target=run, name="team-connection", daemon=True)
        self.threads.append(thread)
        thread.start()

    def _error_text(self, error: BaseException) -> str:
        if isinstance(error, team.TeamError):
            reason = error.reason
        else:
            reason = team.Reason.OTHER
            log.warning("Team server problem", exc_info=error)
        # The driver's own words (English) follow, for whoever helps.
        return reason_text(reason) + "\n" + self.tr("Details: {details}").format(details=str(error))

    # -- actions -------------------------------------------------------------------------

    def test_connection(self) -> None:
        url = self.address()
        if url is None:
            return
        self.say(self.tr("Connecting to {address}…").format(address=team.shown(url)))
        password = self.password()
        self._in_thread(lambda: team.check_server(url, password), self._tested)

    def _tested(self, report: team.ServerReport | None, error: BaseException | None) -> None:
        self._busy(False)
        if error is not None or report is None:
            self.say(self._error_text(error or RuntimeError()))
            return
        locale = QLocale()
        states = {
            team.ServerState.CURRENT: self.tr(
                "Connected: PostgreSQL {version}, {count} prospects. Ready to use."
            ),
            team.ServerState.OLDER: self.tr(
                "Connected: PostgreSQL {version}. The team database is from an older "
                "version: it is updated when first opened."
            ),
            team.ServerState.EMPTY: self.tr(
                "Connected: PostgreSQL {version}. The database is empty: Prospection builds "
                "it when you move your data there, or when it first opens it."
            ),
            team.ServerState.NEWER: reason_text(team.Reason.NEWER),
            team.ServerState.FOREIGN: reason_text(team.Reason.FOREIGN),
        }
        self.say(
            states[report.state].format(
                version=report.server_version, count=locale.toString(report.prospects or 0)
            )
        )

    def save(self) -> bool:
        url = self.address()
        if url is None:
            return False
        person, email = self.person_edit.text().strip(), self.email_edit.text().strip()
        if email:
            checked = check_email(email)
            if not checked.valid:
                self.say(self.tr("This email address is not valid."))
                return False
            email = checked.normalized
        if len(person) > NAME_MAX:
            self.say(self.tr("A name has at most {count} characters.").format(count=NAME_MAX))
            return False
        same_server = self._fields()[:2] == self._at_open[:2]
        if self.db is not None and same_server and person and not self.rename_me():
            # Your new name is yours in the team now, not a second person at next start.
            self.say(self.people_label.text())
            return False
        try:
            team.TeamSettings(url, person, email).save(self.data_dir)
        except StorageError as error:
            self.say(str(error))
            return False
        password = self.password()
        text = self.tr("Saved: Prospection uses this team server from its next start.")
        if password and not team.store_password(url, password):
            text += " " + self.tr(
                "The password was not stored (no system keyring): it is asked at each start."
            )
        self.say(text)
        self._at_open = self._fields()
        return True

    def use_local_file(self) -> None:
        saved = team.TeamSettings.load(self.data_dir)
        if saved is not None:
            team.forget_password(saved.url)
        team.forget_settings(self.data_dir)
        self.url_edit.clear()
        self.user_edit.clear()
        self.password_edit.clear()
        self.person_edit.clear()
        self.email_edit.clear()
        self.say(self.tr("Prospection uses this computer's file from its next start."))
        self._at_open = self._fields()

    def move_data(self) -> None:
        url = self.address()
        if url is None:
            return
        from prospection.paths import DATABASE_NAME

        local_path = self.data_dir / DATABASE_NAME
        if not local_path.exists():
            self.say(self.tr("There is no local file to move."))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Move my data to the team"),
            self.tr(
                "Copy all the data of this computer's file into the team database "
                "{address}?\n\nThe team database must be empty. The copy is all or "
                "nothing, and this computer's file is left as it is."
            ).format(address=team.shown(url)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        password = self.password()
        self.say(self.tr("Moving the data…"))
        self._in_thread(lambda: _move(local_path, url, password), self._moved)

    def _moved(self, report: team.MoveReport | None, error: BaseException | None) -> None:
        self._busy(False)
        if error is not None or report is None:
            self.say(self._error_text(error or RuntimeError()))
            return
        locale = QLocale()
        self.say(
            self.tr(
                "Moved: {prospects} prospects, {activities} activities, {rows} rows in all; "
                "the counts match. This computer's file was left as it is."
            ).format(
                prospects=locale.toString(report.counts.get("prospect", 0)),
                activities=locale.toString(report.counts.get("activity", 0)),
                rows=locale.toString(report.total),
            )
        )


def _move(local_path: Path, url: str, password: str | None) -> team.MoveReport:
    from prospection.core.db import open_read_only

    local = open_read_only(local_path)  # only read: the file is left untouched
    try:
        team.init_server(url, password)  # an empty database gets the schema first
        target = team.engine_for(url, password)
        try:
            return team.move_data(local.engine, target)
        finally:
            target.dispose()
    finally:
        local.dispose()
