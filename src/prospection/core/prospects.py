"""Prospects: the filtered, sorted, paged queries behind the table, and their edits.

Queries return plain rows for one page at a time: the table never loads the whole
file, whatever its size.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Table,
    and_,
    delete,
    exists,
    func,
    insert,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql import Select

from prospection.core import dialects
from prospection.core.enums import ActivityKind, ContactRole, PhoneKind, Stage
from prospection.core.models import (
    Activity,
    Contact,
    Prospect,
    Tag,
    prospect_tag,
    utcnow,
)
from prospection.core.phones import DEFAULT_REGION, display_phone
from prospection.core.search import (
    hashed_filter,
    id_filter,
    match_count,
    matching_ids,
    probe_filter,
    words_are_indexed_prefixes,
)


class Due(StrEnum):
    """Next-action windows the table can be filtered on."""

    NOW = "now"  # overdue or due today: the "Today" view
    OVERDUE = "overdue"
    TODAY = "today"
    THIS_WEEK = "this_week"
    NONE = "none"


class SortKey(StrEnum):
    """Columns the table sorts on (in SQL)."""

    NAME = "name"
    CONTACT = "contact"
    PHONE = "phone"
    CITY = "city"
    STAGE = "stage"
    PRIORITY = "priority"
    NEXT_ACTION = "next_action"
    LAST_CONTACT = "last_contact"
    TAGS = "tags"
    CREATED = "created"


@dataclass(frozen=True)
class ProspectFilter:
    """What the table shows. Empty fields do not filter."""

    text: str = ""
    stages: frozenset[Stage] = frozenset()
    tag: str | None = None
    due: Due | None = None
    include_dnc: bool = True
    ids: frozenset[int] | None = None  # an explicit selection
    owner_id: int | None = None  # team mode's "Mine": the prospects this user owns


@dataclass(frozen=True)
class ProspectRow:
    """One line of the prospect table."""

    id: int
    name: str
    contact: str
    phone: str
    city: str
    stage: Stage
    priority: int
    next_action_at: datetime | None
    next_action_text: str
    last_contact_at: datetime | None
    tags: tuple[str, ...]
    do_not_contact: bool
    #: The phone shown was flagged wrong (every number of the contact shown is).
    phone_wrong: bool = False
    #: Team mode: the owner's and the last caller's user ids (None: nobody).
    owner_id: int | None = None
    last_caller_id: int | None = None


@dataclass
class PhoneInput:
    """A phone as typed in the editor; `id` names the stored phone it edits, if any."""

    text: str
    kind: PhoneKind = PhoneKind.WORK
    id: int | None = None


@dataclass
class ContactInput:
    """A contact as entered in the editor or the CLI (see `prospect_editing`).

    `phones` holds plain strings (work numbers) or PhoneInput for a kind or an id.
    """

    first_name: str = ""
    last_name: str = ""
    title: str = ""
    email: str = ""
    phones: list[str | PhoneInput] = field(default_factory=list)
    role: ContactRole = ContactRole.OTHER
    linkedin_url: str = ""
    is_primary: bool = False


def day_bounds(now: datetime) -> tuple[datetime, datetime]:
    """Start and end of `now`'s day, in `now`'s own time zone."""
    start = datetime.combine(now.date(), time.min, tzinfo=now.tzinfo)
    return start, start + timedelta(days=1)


#: Stages in funnel order, as SQL. The same text as the index of migration 0003 (with the
#: column qualified): SQLite uses an expression index only for the same expression.
STAGE_RANK_SQL = (
    "CASE prospect.stage "
    + " ".join(f"WHEN '{stage.value}' THEN {index}" for index, stage in enumerate(Stage))
    + " ELSE 99 END"
)


# The table's queries use the tables' columns, not the mapped classes: a statement on
# the classes configures every ORM mapper first (30 ms or more, the first time a file is
# opened), and compiles slower at every query.
_PROSPECT: Table = Prospect.__table__  # type: ignore[assignment]
_CONTACT: Table = Contact.__table__  # type: ignore[assignment]
_TAG: Table = Tag.__table__  # type: ignore[assignment]


def _sort_column(key: SortKey) -> Any:
    # Each of these has an index (migrations 0001 and 0003), so that a sort, and every
    # page after it (OFFSET walks the index), costs the same at a million prospects as
    # at a hundred. Contact, phone and tags are copies kept on the prospect by triggers.
    columns: dict[SortKey, Any] = {
        SortKey.NAME: dialects.nocase(_PROSPECT.c.name),
        SortKey.CONTACT: _PROSPECT.c.sort_contact,
        SortKey.PHONE: _PROSPECT.c.sort_phone,
        SortKey.CITY: dialects.nocase(_PROSPECT.c.city),
        SortKey.STAGE: literal_column(STAGE_RANK_SQL),
        SortKey.PRIORITY: _PROSPECT.c.priority,
        SortKey.NEXT_ACTION: _PROSPECT.c.next_action_at,
        SortKey.LAST_CONTACT: _PROSPECT.c.last_contact_at,
        SortKey.TAGS: _PROSPECT.c.sort_tags,
        SortKey.CREATED: _PROSPECT.c.created_at,
    }
    return columns[key]


def _dnc_exists() -> ColumnElement[bool]:
    return exists().where(_CONTACT.c.prospect_id == _PROSPECT.c.id, _CONTACT.c.dnc_phone.is_(True))


def _conditions(
    flt: ProspectFilter,
    now: datetime,
    *,
    walk_sort_index: bool = False,
    probe_search: bool = False,
    matches_first: bool = False,
    hashed_search: bool = False,
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    # "+prospect.id" is the same id to SQLite, but not one it may look rows up by: the
    # page then walks the sort's index, keeping the rows that match (see `page_ids`).
    id_column = literal_column("+prospect.id", type_=Integer) if walk_sort_index else _PROSPECT.c.id
    if probe_search:
        text_condition = probe_filter(_PROSPECT.c.id, flt.text)
    elif hashed_search:
        text_condition = hashed_filter(_PROSPECT.c.id, flt.text)
    else:
        text_condition = id_filter(id_column, flt.text, matches_first=matches_first)
    if text_condition is not None:
        conditions.append(text_condition)
    if flt.stages:
        conditions.append(_PROSPECT.c.stage.in_(sorted(flt.stages)))
    if flt.tag:
        conditions.append(
            _PROSPECT.c.id.in_(
                select(prospect_tag.c.prospect_id)
                .join(_TAG, _TAG.c.id == prospect_tag.c.tag_id)
                .where(_TAG.c.name == flt.tag)
            )
        )
    if flt.ids is not None:
        conditions.append(_PROSPECT.c.id.in_(sorted(flt.ids)))
    if flt.owner_id is not None:
        conditions.append(_PROSPECT.c.owner_id == flt.owner_id)
    if not flt.include_dnc:
        conditions.append(~_dnc_exists())
    if flt.due is not None:
        start, end = day_bounds(now)
        week_end = start + timedelta(days=7 - start.weekday())
        when = _PROSPECT.c.next_action_at
        windows: dict[Due, ColumnElement[bool]] = {
            Due.NOW: when < end,
            Due.OVERDUE: when < start,
            Due.TODAY: and_(when >= start, when < end),
            Due.THIS_WEEK: and_(when >= start, when < week_end),
            Due.NONE: when.is_(None),
        }
        conditions.append(windows[flt.due])
    return conditions


def filtered_ids(flt: ProspectFilter, now: datetime | None = None) -> Select[int]:
    """A SELECT of the ids matching `flt` (for bulk actions, exports and queues)."""
    return select(_PROSPECT.c.id).where(*_conditions(flt, now or utcnow().astimezone()))


def count(
    session: Session, flt: ProspectFilter, now: datetime | None = None, *, background: bool = False
) -> int:
    """How many prospects match `flt`.

    `background`: counted while the user goes on (an estimate shown meanwhile): on a
    server without parallel workers, which would take every core of a laptop's server
    from what the user does next (a sort of a million prospects: 55 -> 72 ms).
    """
    if background and not dialects.is_sqlite(session.get_bind()):
        session.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
    if flt.text and flt == ProspectFilter(text=flt.text):
        # Every prospect has exactly one search document (triggers): counting the
        # documents alone spares a lookup of each matching prospect.
        found = match_count(session, flt.text)
        _COUNT_CACHE[(str(session.get_bind().engine.url), flt.text)] = found
        return found
    conditions = _conditions(flt, now or utcnow().astimezone())
    return session.scalar(select(func.count()).select_from(_PROSPECT).where(*conditions)) or 0


@dataclass(frozen=True)
class Count:
    """How many prospects match a filter: the number, or the server's estimate of it."""

    value: int
    exact: bool = True


