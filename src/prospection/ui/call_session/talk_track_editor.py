"""Edits the user's talk tracks: opener, questions, objections and their answers."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prospection.core.db import Database
from prospection.core.talk_tracks import (
    SHIPPED_LANGUAGES,
    TalkTrackData,
    delete_track,
    list_tracks,
    save_track,
    shipped_track,
    track_for,
)
from prospection.ui.call_session.call_labels import interface_language


class TalkTrackEditor(QDialog):
    """Choose a talk track, edit it, save it; add, delete or restore the shipped one."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("talkTrackEditor")
        self.db = db
        self.setWindowTitle(self.tr("Talk tracks"))
        self.resize(820, 640)
        self._current_id: int | None = None
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.chooser = QComboBox(self)
        self.chooser.setMinimumWidth(260)
        top.addWidget(self.chooser, 1)
        self.new_button = QPushButton(self.tr("&New"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.restore_button = QPushButton(self.tr("&Restore the default"), self)
        for button in (self.new_button, self.delete_button, self.restore_button):
            button.setAutoDefault(False)
            top.addWidget(button)
        layout.addLayout(top)

        form = QFormLayout()
        self.name = QLineEdit(self)
        form.addRow(self.tr("N&ame:"), self.name)
        self.language = QComboBox(self)
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        form.addRow(self.tr("&Language:"), self.language)
        self.is_default = QCheckBox(self.tr("Use this track in call sessions"), self)
        form.addRow("", self.is_default)
        self.opener = QPlainTextEdit(self)
        self.opener.setPlaceholderText(self.tr("The first sentences: who you are, why you call."))
        form.addRow(self.tr("&Opener:"), self.opener)
        self.questions = QPlainTextEdit(self)
        self.questions.setPlaceholderText(self.tr("Questions to understand their problems."))
        form.addRow(self.tr("&Questions:"), self.questions)
        layout.addLayout(form, 1)

        self.objections = QTableWidget(0, 2, self)
        self.objections.setHorizontalHeaderLabels([self.tr("Objection"), self.tr("Answer")])
        self.objections.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.objections.verticalHeader().setVisible(False)
        layout.addWidget(self.objections, 1)
        rows = QHBoxLayout()
        self.add_row_button = QPushButton(self.tr("Add an objection"), self)
        self.remove_row_button = QPushButton(self.tr("Remove the objection"), self)
        for button in (self.add_row_button, self.remove_row_button):
            button.setAutoDefault(False)
            rows.addWidget(button)
        rows.addStretch(1)
        layout.addLayout(rows)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.chooser.activated.connect(lambda _i: self._choose(self.chooser.currentData()))
        self.new_button.clicked.connect(self.new_track)
        self.delete_button.clicked.connect(self.delete_current)
        self.restore_button.clicked.connect(self.restore_default)
        self.add_row_button.clicked.connect(lambda: self._add_objection("", ""))
        self.remove_row_button.clicked.connect(
            lambda: self.objections.removeRow(max(0, self.objections.currentRow()))
        )
        with db.session() as session:
            shown = track_for(session, interface_language())
        self._reload(shown.id)

    def _reload(self, select_id: int | None) -> None:
        with self.db.session() as session:
            tracks = list_tracks(session)
        self.chooser.clear()
        for track in tracks:
            mark = " ★" if track.is_default else ""
            self.chooser.addItem(f"{track.name} ({track.language}){mark}", track.id)
        index = self.chooser.findData(select_id)
        self.chooser.setCurrentIndex(max(0, index))
        self._choose(self.chooser.currentData())

    def _choose(self, track_id: int | None) -> None:
        with self.db.session() as session:
            track = next((t for t in list_tracks(session) if t.id == track_id), None)
        if track is not None:
            self._show(track)

    def _show(self, track: TalkTrackData) -> None:
        self._current_id = track.id
        self.name.setText(track.name)
        self.language.setCurrentIndex(max(0, self.language.findData(track.language)))
        self.is_default.setChecked(track.is_default)
        self.opener.setPlainText(track.opener)
        self.questions.setPlainText(track.questions)
        self.objections.setRowCount(0)
        for objection, answer in track.objections:
            self._add_objection(objection, answer)

    def _add_objection(self, objection: str, answer: str) -> None:
        row = self.objections.rowCount()
        self.objections.insertRow(row)
        self.objections.setItem(row, 0, QTableWidgetItem(objection))
        self.objections.setItem(row, 1, QTableWidgetItem(answer))

    def edited_track(self) -> TalkTrackData:
        """The track as shown in the form."""
        pairs = []
        for row in range(self.objections.rowCount()):
            cells = [self.objections.item(row, column) for column in (0, 1)]
            objection, answer = (cell.text() if cell is not None else "" for cell in cells)
            pairs.append((objection, answer))
        return TalkTrackData(
            id=self._current_id,
            name=self.name.text(),
            language=str(self.language.currentData()),
            opener=self.opener.toPlainText(),
            questions=self.questions.toPlainText(),
            objections=tuple(pairs),
            is_default=self.is_default.isChecked(),
        )

    def save(self) -> bool:
        """Store the form; False (with a message) when it cannot be stored."""
        try:
            with self.db.session() as session:
                saved = save_track(session, self.edited_track())
        except ValueError:
            QMessageBox.warning(self, self.tr("Talk tracks"), self.tr("Give the track a name."))
            return False
        self._reload(saved.id)
        return True

    def new_track(self) -> None:
        """Start a new, empty talk track in the interface's language."""
        language = interface_language()
        self._show(
            TalkTrackData(
                name=self.tr("New talk track"),
                language=language if language in SHIPPED_LANGUAGES else "en",
            )
        )
        self.name.setFocus()
        self.name.selectAll()

    def delete_current(self) -> None:
        """Delete the track shown (the shipped one comes back when none is left)."""
        if self._current_id is None:
            self._reload(None)
            return
        with self.db.session() as session:
            delete_track(session, self._current_id)
        with self.db.session() as session:
            shown = track_for(session, interface_language())
        self._reload(shown.id)

    def restore_default(self) -> None:
        """Put the shipped text of the track's language back in the form (not yet saved)."""
        shipped = shipped_track(str(self.language.currentData()))
        self.opener.setPlainText(shipped.opener)
        self.questions.setPlainText(shipped.questions)
        self.objections.setRowCount(0)
        for objection, answer in shipped.objections:
            self._add_objection(objection, answer)
