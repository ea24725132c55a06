"""The crash test's driver: forks workers doing user actions and SIGKILLs them at random.

Run as `python crash_worker.py DATA_DIR ROUNDS SEED`. Each round forks a worker (the
imports are paid once, here) that creates prospects, logs calls, marks contacts
do-not-contact and imports batches in a loop, writing "ACK <kind> <key>" to a pipe after
each commit: only then would the app confirm the action to the user. The driver kills
it at a random moment, then checks the file: `integrity_check` and the full-text index
are sound, every acknowledged action is there, and no import is half done. It prints
one line per round and exits non-zero at the first problem.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

from sqlalchemy import func, select, text

from prospection.core.calls import log_call
from prospection.core.db import Database, create_sqlite_engine, open_database
from prospection.core.enums import Channel, Outcome
from prospection.core.models import Activity, Contact, ImportBatch, Prospect
from prospection.core.privacy import mark_do_not_contact
from prospection.core.prospect_editing import ProspectInput, create_prospect, update_prospect
from prospection.core.prospects import ContactInput

IMPORT_SIZE = 40
KINDS = ("edit", "edit", "call", "call", "call", "import", "dnc")


def act(db: Database, kind: str, key: str, rng: random.Random, ids: list[int]) -> str | None:
    """Do one user action in its own committed transaction; the key to acknowledge."""
    with db.session() as session:
        if kind == "edit":
            result = create_prospect(
                session,
                ProspectInput(name=f"Prospect {key}", city="Lyon", notes=f"note {key}"),
                [ContactInput(first_name="Ana", last_name=key, phones=["04 65 71 20 10"])],
            )
            assert result.prospect_id is not None
            update_prospect(session, result.prospect_id, {"pains": f"pains {key}"})
            ids.append(result.prospect_id)
        elif kind == "call":
            log_call(session, rng.choice(ids), Outcome.NO_ANSWER, notes=f"call {key}")
        elif kind == "dnc":
            contact_id = session.scalar(
                select(Contact.id).where(Contact.prospect_id == rng.choice(ids)).limit(1)
            )
            if contact_id is None:
                return None
            mark_do_not_contact(session, contact_id, [Channel.PHONE], f"dnc {key}")
            key = f"{key}:{contact_id}"
        else:
            batch = ImportBatch(file_name=f"import {key}", file_hash="0" * 64)
            session.add(batch)
            session.flush()
            session.add_all(
                Prospect(name=f"Imported {key}-{n}", source="import", import_batch_id=batch.id)
                for n in range(IMPORT_SIZE)
            )
    return key


def warm_up(folder: Path) -> None:
    """Do each action once on a scratch file, so that forked workers start warm."""
    path = folder / "warm-up.sqlite3"
    db = open_database(path)
    try:
        ids: list[int] = []
        for kind in ("edit", "call", "dnc", "import"):
            act(db, kind, f"warm-{kind}", random.Random(0), ids)
    finally:
        db.dispose()
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def work(path: Path, round_: int, seed: int, out: int) -> None:
    """The worker's endless loop (it only ends by being killed)."""
    rng = random.Random(seed)
    db = Database(path=path, engine=create_sqlite_engine(path))
    with db.session() as session:  # connect before saying READY
        ids = list(session.scalars(select(Prospect.id).order_by(Prospect.id.desc()).limit(50)))
    os.write(out, b"READY\n")
    sequence = 0
    while True:
        sequence += 1
        kind = rng.choice(KINDS) if ids else "edit"
        key = act(db, kind, f"r{round_}-{sequence}", rng, ids)
        if key is not None:
            os.write(out, f"ACK {kind} {key}\n".encode())


def run_round(path: Path, round_: int, rng: random.Random) -> list[str]:
    """Fork a worker, kill it after a random while; the actions it acknowledged."""
    read_end, write_end = os.pipe()
    seed = rng.randrange(10**9)
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(read_end)
        try:
            work(path, round_, seed, write_end)
        finally:
            os._exit(3)  # never reached unless the worker failed
    os.close(write_end)
    reader = os.fdopen(read_end, "r")
    first = reader.readline().strip()
    if first != "READY":
        raise SystemExit(f"round {round_}: the worker did not start ({first!r})")
    time.sleep(rng.uniform(0.02, 0.6))
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    if not os.WIFSIGNALED(status):
        raise SystemExit(f"round {round_}: the worker stopped by itself ({status})")
    acknowledged = [line.strip() for line in reader if line.startswith("ACK")]
    reader.close()
    return acknowledged


def check(path: Path, acknowledged: list[str]) -> None:
    """The file is sound and holds every acknowledged action; raise SystemExit if not."""
    db = open_database(path)
    try:
        with db.engine.begin() as connection:
            integrity = connection.execute(text("PRAGMA integrity_check")).scalar()
            if integrity != "ok":
                raise SystemExit(f"integrity_check: {integrity}")
            connection.execute(
                text("INSERT INTO prospect_search(prospect_search) VALUES ('integrity-check')")
            )
        with db.session() as session:
            names = set(session.scalars(select(Prospect.name)))
            notes = set(session.scalars(select(Activity.notes)))
            batches = set(session.scalars(select(ImportBatch.file_name)))
            dnc = set(session.scalars(select(Contact.id).where(Contact.dnc_phone.is_(True))))
            sizes = session.scalars(
                select(func.count(Prospect.id))
                .where(Prospect.import_batch_id.is_not(None))
                .group_by(Prospect.import_batch_id)
            ).all()
    finally:
        db.dispose()
    if any(size != IMPORT_SIZE for size in sizes):
        raise SystemExit(f"a half-done import: batch sizes {sorted(set(sizes))}")
    for line in acknowledged:
        _, kind, key = line.split(" ", 2)
        found = {
            "edit": lambda k: f"Prospect {k}" in names,
            "call": lambda k: f"call {k}" in notes,
            "import": lambda k: f"import {k}" in batches,
            "dnc": lambda k: int(k.split(":")[1]) in dnc,
        }[kind](key)
        if not found:
            raise SystemExit(f"lost an acknowledged action: {line}")


def main() -> int:
    data_dir, rounds, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    path = data_dir / "prospection.sqlite3"
    warm_up(data_dir)
    open_database(path).dispose()
    rng = random.Random(seed)
    everything: list[str] = []
    for round_ in range(rounds):
        acknowledged = run_round(path, round_, rng)
        everything.extend(acknowledged)
        check(path, everything)
        print(f"round {round_}: killed after {len(acknowledged)} actions, all there", flush=True)
    kinds = sorted({line.split(" ")[1] for line in everything})
    print(f"DONE {len(everything)} actions kinds={','.join(kinds)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