#: On a server, a filter its planner expects to match more than this many prospects is
#: not counted at once (`quick_count`). PostgreSQL counts by visiting every match's row
#: (or index entry): about a microsecond each with the rows in memory, more from disk, so
#: a word most prospects hold costs 200-450 ms at a million prospects, and the whole
#: table 60-190 ms, where SQLite's full-text index answers in 10-50 ms. A count stopped
#: early cannot help: the index part of a prefix search ("ma": every word starting so)
#: is itself 46 ms at 100,000 prospects.
QUICK_COUNT_LIMIT = 1_000


def quick_count(session: Session, flt: ProspectFilter, now: datetime | None = None) -> Count:
    """How many prospects match `flt`, exact when counting is cheap, else estimated.

    SQLite always counts. A server estimates when the table holds more than
    `QUICK_COUNT_LIMIT` prospects and its planner expects more than that many matches:
    the result is then that estimate, marked inexact (within a few percent for a word or
    the whole table, further off for several words), so that the first rows can be
    shown at once and the exact number (`count`) read meanwhile.
    """
    if (
        dialects.is_sqlite(session.get_bind())
        # A small table is counted at once, whatever the planner thinks (a new team's
        # server has no statistics yet).
        or _cached_total(session) <= QUICK_COUNT_LIMIT
    ):
        return Count(count(session, flt, now))
    searched = bool(flt.text) and flt == ProspectFilter(text=flt.text)
    matching = matching_ids(flt.text) if searched else None
    estimate = _estimated_rows(
        session, matching if matching is not None else filtered_ids(flt, now)
    )
    if estimate <= QUICK_COUNT_LIMIT:
        return Count(count(session, flt, now))
    if searched:
        # The plans of the first pages only need an order of magnitude (`_cached_match_count`).
        _COUNT_CACHE[(str(session.get_bind().engine.url), flt.text)] = estimate
    return Count(estimate, exact=False)


