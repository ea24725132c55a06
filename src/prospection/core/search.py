"""Full-text search over prospects (the `prospect_search` documents).

SQLite: an FTS5 table folding case and accents itself (unicode61, remove_diacritics 2);
queries are split the same way and every word matched as a prefix, so results follow
typing. PostgreSQL: the same documents, searched through migration 0010's functions
(`unaccent` folding, prefix words `'word':*`) and migration 0014's stored `tsvector`
column `prospect_search.document` and its GIN index. The condition is
one SQL element compiled for the dialect of the connection running it (`_Matches`), so
callers never choose.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    bindparam,
    column,
    func,
    literal_column,
    select,
    table,
    text,
    true,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select
from sqlalchemy.sql.compiler import SQLCompiler

# unicode61 splits on everything that is not a letter or a digit; so must we, or a
# query "l'atelier" would look for a token the index never holds.
_TOKEN = re.compile(r"\w+", re.UNICODE)


#: Decomposed accented Latin text: ASCII and the combining marks of the Combining
#: Diacritical Marks block (U+0300-U+036F, all but U+034F, whose combining class is 0).
_ASCII_AND_LATIN_MARKS = re.compile("[\x00-\x7f\u0300-\u034e\u0350-\u036f]*")


def fold(value: str) -> str:
    """Case- and accent-free form of `value` ("Société" -> "societe")."""
    if value.isascii():
        return value.lower()  # nothing to decompose: the same result, much faster
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    if _ASCII_AND_LATIN_MARKS.fullmatch(decomposed):
        # Accented Latin text (a French file's names: one company name in four): every
        # character that is not ASCII is a combining mark, so dropping the non-ASCII
        # ones is the per-character test below, in C (0.6 against 1.7 us a name).
        return decomposed.encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(query: str) -> list[str]:
    """The words of a typed query, folded, ready for an FTS5 MATCH."""
    return [token for token in _TOKEN.findall(fold(query)) if token != "_"]


#: Shorter words do not filter. A single letter matches most of a large file and, with
#: no prefix index that short (the index keeps 2- to 4-letter prefixes), reads every
#: word starting with it: up to a second per keystroke at a million prospects. The
#: next keystroke narrows the search anyway.
MIN_WORD_LENGTH = 2


#: The longest word prefix the index keeps a list of its own for (its "prefix = '2 3 4'"
#: option, migration 0007): such a word finds whether one document matches at once.
INDEXED_PREFIX_LENGTH = 4


def words_are_indexed_prefixes(query: str) -> bool:
    """Whether every filtering word of `query` is short enough for the prefix index."""
    words = [word for word in tokens(query) if len(word) >= MIN_WORD_LENGTH]
    return bool(words) and all(len(word) <= INDEXED_PREFIX_LENGTH for word in words)


#: Ligatures the index keeps as letters of their own (unicode61 does not decompose
#: them), and their spelled-out form; a query word looks for both.
_LIGATURES = (("œ", "oe"), ("æ", "ae"), ("ß", "ss"))


def spellings(word: str) -> list[str]:
    """`word` spelled out ("cœur" -> "coeur"), with each ligature put back ("cœur"), and
    with a ligature its last letter may be the start of ("co" -> "cœ")."""
    plain = word
    for ligature, spelled in _LIGATURES:
        plain = plain.replace(ligature, spelled)
    found = [plain]
    every = plain
    for ligature, spelled in _LIGATURES:
        if spelled in plain:
            found.append(plain.replace(spelled, ligature))
            every = every.replace(spelled, ligature)
    found.append(every)
    # Typed letter by letter, "co" is the start of "coeur" = "cœur": a word ending in a
    # spelled ligature's first letter also looks for the ligature there ("cœ"), or the
    # rows would vanish at "co" and come back at "coe".
    for form in list(found):
        for ligature, spelled in _LIGATURES:
            if form.endswith(spelled[0]):
                found.append(form[:-1] + ligature)
    return list(dict.fromkeys(found))


def _word_expression(word: str) -> str:
    forms = spellings(word)
    if len(forms) == 1:
        return f'"{word}"*'
    return "(" + " OR ".join(f'"{form}"*' for form in forms) + ")"


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH string where every word must appear as a prefix; None if empty.

    Words shorter than `MIN_WORD_LENGTH` are left out. A word with a ligature, or with
    what one spells out ("oe", "ae", "ss"), matches either spelling: the index keeps
    "cœur" as typed, and "coeur" must find it (and the other way round).
    """
    words = [word for word in tokens(query) if len(word) >= MIN_WORD_LENGTH]
    if not words:
        return None
    # FTS5 takes "a b" as a AND b for plain phrases only: a bracketed group needs the
    # explicit operator ("(a OR b) (c)" is a syntax error).
    expression = " AND ".join(_word_expression(word) for word in words)
    numbers = _phone_digits(query)
    if numbers:
        alternatives = " OR ".join(f'"{digits}"*' for digits in numbers)
        return f"({expression}) OR {alternatives}"
    return expression


