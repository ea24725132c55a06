"""The schema head is known without importing Alembic, and agrees with Alembic."""

from __future__ import annotations

import subprocess
import sys

from alembic.script import ScriptDirectory

from prospection.core import db


def test_head_read_from_the_files_is_alembics_head() -> None:
    alembic_head = ScriptDirectory.from_config(db.alembic_config()).get_current_head()
    assert db._head_from_files() == alembic_head
    assert db.head_revision() == alembic_head


def test_opening_a_file_at_the_head_does_not_import_alembic(tmp_path: object) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from prospection.core.db import open_database\n"
        f"path = Path({str(tmp_path)!r}) / 'p.sqlite3'\n"
        "open_database(path).dispose()\n"
        "for name in [m for m in sys.modules if m.startswith('alembic')]:\n"
        "    del sys.modules[name]\n"
        "open_database(path).dispose()\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "False", done.stderr
