"""Damaged files for tests: a real database with bytes flipped in a page mid-file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from prospection.core.db import Database
from prospection.core.integrity import check_file
from prospection.core.models import Contact, Prospect


def fill(db: Database, count: int = 400) -> None:
    """Enough prospects for the file to hold many pages."""
    with db.session() as session:
        for index in range(count):
            prospect = Prospect(name=f"Entreprise {index:04d}", city="Lyon", pains="x" * 200)
            prospect.contacts.append(Contact(first_name="Anne", last_name=f"Nom{index}"))
            session.add(prospect)


def flip_page_mid_file(path: Path) -> int:
    """Flip the header bytes of a b-tree page in the middle of the closed file at `path`.

    Tries pages outward from the middle until SQLite's quick_check reports the damage
    (a free or overflow page could pass); returns the page damaged. The file must be
    closed, its -wal checkpointed away.
    """
    connection = sqlite3.connect(path)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
    finally:
        connection.close()
    assert pages > 8, "too small a file to damage mid-file"
    middle = pages // 2
    for offset in range(pages // 2):
        for page in (middle + offset, middle - offset):
            if not 2 <= page <= pages:
                continue
            with path.open("r+b") as handle:
                handle.seek((page - 1) * page_size)
                original = handle.read(16)
                handle.seek((page - 1) * page_size)
                handle.write(bytes(b ^ 0xFF for b in original))
            if check_file(path):
                return page
            with path.open("r+b") as handle:
                handle.seek((page - 1) * page_size)
                handle.write(original)
    raise AssertionError("no page whose damage quick_check reports")


def damage(db: Database) -> int:
    """Close `db` and damage its file mid-file (quick_check reports it); returns the page."""
    db.dispose()
    for suffix in ("-wal", "-shm"):
        assert not db.path.with_name(db.path.name + suffix).exists() or suffix == "-shm"
    return flip_page_mid_file(db.path)