def refines(narrower: str, wider: str) -> bool:
    """Whether every match of the search `narrower` is a match of the search `wider`.

    Each word matches as a prefix and all must match: a search refines another when each
    of the other's words begins one of its own ("boulangerie ly" refines "boul"),
    compared spelled out ("coeur" refines "cœ"), and when the digit forms a phone-like
    search adds each begin with one of the other's.
    """
    if match_expression(wider) is None:
        return True
    if match_expression(narrower) is None:
        return False

    def plain_words(query: str) -> list[str]:
        return [spellings(word)[0] for word in tokens(query) if len(word) >= MIN_WORD_LENGTH]

    new_words = plain_words(narrower)
    if not all(any(word.startswith(old) for word in new_words) for old in plain_words(wider)):
        return False
    old_digits = _phone_digits(wider)
    return all(any(d.startswith(old) for old in old_digits) for d in _phone_digits(narrower))


_PHONE_QUERY = re.compile(r"^\+?[\d\s().\-/]+$")
#: The country of a national number typed with its trunk 0 ("04 72 …"); the index holds
#: every phone's E.164 digits, which is what such a number is looked up as.
DEFAULT_COUNTRY_CODE = "33"


def _phone_digits(query: str) -> list[str]:
    """The digit strings a phone-like query can be stored as (bare, E.164 digits)."""
    text = query.strip()
    if not _PHONE_QUERY.match(text):
        return []
    digits = re.sub(r"\D", "", text)
    if len(digits) < 4:
        return []
    found = [digits]
    if text.startswith("00"):
        found.append(digits[2:])
    elif digits.startswith("0") and not text.startswith("+"):
        found.append(DEFAULT_COUNTRY_CODE + digits[1:])
    return list(dict.fromkeys(found))


def ts_query(query: str) -> str | None:
    """The PostgreSQL `to_tsquery` text of `query` (as `match_expression`); None if empty.

    The same words (prefixes, all required, a phone's digit forms as alternatives); the
    server folds them like the documents (migration 0010: `unaccent` spells ligatures
    out, so "cœur" and "coeur" are one word there and need no alternatives).
    """
    words = [word for word in tokens(query) if len(word) >= MIN_WORD_LENGTH]
    if not words:
        return None
    return ts_words(words, alternatives=_phone_digits(query))


def ts_words(words: list[str], *, alternatives: list[str] | None = None) -> str:
    """`words` as a `to_tsquery` text: every one a prefix, all required."""
    # The documents are split on anything not a letter or a digit (underscore too).
    parts = [part for word in words for part in re.findall(r"[^\W_]+", word)]
    expression = " & ".join(f"'{part}':*" for part in parts)
    if alternatives:
        digits = " | ".join(f"'{number}':*" for number in alternatives)
        return f"({expression}) | {digits}" if expression else digits
    return expression


class _Matches(ColumnElement[bool]):
    """`prospect_search` holds a document matching the query (compiled per dialect)."""

    # No Boolean type: SQLite (no native booleans) would compare it with 1, and MATCH
    # is only allowed as a bare condition.
    inherit_cache = False  # the bound value is made when compiled, for the dialect

    def __init__(self, key: str, fts5: str, tsquery: str) -> None:
        self.key = key
        self.fts5 = fts5
        self.tsquery = tsquery


@compiles(_Matches)
def _matches_sqlite(element: _Matches, compiler: SQLCompiler, **kw: Any) -> str:
    value = compiler.process(bindparam(element.key, element.fts5), **kw)
    return f"prospect_search MATCH {value}"


