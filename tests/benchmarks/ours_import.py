"""Our import of a CSV into a fresh file: read, recognise, plan and write in one go."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from prospection.core.collector import quiet_collector, thaw
from prospection.core.db import open_database
from prospection.core.imports import apply_plan, detect_layout, plan_import, read_source


def run(csv_path: Path, folder: Path) -> float:
    """Seconds to import `csv_path` into a new database in `folder`, as the wizard does."""
    return float(run_phases(csv_path, folder)["total_s"])


def run_phases(csv_path: Path, folder: Path) -> dict[str, Any]:
    """The import of `csv_path` into a new database in `folder`, as the wizard does, with
    wall and CPU seconds per phase (read, plan, write) and in total."""
    database = open_database(folder / "import.sqlite3")
    try:
        marks = [(time.perf_counter(), time.process_time())]
        # The wizard's garbage-collector handling (`ui/import_wizard/wizard.py`: the read
        # and the plan under `quiet_collector(keep=True)`, `thaw()` once done with).
        with quiet_collector(keep=True):
            table = read_source(csv_path)
            layout = detect_layout(table.headers, table.file_format)
        marks.append((time.perf_counter(), time.process_time()))
        with quiet_collector(keep=True), database.session() as session:
            plan = plan_import(session, table, layout)
        marks.append((time.perf_counter(), time.process_time()))
        apply_plan(database, plan)
        marks.append((time.perf_counter(), time.process_time()))
    finally:
        database.dispose()
        thaw()
    result: dict[str, Any] = {}
    for name, before, after in zip(("read", "plan", "write"), marks, marks[1:], strict=False):
        result[f"{name}_s"] = after[0] - before[0]
        result[f"{name}_cpu_s"] = after[1] - before[1]
    result["total_s"] = marks[-1][0] - marks[0][0]
    result["total_cpu_s"] = marks[-1][1] - marks[0][1]
    return result