def _estimated_rows(session: Session, query: Select[Any]) -> int:
    """The server planner's estimate of the rows `query` returns (without running it)."""
    compiled = query.compile(
        dialect=session.get_bind().dialect, compile_kwargs={"render_postcompile": True}
    )
    plan = (
        session.connection()
        .exec_driver_sql("EXPLAIN (FORMAT JSON) " + str(compiled), compiled.params)
        .scalar_one()
    )
    return int(plan[0]["Plan"]["Plan Rows"])


def page(
    session: Session,
    flt: ProspectFilter,
    sort: SortKey = SortKey.NAME,
    descending: bool = False,
    offset: int = 0,
    limit: int = 100,
    now: datetime | None = None,
    *,
    name_from: str | None = None,
    home_region: str = DEFAULT_REGION,
) -> list[ProspectRow]:
    """One page of the table: the rows `offset` to `offset + limit` in `sort` order.

    `name_from`: see `page_ids`; `home_region`: see `rows_for`.
    """
    ids = page_ids(session, flt, sort, descending, offset, limit, now, name_from=name_from)
    return rows_for(session, ids, home_region=home_region)


def page_ids(
    session: Session,
    flt: ProspectFilter,
    sort: SortKey = SortKey.NAME,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 100,
    now: datetime | None = None,
    *,
    name_from: str | None = None,
) -> list[int]:
    """The ids of rows `offset` to `offset + limit` in `sort` order (None: to the end).

    The table's selection is a set of row ranges; this turns one into prospect ids
    without loading the rows.

    `name_from`, in the name order only: a name known to come at or before the first
    matching row (the first row of a search this one refines: typing more letters only
    moves the first match further down). The walk along the name index starts there
    instead of at the top; rows before it cannot match, so offsets are unchanged.
    """
    walk = _walk_sort_index(session, flt, offset, 100 if limit is None else limit)
    probe = walk and _probe_search(session, flt, offset, limit)
    server = not dialects.is_sqlite(session.get_bind())
    hashed = server and not probe and _hashed_search(session, flt, offset, limit)
    walk = walk and not hashed
    if hashed and limit is not None:
        # Matches spread along the order: found within a few thousand rows, each asked
        # of its own document, without reading every match first.
        budget = min(
            WALK_BUDGET,
            limit
            * WALK_BUDGET_STEPS
            * _cached_total(session)
            // max(1, _cached_match_count(session, flt.text)),
        )
        if budget >= limit:
            walked = budgeted_walk_query(
                flt, sort, descending, offset, limit, now, name_from=name_from, budget=budget
            )
            found = list(session.scalars(walked))
            if len(found) == limit:
                return found
    query = page_ids_query(
        flt,
        sort,
        descending,
        offset,
        limit,
        now,
        walk_sort_index=walk,
        probe_search=probe,
        name_from=name_from,
        # A server plans by its own estimates, and its guess of how many documents hold
        # a word can be far off (a word none holds: it walked the whole name index to
        # fill no page). When the counts say sorting the matches is the cheaper way, it
        # is told to read them first. SQLite already does.
        matches_first=not walk and server and not hashed,
        hashed_search=hashed,
    )
    return list(session.scalars(query))


