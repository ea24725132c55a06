"""The import wizard: file, detected format (overridable), column mapping, preview, import.

Reading, planning and writing run off the GUI thread (the window never freezes, even on
a 100,000-row file) with a progress bar and a way to stop; cancelling the import rolls
it back, leaving the database as it was.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from prospection.core.collector import quiet_collector, thaw
from prospection.core.db import Database
from prospection.core.imports import (
    Fate,
    Field,
    ImportCancelled,
    ImportPlan,
    ImportResult,
    Layout,
    Mapping,
    SourceTable,
    apply_plan,
    detect_layout,
    plan_import,
    read_source,
)
from prospection.core.imports.mappings import remember_mapping, remembered_mapping
from prospection.ui.data_events import DataEvents
from prospection.ui.import_wizard.background import BackgroundTask, Work
from prospection.ui.import_wizard.busy import BusyRow
from prospection.ui.import_wizard.labels import (
    fate_filter_label,
    field_label,
    layout_label,
)
from prospection.ui.import_wizard.messages import message_text
from prospection.ui.import_wizard.preview_model import PreviewModel

FILE_FILTER = "*.csv *.txt *.tsv *.xlsx *.xlsm *.vcf *.vcard"
_FIELD_CHOICES: list[Field | None] = [None, Field.SKIP, *[f for f in Field if f is not Field.SKIP]]
_ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "iso8859-15", "mac_roman"]


@dataclass(frozen=True)
class ReadResult:
    """A file read (off the GUI thread) and the layout recognised in it."""

    path: Path
    table: SourceTable
    layout: Layout


def read_table(
    path: Path,
    file_format: str = "auto",
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ReadResult:
    """Read `path` and recognise its layout (ImportFileError when it cannot be read);
    `progress` hears how far the read is (it may raise ImportCancelled to stop it)."""
    with quiet_collector(keep=True):
        table = read_source(
            path,
            file_format=file_format,
            encoding=encoding,
            delimiter=delimiter,
            sheet=sheet,
            progress=progress,
        )
        return ReadResult(path, table, detect_layout(table.headers, table.file_format))


def reading_work(
    path: Path,
    file_format: str = "auto",
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> Work:
    """The background work of reading `path`: it reports its progress and stops (no
    result) when the task is cancelled, instead of reading the whole file for nothing."""

    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> ReadResult:
        def report(done: int, total: int) -> None:
            if cancelled():
                raise ImportCancelled()
            progress(done, total)

        return read_table(path, file_format, encoding, delimiter, sheet, progress=report)

    return work


def start_reading(
    busy: BusyRow,
    work: Work,
    done: Callable[[ReadResult], None],
    failed: Callable[[str], None],
) -> BackgroundTask:
    """Start `work` (from `reading_work`) on a pool thread, its progress shown in `busy`."""
    task = BackgroundTask(work)
    task.signals.progress.connect(busy.set_progress)
    task.signals.done.connect(done)
    task.signals.failed.connect(failed)
    task.start()
    return task


class ImportState:
    """What the pages share: the file read, its layout, the mapping, the plan."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.table: SourceTable | None = None
        self.layout: Layout | None = None
        self.mapping: Mapping = []
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.file_format = "auto"
        self.encoding: str | None = None
        self.delimiter: str | None = None
        self.sheet: str | None = None
        self.region = "FR"

    def accept(self, result: ReadResult) -> None:
        """Take a finished read as the file to import."""
        self.path, self.table, self.layout = result.path, result.table, result.layout
        self.plan = None


