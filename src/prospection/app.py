"""Starts the desktop application: options, language, the data file, the main window."""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from prospection import APP_NAME, __version__

log = logging.getLogger("prospection.app")

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from prospection.core.db import Database
    from prospection.ui.editor.prospect_editor import EditorDraft
    from prospection.ui.main_window import MainWindow
    from prospection.ui.offline_copy_ui import CopyRefresher


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command-line options of the desktop app."""
    parser = argparse.ArgumentParser(prog="prospection", description="Prospection desktop app")
    parser.add_argument("--version", action="version", version=f"Prospection {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="fill an empty data folder with demo prospects"
    )
    parser.add_argument("--data-dir", metavar="DIR", help="keep the data in DIR")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="work on a team server, postgresql+psycopg://user@host/database (default: "
        "$PROSPECTION_DATABASE_URL, else Preferences > Team, else the local file)",
    )
    parser.add_argument("--lang", choices=("fr", "en"), help="interface language")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation in a temporary data folder (even while the app "
        "runs), print the result and quit; exit status 0 when it passed",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="open the data and the window, print the result and quit (for installers and CI)",
    )
    # Qt's own options (-platform, -style ...) pass through to QApplication.
    args, qt_args = parser.parse_known_args(argv)
    args.qt_args = qt_args
    return args


def platform_fallback(plugin_dir: Path | None = None) -> str | None:
    """Fall back to xcb when QT_QPA_PLATFORM names only platforms this build lacks.

    The installers ship Qt's xcb platform, not Wayland's (XWayland runs it on a Wayland
    desktop); QT_QPA_PLATFORM=wayland would make Qt abort at start. Returns the line to
    log when the variable was changed.
    """
    requested = os.environ.get("QT_QPA_PLATFORM", "").strip()
    if not requested:
        return None
    if plugin_dir is None:
        import PySide6

        plugin_dir = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms"
    if not plugin_dir.is_dir():
        return None
    available = {
        path.name.split(".")[0].removeprefix("lib").removeprefix("q")
        for path in plugin_dir.iterdir()
    }
    wanted = [name.split(":")[0].strip() for name in requested.split(";") if name.strip()]
    if any(name in available for name in wanted) or "xcb" not in available:
        return None
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    return (
        f"QT_QPA_PLATFORM={requested}: no such platform plugin in this build "
        f"(has {', '.join(sorted(available))}); using xcb (XWayland on a Wayland desktop)"
    )


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
    # The installed .desktop file's name (packaging/linux/): links windows to its icon.
    app.setDesktopFileName("io.github.prospection.Prospection")
    app.setWindowIcon(QIcon(str(resource("icons", "prospection.svg"))))
    return app


def open_app_database(
    data_dir: str | None,
    on_update: Callable[[], None] | None = None,
    *,
    database: str | None = None,
    local_only: bool = False,
    password: str | None = None,
    person: tuple[str, str] | None = None,
) -> Database:
    """Open (create, migrate) the database of the data folder; raises StorageError.

    The team server is used when one is named (`database` > $PROSPECTION_DATABASE_URL >
    Preferences > Team), unless `local_only`; it raises `team.TeamError` when it cannot
    be used. There the app works for `person` (name, email; default: the ones saved in
    Preferences > Team or by team join --user): `users.UserError` when none is known or
    it cannot be used. `on_update` is called before an existing file is backed up and
    migrated.
    """
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
    if not local_only:
        from prospection.core import team

        url, source = team.chosen_url(database, folders.data_dir)
        if url is not None:
            log.info("Team server (%s): %s", source.value, team.shown(url))
            try:
                db = team.open_team_database(folders.database, url, password, on_update)
            except team.TeamError as error:
                copy = open_offline_copy(folders.data_dir, url, error)
                if copy is None:
                    raise
                return copy
            from prospection.core import users

            try:  # after connecting: an unreachable server is said first
                users.identify(db, *(person or team.saved_person(folders.data_dir)))
            except BaseException:
                db.dispose()
                raise
            return db
    return open_database(folders.database, backups_dir=folders.backups, on_update=on_update)


def open_offline_copy(data_dir: Path, url: str, error: BaseException) -> Database | None:
    """The team server cannot be reached: its local copy, read-only, when there is one."""
    from prospection.core import offline_copy, team

    if not isinstance(error, team.TeamError) or error.reason is not team.Reason.UNREACHABLE:
        return None
    try:
        db, info = offline_copy.open_copy(data_dir, url)
    except offline_copy.NoCopyError as missing:
        log.info("No copy of the team's data to show: %s", missing)
        return None
    log.warning(
        "Team server unreachable: showing the copy of %s (%d prospects)",
        info.taken_at.isoformat(timespec="seconds"),
        info.prospects,
    )
    return db


def remember_person(data_dir: Path, person: tuple[str, str]) -> None:
    """Keep who you are with the saved team server (asked once, not at each start)."""
    from prospection.core import team
    from prospection.core.errors import StorageError

    saved = team.TeamSettings.load(data_dir)
    if saved is None:  # --database or the environment: nothing saved to add it to
        return
    try:
        team.TeamSettings(saved.url, person[0], person[1]).save(data_dir)
    except StorageError as error:
        log.warning("Who you are could not be saved: %s", error)


def fill_demo_if_empty(db: Database, language: str = "fr") -> bool:
    """Fill an empty database with the demo prospects, written in the interface's
    `language`; True when it did."""
    # Imported here: the demo generator is only needed with --demo.
    from prospection.core.demo import fill_demo

    with db.session() as session:
        return fill_demo(session, language=language).created


def open_with_recovery(args: argparse.Namespace) -> Database | None:
    """Open the data; if it cannot be, explain and offer a backup, another folder or quit.

    A file that cannot be opened is never written over: a restore renames it aside.
    `args.data_dir` follows the folder the user chose.
    """
    from prospection import paths
    from prospection.core.errors import StorageError

    notices: list[QWidget] = []

    def say_updating() -> None:
        resume_collector()  # a long update (Alembic, migrations): not worth pausing for
        # Imported only when a file is to be updated (once per new version).
        from prospection.ui.update_notice import UpdateNotice

        notice = UpdateNotice()
        notice.show_now()
        notices.append(notice)

    def hide_notices() -> None:
        while notices:
            notices.pop().close()

    from prospection.core import team
    from prospection.core.users import UserError

    restored = False
    password: str | None = None
    refused = False
    person: tuple[str, str] | None = None
    while True:
        try:
            db = open_app_database(
                args.data_dir,
                on_update=say_updating,
                database=getattr(args, "database", None),
                local_only=getattr(args, "local_only", False),
                password=password,
                person=person,
            )
            if restored:
                reapply_ledger_after_restore(db)
            if person is not None:
                remember_person(paths.resolve(args.data_dir).data_dir, person)
            return db
        except UserError as error:  # who are you on the team server: asked, then kept
            resume_collector()
            hide_notices()
            from prospection.ui.team_dialogs import WhoAreYouDialog, user_problem_text

            folders = paths.resolve(args.data_dir)
            url, _source = team.chosen_url(getattr(args, "database", None), folders.data_dir)
            problem = "" if person is None else user_problem_text(error)
            person = WhoAreYouDialog(url or "", problem).ask()
            if person is None:
                return None
            continue
        except team.TeamError as error:
            resume_collector()
            hide_notices()
            log.warning("Team server cannot be used: %s", error)
            from prospection.ui.team_dialogs import PasswordDialog, TeamChoice, TeamProblemBox

            folders = paths.resolve(args.data_dir)
            url, _source = team.chosen_url(getattr(args, "database", None), folders.data_dir)
            if team.needs_password(error) and url is not None:
                answer = PasswordDialog(url, refused=refused).ask()
                if answer is not None:
                    password, remember = answer
                    refused = True
                    if remember:
                        team.store_password(url, password)
                    continue
            # Unreachable here: no copy of the team's data to show instead (said in the box).
            choice = TeamProblemBox(error, no_copy=True).decide()
            if choice is TeamChoice.LOCAL:
                args.local_only = True
            elif choice is TeamChoice.QUIT:
                return None
            continue
        except StorageError as error:
            resume_collector()  # no first paint soon: a dialog waits for the user
            # Imported only when needed: the dialogs are not on the way to a first paint.
            from prospection.core.backup import restore_over_unusable
            from prospection.ui.problem_dialogs import StartupChoice, StartupProblemBox

            log.warning("Data cannot be opened: %s", error)
            hide_notices()  # it stays on top: the problem must be seen
            folders = paths.resolve(args.data_dir)
            decision = StartupProblemBox(error, folders.backups).decide()
        finally:
            hide_notices()
        if decision.choice is StartupChoice.RESTORE and decision.path is not None:
            try:
                restore_over_unusable(folders.database, decision.path)
                restored = True
            except (StorageError, OSError) as error:
                log.warning("Restore failed: %s", error)
        elif decision.choice is StartupChoice.OTHER_FOLDER and decision.path is not None:
            args.data_dir = str(decision.path)
        else:
            return None


def reapply_ledger_after_restore(db: Database) -> None:
    """The live file could not be read: re-apply objections and erasures from the ledger."""
    from prospection.core import privacy

    try:
        report = privacy.reapply_ledger(db)
    except Exception:  # the data opened; a failure here must not keep the app from starting
        log.exception("The privacy ledger could not be re-applied after a restore")
        return
    log.info("Privacy ledger re-applied after a restore: %s", report)


def make_daily_backup(db: Database) -> None:
    """The first start of each day backs the data up (a failure is logged, not fatal)."""
    # Run in a thread once the window is up (see `start_daily_backup`): at a million
    # prospects the copy takes 10 s or more.
    import sqlite3
    import time

    from prospection.core.backup import backups_dir_for, daily_backup
    from prospection.core.errors import StorageError
    from prospection.core.integrity import ReadOnly

    if db.read_only is ReadOnly.OWNER:
        return  # the owner made the folder read-only: nothing is written there, backups too
    try:
        # A copy interrupted by a kill leaves its .part file (see core.db.backup_file);
        # one still being written by another instance is younger than an hour.
        for partial in backups_dir_for(db).glob("*.sqlite3.part"):
            if partial.stat().st_mtime < time.time() - 3600:
                partial.unlink(missing_ok=True)
        daily_backup(db)
    except (OSError, sqlite3.Error, StorageError) as error:  # a copy failing its check too
        log.warning("Daily backup failed: %s", error)


def start_daily_backup(db: Database) -> threading.Thread:
    """Make today's backup (if not made yet) in a thread; join it before closing `db`.

    SQLite's online backup copies the file in one step from its own connection, in one
    read transaction: a consistent copy, while the user goes on working (WAL: readers
    and the writer do not wait for each other), and without holding Python's GIL.
    """
    thread = threading.Thread(target=make_daily_backup, args=(db,), name="daily-backup")
    thread.start()
    return thread


def start(
    args: argparse.Namespace, app: QApplication, *, lock_failed: bool = False
) -> tuple[MainWindow | None, Database | None]:
    """Everything after the QApplication exists: language, data, window (not yet shown).

    `lock_failed`: the data folder's lock could not be written; the data is opened for
    reading only (two windows writing it would overwrite each other's changes).
    """
    from prospection.ui.data_events import DataEvents
    from prospection.ui.i18n import apply_locale, chosen_language, install_translators

    language = chosen_language(args.lang)
    log.info("interface language: %s", language)
    apply_locale(language)
    # Kept on the application: translators must live as long as it does.
    app.setProperty("prospection_language", language)
    app._prospection_translators = install_translators(app, language)  # type: ignore[attr-defined]
    db = open_with_recovery(args)
    if db is None:
        return None, None
    if lock_failed and db.read_only is None:
        # (In a folder the owner made read-only the lock cannot be written either; the
        # banner already says why nothing can change.)
        from prospection.core.integrity import ReadOnly

        db.read_only = ReadOnly.LOCK
    if args.demo and db.read_only is None:
        fill_demo_if_empty(db, language)
    from prospection.ui.main_window import MainWindow

    events = DataEvents(app)
    # Sidebar counts in a worker thread: the window shows at once on a large file.
    # The editor loads the current prospect just after the first paint.
    window = MainWindow(db, events, background_counts=True, editor_after_paint=True)
    return window, db


#: The storage modules the main window needs, imported before PySide6 (see below).
DATA_LAYER = (
    "sqlalchemy.orm",
    "sqlalchemy.dialects.sqlite.pysqlite",  # loaded by create_engine otherwise
    "prospection.core.db",
    "prospection.core.models",
    "prospection.core.prospects",
    "prospection.core.prospect_editing",
    "prospection.core.prospect_snapshots",
    "prospection.core.weekly_goals",
    "prospection.core.backup",
)


#: `ui.single_instance.LOCK_NAME`, named here so as not to import Qt to read it.
LOCK_FILE = ".prospection.lock"


def folder_in_use(data_dir: Path) -> bool:
    """Whether the data folder's lock file names a live process: a second start, likely.

    Only a guess, read without Qt, to skip work a second start does not need;
    `SingleInstance` decides. POSIX only (elsewhere: False).
    """
    if os.name != "posix":
        return False
    try:
        pid = int((data_dir / LOCK_FILE).read_text(encoding="utf-8").split("\n", 1)[0])
    except (OSError, ValueError):
        return False
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def import_data_layer() -> None:
    """Import the storage modules (SQLAlchemy, the models, the queries) before PySide6.

    Once PySide6 is imported, it reads the source file of every module imported after it
    (to look for its `__feature__` switches): about 60 ms for SQLAlchemy's 200 modules.
    Imported first, they are not read; none of them uses PySide6.
    """
    import importlib

    for name in DATA_LAYER:
        importlib.import_module(name)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `prospection` and `python -m prospection`."""
    # Python's cyclic collector is paused until the window's first paint: importing
    # SQLAlchemy, PySide6 and the window's modules makes hundreds of thousands of objects
    # that all stay alive, and the collector walked them again and again for nothing
    # (about 50 ms of a 0.4 s start). Reference counting still frees as usual.
    gc.disable()
    try:
        return _start_and_run(argv)
    finally:
        resume_collector()


def resume_collector() -> None:
    """Start the cyclic collector again (once), start-up's objects frozen out of its sight.

    What start-up made (modules, classes, the window) lives as long as the app: frozen,
    it is not walked again by every later full collection, which then pause the GUI for
    less time.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _start_and_run(argv: Sequence[str] | None) -> int:
    from prospection import paths, selftest
    from prospection.logs import configure_logging, install_excepthook

    arguments = list(sys.argv[1:] if argv is None else argv)
    if selftest.FLAG in arguments:
        resume_collector()  # a test run, not a start
        return selftest.main(arguments)
    args = parse_args(arguments)
    folders = paths.resolve(args.data_dir)
    if not folder_in_use(folders.data_dir):
        # A second start only hands over to the first one: it needs none of it.
        import_data_layer()
    from prospection.ui.single_instance import SingleInstance

    fallback = platform_fallback()
    app = create_application(args.qt_args)
    log_file = None
    # An unwritable log folder must not keep the app from starting.
    with contextlib.suppress(OSError):
        log_file = configure_logging(folders.log_dir)
    log.info("Prospection %s starting", __version__)
    if fallback:
        log.warning(fallback)
    install_excepthook(lambda error: _show_unexpected_problem(error, log_file, app))
    # One instance per data folder: a second start shows the first one's window.
    instance = SingleInstance(folders.data_dir)
    if not instance.acquire():
        log.info("Already running on this data folder: brought it to the front")
        return 0
    window, db = start(args, app, lock_failed=instance.lock_failed)
    if window is None or db is None:
        instance.release()
        return 1
    # What the app runs on; the window on the team's copy is replaced by one on the live
    # database once the server answers again (`go_live`).
    current = Current(window, db)
    instance.activation_requested.connect(lambda: bring_to_front(current.window))
    from functools import partial

    from PySide6.QtCore import QTimer

    from prospection.core import dialects
    from prospection.core.integrity import ReadOnly
    from prospection.ui.call_session.launcher import offer_resume
    from prospection.ui.first_paint import after_first_paint
    from prospection.ui.integrity_watch import IntegrityWatch, show_notice_at_start

    # Writes wait for the check of the file (refused until it passes); it starts once
    # the window is up, then makes today's backup in the same thread if the file is whole.
    # A team server has no file here: its backups are its administrator's (pg_dump); nor
    # is the team's local copy (read-only, rebuilt by each refresh).
    on_copy = db.read_only is ReadOnly.COPY
    watch = IntegrityWatch(db, window) if dialects.is_sqlite(db.engine) and not on_copy else None
    install_team_copy(args, app, current)
    window.show()
    after_first_paint(window, resume_collector)
    backups: list[threading.Thread] = []
    if watch is not None:
        checking = watch
        after_first_paint(window, lambda: backups.append(checking.start(then=make_daily_backup)))
    after_first_paint(window, partial(show_notice_at_start, window, db))
    if args.self_check:
        # Let the window paint and its start-up work run, then say so and quit.
        QTimer.singleShot(300, app.quit)
    elif not on_copy:
        # Once the window is up: offer to resume a call session a crash interrupted.
        after_first_paint(window, partial(offer_resume, db, window.events, window))
    code = app.exec()
    window, db = current.window, current.db
    current.stop_refreshing()
    if args.self_check:
        print(
            f"Prospection {__version__}: self-check ok ({dialects.describe(db.engine)})", flush=True
        )
    from PySide6.QtCore import QThreadPool

    # Let background counts finish, then release the window and the engine before the
    # interpreter tears Qt down.
    QThreadPool.globalInstance().waitForDone(5000)
    instance.activation_requested.disconnect()
    window.stop_listening()  # team mode: the listening connection closes before the engine
    if watch is not None:
        watch.cancel()  # a check still reading a large file stops; the backup after it is skipped
    for backup in backups:
        if backup.is_alive():
            log.info("Waiting for today's backup to finish")
        backup.join()
    window.deleteLater()
    del window
    db.dispose()
    if watch is not None:
        watch.keep_verdict()
    # Only now: a second window must not open the folder while this one still backs up
    # or makes its last checkpoint of the file.
    instance.release()
    return int(code)


class Current:
    """The window and database the app runs on (the copy's are replaced by live ones)."""

    def __init__(self, window: MainWindow, db: Database) -> None:
        self.window = window
        self.db = db
        #: Team mode: the thread refreshing the local copy of the team's data.
        self.refresher: CopyRefresher | None = None

    def stop_refreshing(self) -> None:
        if self.refresher is not None:
            self.refresher.stop()
            self.refresher = None


def install_team_copy(args: argparse.Namespace, app: QApplication, current: Current) -> None:
    """Team mode offline: keep the local copy fresh, or, on the copy, watch for the server.

    On the live team database the copy is refreshed in a thread (`CopyRefresher`: after
    start, every `offline_copy.REFRESH_INTERVAL`, and when a lost server is back). On the
    copy (the server was unreachable at start) the window is reopened on the live
    database as soon as the server answers (`go_live`). Nothing on the local file.
    """
    from prospection.core import dialects
    from prospection.core.integrity import ReadOnly

    window, db = current.window, current.db
    copy = getattr(window, "offline_copy", None)
    if db.read_only is ReadOnly.COPY and copy is not None:
        copy.server_back.connect(lambda: go_live(args, app, current))
        return
    if dialects.is_sqlite(db.engine):
        return
    from prospection import paths
    from prospection.core import team
    from prospection.ui.first_paint import after_first_paint
    from prospection.ui.offline_copy_ui import CopyRefresher

    data_dir = paths.resolve(args.data_dir).data_dir
    url, _source = team.chosen_url(getattr(args, "database", None), data_dir)
    if url is None:
        return
    live = window.live

    def online() -> bool:
        return live is None or live.online

    refresher = CopyRefresher(db.engine, data_dir, url, window, is_online=online)
    current.refresher = refresher
    if live is not None:  # back after a loss: what was missed comes into the copy too
        live.online_changed.connect(lambda up: refresher.refresh_now() if up else None)
        from prospection.ui.copy_offer import CopyOffer

        # Lost mid-session: the banner offers the copy (the same window as at start).
        offer = CopyOffer(window, data_dir, url)
        offer.requested.connect(lambda: go_offline(args, app, current))
    after_first_paint(window, refresher.start)


def go_live(args: argparse.Namespace, app: QApplication, current: Current) -> None:
    """The team server answers again: the window on the copy gives way to the live one.

    Opened the usual way (password, who you are, the problem box if it fails again);
    when the live database cannot be opened after all, the copy stays, and its watch
    goes on.
    """
    from PySide6.QtCore import QCoreApplication, QThreadPool

    from prospection.core.integrity import ReadOnly
    from prospection.ui.data_events import DataEvents
    from prospection.ui.main_window import MainWindow

    old_window, old_db = current.window, current.db
    db = open_with_recovery(args)
    if db is None or db.read_only is ReadOnly.COPY:  # gone again, or the user said no
        if db is not None:
            db.dispose()
        copy = getattr(old_window, "offline_copy", None)
        if copy is not None:
            copy.watch.resume()
        return
    from prospection.ui.copy_offer import ViewState

    view = ViewState.of(old_window)
    draft = old_window.editor.draft()
    old_window.save_layout()
    window = MainWindow(db, DataEvents(app), background_counts=True)
    current.window, current.db = window, db
    install_team_copy(args, app, current)
    window.setGeometry(old_window.geometry())
    view.apply(window)
    # Edits typed on the copy (saving was refused there) can now be saved.
    dropped = draft is not None and not window.editor.take_draft(draft)
    window.show()
    window.activateWindow()  # the keyboard follows (shortcuts, typing)
    if old_window.offline_copy is not None:
        old_window.offline_copy.stop()
    old_window.editor.forget_changes()  # carried over (the close must not ask)
    old_window.close()
    old_window.deleteLater()
    QThreadPool.globalInstance().waitForDone(2000)  # its background counts read the copy
    old_db.dispose()
    said = QCoreApplication.translate("OfflineCopy", "Connected to the team server again")
    if dropped:
        said += " — " + QCoreApplication.translate(
            "OfflineCopy",
            "the prospect you were editing is no longer there: your unsaved changes to it "
            "were dropped.",
        )
    window.statusBar().showMessage(said, 8000 if not dropped else 30000)
    from functools import partial

    from prospection.ui.call_session.launcher import offer_resume
    from prospection.ui.first_paint import after_first_paint

    # A call session closed while the server was away was left open on it (it could not
    # be ended): offered again, as after a crash (not offered on the copy: it cannot be
    # written).
    after_first_paint(window, partial(offer_resume, db, window.events, window))


def go_offline(args: argparse.Namespace, app: QApplication, current: Current) -> bool:
    """The team server was lost mid-session: the window moves to the local copy.

    The whole window (table, counts, editor, weekly goals) reads the copy, read-only,
    with the same banner, Retry and way back (`go_live`) as when the server is away at
    start; the search, filters, sort, cursor, selection and the editor's unsaved edits
    come along (saved once back live). Not while a dialog of the window is open
    (`copy_offer.ready_to_leave`), nor if the server answered meanwhile; asked when the
    edited prospect is not in the copy. True when the window moved.
    """
    from PySide6.QtCore import QCoreApplication, QThreadPool
    from PySide6.QtWidgets import QMessageBox

    from prospection import paths
    from prospection.core import team
    from prospection.ui.copy_offer import ViewState, confirm_dropping_edits, ready_to_leave
    from prospection.ui.data_events import DataEvents
    from prospection.ui.main_window import MainWindow

    old_window, old_db = current.window, current.db
    live = old_window.live
    if live is None or live.online or not ready_to_leave(old_window):
        return False
    data_dir = paths.resolve(args.data_dir).data_dir
    url, _source = team.chosen_url(getattr(args, "database", None), data_dir)
    lost = team.TeamError(team.Reason.UNREACHABLE, "lost during the session")
    db = None if url is None else open_offline_copy(data_dir, url, lost)
    if db is None:  # deleted or made unreadable since it was offered
        QMessageBox.warning(
            old_window,
            QCoreApplication.translate("OfflineCopy", "No copy to show"),
            QCoreApplication.translate(
                "OfflineCopy",
                "There is no copy of the team's data on this computer to read meanwhile: "
                "one is made shortly after Prospection connects.",
            ),
        )
        return False
    draft = old_window.editor.draft()
    if draft is not None and draft.prospect_id is not None and not _has_prospect(db, draft):
        if not confirm_dropping_edits(old_window) or live.online:  # (back while asking)
            db.dispose()
            return False
        draft = None
    view = ViewState.of(old_window)
    old_window.save_layout()  # columns and sort: the copy's window restores them
    # A refresh under way cannot finish without the server; it must not replace the
    # copy while it is being read.
    if current.refresher is not None:
        current.refresher.stop(wait=2.0)
        current.refresher = None
    window = MainWindow(db, DataEvents(app), background_counts=True)
    current.window, current.db = window, db
    install_team_copy(args, app, current)
    window.setGeometry(old_window.geometry())
    view.apply(window)
    if draft is not None:  # the unsaved edits come along (saving them waits for the server)
        window.editor.take_draft(draft)
    window.show()
    window.activateWindow()  # the keyboard follows (shortcuts, typing)
    old_window.stop_listening()
    old_window.editor.forget_changes()  # carried over, or dropped as the user chose
    old_window.close()
    old_window.deleteLater()
    QThreadPool.globalInstance().waitForDone(2000)  # its background counts read the server
    old_db.dispose()
    window.statusBar().showMessage(
        QCoreApplication.translate(
            "OfflineCopy", "Showing your copy: the team server cannot be reached"
        ),
        8000,
    )
    log.warning("Team server lost mid-session: the window shows the copy")
    return True


def _has_prospect(db: Database, draft: EditorDraft) -> bool:
    from prospection.core.models import Prospect

    with db.session() as session:
        return session.get(Prospect, draft.prospect_id) is not None


def _show_unexpected_problem(
    error: BaseException, log_file: Path | None, app: QApplication
) -> None:
    from prospection.upgrade_guard import InstallationChangedError

    if isinstance(error, InstallationChangedError):
        # Upgraded while running (upgrade_guard): nothing is wrong but the app is stale.
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(
            app.activeWindow(),
            QCoreApplication.translate("Upgrade", "Prospection was updated"),
            QCoreApplication.translate(
                "Upgrade",
                "A new version of Prospection was installed while it was running. "
                "Close it and start it again to go on (your data is safe).",
            ),
        )
        return
    # Team mode: a read or write that failed for want of the server makes the window
    # check it at once (banner, writes refused, reconnection) rather than at its next ping.
    from prospection.ui.live_refresh import notice_problem

    notice_problem(error)
    # The dialog module is imported when a problem happens, not at every start.
    from prospection.ui.problem_dialogs import show_unexpected_problem

    show_unexpected_problem(error, log_file, app.activeWindow())


def bring_to_front(window: MainWindow) -> None:
    """Show the window above the others (a second start asked for it)."""
    from PySide6.QtCore import Qt

    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


if __name__ == "__main__":
    raise SystemExit(main())
