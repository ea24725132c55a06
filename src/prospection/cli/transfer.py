"""CLI commands moving data in and out: import, import-undo, imports, export."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from prospection.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    database,
    fail,
    iso,
    print_json,
    record_id,
)
from prospection.core.exports import (
    SUFFIXES,
    ExportFormat,
    UnwritableCharacters,
    export,
    search_ids,
)

_DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "import",
        help="import prospects from a CSV, XLSX, vCard or Prospection JSON file",
        description="Import a file: duplicates are merged, every column is kept, and the "
        "whole import is one batch that import-undo removes.",
    )
    command.add_argument("file", metavar="FILE")
    command.add_argument(
        "--format", choices=["auto", "csv", "xlsx", "vcard", "json"], default="auto"
    )
    command.add_argument("--encoding", metavar="E", help="text encoding (default: detected)")
    command.add_argument(
        "--delimiter", metavar="D", help="CSV delimiter: , ; | or tab (default: detected)"
    )
    command.add_argument("--sheet", metavar="NAME", help="XLSX sheet (default: the first)")
    command.add_argument(
        "--region", default="FR", metavar="CC", help="country of national phone numbers"
    )
    command.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    command.add_argument("--json", action="store_true", help="print the result as JSON")
    command.set_defaults(handler=run_import)

    undo = subparsers.add_parser(
        "import-undo", help="remove what an import created and restore what it merged"
    )
    undo.add_argument("batch_id", metavar="BATCH_ID", type=record_id)
    undo.add_argument("--json", action="store_true", help="print the result as JSON")
    undo.set_defaults(handler=run_undo)

    batches = subparsers.add_parser("imports", help="list the imports (batches)")
    batches.add_argument("--json", action="store_true", help="print the list as JSON")
    batches.set_defaults(handler=run_list)

    out = subparsers.add_parser("export", help="export prospects (or meetings, as .ics)")
    out.add_argument(
        "--format", required=True, choices=[f.value for f in ExportFormat], dest="file_format"
    )
    out.add_argument("--search", metavar="TEXT", help="only prospects matching TEXT")
    out.add_argument("--out", metavar="FILE", help="file to write (default: standard output)")
    out.add_argument(
        "--cp1252-stand-ins",
        action="store_true",
        help="csv-fr: write characters Windows-1252 lacks as close stand-ins (Łódź as "
        "Lódz, others as ?) instead of stopping",
    )
    out.set_defaults(handler=run_export)


def _delimiter(value: str | None) -> str | None:
    if value is None:
        return None
    value = _DELIMITER_NAMES.get(value.lower(), value)
    if len(value) != 1:
        fail(f"the delimiter must be one character (or 'tab'), not {value!r}")
    return value


def _region(value: str) -> str:
    import phonenumbers

    region = value.strip().upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        fail(f"unknown region {value!r} (a two-letter country code such as FR, BE, CH)")
    return region


def run_import(args: argparse.Namespace) -> int:
    from prospection.core.imports import (
        ImportFileError,
        apply_plan,
        detect_layout,
        dry_run_result,
        plan_import,
        read_source,
    )
    from prospection.core.imports.mappings import remembered_mapping

    region = _region(args.region)
    delimiter = _delimiter(args.delimiter)
    if args.encoding is not None:
        import codecs

        try:
            codecs.lookup(args.encoding)
        except LookupError:
            fail(f"unknown encoding {args.encoding!r} (examples: utf-8, cp1252, utf-16)")
    from prospection.core.collector import quiet_collector

    # As the import wizard does: the file and the plan (millions of objects that stay
    # alive) are kept out of the garbage collector's walks (about 0.7 s at 100,000 rows).
    try:
        with quiet_collector(keep=True):
            table = read_source(
                Path(args.file),
                file_format=args.format,
                encoding=args.encoding,
                delimiter=delimiter,
                sheet=args.sheet,
            )
    except ImportFileError as error:
        fail(f"{args.file}: {error}", EXIT_FAILURE)
    layout = detect_layout(table.headers, table.file_format)
    with database(args.data_dir) as db:
        with quiet_collector(keep=True), db.session() as session:
            mapping = remembered_mapping(session, table.headers) or layout.mapping
            plan = plan_import(session, table, layout, mapping, region=region)
        empty = plan.nothing_to_import()
        if empty is not None:  # no empty batch recorded
            fail(empty.text, EXIT_FAILURE)
        result = dry_run_result(plan) if args.dry_run else apply_plan(db, plan)
    if args.json:
        print_json(result.as_json())
        return EXIT_OK
    verb = "Would import" if args.dry_run else "Imported"
    print(
        f"{verb} {result.rows_read} rows from {table.file_name} ({layout.label}, "
        f"{table.encoding or table.file_format}): {result.prospects_created} new prospects, "
        f"{result.contacts_created} new contacts, {result.merged} merged, "
        f"{result.possible_duplicates} possible duplicates, {result.invalid} invalid."
    )
    if result.batch_id is not None:
        print(
            f"Batch {result.batch_id}: undo with `prospection-cli import-undo {result.batch_id}`."
        )
    for merge in result.merges[:50]:
        parts = []
        if merge.filled:
            parts.append("filled " + ", ".join(merge.filled))
        parts.extend(f"{c.field}: {c.incoming} (kept: {c.kept})" for c in merge.conflicts)
        if merge.notes_appended:
            parts.append("notes appended")
        if merge.phones_added:
            parts.append(f"{merge.phones_added} phone(s) added")
        print(f"  {merge.table} {merge.id} {merge.name}: {'; '.join(parts)}")
    if len(result.merges) > 50:
        print(f"  ... and {len(result.merges) - 50} more merged records")
    for problem in result.problems[:50]:
        print(f"  line {problem.line}: {problem.message}")
    if len(result.problems) > 50:
        print(f"  ... and {len(result.problems) - 50} more")
    return EXIT_OK


def run_undo(args: argparse.Namespace) -> int:
    from prospection.core.imports import BatchError, undo_import

    with database(args.data_dir) as db:
        try:
            result = undo_import(db, args.batch_id)
        except BatchError as error:
            fail(str(error), EXIT_FAILURE)
    if args.json:
        print_json(
            {
                "batch_id": result.batch_id,
                "prospects_removed": result.prospects_removed,
                "contacts_removed": result.contacts_removed,
                "values_restored": result.values_restored,
            }
        )
    else:
        print(
            f"Import {result.batch_id} undone: {result.prospects_removed} prospects and "
            f"{result.contacts_removed} contacts removed, {result.values_restored} values "
            "restored."
        )
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    from prospection.core.imports import list_batches

    with database(args.data_dir, writes=False) as db, db.session() as session:
        batches = list_batches(session)
    if args.json:
        print_json(
            [
                {
                    "batch_id": b.id,
                    "file_name": b.file_name,
                    "imported_at": iso(b.imported_at),
                    "rows_read": b.rows_read,
                    "prospects_created": b.prospects_created,
                    "contacts_created": b.contacts_created,
                    "merged": b.merged,
                    "undone_at": iso(b.undone_at),
                }
                for b in batches
            ]
        )
        return EXIT_OK
    for b in batches:
        state = f" (undone {iso(b.undone_at)})" if b.undone_at else ""
        print(
            f"{b.id}\t{iso(b.imported_at)}\t{b.file_name}\t{b.prospects_created} prospects, "
            f"{b.contacts_created} contacts, {b.merged} merged{state}"
        )
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    fmt = ExportFormat(args.file_format)
    if args.out is None and fmt is ExportFormat.XLSX and sys.stdout.isatty():
        fail("an XLSX export needs --out FILE (it is not text)")
    stand_ins = bool(getattr(args, "cp1252_stand_ins", False))
    try:
        with database(args.data_dir, writes=False) as db, db.session() as session:
            ids = search_ids(session, args.search) if args.search else None
            if args.out is not None:
                summary = export(session, Path(args.out), fmt, ids, cp1252_stand_ins=stand_ins)
            else:
                with tempfile.TemporaryDirectory() as folder:
                    path = Path(folder) / f"export{SUFFIXES[fmt]}"
                    export(session, path, fmt, ids, cp1252_stand_ins=stand_ins)
                    sys.stdout.flush()
                    sys.stdout.buffer.write(path.read_bytes())
                    sys.stdout.buffer.flush()
                return EXIT_OK
    except UnwritableCharacters as error:
        fail(
            "Windows-1252 (csv-fr) cannot hold " + " ".join(error.characters) + ": nothing "
            "was written; use --format csv (UTF-8 with BOM, which Excel opens right) or "
            "--cp1252-stand-ins",
            EXIT_FAILURE,
        )
    if fmt is ExportFormat.ICS:
        print(f"Exported {summary.meetings} meetings to {args.out}.")
    else:
        print(
            f"Exported {summary.prospects} prospects ({summary.contacts} contacts) to {args.out}."
        )
    return EXIT_OK