#: Before reading every match into a hashed set, a server walks the sort's index for at
#: most this many rows, asking each row's document (a primary-key lookup, a few
#: microseconds): matches spread along the order ("04 65", phones: 2% of the rows) fill
#: a first page within a few thousand rows (at a million prospects: 10-40 ms, against
#: 240 ms for the set of 22,481 matches). Matches in a run ("Boulangerie ..." all under
#: B) are not found within it, and the set is read after all (the walk wasted).
WALK_BUDGET = 10_000
#: ... and for at most this many times the rows a uniform spread would need.
WALK_BUDGET_STEPS = 3


def budgeted_walk_query(
    flt: ProspectFilter,
    sort: SortKey,
    descending: bool,
    offset: int,
    limit: int,
    now: datetime | None = None,
    *,
    name_from: str | None = None,
    budget: int,
) -> Select[int]:
    """A page found among the first `budget` rows of the sort's index (on a server).

    The rows walked are a subquery with its own LIMIT, so the planner cannot turn the
    search into a read of every match; each row is asked of its document, a lookup by
    id. Fewer than `limit` ids back: the page is not within the budget (or not full).
    """
    column = _sort_column(sort)
    conditions = _conditions(replace(flt, text=""), now or utcnow().astimezone())
    conditions += _from_name(sort, descending, name_from)
    walked = (
        select(_PROSPECT.c.id.label("id"), column.label("key"))
        .where(*conditions)
        .order_by(*_sort_order(sort, descending))
        .limit(budget)
        .subquery("walked")
    )
    matching = probe_filter(walked.c.id, flt.text)
    assert matching is not None  # only asked for a search
    key = walked.c.key.desc() if descending else walked.c.key.asc()
    order_id = walked.c.id.desc() if descending else walked.c.id.asc()
    return (
        select(walked.c.id)
        .where(matching)
        .order_by(key.nulls_last(), order_id)
        .offset(offset)
        .limit(limit)
    )


