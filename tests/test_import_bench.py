"""The import benchmark (issue #14, item 10) runs end to end at a tiny size, and the CSV
reader shares repeated cells (the memory half of that item)."""

from __future__ import annotations

from pathlib import Path

from prospection.core.imports.csv_reader import read_csv
from tests.benchmarks import import_bench
from tests.benchmarks.report import Row
from tests.benchmarks.targets import apply_targets


def test_import_bench_measures_time_memory_and_the_schema_floor(tmp_path: Path) -> None:
    result = import_bench.measure(300, tmp_path, repeat=1)
    [run] = result["runs"]
    assert run["import_s"] > 0 and run["floor_s"] > 0
    assert result["ratio"] == run["import_s"] / run["floor_s"]
    # A fresh process each: the import's peak is above what Python and the modules need.
    assert result["rss_peak_mb"] >= result["rss_loaded_mb"] > 10
    assert result["floor_rss_peak_mb"] > 10
    assert "peak RSS" in import_bench.describe(result)


def test_the_import_target_is_two_floors_and_300_mb() -> None:
    def row(ratio: float, rss: float) -> Row:
        return Row(
            measure="import a 100,000-row CSV",
            size=100_000,
            ours_s=ratio,
            baseline_s=1.0,
            extra={"ratio": ratio, "rss_peak_mb": rss},
        )

    met = apply_targets([row(1.9, 250), row(2.5, 250), row(1.9, 650)])
    assert [r.met for r in met] == [True, False, False]
    assert met[0].target == "<= 2x schema floor, < 300 MB"


def test_repeated_cells_are_stored_once_and_unchanged() -> None:
    lines = ["Company,City,Email"]
    lines += [f"Firm {i},{('Lyon', 'Nice', 'Paris')[i % 3]},a{i}@x.fr" for i in range(3000)]
    headers, rows, problems, _ = read_csv("\n".join(lines) + "\n")
    assert headers == ["Company", "City", "Email"] and not problems
    assert [values for _line, values in rows[:2]] == [
        ["Firm 0", "Lyon", "a0@x.fr"],
        ["Firm 1", "Nice", "a1@x.fr"],
    ]
    assert rows[2999][1] == ["Firm 2999", "Paris", "a2999@x.fr"]
    cities = {id(values[1]) for _line, values in rows}
    assert len(cities) == 3  # one string per city for 3,000 rows
    companies = {id(values[0]) for _line, values in rows}
    assert len(companies) == 3000
