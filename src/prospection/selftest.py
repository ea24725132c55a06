"""`prospection --self-test`: prove that this copy (frozen, installed or from source) works.

Run by the packaging test and by the release workflow on the frozen app before anything
is uploaded: it opens a temporary data folder, runs the migrations, writes, reads and
searches a prospect, imports a CSV (fuzzy duplicate check), checks French public
holidays, exports to XLSX and .ics, loads the shipped resources and renders the main
window offscreen. Each feature whose library a trimmed bundle could lose is exercised here.
Exit 0 when all is well; otherwise 1, with the step that failed and why.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

FLAG = "--self-test"
EXIT_OK = 0
EXIT_FAILED = 1


class SelfTestError(Exception):
    """A check found something wrong; the message says what."""


def build_parser() -> argparse.ArgumentParser:
    """The self-test's own options (the app hands over its whole command line)."""
    parser = argparse.ArgumentParser(prog="prospection --self-test", add_help=False)
    parser.add_argument(FLAG, action="store_true")
    parser.add_argument(
        "--self-test-report",
        metavar="FILE",
        help="also write the report to FILE (a windowed Windows app has no console)",
    )
    parser.add_argument(
        "--self-test-keep",
        action="store_true",
        help="keep the temporary data folder (its path is in the report)",
    )
    return parser


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestError(message)


def check_environment(context: dict[str, Any]) -> str:
    """Python, Qt and SQLite versions; FTS5 must be compiled in."""
    import sqlite3

    from PySide6 import __version__ as pyside_version

    from prospection import __version__

    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    except sqlite3.OperationalError as error:
        raise SelfTestError(f"SQLite {sqlite3.sqlite_version} lacks FTS5 ({error})") from error
    finally:
        connection.close()
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    return (
        f"prospection {__version__} ({frozen}), Python {sys.version.split()[0]}, "
        f"PySide6 {pyside_version}, SQLite {sqlite3.sqlite_version}"
    )


def check_database(context: dict[str, Any]) -> str:
    """Migrate a fresh file, then write, read back and search a prospect."""
    from prospection import paths
    from prospection.core import search
    from prospection.core.db import current_revision, head_revision, open_database
    from prospection.core.models import Contact, Phone, Prospect

    app_paths = paths.resolve(context["data_dir"])
    app_paths.ensure()
    database = open_database(app_paths.database, backups_dir=app_paths.backups)
    context["database"] = database
    revision = current_revision(database.engine)
    _check(revision == head_revision(), f"schema {revision}, expected {head_revision()}")
    with database.session() as session:
        prospect = Prospect(name="Boulangerie Lefèvre", city="Rezé", pains="Four en panne")
        contact = Contact(first_name="Élodie", last_name="Martin", email="em@example.fr")
        contact.phones.append(Phone(raw="02 40 00 00 00", e164="+33240000000"))
        prospect.contacts.append(contact)
        session.add(prospect)
        session.flush()
        prospect_id = prospect.id
    with database.session() as session:
        stored = session.get(Prospect, prospect_id)
        _check(stored is not None, "the prospect just written cannot be read back")
        assert stored is not None
        _check(stored.name == "Boulangerie Lefèvre", f"read back {stored.name!r}")
        query = search.matching_ids("lefèvre ÉLODIE reze")
        _check(query is not None, "the search query could not be built")
        assert query is not None
        hits = list(session.scalars(query))
        _check(hits == [prospect_id], f"searching found {hits!r}, not [{prospect_id}]")
    return f"schema {revision}, prospect {prospect_id} written, read and found"


#: A French spreadsheet export as the salesperson gets it: Windows-1252, semicolons, and a
#: second line whose name is only close to the first's (the fuzzy duplicate check).
IMPORT_CSV = (
    "Société;Prénom;Nom;E-mail;Téléphone;Ville\r\n"
    "Garage Müller;Jean;Dupont;jean@garage-muller.example;06 12 34 56 78;Strasbourg\r\n"
    "Garage Müller;Jean;Dupond;jdupond@garage-muller.example;;Strasbourg\r\n"
).encode("cp1252")


