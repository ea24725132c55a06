"""CLI commands for backups: back up now, list backups, restore one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from prospection import paths
from prospection.cli.common import EXIT_FAILURE, EXIT_OK, database, fail, iso, print_json
from prospection.core import backup, privacy
from prospection.core.db import open_database
from prospection.core.errors import READ_ONLY_TEXT, StorageError
from prospection.core.integrity import CopyDamagedError, LiveCheck, ReadOnly, restore_over_damaged


def register(subparsers: Any) -> None:
    make = subparsers.add_parser("backup", help="back the database up now")
    make.add_argument("--out", metavar="FILE", help="write the backup to FILE instead")
    make.set_defaults(handler=run_backup)
    listing = subparsers.add_parser("backups", help="list the backups, newest first")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_backups)
    restore = subparsers.add_parser(
        "restore", help="replace the data with a backup (the present data is backed up first)"
    )
    restore.add_argument("file", metavar="FILE", help="the backup file to restore")
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    # The copy itself is checked (a bad one is deleted): no need to check the file twice.
    with database(args.data_dir, check=False, local=True) as db:
        try:
            if args.out:
                out = Path(args.out).expanduser()
                if out.exists():
                    fail(f"{out} already exists; choose another file name")
                if not out.parent.is_dir():
                    fail(f"folder {out.parent} does not exist; create it first")
                written = backup.backup_to(db, out)
            else:
                written = backup.make_backup(db, "manual")
        except CopyDamagedError as error:
            fail(f"no backup made: {error}", EXIT_FAILURE)
    print(f"Backed up to {written}")
    return EXIT_OK


def backup_json(info: backup.BackupInfo) -> dict[str, Any]:
    """One backup as JSON (shared with `restore`'s output)."""
    return {
        "file": str(info.path),
        "created_at": iso(info.created_at),
        "reason": info.reason,
        "size": info.size,
        "readable": info.readable,
        "prospects": info.prospects,
        "contacts": info.contacts,
        "activities": info.activities,
        "schema": info.schema,
    }


def run_backups(args: argparse.Namespace) -> int:
    folder = paths.resolve(args.data_dir).backups
    found = backup.list_backups(folder)
    if args.json:
        print_json([backup_json(b) for b in found])
        return EXIT_OK
    if not found:
        print(f"No backups yet in {folder}")
    for info in found:
        counts = (
            f"{info.prospects} prospects, {info.contacts} contacts, {info.activities} activities"
            if info.readable
            else "unreadable"
        )
        print(f"{info.created_at:%Y-%m-%d %H:%M}  {info.reason:<16} {counts}  {info.path.name}")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    source = Path(args.file).expanduser()
    if not source.is_file():
        fail(f"{source} does not exist")
    try:
        backup.verify_backup(source)
    except StorageError as error:
        fail(f"cannot restore: {error}", EXIT_FAILURE)
    app_paths = paths.resolve(args.data_dir)
    app_paths.ensure()
    try:
        db = open_database(app_paths.database, backups_dir=app_paths.backups)
    except StorageError:
        # The live file cannot be opened (damaged or newer): keep it aside, then restore.
        aside = backup.restore_over_unusable(app_paths.database, source)
        db = open_database(app_paths.database, backups_dir=app_paths.backups)
        try:
            # The live list could not be read: the ledger beside the file has it.
            reapplied = privacy.reapply_ledger(db)
        finally:
            db.dispose()
        print(f"Restored {source}. The file that could not be opened was kept as {aside}")
        _say_reapplied(reapplied)
        return EXIT_OK
    if db.read_only:
        db.dispose()
        fail(READ_ONLY_TEXT, EXIT_FAILURE)
    try:
        if not LiveCheck(db.path).run().ok:
            # Opens, but damaged: kept aside like a file that cannot be opened at all.
            db.read_only = ReadOnly.DAMAGED
            aside, damaged_reapplied = restore_over_damaged(db, source)
            print(f"Restored {source}. The damaged file was kept as {aside}")
            _say_reapplied(damaged_reapplied)
            return EXIT_OK
        safety_copy, reapplied = privacy.restore_keeping_objections(db, source)
    finally:
        db.dispose()
    print(f"Restored {source}. The data as it was before is in {safety_copy}")
    _say_reapplied(reapplied)
    return EXIT_OK


def _say_reapplied(reapplied: privacy.Reapplied) -> None:
    print(
        f"Suppression list re-applied: {reapplied.flagged} contacts flagged do-not-contact, "
        f"{reapplied.erased} erased again, {reapplied.hashes} hashes added back"
    )
