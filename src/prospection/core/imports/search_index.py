"""Derived data of a bulk write (search documents, table sort columns), set-based.

The schema keeps `prospect_search` (FTS5) and the prospect's sort columns (migration
0003) in step with triggers that rebuild a prospect's derived data on every contact and
phone insert: for 100,000 rows that was most of an import's time. Inside the import's
own transaction the INSERT triggers are dropped, the rows written, the triggers
re-created exactly as they were, and the derived data written in a few statements taken
from the triggers' own SQL (so they can never drift from what the triggers write):

- the search documents of the new prospects, selected by slices of their id range and
  inserted with executemany, FTS5's pending-terms buffer enlarged meanwhile;
- their sort columns are computed by the writer as the rows are built;
- existing prospects the import touched: their sort columns with one UPDATE and their
  documents with one DELETE and one INSERT ... SELECT per chunk of ids.

SQLite's DDL is transactional: a rollback (cancel, error) restores the triggers and the
FTS settings untouched.

On a database server (team mode) none of this happens: the triggers stay (dropping
them would take them from everyone working at the same time) and write the derived
data row by row; the functions here then have nothing to do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from hashlib import sha256
from itertools import islice

from sqlalchemy import Connection, text

from prospection.core.dialects import is_sqlite

_CHUNK = 500
_SLICE = 10_000
#: Documents made as they are inserted go in by this many (10,000 of them held 7 MB).
_DOCUMENT_SLICE = 2_000
#: FTS5's in-memory buffer of pending terms during a bulk fill (default 1 MB). Measured
#: on 95,000 documents with the commit that flushes the buffer included: 4 MB 0.85 s,
#: 1 MB 0.89 s, 16 MB 1.01 s, 64 MB 1.23 s of CPU (a large buffer makes the inserts
#: cheaper but its flush at the commit dearer), with the same query speed after.
BULK_HASHSIZE = 4 * 1024 * 1024
_DEFAULT_HASHSIZE = 1024 * 1024
#: Where the statements of `DerivedSql` take their condition on the prospect id.
WHERE = "{where}"


#: The digest of the document statement (migration 0001) that `document_text` mirrors.
#: Any other schema's documents are selected with its own SQL instead.
_DOCUMENT_SHA256 = "d4eaf47d1bb5c546276ab2045094c5366b5c69c7eda230a452a1a6976cf137cf"


@dataclass(frozen=True)
class DerivedSql:
    """The statements that rebuild derived data, taken from the schema's triggers.

    `document` and `sort` end with a `WHERE` on the prospect id left for the caller
    (`{where}`); either is None when its trigger is missing or has another shape.
    """

    document: str | None
    sort: str | None

    @property
    def documents_in_python(self) -> bool:
        """Whether the schema's document is the one `document_text` writes."""
        return (
            self.document is not None
            and sha256(self.document.encode()).hexdigest() == _DOCUMENT_SHA256
        )


def person_words(first: str, last: str, email: str, title: str) -> str:
    """A contact's part of a search document (see `document_text`)."""
    return f"{first} {last} {email} {title}"


def phone_words(raw: str, e164: str | None) -> str:
    """A phone's part of a search document: as typed, E.164, and bare digits."""
    bare = raw.replace(" ", "").replace(".", "").replace("-", "").replace("/", "")
    return f"{raw} {e164 or ''} {bare.replace('+', '')}"


def document_text(prospect: Sequence[str], people: Sequence[str], phones: Sequence[str]) -> str:
    """The search document of a new prospect, exactly as migration 0001's SQL writes it.

    `prospect`: name, city, postal code, industry, pains, pitch, notes; `people` and
    `phones` in contact then position order. A new prospect has no next action, tag
    or activity yet. Used only while `DerivedSql.documents_in_python` holds; a test
    compares it with what the triggers write.
    """
    name, city, postal_code, industry, pains, pitch, notes = prospect
    return " ".join(
        (name, city, postal_code, industry, pains, pitch, notes, "",
         " ".join(people), " ".join(phones), "", "")
    )  # fmt: skip