class FilePage(QWizardPage):
    """Step 1: which file. Next reads it off the GUI thread, then moves on by itself."""

    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(
            self.tr(
                "CSV, Excel (.xlsx) or vCard, from Outlook, Google, LinkedIn, HubSpot, "
                "Pipedrive, the SIRENE register or any spreadsheet. Nothing is written "
                "before the last step."
            )
        )
        self.task: BackgroundTask | None = None
        self.read_path: Path | None = None  # the file state.table was read from
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("importPath")
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.clicked.connect(self.browse)
        self.busy = BusyRow(self.tr("Stop reading"), self)
        self.busy.stop_requested.connect(self.stop_reading)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setObjectName("importError")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.path_edit.textChanged.connect(self._path_changed)

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import prospects"), "", self.tr("Contact files") + f" ({FILE_FILTER})"
        )
        if name:
            self.path_edit.setText(name)

    def _path_changed(self) -> None:
        self.read_path = None
        self.completeChanged.emit()

    def reading(self) -> bool:
        """Whether the file is being read."""
        return self.task is not None

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip()) and not self.reading()

    def validatePage(self) -> bool:
        path = Path(self.path_edit.text().strip())
        if self.read_path == path and self.state.table is not None:
            return True
        if not self.reading():
            self.start_reading(path)
        return False  # the wizard moves on when the read is done

    def start_reading(self, path: Path) -> None:
        """Read `path` off the GUI thread (a big workbook takes seconds)."""
        self.error.clear()
        self.state.file_format, self.state.encoding = "auto", None
        self.state.delimiter, self.state.sheet = None, None
        self.path_edit.setEnabled(False)
        self.browse_button.setEnabled(False)
        self.busy.start(self.tr("Reading %1…").replace("%1", path.name))
        self.task = start_reading(self.busy, reading_work(path), self._read, self._failed)
        self.completeChanged.emit()

    def stop_reading(self) -> None:
        """Stop waiting for the file: its reading is abandoned."""
        if self.task is None:
            return
        self.task.abandon()
        self._idle()
        self.error.setText(self.tr("Reading stopped. Choose another file, or press Next again."))

    def _idle(self) -> None:
        self.task = None
        self.busy.finish()
        self.path_edit.setEnabled(True)
        self.browse_button.setEnabled(True)
        self.completeChanged.emit()

    def _read(self, result: ReadResult) -> None:
        self.state.accept(result)
        self.read_path = result.path
        self._idle()
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()

    def _failed(self, message: str) -> None:
        self._idle()
        self.error.setText(self.tr("This file cannot be imported: %1").replace("%1", message))


