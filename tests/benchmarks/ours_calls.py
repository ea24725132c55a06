"""A call session: build the queue, then "next prospect" after each outcome key."""

from __future__ import annotations

import importlib
import time
from pathlib import Path
from typing import Any

from prospection.core import call_queue, call_sessions
from prospection.core.db import open_database
from prospection.core.enums import Outcome
from tests.benchmarks.qt_session import median
from tests.benchmarks.report import Row, not_available

CALLS = 12


def _card_loader() -> Any:
    # The call card (what the session shows of the next prospect) lands with issue 3.
    try:
        module = importlib.import_module("prospection.core.call_cards")
    except ImportError:
        return None
    return getattr(module, "load_call_card", None)


def run(path: Path, size: int, url: str | None = None) -> list[Row]:
    """Seconds to build a 20-call queue; per call, outcome saved + next prospect loaded.

    The calls are really written (a no-answer each): the cached data set drifts by a
    dozen activities per run, as a user's file would. With `url`, on that PostgreSQL
    database instead of the file.
    """
    database = open_database(path, url=url)
    load_card = _card_loader()
    steps: list[float] = []
    saves: list[float] = []
    try:
        spec = call_queue.QueueSpec.parse_source("due", 20)
        started = time.perf_counter()
        with database.session() as session:
            queue = call_queue.build_queue(session, spec)
            state = call_sessions.start_session(session, spec, queue)
        build_s = time.perf_counter() - started
        if load_card is not None and state.current_prospect_id is not None:
            with database.session() as session:
                load_card(session, state.current_prospect_id)
        for _ in range(CALLS):
            current = state.current_prospect_id
            if current is None:
                break
            # The outcome key: the call and the new position, committed (and synced).
            started = time.perf_counter()
            with database.session() as session:
                _result, state = call_sessions.record_call(
                    session, state.id, current, Outcome.NO_ANSWER
                )
            saved = time.perf_counter()
            # The next prospect's card, as the session shows it.
            if load_card is not None and state.current_prospect_id is not None:
                with database.session() as session:
                    load_card(session, state.current_prospect_id)
            done = time.perf_counter()
            saves.append(saved - started)
            steps.append(done - saved)
        with database.session() as session:
            call_sessions.end_session(session, state.id)
    finally:
        database.dispose()
    rows = [
        Row(
            measure="build a 20-call queue",
            size=size,
            ours_s=build_s,
            extra={"queue": len(queue.entries)},
        )
    ]
    if not steps:
        rows.append(Row(measure="next prospect in a call session", size=size, note="empty queue"))
        return rows
    if load_card is not None:
        rows.append(
            Row(
                measure="next prospect in a call session",
                size=size,
                ours_s=median(steps),
                note=f"next card loaded; median of {len(steps)}, max {max(steps) * 1000:.1f} ms",
                extra={"steps_s": steps},
            )
        )
    else:
        rows.append(not_available("next prospect in a call session", size))
    rows.append(
        Row(
            measure="save a call outcome (durable commit)",
            size=size,
            ours_s=median(saves),
            note=f"median of {len(saves)}, max {max(saves) * 1000:.1f} ms",
            extra={"saves_s": saves},
        )
    )
    return rows
