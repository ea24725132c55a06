"""Import speed and memory, side by side with the schema floor (issue #14, item 10).

`uv run python -m tests.benchmarks.import_bench --sizes 10000,100000 --repeat 3`

Each repetition runs, each in a fresh process so that its peak memory is its own:

1. **the import**: read, recognise, plan and write a purchased-list CSV into a new file,
   as the wizard does (`ours_import.run_phases`), with the process's peak resident
   memory (`VmHWM`, the high-water mark) and its memory once Python and the modules
   are loaded, before the file is touched;
2. **the schema floor**: SQLite alone writing the same final rows (the rows the import
   just wrote, read back into memory before the clock starts: import batch, prospects
   with their sort and shown columns, contacts, phones, search documents) into a freshly
   migrated file with the app's pragmas, indexes, triggers and FTS5 table
   (`schema_floor.measure`).

The two alternate, so a busy neighbour on the shared machine slows both alike; the
ratio is computed per repetition (import / floor, wall and CPU) and the medians are
reported. Targets: peak RSS under 300 MB, at most 2x the floor (wall).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks import dataset

ROOT = Path(__file__).resolve().parents[2]
RESULT_PREFIX = "IMPORT-BENCH:"
#: The targets of issue #14, item 10 (for the 100,000-row import).
RSS_LIMIT_MB = 300.0
FLOOR_RATIO_LIMIT = 2.0


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    """This process's resident memory now (VmRSS), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _child_import(csv_path: Path, folder: Path) -> dict[str, Any]:
    # Everything the import needs, loaded before the baseline is read: what remains
    # above it is the import's own memory.
    import prospection.core.imports
    import prospection.core.imports.writer  # noqa: F401
    from tests.benchmarks import ours_import

    loaded = current_rss_mb()
    phases = ours_import.run_phases(csv_path, folder)
    return {**phases, "rss_loaded_mb": loaded, "rss_peak_mb": peak_rss_mb()}


def _child_floor(imported: Path, folder: Path) -> dict[str, Any]:
    import prospection.core.db  # noqa: F401
    from tests.benchmarks import schema_floor

    loaded = current_rss_mb()
    result: dict[str, Any] = dict(schema_floor.measure(imported, folder))
    return {**result, "rss_loaded_mb": loaded, "rss_peak_mb": peak_rss_mb()}


def _run_child(kind: str, *paths: Path) -> dict[str, Any]:
    """Run one measure in a fresh interpreter and return what it printed."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.import_bench", "--child", kind, *map(str, paths)],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            result: dict[str, Any] = json.loads(line[len(RESULT_PREFIX) :])
            return result
    raise RuntimeError(f"{kind} child failed: {(done.stderr or done.stdout)[-2000:]}")


def measure(rows: int, work_dir: Path, repeat: int = 3) -> dict[str, Any]:
    """The import of a `rows`-row CSV against its schema floor, `repeat` times alternated.

    Returns the runs and their medians (`import_s`, `floor_s`, `ratio`, `cpu_ratio`,
    `rss_peak_mb`, `floor_rss_peak_mb` ...).
    """
    csv_path = dataset.write_import_csv(work_dir / f"import-{rows}.csv", rows)
    runs: list[dict[str, Any]] = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(dir=work_dir) as name:
            folder = Path(name)
            ours = _run_child("import", csv_path, folder)
            floor = _run_child("floor", folder / "import.sqlite3", folder)
        runs.append(
            {
                "import_s": ours["total_s"],
                "import_cpu_s": ours["total_cpu_s"],
                "read_s": ours["read_s"],
                "plan_s": ours["plan_s"],
                "write_s": ours["write_s"],
                "rss_peak_mb": ours["rss_peak_mb"],
                "rss_loaded_mb": ours["rss_loaded_mb"],
                "floor_s": floor["schema_floor_s"],
                "floor_cpu_s": floor["schema_floor_cpu_s"],
                "floor_rss_peak_mb": floor["rss_peak_mb"],
                "ratio": ours["total_s"] / floor["schema_floor_s"],
                "cpu_ratio": ours["total_cpu_s"] / floor["schema_floor_cpu_s"],
            }
        )
    medians = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    return {"rows": rows, "repeat": repeat, "runs": runs, **medians}


def describe(result: dict[str, Any]) -> str:
    """One line of the medians."""
    return (
        f"{result['rows']:>7,} rows: import {result['import_s']:.2f} s "
        f"(CPU {result['import_cpu_s']:.2f}; read {result['read_s']:.2f}, "
        f"plan {result['plan_s']:.2f}, write {result['write_s']:.2f}), "
        f"floor {result['floor_s']:.2f} s (CPU {result['floor_cpu_s']:.2f}): "
        f"{result['ratio']:.2f}x wall, {result['cpu_ratio']:.2f}x CPU; "
        f"peak RSS {result['rss_peak_mb']:.0f} MB "
        f"({result['rss_loaded_mb']:.0f} MB loaded), floor's {result['floor_rss_peak_mb']:.0f} MB"
        f" [medians of {result['repeat']}]"
    )


def main(argv: list[str] | None = None) -> int:
    """Measure at each size and print the medians (and the runs with --json)."""
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.import_bench")
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--work-dir", type=Path, help="where the CSV and files go")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "PATH", "FOLDER"), help="internal")
    args = parser.parse_args(argv)
    if args.child:
        kind, path, folder = args.child
        run = _child_import if kind == "import" else _child_floor
        print(RESULT_PREFIX + json.dumps(run(Path(path), Path(folder))), flush=True)
        return 0
    sizes = [int(part.replace("_", "")) for part in args.sizes.split(",") if part.strip()]
    results = []
    with tempfile.TemporaryDirectory() as default_work:
        work = args.work_dir or Path(default_work)
        work.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            started = time.perf_counter()
            result = measure(size, work, args.repeat)
            result["elapsed_s"] = time.perf_counter() - started
            print(describe(result), flush=True)
            results.append(result)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
