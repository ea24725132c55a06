"""Search as you type through the core queries, against a bare FTS5 query on the same text."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from prospection.core import prospects
from prospection.core.db import open_database
from prospection.core.prospects import ProspectFilter
from prospection.core.search import match_expression
from tests.benchmarks.qt_session import percentile
from tests.benchmarks.report import Row

#: What the user types, one keystroke at a time (company, city, person, phone, note).
QUERIES = ("boulangerie lyon", "marchand", "04 65", "rappeler")
PAGE = 100


def keystrokes() -> list[str]:
    """Every prefix of every query: the text after each keystroke."""
    return [query[: i + 1] for query in QUERIES for i in range(len(query))]


def measure(path: Path, size: int) -> list[Row]:
    """p95 per keystroke: count + first page (ours) vs count + first rowids (bare FTS5)."""
    database = open_database(path)
    ours: list[float] = []
    try:
        for text in keystrokes():
            flt = ProspectFilter(text=text)
            started = time.perf_counter()
            with database.session() as session:
                prospects.count(session, flt)
                prospects.page(session, flt, limit=PAGE)
            ours.append(time.perf_counter() - started)
    finally:
        database.dispose()
    bare: list[float] = []
    connection = sqlite3.connect(path)
    try:
        for text in keystrokes():
            expression = match_expression(text)
            started = time.perf_counter()
            if expression is not None:
                connection.execute(
                    "SELECT count(*) FROM prospect_search WHERE prospect_search MATCH ?",
                    (expression,),
                ).fetchone()
                connection.execute(
                    "SELECT rowid FROM prospect_search WHERE prospect_search MATCH ? LIMIT ?",
                    (expression, PAGE),
                ).fetchall()
            bare.append(time.perf_counter() - started)
    finally:
        connection.close()
    return [
        Row(
            measure="search per keystroke, core query (p95)",
            size=size,
            ours_s=percentile(ours, 0.95),
            baseline_s=percentile(bare, 0.95),
            baseline_name="bare FTS5 count + first rowids",
            extra={"keystrokes": len(ours), "ours_max_s": max(ours), "bare_max_s": max(bare)},
        )
    ]