def check_import(context: dict[str, Any]) -> str:
    """Import a CSV: encoding detection, layout, fuzzy duplicate check (native), writing."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    from prospection.core.imports import Fate, apply_plan, detect_layout, plan_import
    from prospection.core.imports.source import read_data

    # A build that lost rapidfuzz's C++ modules still works, in pure Python, far slower:
    # a trimmed bundle must keep them.
    native = [
        f.__module__ for f in (fuzz.token_sort_ratio, process.extractOne, Levenshtein.distance)
    ]
    _check(
        not any(name.endswith("_py") for name in native),
        f"rapidfuzz runs its pure-Python fallback ({', '.join(native)})",
    )
    database = context["database"]
    table = read_data(IMPORT_CSV, "clients.csv")
    _check(table.delimiter == ";", f"delimiter read as {table.delimiter!r}")
    _check(table.headers[0] == "Société", f"header read as {table.headers[0]!r} ({table.encoding})")
    layout = detect_layout(table.headers, table.file_format)
    with database.session() as session:
        plan = plan_import(session, table, layout)
    fates = [row.fate for row in plan.rows]
    _check(
        fates == [Fate.NEW_PROSPECT, Fate.POSSIBLE_DUPLICATE],
        f"planned {[fate.value for fate in fates]}, not a new prospect and a possible duplicate",
    )
    result = apply_plan(database, plan)
    _check(
        (result.prospects_created, result.contacts_created) == (1, 2),
        f"created {result.prospects_created} prospect(s), {result.contacts_created} contact(s)",
    )
    return (
        f"{table.encoding} CSV, {len(plan.rows)} rows, possible duplicate found "
        f"({native[0].rsplit('.', 1)[1]}), batch {result.batch_id} written"
    )


def check_holidays(context: dict[str, Any]) -> str:
    """French public holidays, overseas and Alsace-Moselle ones included, offline."""
    from datetime import date

    from prospection.core import calling_rules, working_days

    expected = [
        # (day, subdivision, holiday?)
        (date(2026, 5, 1), None, True),  # Fête du Travail
        (date(2026, 5, 14), None, True),  # Ascension: a movable feast
        (date(2026, 12, 26), None, False),
        (date(2026, 12, 26), "57", True),  # Saint-Étienne in Moselle
        (date(2026, 4, 3), "6AE", True),  # Good Friday in Alsace
        (date(2026, 12, 20), "974", True),  # abolition of slavery, La Réunion
        (date(2026, 5, 27), "971", True),  # abolition of slavery, Guadeloupe
    ]
    for day, subdivision, holiday in expected:
        found = calling_rules.is_public_holiday(day, subdivision)
        where = f"France ({subdivision})" if subdivision else "France"
        _check(found == holiday, f"{day} {'is' if holiday else 'is not'} a holiday in {where}")
    after = working_days.next_working_day(date(2026, 5, 13))
    _check(after == date(2026, 5, 15), f"the working day after 13 May 2026 is {after}, not 15")
    return f"{len(expected)} French dates right, next working day after Ascension"


def check_exports(context: dict[str, Any]) -> str:
    """Export to XLSX (read back) and write a meeting invitation (.ics, parsed back)."""
    from datetime import UTC, datetime

    from icalendar import Calendar

    from prospection.core.exports import export
    from prospection.core.imports.source import read_source
    from prospection.core.meeting_invites import meeting_ics

    folder = Path(context["data_dir"]).parent / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    workbook = folder / "prospects.xlsx"
    with context["database"].session() as session:
        summary = export(session, workbook, "xlsx")
    table = read_source(workbook)
    cells = {cell for _line, row in table.rows for cell in row}
    _check(
        {"Boulangerie Lefèvre", "Garage Müller"} <= cells,
        f"the exported workbook reads back without the prospects ({len(table.rows)} rows)",
    )
    invite = meeting_ics(
        uid="self-test@prospection",
        summary="Rendez-vous : Boulangerie Lefèvre",
        starts_at=datetime(2026, 6, 2, 8, 30, tzinfo=UTC),
        ends_at=datetime(2026, 6, 2, 9, 30, tzinfo=UTC),
        location="Rezé",
    )
    events = Calendar.from_ical(invite).walk("VEVENT")
    _check(len(events) == 1, f"the invitation holds {len(events)} event(s)")
    title = str(events[0].get("summary"))
    _check(title == "Rendez-vous : Boulangerie Lefèvre", f"the invitation reads {title!r}")
    return f"xlsx with {summary.prospects} prospect(s) read back, .ics parsed back"


def check_resources(context: dict[str, Any]) -> str:
    """The shipped resources are there: icon, migrations, translations (ours and Qt's)."""
    from PySide6.QtGui import QIcon

    from prospection import paths
    from prospection.core.db import MIGRATIONS_DIR

    _application(context)
    folder = paths.resources_dir()
    icon = QIcon(str(folder / "icons" / "prospection.svg"))
    _check(not icon.isNull(), "the application icon does not load (SVG support missing?)")
    pixmap = icon.pixmap(64, 64)
    _check(not pixmap.isNull(), "the application icon does not render")
    versions = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("*.py"))
    _check(bool(versions), f"no migrations in {MIGRATIONS_DIR}")
    ours = sorted((folder / "translations").glob("*/*.qm"))
    _check(bool(ours), f"no compiled translations (.qm) in {folder / 'translations'}")
    from prospection.core.talk_tracks import SHIPPED_LANGUAGES, shipped_track

    for language in SHIPPED_LANGUAGES:
        track = shipped_track(language)
        _check(
            track.language == language and bool(track.opener),
            f"the default {language} talk track is missing or empty",
        )
    return (
        f"resources in {folder}: icon, {len(versions)} migration(s), "
        f"{len(ours)} translation file(s), {len(SHIPPED_LANGUAGES)} default talk tracks"
    )