class FormatPage(QWizardPage):
    """Step 2: what was detected (format, encoding, delimiter, sheet), overridable."""

    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.task: BackgroundTask | None = None
        self.setTitle(self.tr("Check how the file was read"))
        self.setSubTitle(
            self.tr("If the names below look wrong, change the encoding or delimiter.")
        )
        self.source = QLabel(self)
        self.format_box = QComboBox(self)
        for value, text in (("auto", self.tr("Detect")), ("csv", "CSV"), ("xlsx", "Excel (.xlsx)"),
                            ("vcard", "vCard")):  # fmt: skip
            self.format_box.addItem(text, value)
        self.encoding_box = QComboBox(self)
        self.encoding_box.setEditable(True)
        self.delimiter_box = QComboBox(self)
        for value, text in ((",", self.tr("Comma ,")), (";", self.tr("Semicolon ;")),
                            ("\t", self.tr("Tab")), ("|", self.tr("Vertical bar |"))):  # fmt: skip
            self.delimiter_box.addItem(text, value)
        self.sheet_box = QComboBox(self)
        self.apply_button = QPushButton(self.tr("Read again"), self)
        self.apply_button.clicked.connect(self.reread)
        self.busy = BusyRow(self.tr("Stop reading"), self)
        self.busy.stop_requested.connect(self.stop_reading)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setObjectName("formatError")
        self.sample = QTableWidget(self)
        self.sample.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        form = QFormLayout()
        form.addRow(self.tr("Recognised as:"), self.source)
        form.addRow(self.tr("Format:"), self.format_box)
        form.addRow(self.tr("Encoding:"), self.encoding_box)
        form.addRow(self.tr("Delimiter:"), self.delimiter_box)
        form.addRow(self.tr("Sheet:"), self.sheet_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.sample, 1)

    def initializePage(self) -> None:
        self.error.clear()
        self.show_table()

    def cleanupPage(self) -> None:
        self.stop_reading()
        self.error.clear()

    def isComplete(self) -> bool:
        return self.task is None

    def show_table(self) -> None:
        table, layout = self.state.table, self.state.layout
        assert table is not None and layout is not None
        rows = QLocale().toString(len(table.rows))
        self.source.setText(
            self.tr("%1 — %2 rows").replace("%1", layout_label(layout.key)).replace("%2", rows)
        )
        self.format_box.setCurrentIndex(max(0, self.format_box.findData(table.file_format)))
        self.encoding_box.clear()
        self.encoding_box.addItems(_ENCODINGS)
        self.encoding_box.setEditText(table.encoding or "")
        self.encoding_box.setEnabled(table.file_format != "xlsx")
        self.delimiter_box.setCurrentIndex(max(0, self.delimiter_box.findData(table.delimiter)))
        self.delimiter_box.setEnabled(table.file_format == "csv")
        self.sheet_box.clear()
        self.sheet_box.addItems(table.sheets)
        if table.sheet:
            self.sheet_box.setCurrentText(table.sheet)
        self.sheet_box.setEnabled(len(table.sheets) > 1)
        sample = table.rows[:8]
        self.sample.setColumnCount(len(table.headers))
        self.sample.setRowCount(len(sample))
        self.sample.setHorizontalHeaderLabels(table.headers)
        for r, (_line, values) in enumerate(sample):
            for c, value in enumerate(values):
                self.sample.setItem(r, c, QTableWidgetItem(value))

    def reread(self) -> None:
        """Read the file again with the choices made here (off the GUI thread)."""
        path = self.state.path
        if self.task is not None or path is None:
            return
        encoding = self.encoding_box.currentText().strip() or None
        if encoding is not None:
            try:
                codecs.lookup(encoding)
            except LookupError:
                self.error.setText(self.tr("Unknown encoding: %1").replace("%1", encoding))
                return
        state = self.state
        state.file_format = str(self.format_box.currentData())
        state.encoding = encoding
        state.delimiter = str(self.delimiter_box.currentData())
        state.sheet = self.sheet_box.currentText() or None
        if state.file_format != "csv":
            state.delimiter = None
        choices = (state.file_format, state.encoding, state.delimiter, state.sheet)
        self.error.clear()
        self.apply_button.setEnabled(False)
        self.busy.start(self.tr("Reading %1…").replace("%1", path.name))
        work = reading_work(path, *choices)
        self.task = start_reading(self.busy, work, self._read, self._failed)
        self.completeChanged.emit()

    def stop_reading(self) -> None:
        """Stop a reading in progress; what was read before stays."""
        if self.task is None:
            return
        self.task.abandon()
        self._idle()

    def _idle(self) -> None:
        self.task = None
        self.busy.finish()
        self.apply_button.setEnabled(True)
        self.completeChanged.emit()

    def _read(self, result: ReadResult) -> None:
        self._idle()
        self.state.accept(result)
        self.show_table()

    def _failed(self, message: str) -> None:
        self._idle()
        self.error.setText(
            self.tr("The file cannot be read with these choices: %1").replace("%1", message)
        )


class MappingPage(QWizardPage):
    """Step 3: which column goes where (pre-filled, remembered for the same header)."""

    def __init__(self, state: ImportState, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.db = db
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr(
                "Columns not matched to a field are kept with each person as extra fields: "
                "nothing is lost."
            )
        )
        self.grid = QTableWidget(self)
        self.grid.setObjectName("mappingGrid")
        self.grid.setColumnCount(3)
        self.grid.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Example"), self.tr("Goes to")]
        )
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid)

    def initializePage(self) -> None:
        table, layout = self.state.table, self.state.layout
        assert table is not None and layout is not None
        with self.db.session() as session:
            mapping = remembered_mapping(session, table.headers) or list(layout.mapping)
        self.grid.setRowCount(len(table.headers))
        for r, header in enumerate(table.headers):
            example = next((values[r] for _l, values in table.rows[:50] if values[r].strip()), "")
            self.grid.setItem(r, 0, QTableWidgetItem(header))
            self.grid.setItem(r, 1, QTableWidgetItem(example.replace("\n", " ")))
            box = QComboBox(self.grid)
            for field in _FIELD_CHOICES:
                box.addItem(field_label(field), field.value if field is not None else "")
            current = mapping[r]
            box.setCurrentIndex(box.findData(current.value if current is not None else ""))
            self.grid.setCellWidget(r, 2, box)
        self.grid.resizeColumnToContents(0)

    def mapping(self) -> Mapping:
        """The mapping as chosen on the page."""
        chosen: Mapping = []
        for r in range(self.grid.rowCount()):
            box = self.grid.cellWidget(r, 2)
            assert isinstance(box, QComboBox)
            value = str(box.currentData())
            chosen.append(Field(value) if value else None)
        return chosen

    def set_field(self, row: int, field: Field | None) -> None:
        """Choose the field of one column (as the user would)."""
        box = self.grid.cellWidget(row, 2)
        assert isinstance(box, QComboBox)
        box.setCurrentIndex(box.findData(field.value if field is not None else ""))

    def validatePage(self) -> bool:
        self.state.mapping = self.mapping()
        return True


