"""Starts the desktop application: options, language, the data file, the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from prospection import APP_NAME, __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from prospection.core.db import Database
    from prospection.ui.main_window import MainWindow


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command-line options of the desktop app."""
    parser = argparse.ArgumentParser(prog="prospection", description="Prospection desktop app")
    parser.add_argument("--version", action="version", version=f"Prospection {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="fill an empty data folder with demo prospects"
    )
    parser.add_argument("--data-dir", metavar="DIR", help="keep the data in DIR")
    parser.add_argument("--lang", choices=("fr", "en"), help="interface language")
    # Qt's own options (-platform, -style ...) pass through to QApplication.
    args, qt_args = parser.parse_known_args(argv)
    args.qt_args = qt_args
    return args


def create_application(qt_args: Sequence[str] = ()) -> QApplication:
    """The QApplication with Prospection's names and icon (reused if one exists)."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from prospection.paths import resource

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_args])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("prospection")
    app.setWindowIcon(QIcon(str(resource("icons", "prospection.svg"))))
    return app


def open_app_database(data_dir: str | None) -> Database:
    """Open (create, migrate) the database of the data folder; raises StorageError."""
    from prospection import paths
    from prospection.core.db import open_database
    from prospection.core.errors import DataFolderError

    folders = paths.resolve(data_dir)
    try:
        folders.ensure()
    except OSError as error:
        raise DataFolderError(
            f"The data folder {folders.data_dir} cannot be created ({error.strerror})."
        ) from error
    return open_database(folders.database, backups_dir=folders.backups)


def fill_demo_if_empty(db: Database) -> bool:
    """Fill an empty database with the demo prospects; True when it did."""
    # Imported here: the demo generator is only needed with --demo.
    from prospection.core.demo import fill_demo

    with db.session() as session:
        return fill_demo(session).created


def storage_message(error: Exception) -> tuple[str, str]:
    """A translated title and text for a data-file problem (the detail stays as raised)."""
    from PySide6.QtCore import QCoreApplication

    from prospection.core.errors import DamagedDatabaseError, NewerDatabaseError

    title = QCoreApplication.translate("Startup", "Prospection cannot open its data")
    if isinstance(error, NewerDatabaseError):
        lead = QCoreApplication.translate(
            "Startup",
            "This data file was written by a newer version of Prospection. It was left "
            "untouched: install the newer version to open it.",
        )
    elif isinstance(error, DamagedDatabaseError):
        lead = QCoreApplication.translate(
            "Startup",
            "This data file cannot be read: it is damaged or is not a Prospection file. "
            "It was left untouched: restore a backup, or start with another data folder "
            "(--data-dir).",
        )
    else:
        lead = QCoreApplication.translate(
            "Startup",
            "The data folder cannot be used. Check that the disk is available and that "
            "you may write there, or choose another folder (--data-dir).",
        )
    return title, lead


def start(args: argparse.Namespace, app: QApplication) -> tuple[MainWindow | None, Database | None]:
    """Everything after the QApplication exists: language, data, window (not yet shown)."""
    from PySide6.QtWidgets import QMessageBox

    from prospection.core.errors import StorageError
    from prospection.ui.data_events import DataEvents
    from prospection.ui.i18n import apply_locale, chosen_language, install_translators

    language = chosen_language(args.lang)
    apply_locale(language)
    # Kept on the application: translators must live as long as it does.
    app.setProperty("prospection_language", language)
    app._prospection_translators = install_translators(app, language)  # type: ignore[attr-defined]
    try:
        db = open_app_database(args.data_dir)
    except StorageError as error:
        title, lead = storage_message(error)
        box = QMessageBox(QMessageBox.Icon.Critical, title, lead)
        box.setDetailedText(str(error))
        box.exec()
        return None, None
    if args.demo:
        fill_demo_if_empty(db)
    from prospection.ui.main_window import MainWindow

    events = DataEvents(app)
    # Sidebar counts in a worker thread: the window shows at once on a large file.
    window = MainWindow(db, events, background_counts=True)
    return window, db


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `prospection` and `python -m prospection`."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = create_application(args.qt_args)
    window, db = start(args, app)
    if window is None or db is None:
        return 1
    window.show()
    from functools import partial

    from PySide6.QtCore import QTimer

    from prospection.ui.call_session.launcher import offer_resume

    # Once the window is up: offer to resume a call session a crash interrupted.
    QTimer.singleShot(0, partial(offer_resume, db, window.events, window))
    code = app.exec()
    from PySide6.QtCore import QThreadPool

    # Let background counts finish, then release the window and the engine before the
    # interpreter tears Qt down.
    QThreadPool.globalInstance().waitForDone(5000)
    window.deleteLater()
    del window
    db.dispose()
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