def check_french(context: dict[str, Any]) -> str:
    """The French interface loads: our translations and Qt's own (standard buttons)."""
    from PySide6.QtCore import QCoreApplication

    from prospection.ui.i18n import apply_locale, install_translators

    application = _application(context)
    apply_locale("fr")
    translators = install_translators(application, "fr")
    # Kept installed: the main window is then drawn in French, the longer language.
    context["translators"] = translators
    ours = len(list((_resources() / "translations" / "fr").glob("*.qm")))
    _check(len(translators) == ours + 1, f"{len(translators)} of {ours + 1} translations load")
    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    _check(cancel == "Annuler", f"Qt's standard buttons are not in French ({cancel!r})")
    return f"{ours} translation file(s) and Qt's own French strings"


def _resources() -> Path:
    from prospection import paths

    return paths.resources_dir()


def check_qt_modules(context: dict[str, Any]) -> str:
    """The Qt add-on modules features rely on are bundled (charts for goals, SVG)."""
    import importlib

    loaded = []
    for name in ("PySide6.QtCharts", "PySide6.QtSvg", "PySide6.QtSvgWidgets"):
        try:
            importlib.import_module(name)
        except ImportError as error:
            raise SelfTestError(f"{name} cannot be imported ({error})") from error
        loaded.append(name.rsplit(".", 1)[1])
    return f"{', '.join(loaded)}; {_render_goal_charts(context)}"


def check_team_driver(context: dict[str, Any]) -> str:
    """Team mode's driver loads: psycopg with its libpq, and Python's ssl and hashlib.

    psycopg imports ssl at start: a bundle without it, or whose _ssl/_hashlib cannot load
    the OpenSSL they are linked to, could not reach a team server at all.
    """
    import hashlib

    try:
        import ssl

        import psycopg
        from psycopg import pq
    except ImportError as error:
        raise SelfTestError(f"team mode's driver cannot be loaded ({error})") from error
    _check(
        hashlib.sha256.__name__ == "openssl_sha256",
        "hashlib runs without OpenSSL (_hashlib cannot be loaded)",
    )
    digest = hashlib.sha256(b"prospection").hexdigest()
    _check(digest.startswith("59fd1291f4a4"), f"OpenSSL's SHA-256 is wrong ({digest})")
    ssl.create_default_context()  # OpenSSL's TLS side answers
    return (
        f"psycopg {psycopg.__version__} ({pq.__impl__}), libpq {pq.version()}, "
        f"{ssl.OPENSSL_VERSION}"
    )