#: On a server, a first page of at least this share of the rows in matches (and not
#: asked row by row, see `_probe_search`) walks the sort's index against a hashed set of
#: them (`search.hashed_filter`), instead of reading every match's row to sort them or
#: walking with a document lookup per row. Matching names come in runs (a word of the
#: company names: "Boulangerie ..." all under B), which the walk's cost rule cannot know:
#: at 100,000 prospects, 4,613 and 7,953 matches sorted in 29 and 31 ms (a primary-key
#: lookup each) or walked in 8 and 26-50 ms, walked against the set in 9 and 15 ms.
#: Fewer matches are sorted: 376 in 7 ms, where the walk may go through most of the
#: index (12 ms; a word none holds, all of it).
HASHED_MIN_SHARE = 0.01
#: ... and at most this share: more matches are found early enough along the index by
#: the walk with a document lookup per row (15,253 matches of 100,000: 3 ms, 28 ms
#: against the set, which reads every match first).
HASHED_MAX_SHARE = 0.1
#: ... and at most this many matches: the set must fit the server's hash memory
#: (`work_mem` x `hash_mem_multiplier`, 8 MB by default), or it is read at every row.
#: 100,000 ids take about 5 MB. "bou" at a million prospects (79,951 matches) walked with
#: a document lookup per row in 740 ms, against the set in 169 ms.
HASHED_MAX_MATCHES = 100_000


def _hashed_search(session: Session, flt: ProspectFilter, offset: int, limit: int | None) -> bool:
    """Whether a searched page on a server walks its index against a hashed set of matches.

    The walk stops at the page's last row, so only for the first pages (deeper ones come
    by their ids, see the table model); and only when the matches are not so few that the
    walk would go through most of the index to find them (a word none holds: all of it).
    """
    if limit is None or offset + limit > PROBE_MAX_ROWS or not flt.text:
        return False
    matches = _cached_match_count(session, flt.text)
    total = _cached_total(session)
    return HASHED_MIN_SHARE * total <= matches <= min(HASHED_MAX_SHARE * total, HASHED_MAX_MATCHES)


#: A searched page asks the index row by row when at least this share of rows match.
PROBE_MIN_SHARE = 0.2
#: ... and only for the first rows (deeper pages come by their ids: see the table model).
PROBE_MAX_ROWS = 300


def _probe_search(session: Session, flt: ProspectFilter, offset: int, limit: int | None) -> bool:
    """Whether a searched page is cheaper asking the index about each row in sort order.

    Walking the sort's index first reads every match into a temporary list: 30 to 170 ms
    for a two- or three-letter word matching a fifth or more of a million prospects.
    Asking the index about each row instead costs a few microseconds a row for words
    its prefix lists hold, and when a fifth of the rows match, the first page is found
    within a few hundred rows: 1 to 4 ms. Longer words would rebuild their list of
    matches at each row: never asked that way.
    """
    if limit is None or offset + limit > PROBE_MAX_ROWS:
        return False
    if not words_are_indexed_prefixes(flt.text):
        return False
    total = _cached_total(session)
    return total > 0 and _cached_match_count(session, flt.text) >= PROBE_MIN_SHARE * total


#: Walking the sort's index costs about (offset + limit) x total / matches steps; sorting
#: the matches about twice a step per match: measured at a million prospects, 3,665
#: matches sort in 12-21 ms and walk in 45 ms, 22,392 matches sort in 61 ms and walk in
#: 11 ms (the crossover near 7,000 matches for a first page).
WALK_FACTOR = 2
#: The same on a server: each row walked there is a lookup of its stored search document
#: in a table of its own (tens of microseconds, against a few for each match sorted), so
#: walking pays off for far more matches only (benchmark harness at 100,000 prospects:
#: 3,973 matches walked in 170-470 ms, read from the index and sorted in tens of ms).
SERVER_WALK_FACTOR = 0.1


def _walk_sort_index(session: Session, flt: ProspectFilter, offset: int, limit: int) -> bool:
    """Whether a searched page is cheaper read along the sort's index than sorted.

    SQLite would otherwise always look up every match and sort them all: fine for a few
    thousand, a second for half a million ("b" at a million prospects). Walking the sort
    index costs about (offset + limit) x total / matches index steps (see WALK_FACTOR).
    The counts may be slightly stale (cached): they only choose the plan,
    never the rows.
    """
    if not flt.text:
        return False
    matches = _cached_match_count(session, flt.text)
    total = _cached_total(session)
    if matches == 0:
        return False
    factor = WALK_FACTOR if dialects.is_sqlite(session.get_bind()) else SERVER_WALK_FACTOR
    return (offset + limit) * total < factor * matches * matches


_COUNT_CACHE: dict[tuple[str, str], int] = {}