class PreviewPage(QWizardPage):
    """Step 4: every row and its fate, computed off the GUI thread."""

    planned = Signal()

    def __init__(self, state: ImportState, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.db = db
        self.task: BackgroundTask | None = None
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(
            self.tr("What will happen to each row. Tick the possible duplicates to merge.")
        )
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("previewSummary")
        # The step that writes: its button says so ("Import", not "Next >").
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.busy = BusyRow("", self)
        self.busy.stop_button.hide()  # the wizard's Back and Cancel stop the preview
        self.model = PreviewModel(self)
        self.fate_box = QComboBox(self)
        self.fate_box.setObjectName("fateFilter")
        self.fate_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.fate_box.setToolTip(self.tr("Show only the rows of one kind"))
        self.fate_box.currentIndexChanged.connect(self._filter_changed)
        self.confirm_all_button = QPushButton(self.tr("Confirm all possible duplicates"), self)
        self.confirm_all_button.setToolTip(
            self.tr("Merge every possible duplicate into the person it resembles")
        )
        self.confirm_all_button.clicked.connect(lambda: self._confirm_all(True))
        self.confirm_none_button = QPushButton(self.tr("Confirm none"), self)
        self.confirm_none_button.setToolTip(
            self.tr("Import every possible duplicate as a new contact")
        )
        self.confirm_none_button.clicked.connect(lambda: self._confirm_all(False))
        self.view = QTableView(self)
        self.view.setObjectName("previewTable")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.model.dataChanged.connect(self._show_confirmed)
        show_label = QLabel(self.tr("Show:"), self)
        show_label.setBuddy(self.fate_box)
        tools = QHBoxLayout()
        tools.addWidget(show_label)
        tools.addWidget(self.fate_box)
        tools.addStretch(1)
        tools.addWidget(self.confirm_all_button)
        tools.addWidget(self.confirm_none_button)
        self.confirmed_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.busy)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.confirmed_label)
        self._set_tools_enabled(False)

    def _set_tools_enabled(self, enabled: bool) -> None:
        self.fate_box.setEnabled(enabled)
        duplicates = enabled and self.model.fate_counts()[Fate.POSSIBLE_DUPLICATE] > 0
        self.confirm_all_button.setEnabled(duplicates)
        self.confirm_none_button.setEnabled(duplicates)

    def initializePage(self) -> None:
        if self.task is not None:
            self.task.abandon()
        self.state.plan = None
        self.model.set_plan(None)
        self.fate_box.blockSignals(True)
        self.fate_box.clear()
        self.fate_box.blockSignals(False)
        self._set_tools_enabled(False)
        self.confirmed_label.clear()
        self.summary.clear()
        self.busy.start(self.tr("Working out what happens to each row…"))
        table, layout = self.state.table, self.state.layout
        assert table is not None and layout is not None
        mapping, region, db = self.state.mapping, self.state.region, self.db

        def work(progress: Any, cancelled: Any) -> ImportPlan:
            with quiet_collector(keep=True), db.session() as session:
                return plan_import(
                    session, table, layout, mapping, region=region,
                    progress=progress, cancelled=cancelled,
                )  # fmt: skip

        self.task = BackgroundTask(work)
        self.task.signals.progress.connect(self._progress)
        self.task.signals.done.connect(self._planned)
        self.task.signals.failed.connect(self._failed)
        self.task.start()
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        if self.task is not None:
            self.task.abandon()
            self.task = None
        self.busy.finish()

    def _progress(self, done: int, total: int) -> None:
        self.busy.set_progress(done, total)

    def _planned(self, plan: ImportPlan) -> None:
        self.task = None
        self.state.plan = plan
        self.model.set_plan(plan)
        self.busy.finish()
        self.view.resizeColumnsToContents()
        locale = QLocale()
        counts = self.model.fate_counts()
        parts = [
            self.tr("%1: %2")
            .replace("%1", fate_filter_label(fate))
            .replace("%2", locale.toString(counts[fate]))
            for fate in Fate
            if counts[fate]
        ]
        self.summary.setText(" · ".join(parts))
        empty = plan.nothing_to_import()
        if empty is not None:  # refused here: no empty import recorded
            self.summary.setText(message_text(empty))
        self.fate_box.blockSignals(True)
        self.fate_box.clear()
        all_rows = self.tr("All rows (%1)").replace("%1", locale.toString(len(plan.rows)))
        self.fate_box.addItem(all_rows, "")
        for fate in Fate:
            text = f"{fate_filter_label(fate)} ({locale.toString(counts[fate])})"
            self.fate_box.addItem(text, fate.value)
        self.fate_box.blockSignals(False)
        self._set_tools_enabled(True)
        self._show_confirmed()
        self.completeChanged.emit()
        self.planned.emit()

    def _failed(self, message: str) -> None:
        self.task = None
        self.busy.finish()
        self.summary.setText(self.tr("The preview failed: %1").replace("%1", message))

    def set_fate_filter(self, fate: Fate | None) -> None:
        """Show only the rows of `fate` (all when None), as choosing it in the list does."""
        index = self.fate_box.findData(fate.value if fate is not None else "")
        self.fate_box.setCurrentIndex(max(index, 0))

    def _filter_changed(self) -> None:
        value = self.fate_box.currentData()
        self.model.set_fate_filter(Fate(value) if value else None)

    def _confirm_all(self, merge: bool) -> None:
        self.model.confirm_all(merge)
        self._show_confirmed()

    def _show_confirmed(self) -> None:
        possible = self.model.fate_counts()[Fate.POSSIBLE_DUPLICATE]
        if not possible:
            self.confirmed_label.clear()
            return
        locale = QLocale()
        self.confirmed_label.setText(
            self.tr("Possible duplicates to merge: %1 of %2 (the others become new contacts).")
            .replace("%1", locale.toString(len(self.model.confirmed)))
            .replace("%2", locale.toString(possible))
        )

    def isComplete(self) -> bool:
        plan = self.state.plan
        return plan is not None and plan.nothing_to_import() is None

    def validatePage(self) -> bool:
        return self.isComplete()  # a file with nothing importable goes no further