def trigger_statement(body: str, start: str, tail: str) -> str | None:
    """The statement of a trigger `body` that begins with `start` and ends with `tail`,
    that tail replaced by `WHERE` (None when the trigger has another shape)."""
    begin = body.find(start)
    if begin < 0:
        return None
    end = body.find(";", begin)
    statement = body[begin:end].rstrip()
    if not statement.endswith(tail):
        return None
    return statement[: -len(tail)] + WHERE


def derived_sql(triggers: dict[str, str]) -> DerivedSql:
    """The document INSERT and the sort-column UPDATE of `triggers` (name -> SQL)."""
    document = None
    search = triggers.get("prospect_search_ai")
    if search is not None:
        document = trigger_statement(search, "INSERT INTO prospect_search", "WHERE p.id = NEW.id")
    sort = None
    contact = triggers.get("contact_sort_ai")
    if contact is not None:
        found = trigger_statement(contact, "UPDATE prospect SET", "WHERE id = NEW.prospect_id")
        if found is not None:
            sort = found.replace("NEW.prospect_id", "prospect.id")
    return DerivedSql(document=document, sort=sort)


def forget_search(connection: Connection, prospect_ids: Iterable[int]) -> None:
    """Remove the search documents of deleted prospects.

    When they are most of the index (undoing a big import), the documents are removed
    from the FTS5 table's own content and the index rebuilt from what remains (FTS5's
    'rebuild' command): far cheaper than deleting each document's terms one by one.
    """
    ids = sorted(set(prospect_ids))
    if not ids or not is_sqlite(connection):
        return  # on a server, the DELETE triggers stayed and removed them
    shadow = {
        name
        for (name,) in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name IN "
            "('prospect_search_content', 'prospect_search_docsize')"
        )
    }
    if len(shadow) == 2:
        present = connection.exec_driver_sql("SELECT max(id) FROM prospect_search_content").scalar()
        if int(present or 0) - len(ids) <= len(ids):
            for marks in _id_lists(ids):
                connection.exec_driver_sql(
                    f"DELETE FROM prospect_search_content WHERE id IN ({marks})"
                )
                connection.exec_driver_sql(
                    f"DELETE FROM prospect_search_docsize WHERE id IN ({marks})"
                )
            connection.exec_driver_sql(
                "INSERT INTO prospect_search(prospect_search) VALUES ('rebuild')"
            )
            return
    for marks in _id_lists(ids):
        connection.exec_driver_sql(f"DELETE FROM prospect_search WHERE rowid IN ({marks})")


@contextmanager
def insert_triggers_suspended(connection: Connection) -> Iterator[dict[str, str]]:
    """Drop the INSERT triggers of prospect, contact and phone (same transaction).

    Yields the schema's triggers on those tables (name -> SQL), from which `derived_sql`
    takes the statements that write the same derived data set-based.
    """
    with _triggers_suspended(connection, " INSERT ON ") as triggers:
        yield triggers


@contextmanager
def delete_triggers_suspended(connection: Connection) -> Iterator[dict[str, str]]:
    """Drop the DELETE triggers of prospect, contact and phone (same transaction).

    Yields the schema's triggers on those tables, as `insert_triggers_suspended` does.
    """
    with _triggers_suspended(connection, " DELETE ON ") as triggers:
        yield triggers


@contextmanager
def _triggers_suspended(connection: Connection, event: str) -> Iterator[dict[str, str]]:
    if not is_sqlite(connection):
        yield {}  # a server's triggers stay on: they write the derived data themselves
        return
    rows = connection.execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name IN ('prospect', 'contact', 'phone')"
        )
    ).all()
    every: dict[str, str] = {str(name): str(sql) for name, sql in rows}
    dropped = [name for name, sql in rows if event in " ".join(sql.upper().split())]
    for name in dropped:
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield every
    # Restored only on success: on an error the rollback restores them by itself.
    for name in dropped:
        connection.exec_driver_sql(every[name])