def _cached_match_count(session: Session, text: str) -> int:
    key = (str(session.get_bind().engine.url), text)
    if key not in _COUNT_CACHE:
        if len(_COUNT_CACHE) > 256:
            _COUNT_CACHE.clear()
        _COUNT_CACHE[key] = match_count(session, text)
    return _COUNT_CACHE[key]


def _cached_total(session: Session) -> int:
    key = (str(session.get_bind().engine.url), "")
    if key not in _COUNT_CACHE:
        _COUNT_CACHE[key] = session.scalar(select(func.count()).select_from(_PROSPECT)) or 0
    return _COUNT_CACHE[key]


def page_ids_query(
    flt: ProspectFilter,
    sort: SortKey = SortKey.NAME,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 100,
    now: datetime | None = None,
    *,
    walk_sort_index: bool = False,
    probe_search: bool = False,
    name_from: str | None = None,
    matches_first: bool = False,
    hashed_search: bool = False,
) -> Select[int]:
    """The SELECT of the ids of one page (what `page_ids` runs; tests read its plan).

    `matches_first`: see `search.id_filter` (PostgreSQL only).
    """
    conditions = _conditions(
        flt,
        now or utcnow().astimezone(),
        walk_sort_index=walk_sort_index,
        probe_search=probe_search,
        matches_first=matches_first,
        hashed_search=hashed_search,
    )
    conditions += _from_name(sort, descending, name_from)
    return (
        select(_PROSPECT.c.id)
        .where(*conditions)
        .order_by(*_sort_order(sort, descending))
        .offset(offset)
        .limit(limit)
    )


def _sort_order(sort: SortKey, descending: bool) -> tuple[Any, Any]:
    """The table's ORDER BY for `sort`: the column (empty values last), then the id."""
    column = _sort_column(sort)
    ordering = column.desc() if descending else column.asc()
    tie = _PROSPECT.c.id.desc() if descending else _PROSPECT.c.id.asc()
    return ordering.nulls_last(), tie


def _from_name(sort: SortKey, descending: bool, name_from: str | None) -> list[Any]:
    """The condition starting a name-ordered walk at `name_from` (see `page_ids`)."""
    if name_from is None or sort != SortKey.NAME:
        return []
    # A range on the index's own collation, which SQLite seeks to (a row value
    # (name, id) >= (?, ?) would scan from the top).
    column = _sort_column(sort)
    bound = dialects.nocase_value(name_from)  # the bare value on SQLite
    return [column <= bound if descending else column >= bound]


#: One statement for a page of table rows, on the prospect alone: its first contact in
#: the editor's order (primary first), that contact's first phone not marked wrong (else
#: its first), whether anyone there asked not to be called and its tag names are copies
#: kept on the prospect by triggers (migration 0005; whether that phone is wrong, 0008).
#: With joins, a row read six or seven pages of four tables: at a million prospects, a
#: screenful far into the table was read from disk (about 10 ms, against 0.3 ms for the
#: prospect rows alone).
_ROWS_SQL = """
SELECT id, name, city, stage, priority, next_action_at, next_action_text,
       last_contact_at, shown_contact, shown_phone_raw, shown_phone_e164, has_dnc, shown_tags,
       shown_phone_wrong, owner_id, last_caller_id
FROM prospect WHERE id IN ({marks})
"""


