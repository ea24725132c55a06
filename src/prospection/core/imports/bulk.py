"""Conditions for bulk work: indexes built once, a big cache.

(The garbage collector is paused with `core.collector.quiet_collector`.) These are the
SQLite file's: on a database server they change nothing (its cache is its own, and its
indexes stay while other people work in the same tables).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from prospection.core.dialects import is_sqlite


def outnumbers(connection: Connection, table: str, rows: int, *, inside: bool = False) -> bool:
    """Whether `rows` are at least as many as the other rows of `table`.

    `inside`: the rows are in the table already (about to be deleted), else about to be
    inserted. The table's size is taken from its largest rowid: cheap, and close enough.
    """
    if rows <= 0 or not is_sqlite(connection):
        return False
    present = int(connection.exec_driver_sql(f'SELECT max(rowid) FROM "{table}"').scalar() or 0)
    others = present - rows if inside else present
    return others <= rows


@contextmanager
def indexes_rebuilt(connection: Connection, tables: Iterable[str]) -> Iterator[None]:
    """Drop the secondary indexes of `tables` for the duration, then build them again.

    Inserting (or deleting) rows one by one in fifteen indexes costs a random B-tree
    descent each; building an index afterwards sorts once, several times faster, but over
    the whole table: callers use it when the rows they change outnumber the others
    (`outnumbers`). Same transaction: a rollback restores the indexes.
    """
    saved: list[str] = []
    for table in tables if is_sqlite(connection) else ():
        rows = connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL",
            (table,),
        ).all()
        for name, sql in rows:
            connection.exec_driver_sql(f'DROP INDEX "{name}"')
            saved.append(sql)
    yield
    # Re-created only on success: on an error the rollback restores them by itself.
    for sql in saved:
        connection.exec_driver_sql(sql)


@contextmanager
def cache_enlarged(connection: Connection, kib: int = 65536) -> Iterator[None]:
    """A larger SQLite page cache on this connection for the duration (then as it was).

    Index inserts of a bulk write touch pages all over each index; with the default 2 MB
    cache most of them are read again and again.
    """
    if not is_sqlite(connection):
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = {-int(kib)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")
