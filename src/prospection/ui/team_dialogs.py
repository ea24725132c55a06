"""Team mode's messages: a server that cannot be used, the password asked at connect."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from prospection.core import team
from prospection.core.users import UserError

translate = QCoreApplication.translate


def reason_text(reason: team.Reason) -> str:
    """Plain words for why the team server cannot be used."""
    texts = {
        team.Reason.BAD_URL: translate(
            "Team",
            "This is not a team server address. It looks like "
            "postgresql+psycopg://user@host/database.",
        ),
        team.Reason.UNREACHABLE: translate(
            "Team",
            "The team server cannot be reached: it may be off, or the network is down.",
        ),
        team.Reason.PASSWORD_NEEDED: translate("Team", "The team server asks for a password."),
        team.Reason.AUTH_FAILED: translate(
            "Team", "The team server refused the user name or the password."
        ),
        team.Reason.NO_USER: translate("Team", "The team server does not know this user name."),
        team.Reason.NO_DATABASE: translate("Team", "The team server has no such database."),
        team.Reason.TLS: translate(
            "Team",
            "The secure connection (TLS) failed: the server does not offer it, or its "
            "certificate is not accepted.",
        ),
        team.Reason.PERMISSION: translate("Team", "This user may not do that on the team server."),
        team.Reason.EMPTY: translate(
            "Team",
            "The team database is empty: build it first (prospection-cli team init URL).",
        ),
        team.Reason.FOREIGN: translate(
            "Team",
            "The team database holds tables that are not Prospection's: it was left untouched.",
        ),
        team.Reason.NEWER: translate(
            "Team",
            "The team database was built by a newer version of Prospection: install it.",
        ),
        team.Reason.NOT_EMPTY: translate(
            "Team",
            "The team database already holds data: moving only fills an empty one. "
            "Nothing was copied.",
        ),
        team.Reason.OTHER: translate("Team", "The team server cannot be used."),
    }
    return texts[reason]


class TeamChoice(Enum):
    RETRY = "retry"
    LOCAL = "local"
    QUIT = "quit"


class TeamProblemBox(QMessageBox):
    """At start: the team server cannot be used. Retry, open the local file, or quit."""

    def __init__(
        self, error: team.TeamError, parent: QWidget | None = None, *, no_copy: bool = False
    ) -> None:
        super().__init__(QMessageBox.Icon.Warning, "", reason_text(error.reason), parent=parent)
        self._error = error
        self.setWindowTitle(self.tr("The team server cannot be used"))
        local = self.tr("Your local file is still on this computer.")
        if no_copy and error.reason is team.Reason.UNREACHABLE:
            # Team mode offline (core/offline_copy.py): none was made yet, or another server's.
            local = (
                self.tr(
                    "There is no copy of the team's data on this computer to read meanwhile: "
                    "one is made once Prospection has been connected to this server."
                )
                + " "
                + local
            )
        self.setInformativeText(local)
        self.setDetailedText(str(error))  # the driver's words, for whoever helps
        self.retry_button = self.addButton(self.tr("&Retry"), QMessageBox.ButtonRole.AcceptRole)
        self.local_button = self.addButton(
            self.tr("Open the &local file"), QMessageBox.ButtonRole.ActionRole
        )
        self.quit_button = self.addButton(self.tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.retry_button)

    def decide(self) -> TeamChoice:
        self.exec()
        clicked = self.clickedButton()
        if clicked is self.retry_button:
            return TeamChoice.RETRY
        if clicked is self.local_button:
            return TeamChoice.LOCAL
        return TeamChoice.QUIT


class PasswordDialog(QDialog):
    """Asks the team server's password; keeps it in the keyring only if there is one."""

    def __init__(self, url: str, refused: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Team server password"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Password for {address}:").format(address=team.shown(url)), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if refused:
            layout.addWidget(QLabel(self.tr("The server refused the previous password."), self))
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("teamPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.password_edit)
        self.remember_box = QCheckBox(self.tr("&Remember it in the system keyring"), self)
        if team.keyring_available():
            self.remember_box.setChecked(True)
            layout.addWidget(self.remember_box)
        else:
            self.remember_box.setChecked(False)
            self.remember_box.setVisible(False)
            note = QLabel(
                self.tr(
                    "This computer has no system keyring: the password is asked at each "
                    "start and never written to disk."
                ),
                self,
            )
            note.setObjectName("noKeyringNote")
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def ask(self) -> tuple[str, bool] | None:
        """The password typed and whether to remember it; None when cancelled."""
        if self.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.password_edit.text(), self.remember_box.isChecked()


def user_problem_text(error: UserError) -> str:
    """Plain words for a name or email that cannot be used for a team member."""
    texts = {
        "name_required": translate("Team", "Give your name (or your email) in the team."),
        "name_too_long": translate("Team", "A name has at most {count} characters.").format(
            count=error.detail
        ),
        "email_invalid": translate("Team", "This email address is not valid."),
        "email_taken": translate("Team", "{email} is already another person's email.").format(
            email=error.detail
        ),
        "name_taken": translate("Team", "Someone in the team is already called {name}.").format(
            name=error.detail
        ),
    }
    return texts.get(error.code, str(error))


class WhoAreYouDialog(QDialog):
    """Asks who you are on the team server (saved for the next starts)."""

    def __init__(self, url: str, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who are you?"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "You are working on the team server {address}. Your name tells your "
                "colleagues who called whom; it is kept for the next starts."
            ).format(address=team.shown(url)),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if problem:
            warning = QLabel(problem, self)
            warning.setObjectName("whoProblem")
            warning.setWordWrap(True)
            layout.addWidget(warning)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("teamPerson")
        form.addRow(self.tr("Your &name:"), self.name_edit)
        self.email_edit = QLineEdit(self)
        self.email_edit.setObjectName("teamPersonEmail")
        form.addRow(self.tr("Your &email (optional):"), self.email_edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def ask(self) -> tuple[str, str] | None:
        """(name, email), or None when cancelled."""
        if self.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.name_edit.text().strip(), self.email_edit.text().strip()