def _stored_datetime(value: str | datetime | None) -> datetime | None:
    # What models.UTCDateTime returns: the stored naive UTC value (text on SQLite, a
    # datetime from PostgreSQL's driver), made aware.
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC)
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def rows_for(
    session: Session, ids: Sequence[int], *, home_region: str = DEFAULT_REGION
) -> list[ProspectRow]:
    """Table rows for these prospect ids, in the same order.

    Phones are written as dialled from `home_region` (the user's default country):
    national at home, international abroad.
    """
    if not ids:
        return []
    # One plain SQL statement, no ORM objects and no per-column type processing: a page
    # is read at every scroll, and building it through the ORM (five statements, types
    # converted value by value) cost several times the SQL itself.
    wanted = list(ids)
    found: dict[int, ProspectRow] = {}
    stages = {stage.value: stage for stage in Stage}
    for start in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
        chunk = wanted[start : start + 500]
        mark = dialects.placeholder(session.connection())
        statement = _ROWS_SQL.format(marks=",".join([mark] * len(chunk)))
        for (
            prospect_id,
            name,
            city,
            stage,
            priority,
            next_action_at,
            next_action_text,
            last_contact_at,
            contact,
            raw,
            e164,
            dnc,
            tags,
            wrong,
            owner_id,
            last_caller_id,
        ) in session.connection().exec_driver_sql(statement, tuple(chunk)):
            found[prospect_id] = ProspectRow(
                id=prospect_id,
                name=name,
                contact=contact or "",
                phone=display_phone(raw, e164, home_region) if raw is not None else "",
                city=city,
                stage=stages[stage],
                priority=priority,
                next_action_at=_stored_datetime(next_action_at),
                next_action_text=next_action_text,
                last_contact_at=_stored_datetime(last_contact_at),
                tags=tuple(sorted(tags.split("\x1f"))) if tags else (),
                do_not_contact=bool(dnc),
                phone_wrong=bool(wrong),
                owner_id=owner_id,
                last_caller_id=last_caller_id,
            )
    return [found[prospect_id] for prospect_id in wanted if prospect_id in found]


def ordered_ids(
    session: Session,
    flt: ProspectFilter,
    sort: SortKey = SortKey.NAME,
    descending: bool = False,
    now: datetime | None = None,
    *,
    should_stop: Callable[[], bool] | None = None,
    chunk: int = 65536,
    small: bool = False,
) -> array[int] | None:
    """Every id matching `flt`, in `sort` order (None when `should_stop` said so).

    The table keeps this list (8 bytes a row) to fetch any page by its ids: with OFFSET,
    a page deep in a million rows steps through the index up to it. Read through the
    driver's cursor, a chunk at a time, checking `should_stop` between chunks.
    `small`: the caller knows the result is small (it just counted it): read at once.
    """
    query = page_ids_query(flt, sort, descending, 0, None, now)
    connection = session.connection()
    server = not dialects.is_sqlite(connection)
    options = {}
    if server and not small:
        # A server sends a plain cursor's whole result before the first row is read: a
        # million ids computed and sent even when a new sort stops the read at once,
        # taking the busy machine's cores from the table's next page (a sort at a
        # million prospects went from about 30 ms to 100-800 ms). A server-side cursor
        # sends a chunk at a time (but costs five more round trips: declare, describe,
        # fetches, close). SQLite already steps through the rows as they come.
        # Options of this statement only: `Connection.execution_options` would change
        # the session's connection, and every later statement would stream too.
        options = {"stream_results": True, "max_row_buffer": chunk}
    result = connection.execute(query, execution_options=options)
    # SQLite: straight from the driver's cursor (faster); a server-side cursor's first
    # rows are already buffered by the result, so it is read through the result.
    fetch = (
        (lambda: result.fetchmany(chunk)) if server else (lambda: result.cursor.fetchmany(chunk))
    )
    found: array[int] = array("q")
    try:
        while True:
            rows = fetch()
            if not rows:
                return found
            found.extend(row[0] for row in rows)
            if should_stop is not None and should_stop():
                return None
    finally:
        result.close()


def load(session: Session, prospect_id: int) -> Prospect | None:
    """A prospect with its contacts, phones, tags and activities loaded (for the editor)."""
    return session.scalars(
        select(Prospect)
        .where(Prospect.id == prospect_id)
        .options(
            selectinload(Prospect.contacts).selectinload(Contact.phones),
            selectinload(Prospect.tags),
            selectinload(Prospect.activities),
        )
    ).one_or_none()


def load_many(session: Session, ids: Sequence[int]) -> list[Prospect]:
    """Prospects with contacts, phones and tags loaded, in the order of `ids` (CLI, exports)."""
    if not ids:
        return []
    found = {
        p.id: p
        for p in session.scalars(
            select(Prospect)
            .where(Prospect.id.in_(ids))
            .options(
                selectinload(Prospect.contacts).selectinload(Contact.phones),
                selectinload(Prospect.tags),
            )
        )
    }
    return [found[i] for i in ids if i in found]


