"""Team mode: hear colleagues' committed changes, and notice when the server is gone.

Migration 0012 makes PostgreSQL send a NOTIFY on the channel `CHANNEL` at every committed
change to what the prospect table shows (one per statement, the prospects' ids in a JSON
payload). `ChangeFeed.run` keeps ONE dedicated connection LISTENing (outside the engine's
pool, in autocommit), and in a thread of the caller's:

- coalesces bursts: the first notification opens a window of `debounce` seconds (at most
  `max_wait` while they keep coming); everything heard in it is delivered as one
  `ChangeBatch` (an import of 10,000 rows is one reload, not 10,000);
- drops the app's own changes (the notifying backend is one of this engine's pooled
  connections: their pids are collected as they connect) — the app already refreshed;
- checks the connection when idle (`ping_every`), and at once when `check_now` is called
  (a read or write of the app failed); a lost connection is reported (`on_state(False)`),
  then retried with backoff; once back it LISTENs again and reports `on_state(True)`
  (the caller reloads everything: changes made while away were not heard).

Nothing here on SQLite (one user): `ChangeFeed.for_engine` returns None.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event

from prospection.core import dialects

log = logging.getLogger(__name__)

#: The channel the triggers of migration 0012 notify on (shared by every schema).
CHANNEL = "prospection_change"
#: Seconds of quiet after a notification before the batch is delivered.
DEBOUNCE = 0.6
#: Seconds at most between the first notification of a burst and its delivery.
MAX_WAIT = 2.0
#: Seconds between two checks of an idle listening connection.
PING_EVERY = 10.0
#: Seconds between reconnection attempts, growing (the last one repeats).
BACKOFF = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)
#: How long `run` sleeps at most between two looks at its stop event.
_SLICE = 0.25
#: TCP keepalives: a server gone without a word (cable, sleep) is noticed in ~20 s.
_KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
}


@dataclass(frozen=True)
class Change:
    """One notification: a statement's change to `table` in `schema`.

    `ids`: the prospects touched, or None when unknown or too many (reload everything).
    `pid`: the server process of the connection that committed it.
    """

    schema: str
    table: str
    ids: frozenset[int] | None
    pid: int = 0


def parse_payload(payload: str, pid: int = 0) -> Change | None:
    """The `Change` in a notification's payload, or None if it is not one of ours."""
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    schema, table, ids = data.get("schema"), data.get("table"), data.get("ids")
    if not isinstance(schema, str) or not isinstance(table, str):
        return None
    if ids is None:
        return Change(schema, table, None, pid)
    if not isinstance(ids, list) or not all(
        isinstance(i, int) and not isinstance(i, bool) for i in ids
    ):
        return None
    return Change(schema, table, frozenset(ids), pid)


@dataclass(frozen=True)
class ChangeBatch:
    """The changes heard in one window: what to reload.

    `ids`: the prospects touched, or None when the whole table may have changed.
    """

    tables: frozenset[str]
    ids: frozenset[int] | None
    notifications: int

    @property
    def activities(self) -> bool:
        """Whether calls, emails, meetings or notes were written (goals, last call)."""
        return "activity" in self.tables

    def touches(self, prospect_id: int) -> bool:
        """Whether the prospect `prospect_id` may have changed."""
        return self.ids is None or prospect_id in self.ids


def merge(changes: Iterable[Change]) -> ChangeBatch | None:
    """One batch for `changes` (None for none)."""
    tables: set[str] = set()
    ids: set[int] | None = set()
    count = 0
    for change in changes:
        count += 1
        tables.add(change.table)
        if change.ids is None:
            ids = None
        elif ids is not None:
            ids.update(change.ids)
    if count == 0:
        return None
    return ChangeBatch(frozenset(tables), None if ids is None else frozenset(ids), count)


@dataclass
class Coalescer:
    """Collects changes and says when the batch is due (times in `time.monotonic`)."""

    debounce: float = DEBOUNCE
    max_wait: float = MAX_WAIT
    _changes: list[Change] = field(default_factory=list)
    _first: float = 0.0
    _last: float = 0.0

    def add(self, change: Change, now: float) -> None:
        if not self._changes:
            self._first = now
        self._changes.append(change)
        self._last = now

    def due_in(self, now: float) -> float | None:
        """Seconds until the batch is due (0: now), None when nothing waits."""
        if not self._changes:
            return None
        due = min(self._last + self.debounce, self._first + self.max_wait)
        return max(0.0, due - now)

    def take(self) -> ChangeBatch | None:
        batch = merge(self._changes)
        self._changes = []
        return batch


class ServerLostError(Exception):
    """The listening connection broke (the server stopped, or the network)."""


def connect_args(engine: Engine) -> dict[str, Any]:
    """The psycopg keyword arguments the engine's pool connects with (password included)."""
    cargs, cparams = engine.dialect.create_connect_args(engine.url)
    if cargs:
        cparams = {**cparams, "conninfo": cargs[0]}
    for key, value in _KEEPALIVES.items():
        cparams.setdefault(key, value)
    cparams.setdefault("connect_timeout", 8)
    return dict(cparams)


