"""Round trips per keystroke of the table's search, on SQLite and on PostgreSQL (issue #17).

    PYTHONPATH=$PWD uv run python -m tests.benchmarks.round_trips --pg-url URL [--size 3000]

Builds (or reuses) a set of `--size` prospects in `--cache-dir`, copies it into the
server's schema for that size, then types the harness's keystrokes into the table (model
and view, offscreen, as `ours_table` builds them) and counts, per keystroke: pool
checkouts, pings (`pool_pre_ping` or another check at checkout), transactions (BEGIN
and COMMIT: two round trips each on a server) and statements. On a server each of these
is one round trip; the server's own count is taken too, by a TCP relay between the app
and the server that counts each time the app speaks after the server answered (a
server-side cursor's DECLARE, FETCH and CLOSE included, which SQLAlchemy's events do not
see).
"""

from __future__ import annotations

import argparse
import selectors
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url

from tests.benchmarks.search_bench import keystrokes


class Relay:
    """A TCP relay to a server that counts round trips (the client speaking again)."""

    def __init__(self, host: str, port: int, latency: float = 0.0) -> None:
        self.upstream = (host, port)
        #: Seconds added to each round trip (a LAN's, on a localhost server).
        self.latency = latency
        self.round_trips = 0
        #: The start of each round trip's first message, when a list is given.
        self.log: list[bytes] | None = None
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._listener, selectors.EVENT_READ, None)
        self._stop = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        # Each socket's data: (its peer, whether it is the client's side, the pair's state).
        while not self._stop:
            for key, _mask in self._selector.select(timeout=0.1):
                if key.data is None:
                    client, _ = self._listener.accept()
                    server = socket.create_connection(self.upstream)
                    for either in (client, server):
                        either.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    state = {"last": "server"}
                    self._selector.register(client, selectors.EVENT_READ, (server, True, state))
                    self._selector.register(server, selectors.EVENT_READ, (client, False, state))
                    continue
                sock = cast(socket.socket, key.fileobj)
                peer, from_client, state = key.data
                try:
                    data = sock.recv(1 << 16)
                except OSError:  # closed meanwhile (the relay stopping)
                    data = b""
                if not data:
                    for either in (sock, peer):
                        with suppress(KeyError, ValueError):
                            self._selector.unregister(either)
                        either.close()
                    continue
                if from_client and state["last"] == "server":
                    self.round_trips += 1
                    if self.latency:
                        time.sleep(self.latency)
                    if self.log is not None:
                        self.log.append(data[:80])
                state["last"] = "client" if from_client else "server"
                peer.sendall(data)

    def close(self) -> None:
        self._stop = True
        self._thread.join(1)
        self._listener.close()


@contextmanager
def counting(engine: Engine) -> Iterator[Counter[str]]:
    """Count checkouts, pings, transactions and statements of `engine` meanwhile."""
    counts: Counter[str] = Counter()

    def checkout(*_args: Any) -> None:
        counts["checkouts"] += 1

    def statement(*_args: Any) -> None:
        counts["statements"] += 1

    def begin(*_args: Any) -> None:
        counts["transactions"] += 1

    dialect = engine.dialect
    real_ping = dialect.do_ping

    def ping(dbapi_connection: Any) -> bool:
        counts["pings"] += 1
        return bool(real_ping(dbapi_connection))

    event.listen(engine, "checkout", checkout)
    event.listen(engine, "before_cursor_execute", statement)
    event.listen(engine, "begin", begin)
    dialect.do_ping = ping  # type: ignore[method-assign]
    try:
        yield counts
    finally:
        del dialect.do_ping  # the class's own again
        event.remove(engine, "checkout", checkout)
        event.remove(engine, "before_cursor_execute", statement)
        event.remove(engine, "begin", begin)


def trace(path: Path, url: str | None, latency: float = 0.0) -> dict[str, float]:
    """Per keystroke on average: checkouts, pings, transactions, statements, round trips
    (a server: counted on the wire), ms."""
    from tests.benchmarks.ours_table import OursTable

    relay = None
    if url is not None:
        parsed = make_url(url)
        relay = Relay(parsed.host or "localhost", parsed.port or 5432, latency)
        url = parsed.set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False)
    table = OursTable(path, url)
    table.open()
    try:
        assert table.db is not None
        table.sort("name")
        texts = keystrokes()
        wire = relay.round_trips if relay is not None else 0
        times = []
        with counting(table.db.engine) as counts:
            for text in texts:
                started = time.perf_counter()
                table.filter(text)
                times.append(time.perf_counter() - started)
        elapsed = sum(times)
        if relay is not None:
            counts["round trips"] = relay.round_trips - wire
        table.filter("")
    finally:
        table.close()
        if relay is not None:
            relay.close()
    per = {key: value / len(texts) for key, value in counts.items()}
    per["ms"] = elapsed * 1000 / len(texts)
    per["p95 ms"] = sorted(times)[int(0.95 * (len(times) - 1) + 0.5)] * 1000
    per["keystrokes"] = len(texts)
    return per


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg-url", required=True)
    parser.add_argument("--size", type=int, default=3000)
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/round-trips-cache"))
    parser.add_argument(
        "--latency-ms", type=float, default=0.0, help="added to each server round trip"
    )
    parser.add_argument(
        "--server-only",
        action="store_true",
        help="--pg-url opens a set already there (the harness's schema): PostgreSQL only",
    )
    args = parser.parse_args()
    from tests.benchmarks import dataset, pg_dataset

    if args.server_only:
        runs: tuple[tuple[str, Path, str | None], ...] = (
            ("PostgreSQL", Path("unused.sqlite3"), args.pg_url),
        )
    else:
        data = dataset.build(args.cache_dir, args.size)
        server = pg_dataset.build(args.pg_url, data)
        runs = (("SQLite", data.path, None), ("PostgreSQL", data.path, server.url))
    for label, path, url in runs:
        per = trace(path, url, args.latency_ms / 1000)
        keys = ("checkouts", "pings", "transactions", "statements", "round trips", "ms", "p95 ms")
        shown = ", ".join(f"{key} {per.get(key, 0.0):.2f}" for key in keys)
        print(f"{label:<10} {args.size} prospects, {per['keystrokes']:.0f} keystrokes: {shown}")


if __name__ == "__main__":
    main()
