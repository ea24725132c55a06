"""Start-up stays lean: what the first paint does not need is imported when first used."""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import prospection
from prospection.core.db import Database
from tests.ui.conftest import seed

ROOT = Path(__file__).resolve().parents[1]

#: Modules building the main window must not import before its first paint (each costs tens of
#: milliseconds or more); their features import them when first used.
LAZY = (
    "holidays",
    "openpyxl",
    "email_validator",
    "phonenumbers",
    "prospection.ui.import_wizard.wizard",
    "prospection.ui.import_wizard.export_dialog",
    "prospection.ui.backup_dialogs",
    "prospection.ui.privacy_dialog",
    "prospection.ui.problem_dialogs",
    "prospection.ui.goals.goal_chart",
    "prospection.core.call_sessions",
)

_BUILD_WINDOW = """
import sys
from prospection.app import create_application, open_app_database
from prospection.ui.data_events import DataEvents
from prospection.ui.main_window import MainWindow
app = create_application()
db = open_app_database(sys.argv[1])
window = MainWindow(db, DataEvents(app), background_counts=False)
print(",".join(name for name in sys.argv[2:] if name in sys.modules))
window.deleteLater()
db.dispose()
"""


def test_version_is_the_projects() -> None:
    # One version: pyproject.toml declares it dynamic, read from __init__.py by hatch.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "version" not in project
    assert "version" in project["dynamic"]
    assert prospection.__version__ == importlib.metadata.version("prospection")


def test_main_window_is_built_without_the_lazy_modules(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _BUILD_WINDOW, str(tmp_path), *LAZY],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_the_data_layer_is_imported_without_qt() -> None:
    # app.import_data_layer imports these before PySide6, so that PySide6's import hook
    # does not read their sources: it only helps if none of them brings PySide6 in.
    code = (
        "import sys; from prospection.app import import_data_layer; import_data_layer(); "
        "print(sorted(name for name in sys.modules if name.startswith(('PySide6', 'shiboken'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


_FIRST_PAINT = """
import sys
from sqlalchemy import inspect
from prospection.app import create_application, open_app_database
from prospection.core.models import Prospect
from prospection.ui.data_events import DataEvents
from prospection.ui.main_window import MainWindow
app = create_application()
db = open_app_database(sys.argv[1])
window = MainWindow(db, DataEvents(app), background_counts=True, editor_after_paint=True)
window.table.selectRow(0)  # what the table's focus does before the first paint
print("ROWS", window.model.rowCount(), "EDITOR", window.editor.prospect_id(),
      "MAPPERS", inspect(Prospect).configured)
window.deleteLater()
db.dispose()
"""


def test_first_paint_needs_no_orm_mapping(db: Database, data_dir: Path) -> None:
    # The table reads its rows with plain SQL; the editor (ORM objects, and the first
    # configuration of every mapper) loads the current prospect just after the paint.
    seed(db)
    db.dispose()
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_PAINT, str(data_dir)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert done.returncode == 0, done.stderr
    assert "ROWS 4 EDITOR None MAPPERS False" in done.stdout, done.stdout