@compiles(_Matches, "postgresql")
def _matches_postgresql(element: _Matches, compiler: SQLCompiler, **kw: Any) -> str:
    # The words are written into the statement (quoted by SQLAlchemy), not bound: psycopg
    # prepares a statement run five times on a connection, and PostgreSQL may then run it
    # by a generic plan made without the values, the same for a word none holds as for
    # one most documents hold (count of "ma" at a million prospects: 2.5 s by the generic
    # plan, 0.3 s planned for the word). Each search is now a statement of its own.
    value = compiler.process(bindparam(element.key, element.tsquery, literal_execute=True), **kw)
    # The stored document (migration 0014): a row checked alone is not computed again.
    return f"prospect_search.document @@ prospection_search_query({value})"


def _matches(query: str, key: str) -> _Matches | None:
    expression = match_expression(query)
    pg_query = ts_query(query)
    if expression is None or pg_query is None:
        return None
    return _Matches(key, expression, pg_query)


def words_match(words: list[str], key: str = "fts_words") -> ColumnElement[bool]:
    """`prospect_search` rows whose document has every one of `words` as a prefix."""
    fts5 = " ".join(f'"{word}"*' for word in words)
    return _Matches(key, fts5, ts_words(words))


def matching_ids(query: str) -> Select[Any] | None:
    """A SELECT of the ids of prospects matching `query` (None when the query is empty)."""
    condition = _matches(query, "fts_query")
    if condition is None:
        return None
    return (
        select(literal_column("rowid").label("id"))
        .select_from(text("prospect_search"))
        .where(condition)
    )


def id_filter(
    id_column: Any, query: str, *, matches_first: bool = False
) -> ColumnElement[bool] | None:
    """A WHERE clause keeping rows whose `id_column` matches `query`.

    `matches_first`: the matching ids are read from the index once, before any row
    (on PostgreSQL a MATERIALIZED common table expression; SQLite's plans are left
    alone, it reads an IN list first anyway). Without it PostgreSQL may walk a sort's
    index checking every row, which for a word few rows hold (or none) reads most of
    the table to fill one page.
    """
    ids = matching_ids(query)
    if ids is None:
        return None
    if matches_first:
        found = ids.cte("search_matches").prefix_with("MATERIALIZED", dialect="postgresql")
        first: ColumnElement[bool] = id_column.in_(select(found.c.id))
        return first
    condition: ColumnElement[bool] = id_column.in_(ids.scalar_subquery())
    return condition


def hashed_filter(id_column: Any, query: str) -> ColumnElement[bool] | None:
    """A WHERE clause keeping rows whose `id_column` is among the matches, read once.

    On PostgreSQL the matches become a hashed set (a hashed SubPlan: the IN is wrapped so
    that the planner keeps it a filter instead of a join), and a page walks its sort's
    index, whose entries hold the id, checking each entry against the set without
    reading the row. Only for match sets that fit the server's hash memory (a few tens
    of thousands of ids): a larger set would be read again at every row.
    """
    ids = matching_ids(query)
    if ids is None:
        return None
    condition: ColumnElement[bool] = id_column.in_(ids.scalar_subquery()).is_(true())
    return condition


def probe_filter(id_column: Any, query: str) -> ColumnElement[bool] | None:
    """A WHERE clause asking the index, row by row, whether `id_column` matches `query`.

    Fast only for words the prefix index holds (see `words_are_indexed_prefixes`) and
    when most rows match: a longer word rebuilds its list of matches at every row.
    """
    matches = _matches(query, "fts_probe")
    if matches is None:
        return None
    index = table("prospect_search", column("rowid"))
    document: Select[Any] = (
        select(literal_column("1")).select_from(index).where(matches, index.c.rowid == id_column)
    )
    condition: ColumnElement[bool] = document.exists()
    return condition


def matches_among(session: Session, ids: Sequence[int], query: str) -> set[int]:
    """Which of `ids` (a few) match `query`, each asked of its own document."""
    matching = matching_ids(query)
    if matching is None:
        return set(ids)
    return set(session.scalars(matching.where(literal_column("rowid").in_(ids))))


def match_count(session: Session, query: str) -> int:
    """How many prospects match `query` (every prospect when it is empty)."""
    matches = _matches(query, "fts_query")
    if matches is None:
        return session.scalar(select(func.count()).select_from(text("prospect"))) or 0
    return (
        session.scalar(select(func.count()).select_from(text("prospect_search")).where(matches))
        or 0
    )
