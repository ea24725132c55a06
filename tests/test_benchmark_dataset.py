"""The benchmark data sets: the one-pass load derives what the schema's triggers derive."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.benchmarks import dataset

DERIVED = (
    "SELECT id, sort_contact, sort_phone, sort_tags FROM prospect ORDER BY id",
    "SELECT rowid, * FROM prospect_search ORDER BY rowid",
)


def _derived(path: Path) -> list[list[tuple[object, ...]]]:
    connection = sqlite3.connect(path)
    try:
        return [connection.execute(query).fetchall() for query in DERIVED]
    finally:
        connection.close()


def test_rebuild_fills_sort_copies_and_documents_as_the_triggers_do(tmp_path: Path) -> None:
    rebuilt = dataset.build(tmp_path / "rebuild", 60, fts_fill="rebuild", reuse=False)
    triggered = dataset.build(tmp_path / "triggers", 60, fts_fill="triggers", reuse=False)
    by_rebuild, by_triggers = _derived(rebuilt.path), _derived(triggered.path)
    sort_copies = by_rebuild[0]
    assert sum(1 for row in sort_copies if row[1] and row[2]) > 40
    assert any(row[3] for row in sort_copies)
    assert by_rebuild == by_triggers
