"""The Preferences dialog: language, phone region, the user's name, where invitations go;
and the Team page (the team server, core/team.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import phonenumbers
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from prospection.ui.i18n import chosen_language, system_language
from prospection.ui.preferences import Preferences

if TYPE_CHECKING:
    from prospection.core.db import Database

#: Regions offered first (the others follow, by code).
_COMMON_REGIONS = ("FR", "BE", "CH", "LU", "CA", "MC", "DE", "ES", "IT", "GB", "US")


class PreferencesDialog(QDialog):
    """Edits the `Preferences`; the language applies at the next start."""

    def __init__(
        self,
        parent: QWidget | None = None,
        preferences: Preferences | None = None,
        data_dir: Path | None = None,
        connected_as: str | None = None,
        db: Database | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._preferences = preferences or Preferences()
        self._language_at_open = chosen_language(preferences=self._preferences)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        general = QWidget(self.tabs)
        form = QFormLayout(general)
        self.tabs.addTab(general, self.tr("General"))

        self.language_box = QComboBox(self)
        self.language_box.addItem(self.tr("Same as the system"), "")
        self.language_box.addItem("English", "en")
        self.language_box.addItem("Français", "fr")
        index = self.language_box.findData(self._preferences.language())
        self.language_box.setCurrentIndex(max(0, index))
        form.addRow(self.tr("&Language:"), self.language_box)

        self.language_note = QLabel(
            self.tr("A new language applies the next time you start Prospection."), self
        )
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(False)
        form.addRow("", self.language_note)

        self.region_box = QComboBox(self)
        regions = sorted(phonenumbers.SUPPORTED_REGIONS)
        ordered = [r for r in _COMMON_REGIONS if r in regions] + [
            r for r in regions if r not in _COMMON_REGIONS
        ]
        for region in ordered:
            code = phonenumbers.country_code_for_region(region)
            self.region_box.addItem(f"{region} (+{code})", region)
        index = self.region_box.findData(self._preferences.phone_region())
        self.region_box.setCurrentIndex(max(0, index))
        self.region_box.setToolTip(
            self.tr(
                "New prospects start in this country, and phone numbers typed without a "
                "country code are read as numbers of this country"
            )
        )
        form.addRow(self.tr("&Default country:"), self.region_box)

        self.user_name_edit = QLineEdit(self._preferences.user_name(), self)
        self.user_name_edit.setObjectName("userName")
        self.user_name_edit.setToolTip(
            self.tr("Said in your talk track's opener in place of [your name]")
        )
        form.addRow(self.tr("Your &name:"), self.user_name_edit)
        self.user_company_edit = QLineEdit(self._preferences.user_company(), self)
        self.user_company_edit.setObjectName("userCompany")
        self.user_company_edit.setToolTip(
            self.tr("Said in your talk track's opener in place of [company]")
        )
        form.addRow(self.tr("Your c&ompany:"), self.user_company_edit)

        folder_row = QHBoxLayout()
        self.meetings_folder_edit = QLineEdit(str(self._preferences.meetings_folder()), self)
        self.meetings_folder_edit.setObjectName("meetingsFolder")
        self.meetings_folder_edit.setToolTip(
            self.tr(
                "Calendar files (.ics) of meetings booked during a call are saved here, "
                "then opened with your calendar"
            )
        )
        folder_row.addWidget(self.meetings_folder_edit, 1)
        choose = QPushButton(self.tr("C&hoose…"), self)
        choose.setAutoDefault(False)
        choose.clicked.connect(self._choose_meetings_folder)
        folder_row.addWidget(choose)
        # A row whose field is a layout gets a label without a buddy: its "&" would show.
        folder_label = QLabel(self.tr("&Meeting invitations:"), self)
        folder_label.setBuddy(self.meetings_folder_edit)
        form.addRow(folder_label, folder_row)

        from prospection import paths
        from prospection.ui.team_page import TeamPage

        self.team_page = TeamPage(
            data_dir if data_dir is not None else paths.resolve(None).data_dir,
            self.tabs,
            connected_as=connected_as,
            db=db,
        )
        self.tabs.addTab(self.team_page, self.tr("Team"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.language_box.currentIndexChanged.connect(self._language_changed)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """Open as big as the pages need, within the screen.

        Qt opens a window at most two thirds of the screen high, which squeezed the Team
        page of a team server (its notes clipped, one person visible) at 1366x768.
        """
        screen = self.screen()
        if screen is None:
            return
        room = screen.availableGeometry().size()
        wanted = self.sizeHint()
        # Leave room for the window frame and title bar the window manager adds.
        height = max(self.minimumSizeHint().height(), min(wanted.height(), room.height() - 60))
        width = max(self.minimumSizeHint().width(), min(wanted.width(), room.width() - 40))
        self.resize(width, height)

    def _language_changed(self) -> None:
        wanted = str(self.language_box.currentData() or "") or system_language()
        self.language_note.setVisible(wanted != self._language_at_open)

    def _choose_meetings_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for meeting invitations"), self.meetings_folder_edit.text()
        )
        if folder:
            self.meetings_folder_edit.setText(folder)

    def accept(self) -> None:
        if not self.team_page.apply_if_changed():  # a wrong address: said on its page
            self.tabs.setCurrentWidget(self.team_page)
            return
        self._preferences.set_language(str(self.language_box.currentData() or ""))
        self._preferences.set_phone_region(str(self.region_box.currentData()))
        self._preferences.set_user_name(self.user_name_edit.text())
        self._preferences.set_user_company(self.user_company_edit.text())
        self._preferences.set_meetings_folder(self.meetings_folder_edit.text())
        self._preferences.sync()
        super().accept()
