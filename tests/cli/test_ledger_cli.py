"""Issue 13.2 from the command line: restore keeps objections and erasures via the ledger."""

from __future__ import annotations

import json
from pathlib import Path

from prospection.core.db import open_database
from prospection.core.models import Contact
from tests.cli.test_safety_cli import cli, seed


def test_restore_over_a_corrupt_file_reapplies_the_ledger(data_dir: Path, tmp_path: Path) -> None:
    contact_id = seed(data_dir)
    out = tmp_path / "before.sqlite3"
    assert cli(data_dir, "backup", "--out", str(out)).returncode == 0
    assert cli(data_dir, "erase", str(contact_id)).returncode == 0
    live = data_dir / "prospection.sqlite3"
    for suffix in ("-wal", "-shm"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)
    live.write_bytes(b"\x00garbage" * 4000)
    result = cli(data_dir, "restore", str(out))
    assert result.returncode == 0, result.stderr
    assert "1 erased again" in result.stdout
    listed = json.loads(cli(data_dir, "list", "--json").stdout)
    assert listed[0]["contacts"] == []
    assert b"Vasseur" not in live.read_bytes().replace(b"Boulangerie Vasseur", b"")


def test_erase_without_objection_then_restore_an_older_backup(
    data_dir: Path, tmp_path: Path
) -> None:
    from prospection.core import privacy

    contact_id = seed(data_dir)
    out = tmp_path / "before.sqlite3"
    assert cli(data_dir, "backup", "--out", str(out)).returncode == 0
    db = open_database(data_dir / "prospection.sqlite3")
    try:
        privacy.erase_person(db, contact_id, keep_objection=False)
    finally:
        db.dispose()
    result = cli(data_dir, "restore", str(out))
    assert result.returncode == 0, result.stderr
    assert "1 erased again" in result.stdout
    db = open_database(data_dir / "prospection.sqlite3")
    try:
        with db.session() as session:
            assert session.get(Contact, contact_id) is None
    finally:
        db.dispose()