class ImportPage(QWizardPage):
    """Step 5: the import itself, with a progress bar and Cancel."""

    finished_import = Signal()

    def __init__(
        self,
        state: ImportState,
        db: Database,
        events: DataEvents,
        preview: PreviewModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.db = db
        self.events = events
        self.preview = preview
        self.task: BackgroundTask | None = None
        self.done = False
        self.setTitle(self.tr("Import"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("importStatus")
        self.progress = QProgressBar(self)
        self.cancel_button = QPushButton(self.tr("Cancel the import"), self)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        # What merges changed on records already there (filled, kept aside, appended).
        self.report = QPlainTextEdit(self)
        self.report.setObjectName("importReport")
        self.report.setReadOnly(True)
        self.report.hide()
        layout.addWidget(self.report, 1)
        layout.addStretch(1)
        self.setFinalPage(True)

    def initializePage(self) -> None:
        plan = self.state.plan
        table = self.state.table
        assert plan is not None and table is not None
        self.done = False
        with self.db.session() as session:
            remember_mapping(session, table.headers, self.state.mapping)
        self.status.setText(self.tr("Importing…"))
        self.cancel_button.setEnabled(True)
        confirmed = set(self.preview.confirmed)
        db = self.db

        def work(progress: Any, cancelled: Any) -> ImportResult:
            return apply_plan(db, plan, confirmed=confirmed, progress=progress, cancelled=cancelled)

        self.task = BackgroundTask(work)
        self.task.signals.progress.connect(self._progress)
        self.task.signals.done.connect(self._done)
        self.task.signals.failed.connect(self._failed)
        self.task.signals.cancelled.connect(self._cancelled)
        self.task.start()
        self.completeChanged.emit()

    def cancel(self) -> None:
        """Stop the import: everything written so far is rolled back."""
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, result: ImportResult) -> None:
        self.state.result = result
        self.done = True
        self.cancel_button.setEnabled(False)
        locale = QLocale()
        self.status.setText(
            self.tr(
                "Imported: %1 new prospects, %2 new contacts, %3 merged, %4 invalid rows. "
                "File › Undo an import… removes them again."
            )
            .replace("%1", locale.toString(result.prospects_created))
            .replace("%2", locale.toString(result.contacts_created))
            .replace("%3", locale.toString(result.merged))
            .replace("%4", locale.toString(result.invalid))
        )
        self.report.setPlainText(self.merge_report(result))
        self.report.setVisible(bool(result.merges))
        self.events.prospects_changed.emit([])
        self.completeChanged.emit()
        self.finished_import.emit()

    def merge_report(self, result: ImportResult) -> str:
        """One line per record a merge changed: fields filled, values kept aside, notes."""
        locale = QLocale()
        lines = []
        for merge in result.merges:
            parts = []
            if merge.filled:
                filled = ", ".join(_field_name(name) for name in merge.filled)
                parts.append(self.tr("filled: %1").replace("%1", filled))
            for conflict in merge.conflicts:
                parts.append(
                    self.tr("%1: “%2” from the file set aside, “%3” kept")
                    .replace("%1", _field_name(conflict.field))
                    .replace("%2", conflict.incoming)
                    .replace("%3", conflict.kept)
                )
            if merge.notes_appended:
                parts.append(self.tr("notes appended"))
            if merge.phones_added:
                parts.append(
                    self.tr("phones added: %1").replace("%1", locale.toString(merge.phones_added))
                )
            lines.append(f"{merge.name or merge.id}: {'; '.join(parts)}")
        if not lines:
            return ""
        return "\n".join([self.tr("Records already there that the import changed:"), *lines])

    def _failed(self, message: str) -> None:
        self.done = True
        self.cancel_button.setEnabled(False)
        self.status.setText(
            self.tr("The import failed and nothing was written: %1").replace("%1", message)
        )
        self.completeChanged.emit()
        self.finished_import.emit()

    def _cancelled(self) -> None:
        self.done = True
        self.status.setText(self.tr("Import cancelled: nothing was written."))
        self.completeChanged.emit()
        self.finished_import.emit()

    def isComplete(self) -> bool:
        return self.done


# Stored column names whose import field is named otherwise.
_FIELD_OF_COLUMN = {"linkedin_url": "linkedin", "owner_id": "owner", "is_consumer": "consumer"}


def _field_name(name: str) -> str:
    """The translated label of a field a merge report names (a column's own name else)."""
    try:
        field = Field(_FIELD_OF_COLUMN.get(name, name))
    except ValueError:
        return name
    return field_label(field)


class ImportWizard(QWizard):
    """File › Import…: from a file to clean prospects, every step checkable."""

    def __init__(
        self,
        db: Database,
        events: DataEvents,
        path: Path | None = None,
        parent: QWidget | None = None,
        region: str = "FR",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import prospects"))
        self.state = ImportState()
        self.state.region = region
        self.file_page = FilePage(self.state, self)
        self.format_page = FormatPage(self.state, self)
        self.mapping_page = MappingPage(self.state, db, self)
        self.preview_page = PreviewPage(self.state, db, self)
        self.import_page = ImportPage(self.state, db, events, self.preview_page.model, self)
        for page in (self.file_page, self.format_page, self.mapping_page, self.preview_page,
                     self.import_page):  # fmt: skip
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.resize(900, 600)
        if path is not None:
            self.file_page.path_edit.setText(str(path))

    def reject(self) -> None:
        # Closing while an import runs cancels it (rolled back), never leaves it half done.
        if self.import_page.task is not None and not self.import_page.done:
            self.import_page.cancel()
        for task in (self.file_page.task, self.format_page.task, self.preview_page.task):
            if task is not None:
                task.abandon()
        super().reject()

    def done(self, result: int) -> None:
        super().done(result)
        # The file and its plan (100,000 rows: hundreds of MB) are not kept once closed.
        self.preview_page.model.set_plan(None)
        state = self.state
        state.table = state.layout = state.plan = state.result = None
        thaw()
