"""prospection-cli backup/restore/backups and dnc/erase/export-person/retention/can-call."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from prospection.cli.main import main
from prospection.core.db import open_database
from prospection.core.enums import Channel
from prospection.core.models import Contact, Phone, Prospect


def cli_subprocess(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real command, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "prospection.cli.main", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The same entry point in-process (a subprocess costs seconds on a busy machine)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--data-dir", str(data_dir), *args])
        except SystemExit as exit_:  # argparse's usage errors
            code = int(exit_.code or 0)
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def seed(data_dir: Path, *, consumer: bool = False) -> int:
    db = open_database(data_dir / "prospection.sqlite3", backups_dir=data_dir / "backups")
    try:
        with db.session() as session:
            prospect = Prospect(name="Boulangerie Vasseur", is_consumer=consumer)
            person = Contact(first_name="Inès", last_name="Vasseur", email="ines@vasseur.fr")
            person.phones.append(Phone(raw="06 12 34 56 78", e164="+33612345678"))
            prospect.contacts.append(person)
            session.add(prospect)
            session.flush()
            return person.id
    finally:
        db.dispose()


def test_backup_list_and_restore(data_dir: Path, tmp_path: Path) -> None:
    seed(data_dir)
    made = cli(data_dir, "backup")
    assert made.returncode == 0, made.stderr
    listed = json.loads(cli(data_dir, "backups", "--json").stdout)
    assert len(listed) == 1 and listed[0]["prospects"] == 1 and listed[0]["reason"] == "manual"
    out = tmp_path / "copy.sqlite3"
    assert cli(data_dir, "backup", "--out", str(out)).returncode == 0
    assert cli(data_dir, "backup", "--out", str(out)).returncode == 2  # never overwrite
    seed(data_dir)
    restored = cli(data_dir, "restore", str(out))
    assert restored.returncode == 0, restored.stderr
    listed = json.loads(cli(data_dir, "backups", "--json").stdout)
    assert listed[0]["reason"] == "before-restore"
    assert listed[0]["prospects"] == 2


def test_restore_refuses_bad_files_without_traceback(data_dir: Path, tmp_path: Path) -> None:
    seed(data_dir)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"hello" * 500)
    result = cli_subprocess(data_dir, "restore", str(bad))
    assert result.returncode == 1
    assert "not a Prospection database" in result.stderr
    assert "Traceback" not in result.stderr
    missing = cli(data_dir, "restore", str(tmp_path / "nope.sqlite3"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_restore_over_a_damaged_database(data_dir: Path, tmp_path: Path) -> None:
    seed(data_dir)
    out = tmp_path / "good.sqlite3"
    assert cli(data_dir, "backup", "--out", str(out)).returncode == 0
    live = data_dir / "prospection.sqlite3"
    for suffix in ("-wal", "-shm"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)
    live.write_bytes(b"\x00garbage" * 4000)
    result = cli_subprocess(data_dir, "restore", str(out))
    assert result.returncode == 0, result.stderr
    assert "kept as" in result.stdout
    assert cli(data_dir, "check").returncode == 0
    assert list(data_dir.glob("prospection-set-aside-*.sqlite3"))


def test_dnc_erase_and_export(data_dir: Path, tmp_path: Path) -> None:
    contact_id = seed(data_dir)
    result = cli(data_dir, "dnc", str(contact_id), "--channel", "phone", "--reason", "asked")
    assert result.returncode == 0, result.stderr
    db = open_database(data_dir / "prospection.sqlite3")
    try:
        with db.session() as session:
            contact = session.get_one(Contact, contact_id)
            assert contact.dnc_phone and contact.dnc_phone_reason == "asked"
    finally:
        db.dispose()
    out = tmp_path / "person.json"
    exported = cli(data_dir, "export-person", str(contact_id), "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["person"]["last_name"] == "Vasseur"
    assert cli(data_dir, "erase", str(contact_id)).returncode == 0
    gone = cli(data_dir, "erase", str(contact_id))
    assert gone.returncode == 1 and "no contact" in gone.stderr
    assert cli(data_dir, "dnc", "1", "--channel", "fax").returncode == 2
    assert b"Vasseur" not in (data_dir / "prospection.sqlite3").read_bytes().replace(
        b"Boulangerie Vasseur", b""
    )
    assert Channel.PHONE.value == "phone"


def test_retention_and_can_call(data_dir: Path) -> None:
    seed(data_dir, consumer=True)
    retention = cli(data_dir, "retention", "--json")
    assert retention.returncode == 0 and json.loads(retention.stdout) == []
    saturday = cli(data_dir, "can-call", "1", "--at", "2026-11-28T11:00+01:00", "--json")
    assert saturday.returncode == 0, saturday.stderr
    decision = json.loads(saturday.stdout)
    assert decision["allowed"] is False and decision["reason"] == "no_consent"
    assert cli(data_dir, "consent", "1", "--wording", "Oui, appelez-moi").returncode == 0
    decision = json.loads(
        cli(data_dir, "can-call", "1", "--at", "2026-11-28T11:00+01:00", "--json").stdout
    )
    assert decision["reason"] == "weekend"
    assert decision["next_allowed_at"].startswith("2026-11-30T")
    text = cli(data_dir, "can-call", "1", "--at", "2026-11-30T10:30+01:00").stdout
    assert "may be called now" in text
    assert cli(data_dir, "can-call", "99").returncode == 1


def test_add_checks_the_suppression_list(data_dir: Path) -> None:
    """Issue 13.3: `add` flags a person who objected (or was erased) on that channel."""
    contact_id = seed(data_dir)
    assert cli(data_dir, "erase", str(contact_id)).returncode == 0
    added = cli(
        data_dir,
        "add",
        "--company",
        "Vasseur & fils",
        "--last-name",
        "Vasseur",
        "--phone",
        "+33 6 12 34 56 78",
        "--email",
        "other@vasseur.fr",
    )
    assert added.returncode == 0, added.stderr
    db = open_database(data_dir / "prospection.sqlite3")
    try:
        with db.session() as session:
            contact = session.scalars(select(Contact)).one()
            assert contact.dnc_phone and contact.dnc_phone_reason
            assert not contact.dnc_email
    finally:
        db.dispose()


def test_backup_out_into_missing_folder_fails_instead_of_creating_it(
    data_dir: Path, tmp_path: Path
) -> None:
    seed(data_dir)
    missing = tmp_path / "no-such-folder"
    made = cli(data_dir, "backup", "--out", str(missing / "copy.sqlite3"))
    assert made.returncode == 2
    assert "Traceback" not in made.stderr and "does not exist" in made.stderr
    assert not missing.exists()


def test_export_person_and_exports_are_private_files(data_dir: Path, tmp_path: Path) -> None:
    import os
    import stat

    from prospection.core import exports

    contact_id = seed(data_dir)
    out = tmp_path / "person.json"
    assert cli(data_dir, "export-person", str(contact_id), "--out", str(out)).returncode == 0
    table = tmp_path / "table.csv"
    exports.write_csv(table, ["a"], [["b"]], french=False)
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        assert stat.S_IMODE(table.stat().st_mode) == 0o600
