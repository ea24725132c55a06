"""Bulk writes without per-row search-index upkeep (SQLite FTS5 triggers), then one refresh.

The triggers that keep `prospect_search` in step rebuild a prospect's document on every
contact and phone insert: for 100,000 rows that is most of an import's time. Inside the
import's own transaction they are dropped, the rows written, the triggers re-created
exactly as they were and each touched prospect's document rebuilt once. SQLite's DDL is
transactional: a rollback (cancel, error) brings the triggers back untouched.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text

_CHUNK = 500


@contextmanager
def search_triggers_suspended(connection: Connection) -> Iterator[None]:
    """Drop the search triggers for the duration (same transaction), then restore them."""
    triggers = connection.execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND sql LIKE '%prospect_search%'"
        )
    ).all()
    for name, _sql in triggers:
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    # Restored only on success: on an error the rollback restores them by itself.
    for _name, sql in triggers:
        connection.exec_driver_sql(sql)


def refresh_search(connection: Connection, prospect_ids: Iterable[int]) -> None:
    """Rebuild the search documents of these prospects (through the update trigger)."""
    ids = sorted(set(prospect_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join(str(int(i)) for i in chunk)
        connection.exec_driver_sql(f"UPDATE prospect SET name = name WHERE id IN ({marks})")


def forget_search(connection: Connection, prospect_ids: Iterable[int]) -> None:
    """Remove the search documents of deleted prospects."""
    ids = sorted(set(prospect_ids))
    for start in range(0, len(ids), _CHUNK):
        marks = ",".join(str(int(i)) for i in ids[start : start + _CHUNK])
        connection.exec_driver_sql(f"DELETE FROM prospect_search WHERE rowid IN ({marks})")


@contextmanager
def insert_triggers_suspended(connection: Connection) -> Iterator[None]:
    """Drop the INSERT triggers of prospect, contact and phone (same transaction).

    Those triggers keep derived data (the search document, the table's sort columns)
    in step one row at a time; `refresh_touched` then replays them once per prospect.
    """
    rows = connection.execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name IN ('prospect', 'contact', 'phone')"
        )
    ).all()
    triggers = [(name, sql) for name, sql in rows if " INSERT ON " in " ".join(sql.upper().split())]
    for name, _sql in triggers:
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    # Restored only on success: on an error the rollback restores them by itself.
    for _name, sql in triggers:
        connection.exec_driver_sql(sql)


def refresh_touched(connection: Connection, prospect_ids: Iterable[int]) -> None:
    """Bring derived data of these prospects up to date through their UPDATE triggers.

    A no-op update of one contact per prospect fires the contact triggers (search
    document and sort columns); prospects without contacts get a no-op update of their
    own, which rebuilds their search document.
    """
    ids = sorted(set(prospect_ids))
    for start in range(0, len(ids), _CHUNK):
        marks = ",".join(str(int(i)) for i in ids[start : start + _CHUNK])
        connection.exec_driver_sql(
            "UPDATE contact SET is_primary = is_primary WHERE id IN "
            f"(SELECT min(id) FROM contact WHERE prospect_id IN ({marks}) GROUP BY prospect_id)"
        )
        connection.exec_driver_sql(
            f"UPDATE prospect SET name = name WHERE id IN ({marks}) AND NOT EXISTS "
            "(SELECT 1 FROM contact c WHERE c.prospect_id = prospect.id)"
        )
