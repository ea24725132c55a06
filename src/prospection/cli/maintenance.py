"""CLI commands about the program and the file itself: version, check."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import text

from prospection import __version__, paths
from prospection.cli.common import EXIT_FAILURE, EXIT_OK, database
from prospection.core import check_verdict
from prospection.core.db import current_revision, head_revision


def register(subparsers: Any) -> None:
    version = subparsers.add_parser("version", help="print the version")
    version.set_defaults(handler=run_version)
    check = subparsers.add_parser(
        "check", help="check the database file (integrity and schema version)"
    )
    check.set_defaults(handler=run_check)


def run_version(args: argparse.Namespace) -> int:
    print(f"prospection {__version__} (schema {head_revision()})")
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    # check=False: the fuller integrity_check below.
    with database(args.data_dir, check=False, local=True) as db:
        with db.engine.begin() as connection:
            integrity = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
            # FTS5's own consistency check raises when the index disagrees with its data.
            connection.execute(
                text("INSERT INTO prospect_search(prospect_search) VALUES ('integrity-check')")
            )
        revision = current_revision(db.engine)
    # The fuller check's verdict is kept too: the next command need not read the file again.
    check_verdict.remember(db.path, [] if integrity == ["ok"] else integrity[:5])
    location = paths.resolve(args.data_dir).database
    if integrity != ["ok"]:
        print(f"{location}: damaged: " + "; ".join(integrity[:5]))
        return EXIT_FAILURE
    if revision != head_revision():
        print(f"{location}: schema {revision}, expected {head_revision()}")
        return EXIT_FAILURE
    print(f"{location}: ok (schema {revision})")
    return EXIT_OK
