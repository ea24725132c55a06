"""Our import of a CSV into a fresh file: read, recognise, plan and write in one go."""

from __future__ import annotations

import time
from pathlib import Path

from prospection.core.db import open_database
from prospection.core.imports import apply_plan, detect_layout, plan_import, read_source


def run(csv_path: Path, folder: Path) -> float:
    """Seconds to import `csv_path` into a new database in `folder`, as the wizard does."""
    database = open_database(folder / "import.sqlite3")
    try:
        started = time.perf_counter()
        table = read_source(csv_path)
        layout = detect_layout(table.headers, table.file_format)
        with database.session() as session:
            plan = plan_import(session, table, layout)
        apply_plan(database, plan)
        return time.perf_counter() - started
    finally:
        database.dispose()
