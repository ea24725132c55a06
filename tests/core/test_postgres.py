"""Team mode's base: the same schema, triggers and transactions on a real PostgreSQL.

These tests need a server ($PROSPECTION_TEST_PG_URL, see tools/pg_test_server.sh): they
skip without one on a developer's machine and are required in CI. Other core tests run
on PostgreSQL with `--db=postgres` (docs/notes/issue-17-team.md lists which pass).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, select, text

from prospection.core import dialects
from prospection.core.db import alembic_config, current_revision, head_revision, open_database
from prospection.core.errors import DataFolderError
from prospection.core.models import Contact, Phone, Prospect, Tag


def test_empty_database_is_built_at_head_with_the_sqlite_tables(
    pg_url: str, tmp_path: Path
) -> None:
    team = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    try:
        assert not dialects.is_sqlite(team.engine)
        assert current_revision(team.engine) == head_revision()
        assert not (tmp_path / "unused.sqlite3").exists()  # no local file in team mode
        local = open_database(tmp_path / "local.sqlite3")
        try:
            expected = {
                name
                for name in inspect(local.engine).get_table_names()
                if not name.startswith("prospect_search_")  # FTS5's own tables
            }
        finally:
            local.dispose()
        assert set(inspect(team.engine).get_table_names()) == expected
    finally:
        team.dispose()


def test_opening_again_at_head_changes_nothing(pg_url: str, tmp_path: Path) -> None:
    open_database(tmp_path / "a.sqlite3", url=pg_url).dispose()
    again = open_database(tmp_path / "a.sqlite3", url=pg_url)
    assert current_revision(again.engine) == head_revision()
    again.dispose()


def test_downgrade_to_base_then_upgrade_to_head(pg_url: str, tmp_path: Path) -> None:
    open_database(tmp_path / "a.sqlite3", url=pg_url).dispose()
    engine = create_engine(pg_url)
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


#: The words of the (only) search document (migration 0015 keeps no text beside it).
_DOCUMENT_WORDS = "SELECT tsvector_to_array(document) FROM prospect_search"


def test_triggers_keep_the_table_copies_and_the_search_document(
    pg_url: str, tmp_path: Path
) -> None:
    team = open_database(tmp_path / "a.sqlite3", url=pg_url)
    try:
        with team.session() as session:
            prospect = Prospect(name="Société Lefèvre", city="Rezé")
            contact = Contact(first_name="François", last_name="Durand", dnc_phone=True)
            contact.phones.append(Phone(raw="02 61 91 00 00", e164="+33261910000"))
            prospect.contacts.append(contact)
            prospect.tags.extend([Tag(name="menuiserie"), Tag(name="bois")])
            session.add(prospect)
        with team.engine.connect() as connection:
            row = connection.execute(
                text(
                    "SELECT shown_contact, shown_phone_e164, has_dnc, sort_tags, shown_tags "
                    "FROM prospect"
                )
            ).one()
            words = connection.execute(text(_DOCUMENT_WORDS)).scalar_one()
        assert row[:4] == ("François Durand", "+33261910000", True, "bois")
        assert sorted(row[4].split("\x1f")) == ["bois", "menuiserie"]
        assert {"lefevre", "0261910000", "menuiserie"} <= set(words)
        with team.session() as session:
            session.get_one(Tag, 2).name = "acier"
        with team.engine.connect() as connection:
            assert connection.execute(text("SELECT sort_tags FROM prospect")).scalar() == "acier"
            words = connection.execute(text(_DOCUMENT_WORDS)).scalar_one()
        assert "acier" in words and "bois" not in words
    finally:
        team.dispose()


def test_the_shown_phone_wrong_flag_follows_the_phones(pg_url: str, tmp_path: Path) -> None:
    """Migration 0008 on PostgreSQL: a boolean copy kept by the same triggers."""
    team = open_database(tmp_path / "a.sqlite3", url=pg_url)
    try:
        with team.session() as session:
            prospect = Prospect(name="Garage Morel")
            contact = Contact(first_name="Ana")
            contact.phones.append(Phone(raw="01", position=0, is_wrong=True))
            prospect.contacts.append(contact)
            session.add(prospect)
        wrong = "SELECT shown_phone_raw, shown_phone_wrong FROM prospect"
        with team.engine.connect() as connection:
            assert tuple(connection.execute(text(wrong)).one()) == ("01", True)
        with team.session() as session:
            ana = session.get_one(Contact, 1)
            ana.phones.append(Phone(raw="02", position=1))
        with team.engine.connect() as connection:
            assert tuple(connection.execute(text(wrong)).one()) == ("02", False)
    finally:
        team.dispose()


def test_search_uses_the_folded_document_index(pg_url: str, tmp_path: Path) -> None:
    """Migration 0010: the search reads the GIN index of the unaccented documents."""
    from prospection.core import search

    team = open_database(tmp_path / "a.sqlite3", url=pg_url)
    try:
        with team.session() as session:
            session.add_all(Prospect(name=f"Autre {n}") for n in range(50))
            session.add(Prospect(name="Œuvres Sociales de Rezé"))
        with team.session() as session:
            assert search.match_count(session, "oeuv REZE") == 1
            assert search.match_count(session, "œuvres") == 1
            session.execute(text("SET LOCAL enable_seqscan = off"))
            query = search.matching_ids("oeuv")
            assert query is not None
            compiled = query.compile(team.engine, compile_kwargs={"literal_binds": True})
            plan = "\n".join(session.execute(text(f"EXPLAIN {compiled}")).scalars())
        assert "Index Scan on prospect_search_document" in plan, plan
    finally:
        team.dispose()


def test_a_failed_action_leaves_nothing_behind(pg_url: str, tmp_path: Path) -> None:
    team = open_database(tmp_path / "a.sqlite3", url=pg_url)
    try:
        with pytest.raises(RuntimeError), team.session() as session:
            session.add(Prospect(name="Half"))
            session.flush()
            raise RuntimeError("boom")
        with team.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM prospect")).scalar() == 0
    finally:
        team.dispose()


@pytest.mark.parametrize("url", ["sqlite:///x.sqlite3", "mysql://u@h/d", "not a url"])
def test_only_postgresql_addresses_are_accepted(url: str) -> None:
    with pytest.raises(DataFolderError):
        dialects.create_server_engine(url)


def test_rows_checked_one_by_one_read_the_stored_document(pg_url: str, tmp_path: Path) -> None:
    """Migration 0014: a row's check reads the stored tsvector, never computes it again
    (about half a millisecond a row: seconds for a page of a table walked in its order)."""
    from prospection.core import search

    team = open_database(tmp_path / "a.sqlite3", url=pg_url)
    try:
        with team.session() as session:
            session.add_all(Prospect(name=f"Boulangerie {n}") for n in range(20))
            session.add(Prospect(name="Garage Rezé"))
        with team.session() as session:
            condition = search.probe_filter(Prospect.id, "reze")
            assert condition is not None
            query = select(Prospect.id).where(condition)
            assert list(session.scalars(query)) == [21]
            compiled = query.compile(team.engine, compile_kwargs={"literal_binds": True})
            plan = "\n".join(session.execute(text(f"EXPLAIN VERBOSE {compiled}")).scalars())
        assert "prospection_search_document" not in plan, plan
        assert "document @@" in plan, plan
    finally:
        team.dispose()


def test_a_searched_page_reads_the_matches_first_when_few(pg_url: str, tmp_path: Path) -> None:
    """A word few prospects hold (or none): the page reads the matches from the index
    first. PostgreSQL's own guess walked the name index checking every row: 1.2 s at
    100,000 prospects for a word none holds (benchmark harness, issue #17)."""
    from sqlalchemy import event

    from prospection.core import prospects
    from prospection.core.prospects import ProspectFilter

    team = open_database(tmp_path / "a.sqlite3", url=pg_url)
    statements: list[str] = []
    try:
        with team.session() as session:
            session.add_all(Prospect(name=f"Boulangerie {n:03d}") for n in range(300))
            session.add(Prospect(name="Garage Rezé"))
            session.add_all(Prospect(name=f"Garage {n:02d}") for n in range(20))
        event.listen(team.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        with team.session() as session:
            assert prospects.page_ids(session, ProspectFilter(text="reze")) == [301]
            assert prospects.page_ids(session, ProspectFilter(text="rappeler")) == []
            many = prospects.page_ids(session, ProspectFilter(text="boulangerie"), limit=5)
            assert many == [1, 2, 3, 4, 5]
            # A page of 100 with 300 matches of 321: walked on SQLite (WALK_FACTOR), read
            # first on a server, where each row walked costs a document lookup.
            hundred = prospects.page_ids(session, ProspectFilter(text="boulangerie"))
            assert hundred == list(range(1, 101))
            # 21 matches of 321 (1% to 10%): the walk checks a hashed set of them.
            garages = prospects.page_ids(session, ProspectFilter(text="garage"))
            assert garages == [*range(302, 322), 301]
    finally:
        team.dispose()
    pages = [s for s in statements if "ORDER BY" in s]
    assert len(pages) == 6, statements
    assert "AS MATERIALIZED" in pages[0] and "AS MATERIALIZED" in pages[1], pages
    assert "MATERIALIZED" not in pages[2], pages[2]  # most match: walked in name order
    assert "AS MATERIALIZED" in pages[3], pages[3]
    # The garages first walked for a few thousand rows (`WALK_BUDGET`): 21 found of the
    # 100 asked, so the page may lie further: read against the hashed set after all.
    assert "walked" in pages[4], pages[4]
    assert "IS true" in pages[5] and "MATERIALIZED" not in pages[5], pages[5]


def test_each_sort_reads_its_index_in_the_tables_order(pg_url: str, tmp_path: Path) -> None:
    """Migration 0014: `ORDER BY col NULLS LAST, id` comes straight from an index on
    (col, id); on `col` alone PostgreSQL sorted every run of equal values (sort by stage
    at a million prospects: 1.2 s, SQLite 25 ms)."""
    from prospection.core import prospects
    from prospection.core.prospects import ProspectFilter, SortKey

    team = open_database(tmp_path / "a.sqlite3", url=pg_url)
    try:
        with team.session() as session:
            session.add_all(Prospect(name=f"P {n}", city="Lyon") for n in range(30))
        with team.session() as session:
            session.execute(text("ANALYZE prospect"))
            session.execute(text("SET LOCAL enable_sort = off"))
            session.execute(text("SET LOCAL enable_incremental_sort = off"))
            session.execute(text("SET LOCAL enable_seqscan = off"))
            for key in SortKey:
                if key is SortKey.CREATED:
                    continue  # not a column of the table
                query = prospects.page_ids_query(ProspectFilter(), key)
                compiled = query.compile(team.engine, compile_kwargs={"literal_binds": True})
                plan = "\n".join(session.execute(text(f"EXPLAIN {compiled}")).scalars())
                assert "Sort" not in plan, (key, plan)
    finally:
        team.dispose()


def test_matches_spread_along_the_order_are_found_by_a_short_walk(
    pg_url: str, tmp_path: Path
) -> None:
    """A first page whose matches are spread along the sort (a phone's digits) is found
    by walking a few thousand rows, each asked of its document, not by reading every
    match first ("04 65" at a million prospects: 19-47 ms against 240-310 ms)."""
    from sqlalchemy import event

    from prospection.core import prospects
    from prospection.core.prospects import ProspectFilter, SortKey

    team = open_database(tmp_path / "a.sqlite3", url=pg_url)
    statements: list[str] = []
    try:
        with team.session() as session:
            # Every 20th prospect is in Lyon: 5%, spread along the names.
            session.add_all(
                Prospect(name=f"Entreprise {n:04d}", city="Lyon" if n % 20 == 0 else "Paris")
                for n in range(4000)
            )
        event.listen(team.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        with team.session() as session:
            lyon = ProspectFilter(text="lyon")
            assert prospects.quick_count(session, lyon).value >= 1  # the plans' counts
            walked = prospects.page_ids(session, lyon, limit=100)
            sorted_ids = prospects.page_ids(session, lyon, SortKey.NAME, limit=None)
            assert walked == sorted_ids[:100]
            assert walked[:2] == [1, 21]
            descending = prospects.page_ids(session, lyon, descending=True, limit=100)
            assert descending == sorted_ids[::-1][:100]
    finally:
        team.dispose()
    pages = [s for s in statements if "ORDER BY" in s and "walked" in s]
    assert len(pages) == 2, statements


def test_a_searched_page_walks_the_sort_index_alone(pg_url: str, tmp_path: Path) -> None:
    """Migration 0016: walking the name, city or stage index against a hashed set of the
    matches reads the index alone. Without the column as an INCLUDE, PostgreSQL read
    each walked row from the table too (a searched page of "boul" at a million
    prospects: 120,000 rows walked, 220 ms, 39 ms from the index alone)."""
    from prospection.core import prospects
    from prospection.core.prospects import ProspectFilter, SortKey

    team = open_database(tmp_path / "a.sqlite3", url=pg_url)
    try:
        with team.session() as session:
            session.add_all(Prospect(name=f"P {n}", city="Lyon") for n in range(300))
            session.add_all(Prospect(name=f"Garage {n}", city="Rezé") for n in range(20))
        # What autovacuum does later: the table's pages marked all-visible.
        with team.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("VACUUM ANALYZE prospect"))
        with team.session() as session:
            session.execute(text("SET LOCAL enable_seqscan = off"))
            session.execute(text("SET LOCAL enable_bitmapscan = off"))
            for key in (SortKey.NAME, SortKey.CITY, SortKey.STAGE):
                query = prospects.page_ids_query(
                    ProspectFilter(text="garage"), key, hashed_search=True
                )
                compiled = query.compile(team.engine, compile_kwargs={"literal_binds": True})
                plan = "\n".join(session.execute(text(f"EXPLAIN {compiled}")).scalars())
                assert "Index Only Scan using ix_prospect_" in plan, (key, plan)
    finally:
        team.dispose()


def test_the_apps_connections_do_not_compile_plans(pg_url: str, tmp_path: Path) -> None:
    """JIT compilation added 4-37 ms to searches of a large table (issue #17)."""
    team = open_database(tmp_path / "a.sqlite3", url=pg_url)
    try:
        with team.session() as session:
            assert session.scalar(text("SHOW jit")) == "off"
        team.engine.dispose()  # a new connection: the setting again
        with team.engine.connect() as connection:
            assert connection.scalar(text("SHOW jit")) == "off"
    finally:
        team.dispose()


def test_the_ordered_ids_come_a_chunk_at_a_time(pg_url: str, tmp_path: Path) -> None:
    """The table reads every ordered id in the background and stops when the sort or
    the filter changes: on a server a plain cursor received the whole result first (a
    million ids computed and sent for nothing, the table's next page waiting for a core)."""
    from sqlalchemy import event

    from prospection.core import prospects
    from prospection.core.prospects import ProspectFilter, SortKey

    team = open_database(tmp_path / "a.sqlite3", url=pg_url)
    cursors: list[str] = []
    try:
        with team.session() as session:
            session.add_all(Prospect(name=f"P {n:03d}") for n in range(250))
        event.listen(
            team.engine,
            "before_cursor_execute",
            lambda _c, cursor, statement, *_a: (
                cursors.append(type(cursor).__name__) if "ORDER BY" in statement else None
            ),
        )
        with team.session() as session:
            expected = prospects.page_ids(session, ProspectFilter(), SortKey.NAME, limit=None)
            cursors.clear()
            every = prospects.ordered_ids(session, ProspectFilter(), SortKey.NAME, chunk=100)
            stopped = prospects.ordered_ids(
                session, ProspectFilter(), SortKey.NAME, chunk=100, should_stop=lambda: True
            )
        assert every is not None and list(every) == expected and len(expected) == 250
        assert stopped is None
        assert cursors == ["ServerCursor", "ServerCursor"], cursors
    finally:
        team.dispose()


def test_each_search_is_planned_with_its_own_words(pg_url: str, tmp_path: Path) -> None:
    """psycopg prepares a statement run five times on a connection; PostgreSQL may then
    run it by a generic plan, made without the values: the count of a word most documents
    hold was then planned as for a rare word (at a million prospects, 2.5 s instead of
    0.3 s). The searched words are written into the statement: never a bound value."""
    from prospection.core import search

    team = open_database(tmp_path / "a.sqlite3", url=pg_url)
    try:
        with team.session() as session:
            session.add_all(Prospect(name=f"Boulangerie {n}") for n in range(3))
        with team.session() as session:
            for word in ("bo", "bou", "boul", "boula", "boulan", "boulang", "boulange"):
                assert search.match_count(session, word) == 3
            prepared = session.scalar(
                text(
                    "SELECT count(*) FROM pg_prepared_statements "
                    "WHERE statement LIKE '%prospection_search_query%' "
                    "AND cardinality(parameter_types) > 0"
                )
            )
        assert prepared == 0
    finally:
        team.dispose()


def _search_rows(connection: object) -> list[tuple[int, str | None, list[str]]]:
    rows = connection.execute(  # type: ignore[attr-defined]
        text("SELECT rowid, body, tsvector_to_array(document) FROM prospect_search ORDER BY 1")
    )
    return [(int(rowid), body, sorted(words)) for rowid, body, words in rows]


def test_the_search_table_keeps_documents_without_their_text(pg_url: str, tmp_path: Path) -> None:
    """Migration 0015: the triggers' text becomes the document and is not kept (the count
    of a common word reads the whole table: half the size, half the time), through
    inserts, changes and deletes, with the same words as the text would give."""
    from prospection.core import prospects, search

    team = open_database(tmp_path / "a.sqlite3", url=pg_url)
    try:
        with team.session() as session:
            first = Prospect(name="Boulangerie Lefèvre", city="Lyon")
            contact = Contact(first_name="Zoé", last_name="Martin")
            contact.phones.append(Phone(raw="04 65 12 34 56", e164="+33465123456"))
            first.contacts.append(contact)
            session.add_all([first, Prospect(name="Garage Cœur", city="Rezé")])
        with team.session() as session:
            session.get_one(Prospect, 2).city = "Nantes"
            session.get_one(Contact, 1).last_name = "Marchand"
        with team.engine.connect() as connection:
            rows = _search_rows(connection)
            expected = connection.execute(
                text(
                    "SELECT tsvector_to_array(prospection_search_document(:a)), "
                    "tsvector_to_array(prospection_search_document(:b))"
                ),
                {"a": "Boulangerie Lefèvre Lyon Zoé Marchand", "b": "Garage Cœur Nantes"},
            ).one()
        assert [(rowid, body) for rowid, body, _words in rows] == [(1, None), (2, None)]
        assert set(expected[0]) <= set(rows[0][2]) and "martin" not in rows[0][2]
        assert {"0465123456", "33465123456"} <= set(rows[0][2])
        assert set(expected[1]) <= set(rows[1][2]) and "reze" not in rows[1][2]
        with team.session() as session:
            for word, found in (("marchand", 1), ("coeur", 1), ("04 65", 1), ("reze", 0)):
                assert search.match_count(session, word) == found, word
            prospects.delete_prospects(session, [1])
        with team.engine.connect() as connection:
            assert [rowid for rowid, _body, _words in _search_rows(connection)] == [2]
    finally:
        team.dispose()


def test_downgrade_from_documents_alone_writes_the_texts_again(pg_url: str, tmp_path: Path) -> None:
    """0015's downgrade makes every text again (the document is 0014's stored column),
    and its upgrade the same documents without them."""
    team = open_database(tmp_path / "a.sqlite3", url=pg_url)
    engine = create_engine(pg_url)
    try:
        with team.session() as session:
            session.add_all(
                [Prospect(name="Boulangerie Lefèvre", city="Lyon"), Prospect(name="Garage Cœur")]
            )
        with engine.connect() as connection:
            before = _search_rows(connection)
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0014_pg_bench_indexes")
        with engine.connect() as connection:
            down = _search_rows(connection)
        assert [(rowid, words) for rowid, _body, words in down] == [
            (rowid, words) for rowid, _body, words in before
        ]
        assert down[0][1] is not None and "Lefèvre" in down[0][1]
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
        with engine.connect() as connection:
            assert _search_rows(connection) == before
    finally:
        engine.dispose()
        team.dispose()
