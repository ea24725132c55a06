"""The prospect table: open, sort by each visible column, filter as you type, scroll.

Ours and the QSqlTableModel baseline run in the same process, on the same file, in the
same 1366x768 offscreen view, and each step is timed until the view is repainted.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tests.benchmarks.qsql_baseline import QSqlTable
from tests.benchmarks.qt_session import percentile, timed
from tests.benchmarks.report import Row, not_available
from tests.benchmarks.search_bench import keystrokes

SCROLL_FRACTIONS = (0.9, 0.13, 0.5, 0.77, 0.31, 0.99, 0.05, 0.62, 0.44, 0.86)
SORT_KEYS = (
    "name",
    "contact",
    "phone",
    "city",
    "stage",
    "priority",
    "next_action",
    "last_contact",
    "tags",
)
#: The baseline is slow at a million rows: past these budgets its remaining steps are skipped.
BASELINE_SORT_BUDGET_S = 120.0
BASELINE_FILTER_BUDGET_S = 60.0
QSQL = "QSqlTableModel + QSortFilterProxyModel"


def ours_available() -> bool:
    """Whether the paged prospect table model has landed."""
    return importlib.util.find_spec("prospection.ui.prospect_table_model") is not None


def _baseline(path: Path) -> dict[str, float | list[float] | None]:
    table = QSqlTable(path)
    results: dict[str, float | list[float] | None] = {}
    try:
        results["open"] = timed(table.open)
        spent = 0.0
        for key in SORT_KEYS:
            column = table.column(key)
            if column is None or spent > BASELINE_SORT_BUDGET_S:
                results[f"sort:{key}"] = None
                continue
            elapsed = timed(lambda column=column: table.sort(column))
            spent += elapsed
            results[f"sort:{key}"] = elapsed
        name_column = table.column("name")
        assert name_column is not None
        table.sort(name_column)
        filters: list[float] = []
        for text in keystrokes():
            if sum(filters) > BASELINE_FILTER_BUDGET_S:
                break
            filters.append(timed(lambda text=text: table.filter(text)))
        results["filter"] = filters
        table.filter("")
        results["scroll"] = [
            timed(lambda f=fraction: table.scroll_to(f)) for fraction in SCROLL_FRACTIONS
        ]
    finally:
        table.close()
    return results


def measure(path: Path, size: int) -> list[Row]:
    """All table rows for this data set."""
    if ours_available():
        from tests.benchmarks import ours_table

        ours = ours_table.run(path, SORT_KEYS, SCROLL_FRACTIONS)
    else:
        ours = None
    base = _baseline(path)
    rows: list[Row] = []

    def row(
        measure: str,
        ours_value: float | None,
        base_value: object,
        note: str = "",
        cpu: float | None = None,
    ) -> None:
        baseline = base_value if isinstance(base_value, float) else None
        if ours is None:
            result = not_available(measure, size)
        else:
            if cpu is not None:
                note = "; ".join(part for part in (f"cpu {cpu * 1000:.1f} ms", note) if part)
            result = Row(measure=measure, size=size, ours_s=ours_value, note=note)
            result.extra["ours_cpu_s"] = cpu
        result.baseline_s = baseline
        result.baseline_name = QSQL if baseline is not None else ""
        rows.append(result)

    def cpu(key: str) -> float | None:
        value = ours.get(f"cpu:{key}") if ours else None
        if isinstance(value, list):
            return percentile(value, 0.95) if key == "filter" else max(value)
        return value if isinstance(value, float) else None

    row("open the table", ours and ours.get("open"), base["open"], cpu=cpu("open"))  # type: ignore[arg-type]
    for key in SORT_KEYS:
        base_value = base.get(f"sort:{key}")
        row(
            f"sort by {key}",
            ours and ours.get(f"sort:{key}"),  # type: ignore[arg-type]
            base_value,
            cpu=cpu(f"sort:{key}"),
        )
    base_filters = base["filter"]
    assert isinstance(base_filters, list)
    ours_filters = ours.get("filter") if ours else None
    row(
        "filter per keystroke (p95)",
        percentile(ours_filters, 0.95) if ours_filters else None,  # type: ignore[arg-type]
        percentile(base_filters, 0.95) if base_filters else None,
        note=f"baseline: {len(base_filters)} keystrokes" if ours else "",
        cpu=cpu("filter"),
    )
    base_scroll = base["scroll"]
    assert isinstance(base_scroll, list)
    ours_scroll = ours.get("scroll") if ours else None
    row(
        "scroll to a row (max of 10)",
        max(ours_scroll) if ours_scroll else None,  # type: ignore[arg-type]
        max(base_scroll),
        cpu=cpu("scroll"),
    )
    return rows
