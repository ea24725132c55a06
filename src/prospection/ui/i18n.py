"""Loads the interface translations: ours (one .qm per screen) and Qt's own."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from prospection.paths import resources_dir
from prospection.ui.preferences import LANGUAGES, Preferences


def system_language() -> str:
    """The system's language when the app is translated into it, else English."""
    language = QLocale.system().name().split("_")[0]
    return language if language in LANGUAGES else "en"


def chosen_language(override: str | None = None, preferences: Preferences | None = None) -> str:
    """The language to use: a command-line override, else Preferences, else the system's."""
    if override in LANGUAGES:
        return str(override)
    chosen = (preferences or Preferences()).language()
    return chosen or system_language()


def apply_locale(language: str) -> QLocale:
    """Make QLocale's default match `language`, keeping the system's country when it can."""
    system = QLocale.system()
    if system.name().split("_")[0] == language:
        locale = system
    else:
        locale = QLocale("fr_FR" if language == "fr" else "en_GB")
    QLocale.setDefault(locale)
    return locale


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load every .qm of `language` (ours and Qt's qtbase) into `app`.

    The translators are returned: the caller keeps them alive (Qt does not own them).
    """
    installed: list[QTranslator] = []
    if language == "en":
        return installed  # the source strings are English
    folder = resources_dir() / "translations" / language
    for qm in sorted(folder.glob("*.qm")):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            installed.append(translator)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Uninstall translators installed by `install_translators`."""
    for translator in translators:
        app.removeTranslator(translator)
