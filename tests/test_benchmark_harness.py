"""The benchmark harness still runs end to end (at a tiny size; no timing is checked)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_harness_runs_at_a_tiny_size(tmp_path: Path) -> None:
    out = tmp_path / "rows.json"
    results = tmp_path / "RESULTS.md"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.benchmarks",
            "--sizes",
            "300",
            "--cache-dir",
            str(tmp_path / "cache"),
            "--groups",
            "table,search,storage",
            "--json",
            str(out),
            "--results",
            str(results),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    rows = json.loads(out.read_text())
    measures = {row["measure"] for row in rows}
    assert {"open the table", "sort by name", "database bytes per prospect"} <= measures
    for row in rows:
        assert {"measure", "size", "ours_s", "baseline_s", "ratio", "rss_mb"} <= row.keys()
        assert row["size"] == 300
        assert not row["note"].startswith("failed"), row
    storage = next(row for row in rows if row["measure"] == "database bytes per prospect")
    assert storage["value"] > 0
    assert "## Machine" in results.read_text()
