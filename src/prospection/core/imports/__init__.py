"""Importing prospects from CSV, XLSX and vCard files: read, recognise, plan, write, undo.

table = read_source(path)                      # any format, encoding, delimiter
layout = detect_layout(table.headers, table.file_format)
with db.session() as session:
    plan = plan_import(session, table, layout)  # every row's fate, nothing written
result = apply_plan(db, plan)                  # one transaction, one ImportBatch
undo_import(db, result.batch_id)
"""

from __future__ import annotations

from prospection.core.imports.errors import BatchError, ImportCancelled, ImportFileError
from prospection.core.imports.fields import Field, Mapping
from prospection.core.imports.layouts import Layout, detect_layout
from prospection.core.imports.planner import Fate, ImportPlan, RowPlan, plan_import
from prospection.core.imports.source import read_source
from prospection.core.imports.table import Problem, SourceTable
from prospection.core.imports.writer import (
    ImportResult,
    UndoResult,
    apply_plan,
    dry_run_result,
    list_batches,
    undo_import,
)

__all__ = [
    "BatchError",
    "Fate",
    "Field",
    "ImportCancelled",
    "ImportFileError",
    "ImportPlan",
    "ImportResult",
    "Layout",
    "Mapping",
    "Problem",
    "RowPlan",
    "SourceTable",
    "UndoResult",
    "apply_plan",
    "detect_layout",
    "dry_run_result",
    "list_batches",
    "plan_import",
    "read_source",
    "undo_import",
]
