"""PostgreSQL beside SQLite: the same operations, through the same core and UI code, on
the same data (`pg_dataset.py` copies the SQLite set), in the same process.

Operations (issue #17: "within 2x of SQLite's"): the prospect table (open, sort by each
column, filter as you type, scroll), a call session (build the queue, next prospect) and
the weekly stats. Each round runs every operation on both databases, the engine that
goes first alternating from round to round; each row gives the median of the rounds.
Each row's "ours" is PostgreSQL and its baseline SQLite, so the ratio is PG / SQLite.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.benchmarks.qt_session import median, percentile
from tests.benchmarks.report import PG_PREFIX as PREFIX
from tests.benchmarks.report import Row

SQLITE = "SQLite (same data, same process)"
ROUNDS = 3
ENGINES = ("sqlite", "postgres")


def _table(path: Path, url: str | None) -> dict[str, float]:
    from tests.benchmarks import ours_table
    from tests.benchmarks.table_bench import SCROLL_FRACTIONS, SORT_KEYS

    raw = ours_table.run(path, SORT_KEYS, SCROLL_FRACTIONS, url=url)
    values: dict[str, float] = {"open the table": float(raw["open"])}  # type: ignore[arg-type]
    for key in SORT_KEYS:
        values[f"sort by {key}"] = float(raw[f"sort:{key}"])  # type: ignore[arg-type]
    filters = raw["filter"]
    scrolls = raw["scroll"]
    assert isinstance(filters, list) and isinstance(scrolls, list)
    values["filter per keystroke (p95)"] = percentile(filters, 0.95)
    # The rows come first; on a server a large result's count is first the server's
    # estimate ("about"), exact a moment later: the time until then, per keystroke.
    counted = raw["filter counted"]
    assert isinstance(counted, list)
    values["exact count after a keystroke (p95)"] = percentile(counted, 0.95)
    values["scroll to a row (max of 10)"] = max(scrolls)
    return values


def _calls(path: Path, url: str | None) -> dict[str, float]:
    from tests.benchmarks import ours_calls

    wanted = ("build a 20-call queue", "next prospect in a call session")
    return {
        row.measure: row.ours_s
        for row in ours_calls.run(path, 0, url=url)
        if row.measure in wanted and row.ours_s is not None
    }


def _stats(path: Path, url: str | None) -> dict[str, float]:
    from tests.benchmarks import ours_goals

    return {
        row.measure: row.ours_s
        for row in ours_goals.run(path, 0, url=url)
        if row.ours_s is not None
    }


PARTS: tuple[Callable[[Path, str | None], dict[str, float]], ...] = (_table, _calls, _stats)


def measure(path: Path, url: str, size: int, rounds: int = ROUNDS) -> list[Row]:
    """Every operation on the SQLite file `path` and on the PostgreSQL copy at `url`."""
    seen: dict[str, dict[str, list[float]]] = {}
    for number in range(rounds):
        order = ENGINES if number % 2 == 0 else ENGINES[::-1]
        for part in PARTS:
            for engine in order:
                values = part(path, url if engine == "postgres" else None)
                for name, value in values.items():
                    seen.setdefault(name, {e: [] for e in ENGINES})[engine].append(value)
    rows = []
    for name, by_engine in seen.items():
        pg, lite = by_engine["postgres"], by_engine["sqlite"]
        if not pg or not lite:
            rows.append(Row(measure=PREFIX + name, size=size, note="not measured on both"))
            continue
        rows.append(
            Row(
                measure=PREFIX + name,
                size=size,
                ours_s=median(pg),
                baseline_s=median(lite),
                baseline_name=SQLITE,
                note=f"median of {len(pg)} rounds; PG {_ms(pg)}, SQLite {_ms(lite)}",
                extra={"postgres_s": pg, "sqlite_s": lite},
            )
        )
    return rows


def _ms(values: list[float]) -> str:
    return "/".join(f"{value * 1000:.1f}" for value in values) + " ms"
