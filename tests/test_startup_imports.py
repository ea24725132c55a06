"""Start-up stays lean: what the first paint does not need is imported when first used."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import prospection

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
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert prospection.__version__ == project["version"]


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