def tag_named(session: Session, name: str) -> Tag:
    """The tag called `name`, created if needed."""
    clean = name.strip()
    tag = session.scalars(select(Tag).where(Tag.name == clean)).one_or_none()
    if tag is None:
        tag = Tag(name=clean)
        session.add(tag)
        session.flush()
    return tag


def all_tags(session: Session) -> list[tuple[str, int]]:
    """Every tag with the number of prospects wearing it, by name."""
    rows = session.execute(
        select(Tag.name, func.count(prospect_tag.c.prospect_id))
        .outerjoin(prospect_tag, prospect_tag.c.tag_id == Tag.id)
        .group_by(Tag.id)
        .order_by(Tag.name)
    )
    return [(name, int(n)) for name, n in rows]


def tag_names(session: Session) -> list[str]:
    """The names of every tag, sorted (for completion; no counting)."""
    return list(session.scalars(select(Tag.name).order_by(Tag.name)))


def stage_counts(session: Session) -> dict[Stage, int]:
    """Number of prospects at each stage."""
    rows = session.execute(select(Prospect.stage, func.count()).group_by(Prospect.stage))
    return {Stage(stage): int(n) for stage, n in rows}


def set_stage(
    session: Session, ids: Iterable[int], stage: Stage, now: datetime | None = None
) -> int:
    """Move prospects to `stage`, recording a stage-change activity for each that moved."""
    moment = now or utcnow()
    changed = 0
    for prospect in session.scalars(select(Prospect).where(Prospect.id.in_(list(ids)))):
        if prospect.stage == stage:
            continue
        session.add(
            Activity(
                prospect_id=prospect.id,
                kind=ActivityKind.STAGE_CHANGE,
                occurred_at=moment,
                stage_from=prospect.stage.value,
                stage_to=stage.value,
            )
        )
        if stage == Stage.CLIENT and prospect.client_since is None:
            prospect.client_since = moment.astimezone().date()
        prospect.stage = stage
        changed += 1
    return changed


def add_tag(session: Session, ids: Iterable[int], name: str) -> int:
    """Put the tag `name` on prospects; returns how many did not have it yet."""
    tag = tag_named(session, name)
    wanted = set(ids)
    having = set(
        session.scalars(
            select(prospect_tag.c.prospect_id).where(
                prospect_tag.c.tag_id == tag.id, prospect_tag.c.prospect_id.in_(wanted)
            )
        )
    )
    new = sorted(wanted - having)
    if new:
        session.execute(insert(prospect_tag), [{"prospect_id": i, "tag_id": tag.id} for i in new])
        bump_versions(session, new)
    return len(new)


def bump_versions(session: Session, ids: Sequence[int]) -> None:
    """Move the version of these prospects (a bulk change the ORM did not write).

    An editor that loaded one of them before then compares its save field by field
    (prospect_editing.update_prospect) instead of overwriting the change.
    """
    for start in range(0, len(ids), 500):
        session.execute(
            update(Prospect)
            .where(Prospect.id.in_(list(ids[start : start + 500])))
            .values(version=Prospect.version + 1)
        )


def remove_tag(session: Session, ids: Iterable[int], name: str) -> int:
    """Take the tag `name` off prospects; returns how many had it."""
    tag = session.scalars(select(Tag).where(Tag.name == name)).one_or_none()
    if tag is None:
        return 0
    wanted = list(ids)
    having = sorted(
        session.scalars(
            select(prospect_tag.c.prospect_id).where(
                prospect_tag.c.tag_id == tag.id, prospect_tag.c.prospect_id.in_(wanted)
            )
        )
    )
    result = session.execute(
        delete(prospect_tag).where(
            prospect_tag.c.tag_id == tag.id, prospect_tag.c.prospect_id.in_(wanted)
        )
    )
    bump_versions(session, having)
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def delete_prospects(session: Session, ids: Iterable[int]) -> int:
    """Delete prospects with their contacts and activities."""
    targets = list(ids)
    for prospect in session.scalars(select(Prospect).where(Prospect.id.in_(targets))):
        session.delete(prospect)
    return len(targets)
