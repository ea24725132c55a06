"""Benchmark results: one row per measure and size, printed, saved as JSON and as RESULTS.md."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

NOT_AVAILABLE = "not available yet"
#: Measures of PostgreSQL beside SQLite (`pg_bench.py`): "ours" is PostgreSQL, the
#: baseline SQLite; printed in a table of their own, checked against SQLite (targets.py).
PG_PREFIX = "PostgreSQL: "


@dataclass
class Row:
    """One measure at one size: ours, the baseline, and their ratio (ours / baseline)."""

    measure: str
    size: int
    ours_s: float | None = None
    baseline_s: float | None = None
    rss_mb: float | None = None
    baseline_rss_mb: float | None = None
    value: float | None = None  # a measure that is neither a time nor memory (bytes ...)
    unit: str = ""
    baseline_name: str = ""
    note: str = ""
    target: str = ""
    met: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.rss_mb is not None and self.baseline_rss_mb:
            return self.rss_mb / self.baseline_rss_mb
        if self.ours_s is not None and self.baseline_s:
            return self.ours_s / self.baseline_s
        return None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Row:
        data = dict(data)
        data.pop("ratio", None)
        return cls(**data)


def not_available(measure: str, size: int, why: str = NOT_AVAILABLE) -> Row:
    """A row for a measure whose feature has not landed yet (never a made-up number)."""
    return Row(measure=measure, size=size, note=why)


def _seconds(value: float | None) -> str:
    if value is None:
        return "-"
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def _ours(row: Row) -> str:
    if row.rss_mb is not None:
        return f"{row.rss_mb:.0f} MB"
    if row.value is not None:
        return f"{row.value:,.0f} {row.unit}".strip()
    return _seconds(row.ours_s)


def _baseline(row: Row) -> str:
    if row.baseline_rss_mb is not None:
        return f"{row.baseline_rss_mb:.0f} MB"
    return _seconds(row.baseline_s)


def _ratio(row: Row) -> str:
    ratio = row.ratio
    return "-" if ratio is None else f"{ratio:.2f}"


def _met(row: Row) -> str:
    if row.met is None:
        return ""
    return "yes" if row.met else "NO"


def table_lines(rows: list[Row]) -> list[str]:
    """The results as a Markdown table (also readable on a terminal)."""
    header = ("measure", "size", "ours", "baseline", "ratio", "target", "met", "note")
    body: list[tuple[str, ...]] = [
        (
            row.measure,
            f"{row.size:,}",
            _ours(row),
            _baseline(row),
            _ratio(row),
            row.target,
            _met(row),
            row.note,
        )
        for row in rows
        if not is_pg(row)
    ]
    return _markdown(header, body)


def _markdown(header: tuple[str, ...], body: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(str(cells[i])) for cells in [header, *body]) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [
        line(cells) for cells in body
    ]


def is_pg(row: Row) -> bool:
    """Whether the row compares PostgreSQL with SQLite."""
    return row.measure.startswith(PG_PREFIX)


def pg_table_lines(rows: list[Row]) -> list[str]:
    """The PostgreSQL rows as their own table: SQLite, PostgreSQL and their ratio."""
    header = ("operation", "size", "SQLite", "PostgreSQL", "PG/SQLite", "target", "met", "note")
    body = [
        (
            row.measure[len(PG_PREFIX) :],
            f"{row.size:,}",
            _baseline(row),
            _ours(row),
            _ratio(row),
            row.target,
            _met(row),
            row.note,
        )
        for row in rows
        if is_pg(row)
    ]
    return _markdown(header, body)


def write_json(rows: list[Row], path: Path) -> None:
    """The rows as a JSON list of objects (measure, size, ours_s, baseline_s, ratio, ...)."""
    path.write_text(json.dumps([row.to_json() for row in rows], indent=2) + "\n")


def machine() -> list[str]:
    """A short description of the machine the numbers come from."""
    from PySide6 import __version__ as pyside_version

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GB RAM"
    except OSError:
        pass
    return [
        f"- CPU: {cpu}, {os.cpu_count()} logical cores; {memory}",
        f"- OS: {platform.platform()}",
        f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version} (Python's), "
        f"PySide6 {pyside_version}; Qt platform: {os.environ.get('QT_QPA_PLATFORM', '')}",
    ]


def write_results(
    rows: list[Row],
    path: Path,
    *,
    command: str,
    context: list[str],
    analysis: str,
    postgres: list[str] | None = None,
) -> None:
    """RESULTS.md: the machine, how the data were built, the table, and the analysis."""
    lines = [
        "# Benchmark results",
        "",
        "Written by `uv run python -m tests.benchmarks` — do not edit the generated part",
        "by hand; the analysis below the table is kept from `ANALYSIS.md`.",
        "",
        f"Command: `{command}`",
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "## Data sets",
        "",
        *context,
        "",
        "## Results",
        "",
        "Ratio = ours / baseline (below 1: ours is faster or smaller). Times are medians",
        "unless the measure says p95 or max.",
        "",
        *table_lines(rows),
        "",
        *_postgres_section(rows, postgres or []),
        analysis.rstrip(),
        "",
    ]
    path.write_text("\n".join(lines))


def _postgres_section(rows: list[Row], context: list[str]) -> list[str]:
    """The PostgreSQL table (or why there is none), with how its data were copied."""
    lines = ["## PostgreSQL beside SQLite", "", *context, ""]
    if any(is_pg(row) for row in rows):
        lines += [
            "PG/SQLite = PostgreSQL / SQLite, same operation through the same code on the",
            "same data, in the same process (median of the rounds).",
            "",
            *pg_table_lines(rows),
            "",
        ]
    return lines
