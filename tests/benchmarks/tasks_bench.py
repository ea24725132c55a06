"""Import, call session, weekly stats, memory and storage measures."""

from __future__ import annotations

import csv
import importlib.util
import sqlite3
import tempfile
import time
from pathlib import Path

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
    """Import a CSV of min(size, 100,000) rows into a fresh file, against its schema floor.

    The import and the schema floor (SQLite alone writing the same final rows into our
    schema, `schema_floor.py`) each run in a fresh process, alternated three times
    (`import_bench.py`): the row gives their medians, the median ratio and the import
    process's peak memory. The raw floor (`csv` + one executemany into a plain table) is
    kept in the note for comparison with earlier runs.
    """
    rows = min(size, IMPORT_ROWS_MAX)
    measure_name = f"import a {rows:,}-row CSV"
    if importlib.util.find_spec("prospection.core.imports") is None:
        return [not_available(measure_name, size)]
    from tests.benchmarks import import_bench

    result = import_bench.measure(rows, work_dir)
    csv_path = work_dir / f"import-{rows}.csv"
    raw = []
    for _ in range(3):
        with tempfile.TemporaryDirectory(dir=work_dir) as folder:
            raw.append(_raw_floor(csv_path, Path(folder)))
    raw_floor, raw_floor_cpu = min(raw)
    return [
        Row(
            measure=measure_name,
            size=size,
            ours_s=result["import_s"],
            baseline_s=result["floor_s"],
            baseline_name="schema floor (SQLite alone, same rows, our schema)",
            note=(
                f"{result['ratio']:.2f}x the schema floor (CPU {result['import_cpu_s']:.2f} s vs "
                f"{result['floor_cpu_s']:.2f} s, {result['cpu_ratio']:.2f}x); read "
                f"{result['read_s']:.2f}, plan {result['plan_s']:.2f}, write "
                f"{result['write_s']:.2f} s; peak RSS {result['rss_peak_mb']:.0f} MB "
                f"(floor's {result['floor_rss_peak_mb']:.0f} MB); raw csv + executemany "
                f"floor {raw_floor:.2f} s; medians of {result['repeat']}"
            ),
            extra={**result, "raw_floor_s": raw_floor, "raw_floor_cpu_s": raw_floor_cpu},
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