def _render_goal_charts(context: dict[str, Any]) -> str:
    # The goals panel's charts, drawn: Qt Charts links Qt's OpenGL libraries, which a
    # trimmed bundle keeps while leaving out their Python bindings.
    from prospection.core.weekly_goals import history
    from prospection.core.weeks import Week
    from prospection.ui.goals.goal_chart import GoalHistoryCharts

    application = _application(context)
    with context["database"].session() as session:
        weeks = history(session, Week.current())
    charts = GoalHistoryCharts()
    try:
        charts.set_history(weeks)
        charts.resize(900, 260)
        charts.show()
        application.processEvents()
        image = charts.calls.grab().toImage()
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 4)
            for y in range(0, image.height(), 4)
        }
        _check(len(colours) > 2, "the goals chart renders blank")
        return f"goals charts of {len(weeks)} weeks drawn"
    finally:
        charts.close()
        charts.deleteLater()
        application.processEvents()


def check_main_window(context: dict[str, Any]) -> str:
    """Render the main window offscreen on the test database."""
    application = _application(context)
    window = _make_main_window(context)
    try:
        window.resize(1366, 768)
        window.show()
        application.processEvents()
        image = window.grab().toImage()
        _check(not image.isNull() and image.width() > 0, "the main window renders nothing")
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 3)
            for y in range(0, image.height(), 5)
        }
        _check(len(colours) > 1, "the main window renders as a blank rectangle")
        title = window.windowTitle()
        return f"{type(window).__name__} {title!r} rendered at {image.width()}x{image.height()}"
    finally:
        window.close()
        window.deleteLater()
        application.processEvents()


def _application(context: dict[str, Any]) -> Any:
    from PySide6.QtWidgets import QApplication

    if "application" not in context:
        from PySide6.QtCore import QSettings

        # The user's own preferences (window layout, language) stay untouched: settings
        # go to INI files in the temporary folder, on every system.
        settings_dir = str(Path(context["data_dir"]).parent / "settings")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
        application = QApplication.instance() or QApplication([sys.argv[0]])
        application.setOrganizationName("Prospection")
        application.setApplicationName("Prospection")
        context["application"] = application
    return context["application"]


def _make_main_window(context: dict[str, Any]) -> Any:
    from prospection.ui.data_events import DataEvents
    from prospection.ui.main_window import MainWindow

    events = DataEvents(context["application"])
    return MainWindow(context["database"], events)


CHECKS: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
    ("environment", check_environment),
    ("database", check_database),
    ("import", check_import),
    ("holidays", check_holidays),
    ("exports", check_exports),
    ("resources", check_resources),
    ("french", check_french),
    ("qt-modules", check_qt_modules),
    ("team-driver", check_team_driver),
    ("main-window", check_main_window),
]


def run(data_dir: Path, emit: Callable[[str], None]) -> bool:
    """Run every check against `data_dir`; report each line through `emit`."""
    context: dict[str, Any] = {"data_dir": data_dir}
    try:
        for name, check in CHECKS:
            try:
                detail = check(context)
            except SelfTestError as failure:
                emit(f"FAIL {name}: {failure}")
                return False
            except Exception as error:
                emit(f"FAIL {name}: {type(error).__name__}: {error}")
                emit(traceback.format_exc().rstrip())
                return False
            emit(f"ok   {name}: {detail}")
        return True
    finally:
        database = context.get("database")
        if database is not None:
            database.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for `prospection --self-test`; returns the exit code."""
    options, _rest = build_parser().parse_known_args(list(sys.argv[1:] if argv is None else argv))
    # Offscreen unless told otherwise: the check must pass on a machine with no display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    lines: list[str] = []

    def emit(line: str) -> None:
        lines.append(line)
        if sys.stdout is not None:  # None in a windowed (no console) Windows build
            print(line, flush=True)

    passed = False
    temporary = tempfile.mkdtemp(prefix="prospection-self-test-")
    try:
        passed = run(Path(temporary) / "data", emit)
        emit(f"self-test {'passed' if passed else 'FAILED'} (data folder {temporary})")
    finally:
        if not options.self_test_keep:
            _remove_tree(Path(temporary))
    if options.self_test_report:
        Path(options.self_test_report).write_text("\n".join(lines) + "\n", encoding="utf-8")
    if not passed and sys.stderr is not None:
        print("prospection: self-test failed", file=sys.stderr)
    return EXIT_OK if passed else EXIT_FAILED


def _remove_tree(folder: Path) -> None:
    import shutil

    # On Windows SQLite may still hold the WAL file for a moment; leftovers in the
    # temporary folder are harmless, a crash here would hide the real result.
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
