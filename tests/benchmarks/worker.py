"""Runs one group of measures in a fresh process and prints its rows as JSON.

Fresh processes keep peak memory honest, keep one group's caches from helping another,
and keep a crash in a baseline from taking the whole run down.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

RESULT_PREFIX = "BENCHMARK-ROWS:"


def main(argv: list[str]) -> int:
    """`python -m tests.benchmarks.worker GROUP SIZE DATABASE WORK_DIR [PG_URL]`."""
    group, size_text, database, work_dir = argv[:4]
    size = int(size_text)
    path = Path(database)
    work = Path(work_dir)
    if group == "table":
        from tests.benchmarks import table_bench

        rows = table_bench.measure(path, size)
    elif group == "postgres":
        from tests.benchmarks import pg_bench

        rows = pg_bench.measure(path, argv[4], size)
    elif group == "search":
        from tests.benchmarks import search_bench

        rows = search_bench.measure(path, size)
    else:
        from tests.benchmarks import tasks_bench

        rows = tasks_bench.GROUPS[group](path, size, work)
    print(RESULT_PREFIX + json.dumps([row.to_json() for row in rows]), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
