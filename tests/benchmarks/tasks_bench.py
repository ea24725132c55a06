"""Import, call session, weekly stats, memory and storage measures."""

from __future__ import annotations

import csv
import importlib.util
import sqlite3
import tempfile
import time
from pathlib import Path

from tests.benchmarks import dataset
from tests.benchmarks.report import Row, not_available

IMPORT_ROWS_MAX = 100_000


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _raw_floor(csv_path: Path, folder: Path) -> tuple[float, float]:
    """Python's csv reader plus one executemany into a plain table: the physical floor.

    Wall and CPU seconds.
    """
    target = folder / "floor.sqlite3"
    started = time.perf_counter()
    cpu = time.process_time()
    connection = sqlite3.connect(target)
    try:
        connection.execute(
            "CREATE TABLE imported (" + ", ".join(f"c{i} TEXT" for i in range(12)) + ")"
        )
        with csv_path.open(newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            next(reader)
            connection.executemany(
                "INSERT INTO imported VALUES (" + ", ".join("?" * 12) + ")", reader
            )
        connection.commit()
    finally:
        connection.close()
    return time.perf_counter() - started, time.process_time() - cpu


def measure_import(size: int, work_dir: Path) -> list[Row]:
    """Import a CSV of min(size, 100,000) rows into a fresh file, against the raw floor."""
    rows = min(size, IMPORT_ROWS_MAX)
    csv_path = dataset.write_import_csv(work_dir / f"import-{rows}.csv", rows)
    measure_name = f"import a {rows:,}-row CSV"
    # The floor is fast and noisy on a shared machine: its best of three.
    floors = []
    for _ in range(3):
        with tempfile.TemporaryDirectory(dir=work_dir) as folder:
            floors.append(_raw_floor(csv_path, Path(folder)))
    floor, floor_cpu = min(floors)
    if importlib.util.find_spec("prospection.core.imports") is None:
        row = not_available(measure_name, size)
        row.baseline_s = floor
        row.baseline_name = "csv + sqlite3.executemany"
        return [row]
    from tests.benchmarks import ours_import, schema_floor

    with tempfile.TemporaryDirectory(dir=work_dir) as folder:
        phases = ours_import.run_phases(csv_path, Path(folder))
        # SQLite alone writing the same final rows into our schema (what no Python
        # work can remove): the file our import just wrote is read back for it.
        floors_of_schema = [
            schema_floor.measure(Path(folder) / "import.sqlite3", Path(folder)) for _ in range(3)
        ]
    schema = min(floors_of_schema, key=lambda f: f["schema_floor_cpu_s"])
    ours_cpu = phases["total_cpu_s"]
    return [
        Row(
            measure=measure_name,
            size=size,
            ours_s=phases["total_s"],
            baseline_s=floor,
            baseline_name="csv + sqlite3.executemany",
            note=(
                f"CPU {ours_cpu:.2f} s vs {floor_cpu:.2f} s ({ours_cpu / floor_cpu:.0f}x): "
                f"read {phases['read_cpu_s']:.2f}, plan {phases['plan_cpu_s']:.2f}, "
                f"write {phases['write_cpu_s']:.2f}; schema floor (SQLite alone, same rows "
                f"into our schema) {schema['schema_floor_cpu_s']:.2f} s CPU "
                f"({schema['schema_floor_cpu_s'] / floor_cpu:.1f}x), "
                f"{schema['schema_floor_s']:.2f} s wall"
            ),
            extra={**phases, **schema, "baseline_cpu_s": floor_cpu},
        )
    ]


def measure_calls(path: Path, size: int) -> list[Row]:
    """Next prospect in a call session."""
    if importlib.util.find_spec("prospection.core.call_sessions") is None:
        return [not_available("next prospect in a call session", size)]
    from tests.benchmarks import ours_calls

    return ours_calls.run(path, size)


def measure_stats(path: Path, size: int) -> list[Row]:
    """The weekly stats."""
    if importlib.util.find_spec("prospection.core.weekly_goals") is None:
        return [not_available("weekly stats", size)]
    from tests.benchmarks import ours_goals

    return ours_goals.run(path, size)


def measure_rss_ours(path: Path, size: int) -> list[Row]:
    """Peak memory of a process with the app's main window open (this process is fresh).

    The whole window, not the table alone: sidebar counts, week goals, the editor on a
    selected prospect, the table scrolled to its middle.
    """
    from tests.benchmarks.table_bench import ours_available

    if not ours_available():
        return [not_available("peak RSS, table open", size)]
    from tests.benchmarks import ours_window

    ours_window.open_and_use(path)
    return [
        Row(
            measure="peak RSS, table open",
            size=size,
            rss_mb=peak_rss_mb(),
            note="ours: the main window (table, sidebar, goals, editor)",
        )
    ]


def measure_rss_baseline(path: Path, size: int) -> list[Row]:
    """Peak memory of a process with the QSqlTableModel baseline open (fresh process)."""
    from tests.benchmarks.qsql_baseline import QSqlTable

    table = QSqlTable(path)
    try:
        table.open()
        rss = peak_rss_mb()
    finally:
        table.close()
    return [Row(measure="peak RSS, table open", size=size, baseline_rss_mb=rss)]


def measure_storage(path: Path, size: int) -> list[Row]:
    """Bytes of database per prospect (file and WAL), with the biggest tables and indexes."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try:
            biggest = connection.execute(
                "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8"
            ).fetchall()
        except sqlite3.OperationalError:
            biggest = []
    finally:
        connection.close()
    total = path.stat().st_size
    wal = Path(f"{path}-wal")
    if wal.exists():
        total += wal.stat().st_size
    return [
        Row(
            measure="database bytes per prospect",
            size=size,
            value=total / size,
            unit="B",
            note="incl. ~10 activities, contacts, phones, FTS",
            extra={
                "file_bytes": total,
                "largest": {name: int(pages) for name, pages in biggest},
            },
        )
    ]


GROUPS = {
    "import": lambda path, size, work: measure_import(size, work),
    "calls": lambda path, size, work: measure_calls(path, size),
    "stats": lambda path, size, work: measure_stats(path, size),
    "rss_ours": lambda path, size, work: measure_rss_ours(path, size),
    "rss_baseline": lambda path, size, work: measure_rss_baseline(path, size),
    "storage": lambda path, size, work: measure_storage(path, size),
}
