"""The user's preferences kept per machine in QSettings (language, phone region, layout)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from prospection.core.phones import DEFAULT_REGION

LANGUAGE_KEY = "preferences/language"
REGION_KEY = "preferences/phone_region"
USER_NAME_KEY = "preferences/user_name"
USER_COMPANY_KEY = "preferences/user_company"
MEETINGS_FOLDER_KEY = "preferences/meetings_folder"
#: Languages the interface is translated into ("" follows the system).
LANGUAGES = ("en", "fr")


class Preferences:
    """Typed access to the preferences stored in QSettings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else QSettings()

    def language(self) -> str:
        """The chosen interface language ("en", "fr"), or "" to follow the system."""
        value = str(self._settings.value(LANGUAGE_KEY, "") or "")
        return value if value in LANGUAGES else ""

    def set_language(self, language: str) -> None:
        """Choose the interface language ("" follows the system)."""
        self._settings.setValue(LANGUAGE_KEY, language if language in LANGUAGES else "")

    def phone_region(self) -> str:
        """Region used to read phone numbers typed without a country code ("FR")."""
        value = str(self._settings.value(REGION_KEY, DEFAULT_REGION) or DEFAULT_REGION)
        return value.upper()

    def set_phone_region(self, region: str) -> None:
        """Set the region for numbers typed without a country code."""
        self._settings.setValue(REGION_KEY, region.upper())

    def user_name(self) -> str:
        """The user's own name, said in the talk track's opener ("" when not given)."""
        return str(self._settings.value(USER_NAME_KEY, "") or "").strip()

    def set_user_name(self, name: str) -> None:
        """Set the user's own name."""
        self._settings.setValue(USER_NAME_KEY, name.strip())

    def user_company(self) -> str:
        """The user's company, said in the talk track's opener ("" when not given)."""
        return str(self._settings.value(USER_COMPANY_KEY, "") or "").strip()

    def set_user_company(self, name: str) -> None:
        """Set the user's company."""
        self._settings.setValue(USER_COMPANY_KEY, name.strip())

    def meetings_folder(self) -> Path:
        """Where the call session saves meeting invitations (.ics), without asking."""
        value = str(self._settings.value(MEETINGS_FOLDER_KEY, "") or "")
        if value:
            return Path(value)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents or Path.home()) / "Prospection"

    def set_meetings_folder(self, folder: str) -> None:
        """Set the folder for meeting invitations ("" for the default one)."""
        self._settings.setValue(MEETINGS_FOLDER_KEY, folder.strip())

    def sync(self) -> None:
        """Write pending changes to disk now."""
        self._settings.sync()