class ChangeFeed:
    """The listening connection of one app on one PostgreSQL database (see the module)."""

    def __init__(
        self,
        engine: Engine,
        *,
        debounce: float = DEBOUNCE,
        max_wait: float = MAX_WAIT,
        ping_every: float = PING_EVERY,
        backoff: Sequence[float] = BACKOFF,
        ignore_own: bool = True,
    ) -> None:
        self.engine = engine
        self.debounce = debounce
        self.max_wait = max_wait
        self.ping_every = ping_every
        self.backoff = tuple(backoff) or BACKOFF
        self.ignore_own = ignore_own
        #: Server pids of this engine's pooled connections (their changes are ours).
        self.own_pids: set[int] = set()
        #: Whether the listening connection is up (False before `run` connects).
        self.connected = False
        self._stop = threading.Event()
        self._check = threading.Event()
        self._connection: Any = None
        self._schema = ""
        event.listen(engine, "connect", self._on_pool_connect)

    @classmethod
    def for_engine(cls, engine: Engine, **options: Any) -> ChangeFeed | None:
        """A feed for a server engine; None on SQLite (nobody else writes there)."""
        if dialects.is_sqlite(engine):
            return None
        return cls(engine, **options)

    def _on_pool_connect(self, dbapi_connection: Any, _record: Any) -> None:
        info = getattr(dbapi_connection, "info", None)
        pid = getattr(info, "backend_pid", None)
        if isinstance(pid, int):
            self.own_pids.add(pid)

    # --- the connection -------------------------------------------------------------

    def connect(self) -> None:
        """Open the listening connection and LISTEN (raises ServerLostError)."""
        import psycopg

        self.close()
        try:
            connection = psycopg.connect(**connect_args(self.engine), autocommit=True)
        except psycopg.Error as error:
            raise ServerLostError(str(error)) from error
        try:
            row = connection.execute("SELECT current_schema()").fetchone()
            self._schema = str(row[0]) if row and row[0] else "public"
            connection.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as error:
            connection.close()
            raise ServerLostError(str(error)) from error
        self._connection = connection
        self.connected = True

    def close(self) -> None:
        """Close the listening connection (if open)."""
        connection, self._connection = self._connection, None
        self.connected = False
        if connection is not None:
            try:
                connection.close()
            except Exception:  # closing a broken connection: nothing to do
                log.debug("closing the listening connection", exc_info=True)

    @property
    def schema(self) -> str:
        """The schema listened for (the connection's current schema)."""
        return self._schema

    @property
    def listener_pid(self) -> int | None:
        """The server pid of the listening connection (None when not connected)."""
        connection = self._connection
        return None if connection is None else int(connection.info.backend_pid)

    def ping(self) -> None:
        """Check the listening connection (raises ServerLostError)."""
        import psycopg

        if self._connection is None:
            raise ServerLostError("not connected")
        try:
            self._connection.execute("SELECT 1")
        except psycopg.Error as error:
            raise ServerLostError(str(error)) from error

    def wait(self, timeout: float) -> list[Change]:
        """The changes of our schema heard within `timeout` seconds (raises ServerLostError)."""
        import psycopg

        if self._connection is None:
            raise ServerLostError("not connected")
        changes = []
        try:
            for notify in self._connection.notifies(timeout=timeout):
                change = parse_payload(notify.payload, notify.pid)
                if change is None or change.schema != self._schema:
                    continue
                if self.ignore_own and change.pid in self.own_pids:
                    continue
                changes.append(change)
        except psycopg.Error as error:
            raise ServerLostError(str(error)) from error
        if self._connection.closed:
            raise ServerLostError("the connection was closed")
        return changes

    # --- the loop -------------------------------------------------------------------

    def check_now(self) -> None:
        """Check the connection at once (the app's read or write failed); thread-safe."""
        self._check.set()

    def stop(self) -> None:
        """End `run` (within a fraction of a second); thread-safe."""
        self._stop.set()
        self._check.set()
        if event.contains(self.engine, "connect", self._on_pool_connect):
            event.remove(self.engine, "connect", self._on_pool_connect)

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def run(
        self,
        on_changes: Callable[[ChangeBatch], None],
        on_state: Callable[[bool, str], None],
    ) -> None:
        """Listen until `stop`: batches to `on_changes`, up/down to `on_state(up, why)`.

        `on_state(True, "")` is called at each (re)connection, the first one included;
        `on_state(False, why)` once when the connection is lost or cannot be made.
        """
        attempt = 0
        up: bool | None = None
        while not self._stop.is_set():
            try:
                self.connect()
            except ServerLostError as error:
                if self._stop.is_set():
                    break  # stopped while connecting: nobody to tell
                if up is not False:
                    up = False
                    on_state(False, str(error))
                delay = self.backoff[min(attempt, len(self.backoff) - 1)]
                attempt += 1
                log.info("team server unreachable, next try in %.0f s: %s", delay, error)
                self._check.clear()
                self._check.wait(delay)  # check_now / stop try again at once
                continue
            if self._stop.is_set():
                self.close()
                break
            attempt = 0
            up = True
            on_state(True, "")
            try:
                self._listen(on_changes)
            except ServerLostError as error:
                log.warning("team server connection lost: %s", error)
                up = False
                if not self._stop.is_set():
                    on_state(False, str(error))
            finally:
                self.close()

    def _listen(self, on_changes: Callable[[ChangeBatch], None]) -> None:
        pending = Coalescer(self.debounce, self.max_wait)
        last_ping = time.monotonic()
        while not self._stop.is_set():
            now = time.monotonic()
            due = pending.due_in(now)
            if due == 0.0:
                batch = pending.take()
                if batch is not None:
                    on_changes(batch)
                continue
            if self._check.is_set() or now - last_ping >= self.ping_every:
                self._check.clear()
                self.ping()
                last_ping = now
            timeout = _SLICE if due is None else min(due, _SLICE)
            for change in self.wait(timeout):
                pending.add(change, time.monotonic())