@contextmanager
def search_bulk_mode(connection: Connection) -> Iterator[None]:
    """Enlarge FTS5's pending-terms buffer for the duration, then put it back."""
    before = connection.exec_driver_sql(
        "SELECT v FROM prospect_search_config WHERE k = 'hashsize'"
    ).first()
    _set_search_option(connection, "hashsize", BULK_HASHSIZE)
    yield
    if before is not None:
        _set_search_option(connection, "hashsize", int(before[0]))
    else:
        # Back to the default, and no trace left in the FTS settings table.
        _set_search_option(connection, "hashsize", _DEFAULT_HASHSIZE)
        connection.exec_driver_sql("DELETE FROM prospect_search_config WHERE k = 'hashsize'")


def _set_search_option(connection: Connection, name: str, value: int) -> None:
    connection.exec_driver_sql(
        "INSERT INTO prospect_search(prospect_search, rank) VALUES (?, ?)", (name, int(value))
    )


def index_new_prospects(
    connection: Connection,
    sql: DerivedSql,
    first: int,
    last: int,
    documents: Iterable[tuple[int, str]] | None = None,
) -> None:
    """Write the search documents of the new prospects `first`..`last` (ids, inclusive).

    `documents` (rowid, text) when the writer made them (`document_text`), else they are
    selected with the trigger's own SELECT, by slices of ids. Either way they go in with
    executemany: measured, FTS5 then honours its enlarged buffer and the insert costs
    half of what one INSERT ... SELECT costs.
    """
    if last < first or not is_sqlite(connection):
        return  # on a server, the INSERT triggers stayed and wrote them
    if sql.document is None:
        _replay(connection, range(first, last + 1))
        return
    select = sql.document[sql.document.index("SELECT") :].replace(
        WHERE, "WHERE p.id BETWEEN ? AND ?"
    )
    insert = "INSERT INTO prospect_search(rowid, body) VALUES (?, ?)"
    connection.exec_driver_sql(
        "DELETE FROM prospect_search WHERE rowid BETWEEN ? AND ?", (first, last)
    )
    dbapi = connection.connection.dbapi_connection
    assert dbapi is not None
    cursor = dbapi.cursor()
    try:
        with search_bulk_mode(connection):
            if documents is not None:
                # A slice at a time: `documents` may be made as they are inserted.
                pending = iter(documents)
                while chunk := list(islice(pending, _DOCUMENT_SLICE)):
                    cursor.executemany(insert, chunk)
                return
            for start in range(first, last + 1, _SLICE):
                end = min(start + _SLICE - 1, last)
                cursor.executemany(insert, cursor.execute(select, (start, end)).fetchall())
    finally:
        cursor.close()


def refresh_prospects(connection: Connection, sql: DerivedSql, prospect_ids: Iterable[int]) -> None:
    """Rewrite the sort columns and search documents of these existing prospects."""
    if not is_sqlite(connection):
        return  # on a server, the triggers stayed and kept them
    if sql.document is None or sql.sort is None:
        _replay(connection, prospect_ids)
        return
    for marks in _id_lists(prospect_ids):
        connection.exec_driver_sql(sql.sort.replace(WHERE, f"WHERE id IN ({marks})"))
        connection.exec_driver_sql(f"DELETE FROM prospect_search WHERE rowid IN ({marks})")
        connection.exec_driver_sql(sql.document.replace(WHERE, f"WHERE p.id IN ({marks})"))


def _replay(connection: Connection, prospect_ids: Iterable[int]) -> None:
    """Fallback for an unexpected schema: fire the UPDATE triggers once per prospect.

    A no-op update of one contact per prospect fires the contact triggers (search
    document and sort columns); prospects without contacts get a no-op update of their
    own, which rebuilds their search document.
    """
    for marks in _id_lists(prospect_ids):
        connection.exec_driver_sql(
            "UPDATE contact SET is_primary = is_primary WHERE id IN "
            f"(SELECT min(id) FROM contact WHERE prospect_id IN ({marks}) GROUP BY prospect_id)"
        )
        connection.exec_driver_sql(
            f"UPDATE prospect SET name = name WHERE id IN ({marks}) AND NOT EXISTS "
            "(SELECT 1 FROM contact c WHERE c.prospect_id = prospect.id)"
        )


def _id_lists(prospect_ids: Iterable[int]) -> Iterator[str]:
    ids = sorted(set(prospect_ids))
    for start in range(0, len(ids), _CHUNK):
        yield ",".join(str(int(i)) for i in ids[start : start + _CHUNK])
