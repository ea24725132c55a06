"""The prospect editor beside the table: every field, contacts, and the timeline.

Edits are saved on Save (Ctrl+S) or when the user leaves the prospect; contacts and
logged activities are saved at once (the prospect is saved first when it is new).
Everything is undoable: each save is one `ProspectChange` on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from prospection.core import prospect_editing as editing
from prospection.core import prospects, users
from prospection.core.call_eligibility import call_warnings
from prospection.core.calls import default_follow_up
from prospection.core.db import Database
from prospection.core.enums import ActivityKind
from prospection.core.models import Contact, Prospect, utcnow
from prospection.core.phones import DEFAULT_REGION
from prospection.core.prospect_editing import (
    ActivityInput,
    EditConflict,
    EditResult,
    FieldIssue,
    IssueCode,
    ProspectInput,
)
from prospection.core.prospects import ContactInput
from prospection.ui.data_events import DataEvents
from prospection.ui.editor.contact_dialog import set_warning_style
from prospection.ui.editor.contacts_panel import ContactsPanel
from prospection.ui.editor.issue_text import field_label, issue_text
from prospection.ui.editor.prospect_form import ProspectForm, next_working_morning
from prospection.ui.editor.tag_completer import TagCompleter
from prospection.ui.editor.timeline_panel import TimelinePanel
from prospection.ui.undo_commands import ChangeRefusedError, ProspectChange, run_change

#: An edit inside one session, returning the API's verdict.
Edit = Callable[[Session], EditResult]


def _refused(message: str) -> EditResult:
    return EditResult(errors=(FieldIssue("id", IssueCode.NOT_FOUND, message),))


def _contact_update(contact_id: int, data: ContactInput, base: ContactInput) -> Edit:
    """The edit that saves a contact checked against `base` (the contact as shown)."""
    return lambda session: editing.update_contact(session, contact_id, data, base=base)


def _log_and_plan(
    prospect_id: int, data: ActivityInput, plan: dict[str, Any], base: dict[str, Any]
) -> Edit:
    """The edit that logs an activity and plans the next action, checked against `base`."""

    def edit(session: Session) -> EditResult:
        result = editing.log_activity(session, prospect_id, data)
        if result.ok and plan:
            planned = editing.update_prospect(session, prospect_id, plan, base=base)
            if not planned.ok:
                return planned  # a conflict: nothing logged either (rolled back)
        return result

    return edit


def _update(
    prospect_id: int,
    changes: dict[str, Any],
    tags: list[str] | None,
    base: dict[str, Any],
) -> Callable[[Session], None]:
    """The change that saves the editor's edits (refused with the API's verdict)."""

    def update(session: Session) -> None:
        result = editing.update_prospect(session, prospect_id, changes, base=base, tags=tags)
        if not result.ok:
            raise ChangeRefusedError(result)

    return update


@dataclass(frozen=True)
class EditorDraft:
    """Unsaved edits, carried to another window on the same data (team mode: the
    local copy while the server is away, and back): the fields as typed, what the form
    said before any edit, and what was stored then (the base a save is checked against)."""

    prospect_id: int | None  # None: a new prospect
    values: ProspectInput
    tags: list[str]
    baseline: ProspectInput
    baseline_tags: list[str]
    stored: ProspectInput
    stored_tags: list[str]


class ProspectEditor(QWidget):
    """Shows and edits one prospect."""

    #: Emitted after a save, with the prospect's id.
    saved = Signal(int)
    #: Emitted when the unsaved-changes state flips.
    dirty_changed = Signal(bool)

    def __init__(
        self,
        db: Database,
        events: DataEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("prospectEditor")
        self._db = db
        self._events = events
        self._undo = undo_stack
        self._prospect_id: int | None = None
        self._prospect: Prospect | None = None
        self._new = False
        self._dirty = False
        #: Team mode: asked before every write; True (having said why) refuses it.
        self.refuse_writes: Callable[[], bool] | None = None
        self._baseline = ProspectInput()
        self._baseline_tags: list[str] = []
        self._stored = ProspectInput()
        self._stored_tags: list[str] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._pages = QStackedWidget(self)
        outer.addWidget(self._pages)
        self.hint = QLabel(
            self.tr("Select a prospect to see who they are and how you help them."), self
        )
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setForegroundRole(self.hint.foregroundRole().PlaceholderText)
        self.hint.setMargin(24)
        self._pages.addWidget(self.hint)
        self._pages.addWidget(self._build_form_page())
        self._pages.setCurrentIndex(0)
        events.prospects_changed.connect(self._data_changed)
        events.database_reset.connect(lambda: self._data_changed([]))

    # --- building -------------------------------------------------------------------

    def _section(self, layout: QVBoxLayout, title: str) -> QLabel:
        label = QLabel(title, self)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addSpacing(6)
        layout.addWidget(label)
        layout.addWidget(line)
        return label

    def _build_form_page(self) -> QWidget:
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 8, 10, 8)
        form = self.form = ProspectForm(body)

        layout.addWidget(form.name)
        self.dnc_banner = QLabel(body)
        self.dnc_banner.setWordWrap(True)
        set_warning_style(self.dnc_banner, True)
        layout.addWidget(self.dnc_banner)
        row = QHBoxLayout()
        stage_label = QLabel(self.tr("&Stage"), body)
        stage_label.setBuddy(form.stage)
        priority_label = QLabel(self.tr("&Priority"), body)
        priority_label.setBuddy(form.priority)
        row.addWidget(stage_label)
        row.addWidget(form.stage, 1)
        row.addWidget(priority_label)
        row.addWidget(form.priority)
        layout.addLayout(row)
        tags_row = QHBoxLayout()
        tags_label = QLabel(self.tr("&Tags"), body)
        tags_label.setBuddy(form.tags)
        tags_row.addWidget(tags_label)
        tags_row.addWidget(form.tags, 1)
        self.tag_completer = TagCompleter(form.tags)
        layout.addLayout(tags_row)

        self._section(layout, self.tr("Their problems"))
        layout.addWidget(form.pains)
        self._section(layout, self.tr("How we help them"))
        layout.addWidget(form.pitch)

        self._section(layout, self.tr("Next action"))
        next_row = QHBoxLayout()
        next_row.addWidget(form.next_planned)
        next_row.addWidget(form.next_at, 1)
        layout.addLayout(next_row)
        layout.addWidget(form.next_text)
        quick = QHBoxLayout()
        self.tomorrow_button = QPushButton(self.tr("Tomorrow 9:00"), body)
        self.next_week_button = QPushButton(self.tr("In a week"), body)
        self.tomorrow_button.clicked.connect(
            lambda: form.plan_next(next_working_morning(datetime.now(), 1))
        )
        self.next_week_button.clicked.connect(
            lambda: form.plan_next(next_working_morning(datetime.now(), 5))
        )
        quick.addWidget(self.tomorrow_button)
        quick.addWidget(self.next_week_button)
        quick.addStretch(1)
        layout.addLayout(quick)

        self._section(layout, self.tr("Contacts"))
        self.contacts = ContactsPanel(body)
        layout.addWidget(self.contacts)
        self.contacts.add_requested.connect(self.add_contact)
        self.contacts.edit_requested.connect(self.edit_contact)
        self.contacts.remove_requested.connect(self.remove_contact)
        self.contacts.primary_requested.connect(self.make_primary)

        self._section(layout, self.tr("History"))
        self.timeline = TimelinePanel(body)
        layout.addWidget(self.timeline)
        self.timeline.log_requested.connect(self.log_activity)
        self.timeline.delete_requested.connect(self.delete_activity)

        self._section(layout, self.tr("Company details"))
        details = QFormLayout()
        details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        details.addRow(self.tr("Website:"), form.website)
        details.addRow(self.tr("Industry:"), form.industry)
        details.addRow(self.tr("Size:"), form.size)
        details.addRow(self.tr("Address:"), form.address)
        place = QHBoxLayout()
        place.addWidget(form.postal_code)
        place.addWidget(form.city, 1)
        place.addWidget(form.country)
        details.addRow(self.tr("Postcode, city:"), place)
        details.addRow("", form.consumer)
        since = QHBoxLayout()
        since.addWidget(form.client_since_set)
        since.addWidget(form.client_since, 1)
        details.addRow("", since)
        details.addRow(self.tr("Yearly revenue:"), form.revenue)
        details.addRow(self.tr("Owner:"), form.owner)
        self._details = details
        details.addRow(self.tr("Source:"), form.source)
        layout.addLayout(details)

        self._section(layout, self.tr("Notes"))
        layout.addWidget(form.notes)
        layout.addStretch(1)
        scroll.setWidget(body)
        page_layout.addWidget(scroll, 1)
        # The form never scrolls sideways: the pane is kept wide enough for its rows, or
        # the splitter would squeeze it and cut fields and buttons off at the right.
        self.setMinimumWidth(
            body.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        )

        bar = QHBoxLayout()
        bar.setContentsMargins(10, 4, 10, 6)
        self.status = QLabel(page)
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"), page)
        self.save_button.setToolTip(self.tr("Save the changes (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Revert"), page)
        self.revert_button.setToolTip(self.tr("Forget the changes not saved yet"))
        bar.addWidget(self.status, 1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        page_layout.addLayout(bar)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        form.changed.connect(self._mark_dirty)
        self._set_dirty(False)
        return page

    # --- which prospect -------------------------------------------------------------

    def prospect_id(self) -> int | None:
        """The prospect shown (None for none, or for a new one not saved yet)."""
        return self._prospect_id

    def is_new(self) -> bool:
        """Whether the form holds a new prospect not saved yet."""
        return self._new

    def show_prospect(self, prospect_id: int | None) -> None:
        """Show `prospect_id` (None: the hint to choose one). Unsaved edits are dropped."""
        self._new = False
        self._prospect_id = prospect_id
        if prospect_id is None:
            self._prospect = None
            self._set_dirty(False)
            self._pages.setCurrentIndex(0)
            return
        self.reload()

    def start_new(self) -> None:
        """An empty form for a new prospect (saved with Save, or when leaving it)."""
        self._prospect_id = None
        self._prospect = None
        self._new = True
        self.form.load(None)
        with self._db.session() as session:
            self.tag_completer.set_tags(prospects.tag_names(session))
            labels = users.user_labels(session)
        self._set_users(labels)
        self.contacts.set_contacts([])
        self.contacts.set_editable(True)
        self.timeline.set_activities([])
        self.dnc_banner.setVisible(False)
        self._set_dirty(False)
        self._show_status(self.tr("New prospect: type a name, then save (Ctrl+S)."))
        self._pages.setCurrentIndex(1)
        self.form.name.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _set_users(self, labels: dict[int, str]) -> None:
        # The owner row is only shown when several people share the data.
        self.form.set_users(labels)
        self._details.setRowVisible(self.form.owner, len(labels) > 1)

    def reload(self) -> None:
        """Read the prospect again from the database (dropping unsaved edits)."""
        if self._prospect_id is None:
            return
        with self._db.session() as session:
            prospect = prospects.load(session, self._prospect_id)
            self.tag_completer.set_tags(prospects.tag_names(session))
            labels = users.user_labels(session)
        if prospect is None:
            self.show_prospect(None)
            return
        self._prospect = prospect
        self._set_users(labels)
        self.form.load(prospect)
        # What the form said before any edit: a save writes only the differences.
        self._baseline = self.form.value()
        self._baseline_tags = self.form.tag_names()
        # And what was stored: the base a save is checked against (a colleague's edits).
        self._stored = ProspectInput.of(prospect)
        self._stored_tags = [tag.name for tag in prospect.tags]
        region = prospect.country or DEFAULT_REGION
        self.contacts.set_contacts(prospect.contacts, region)
        self.contacts.set_editable(True)
        self.timeline.set_activities(prospect.activities)
        refusals = [c.full_name or c.title for c in prospect.contacts if c.dnc_phone]
        self.dnc_banner.setVisible(bool(refusals))
        if refusals:
            self.dnc_banner.setText(
                self.tr("⛔ Asked not to be called: {names}. Please respect it.").format(
                    names=", ".join(refusals)
                )
            )
        self._set_dirty(False)
        self._show_status("")
        self._pages.setCurrentIndex(1)

    def _data_changed(self, ids: list[int]) -> None:
        if self._prospect_id is None or self._dirty:
            return
        if not ids or self._prospect_id in ids:
            # Deferred: several changes in a row (undo of a bulk action) reload once.
            QTimer.singleShot(0, self.reload)

    def show_colleague_change(self) -> None:
        """A colleague changed the prospect shown while it has unsaved edits: say so."""
        self._show_status(
            self.tr(
                "A colleague changed this prospect meanwhile. Saving writes the fields "
                "you changed over theirs; Revert shows their version."
            ),
            warning=True,
        )

    def _writes_refused(self) -> bool:
        return self.refuse_writes is not None and self.refuse_writes()

    # --- unsaved changes ------------------------------------------------------------

    def has_changes(self) -> bool:
        """Whether there are edits not saved yet."""
        return self._dirty

    def draft(self) -> EditorDraft | None:
        """The unsaved edits, to carry to another window (None: there are none)."""
        if not self._dirty or (self._prospect_id is None and not self._new):
            return None
        return EditorDraft(
            None if self._new else self._prospect_id,
            self.form.value(),
            self.form.tag_names(),
            self._baseline,
            list(self._baseline_tags),
            self._stored,
            list(self._stored_tags),
        )

    def take_draft(self, draft: EditorDraft) -> bool:
        """Show `draft`'s prospect with the edits made in another window on top.

        Only the fields the user changed come over, on the values read here; a save is
        checked against what was stored when they began (`draft.stored`), so a
        colleague's change of the same field meanwhile is asked about, as always.
        False when the prospect is not in this database (nothing shown changes).
        """
        if draft.prospect_id is None:
            self.start_new()
            self.form.fill(draft.values, draft.tags)
            self._mark_dirty()
            return True
        self.show_prospect(draft.prospect_id)
        if self._prospect_id != draft.prospect_id or self._prospect is None:
            return False
        changed = {
            f.name: getattr(draft.values, f.name)
            for f in fields(ProspectInput)
            if getattr(draft.values, f.name) != getattr(draft.baseline, f.name)
        }
        tags_changed = draft.tags != draft.baseline_tags
        self.form.fill(
            replace(self._baseline, **changed),
            draft.tags if tags_changed else self._baseline_tags,
        )
        self._stored = replace(self._stored, **{k: getattr(draft.stored, k) for k in changed})
        if tags_changed:
            self._stored_tags = list(draft.stored_tags)
        if changed or tags_changed:
            self._mark_dirty()
        return True

    def forget_changes(self) -> None:
        """Drop the unsaved edits without reading the prospect again (the user chose to
        leave them and the window closes: the team server may be unreachable)."""
        self._set_dirty(False)

    def _mark_dirty(self) -> None:
        self._set_dirty(True)
        self._show_status(self.tr("Unsaved changes (Ctrl+S saves)"))

    def _set_dirty(self, dirty: bool) -> None:
        changed = dirty != self._dirty
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if changed:
            self.dirty_changed.emit(dirty)

    def _show_status(self, text: str, warning: bool = False) -> None:
        self.status.setText(text)
        set_warning_style(self.status, warning)

    def revert(self) -> None:
        """Forget the unsaved edits."""
        if self._new:
            self.show_prospect(None)
        else:
            self.reload()

    def save(self) -> bool:
        """Save the edits (one undoable step); False when something must be corrected.

        Only the fields the user changed are written, each checked against the value
        this editor loaded: a colleague's save of other fields is kept, and a field both
        changed is asked about (`ConflictDialog`) before anything is written.
        """
        if not self._dirty:
            return True
        if self._writes_refused():
            return False
        data = self.form.value()
        tags = self.form.tag_names()
        name = data.name.strip() or self.tr("prospect")
        prospect_id = self._prospect_id
        if self._new or prospect_id is None:

            def create(session: Session) -> list[int]:
                result = editing.create_prospect(session, data, (), tags)
                if not result.ok or result.prospect_id is None:
                    raise ChangeRefusedError(result)
                return [result.prospect_id]

            command = ProspectChange(
                self._db, self._events, self.tr("Add {name}").format(name=name), [], create
            )
            try:
                run_change(self._undo, command)
            except ChangeRefusedError as refused:
                self._show_issues(refused.result)
                return False
            self._new = False
            self._prospect_id = command.created_ids[0]
        elif not self._save_changes(prospect_id, data, tags, name):
            return False
        self._set_dirty(False)
        self.reload()
        self._show_status(self.tr("Saved."))
        if self._prospect_id is not None:
            self.saved.emit(self._prospect_id)
        return True

    def _save_changes(
        self, prospect_id: int, data: ProspectInput, tags: list[str], name: str
    ) -> bool:
        # Only what the user changed is written: a call logged meanwhile (which may
        # have moved the stage or the next action) is not overwritten by stale values.
        changes = {
            f.name: getattr(data, f.name)
            for f in fields(ProspectInput)
            if getattr(data, f.name) != getattr(self._baseline, f.name)
        }
        new_tags: list[str] | None = tags if tags != self._baseline_tags else None
        # What was stored when the form was filled: a field stored differently now was
        # changed by someone else meanwhile.
        base: dict[str, Any] = {key: getattr(self._stored, key) for key in changes}
        base["tags"] = list(self._stored_tags)
        while changes or new_tags is not None:
            command = ProspectChange(
                self._db,
                self._events,
                self.tr("Edit {name}").format(name=name),
                [prospect_id],
                _update(prospect_id, dict(changes), new_tags, dict(base)),
            )
            try:
                run_change(self._undo, command)
                return True
            except ChangeRefusedError as refused:
                result: EditResult = refused.result
            if not result.conflicts:
                self._show_issues(result)
                return False
            choices = self.ask_conflicts(result.conflicts, name)
            if choices is None:
                self._show_status(
                    self.tr(
                        "Not saved: someone else changed the same fields meanwhile. Your "
                        "changes are still here: save again to choose what to keep."
                    ),
                    warning=True,
                )
                return False
            # Saved again against what is stored now; asked again if it moved again.
            for conflict in result.conflicts:
                base[conflict.field] = conflict.theirs
                if choices.get(conflict.field) == "theirs":  # Choice.THEIRS
                    if conflict.field == "tags":
                        new_tags = None
                    else:
                        changes.pop(conflict.field, None)
        return True

    def ask_conflicts(
        self, conflicts: Sequence[EditConflict], subject: str
    ) -> Mapping[str, str] | None:
        """Which value to keep for each field a colleague changed too (None: cancelled)."""
        from prospection.ui.editor.conflict_dialog import ConflictDialog  # rarely needed

        with self._db.session() as session:
            labels = users.user_labels(session)
        dialog = ConflictDialog(conflicts, self, users=labels, subject=subject)
        try:
            return dialog.ask()
        finally:
            dialog.deleteLater()

    def _show_issues(self, result: EditResult) -> None:
        messages = [issue_text(issue) for issue in result.errors]
        self._show_status("\n".join(messages), warning=True)
        for issue in result.errors:
            widget = self.form.widget_for(issue.field)
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                break

    # --- contacts and activities (saved at once, undoable) --------------------------

    def _ensure_saved(self) -> int | None:
        """The prospect's id, saving it first when it is new or has edits."""
        if (self._new or self._dirty) and not self.save():
            return None
        return self._prospect_id

    def run_edit(self, text: str, edit: Edit) -> EditResult:
        """Apply `edit` to the current prospect as one undoable step; its verdict."""
        prospect_id = self._ensure_saved()
        if prospect_id is None:
            return _refused("save the prospect first")
        results: list[EditResult] = []

        def change(session: Session) -> None:
            result = edit(session)
            results.append(result)
            if not result.ok:
                raise ChangeRefusedError(result)

        command = ProspectChange(self._db, self._events, text, [prospect_id], change)
        try:
            run_change(self._undo, command)
        except ChangeRefusedError as refused:
            result: EditResult = refused.result
            return result
        self.reload()
        return results[0]

    def _region(self) -> str:
        country = self.form.country.text().strip().upper()
        return country if len(country) == 2 else DEFAULT_REGION

    def add_contact(self) -> None:
        """Ask for a new contact and add it."""
        if self._writes_refused():
            return
        if self._new and not self._dirty and not self.form.name.text().strip():
            # Nothing to save yet: say so rather than doing nothing.
            self._show_status(
                self.tr("Type the prospect's name first: a contact is added to a saved prospect."),
                warning=True,
            )
            self.form.name.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self._ensure_saved() is None:
            return
        from prospection.ui.editor.contact_dialog import ContactDialog

        ContactDialog(self.submit_new_contact, None, self._region(), self).exec()

    def submit_new_contact(self, data: ContactInput) -> EditResult:
        """Add a contact to the prospect shown (undoable)."""
        prospect_id = self._ensure_saved()
        if prospect_id is None:
            return _refused("save the prospect first")
        return self.run_edit(
            self.tr("Add a contact"), lambda s: editing.add_contact(s, prospect_id, data)
        )

    def edit_contact(self, contact_id: int) -> None:
        """Edit one of the prospect's contacts."""
        if self._ensure_saved() is None or self._prospect is None:
            return
        contact = next((c for c in self._prospect.contacts if c.id == contact_id), None)
        if contact is None:
            return
        from prospection.ui.editor.contact_dialog import ContactDialog

        # The contact as shown: a field stored differently at save time was changed by
        # someone else meanwhile, and is asked about when changed here too.
        base = editing.contact_base(contact)
        subject = contact.full_name or contact.title or self.tr("this contact")

        def submit(data: ContactInput) -> EditResult:
            nonlocal base
            while True:
                result = self.run_edit(
                    self.tr("Edit a contact"), _contact_update(contact_id, data, base)
                )
                if not result.conflicts:
                    return result
                choices = self.ask_conflicts(result.conflicts, subject)
                if choices is None:  # the contact dialog stays open, as typed
                    return EditResult(
                        errors=(
                            FieldIssue("version", IssueCode.CHANGED_MEANWHILE, "changed meanwhile"),
                        )
                    )
                for conflict in result.conflicts:
                    base = replace(base, **{conflict.field: conflict.theirs})
                    if choices.get(conflict.field) == "theirs":  # Choice.THEIRS
                        data = replace(data, **{conflict.field: conflict.theirs})

        ContactDialog(submit, contact, self._region(), self).exec()

    def _shown_contact(self, contact_id: int) -> Contact | None:
        if self._prospect is None:
            return None
        return next((c for c in self._prospect.contacts if c.id == contact_id), None)

    def remove_contact(self, contact_id: int) -> None:
        """Remove a contact (undoable, so no question asked).

        Not when someone changed it since it was shown: the editor shows their change,
        and the user removes it again if it should still go.
        """
        contact = self._shown_contact(contact_id)
        base = editing.contact_base(contact) if contact is not None else None
        result = self.run_edit(
            self.tr("Remove a contact"),
            lambda s: editing.remove_contact(s, contact_id, base=base),
        )
        self._refused_contact_change(
            result,
            lambda issue: self.tr(
                "Not removed: someone else changed this contact meanwhile ({fields}). It "
                "is shown as they left it: remove it again if it should still go."
            ).format(fields=", ".join(field_label(f) for f in issue.value.split(", "))),
        )

    def make_primary(self, contact_id: int) -> None:
        """Make a contact the primary one (not over a colleague's other choice)."""
        if self._prospect is None:
            return
        shown = next((c.id for c in self._prospect.contacts if c.is_primary), None)
        result = self.run_edit(
            self.tr("Change the primary contact"),
            lambda s: editing.set_primary_contact(s, contact_id, shown_primary=shown),
        )
        self._refused_contact_change(
            result,
            lambda _issue: self.tr(
                "Not changed: someone else chose another primary contact meanwhile. It is "
                "shown now: choose again if needed."
            ),
        )

    def _refused_contact_change(
        self, result: EditResult, meanwhile: Callable[[FieldIssue], str]
    ) -> None:
        """When a contact action was refused: what is stored now, then why (`meanwhile`
        words a colleague's change since; other issues are said as they are)."""
        if result.ok:
            return
        issue = result.errors[0] if result.errors else None
        if issue is not None and issue.code == IssueCode.CHANGED_MEANWHILE:
            text = meanwhile(issue)
        else:
            text = "\n".join(issue_text(i) for i in result.errors)
        if not self._dirty:
            self.reload()
        self._show_status(text, warning=True)

    def log_activity(self, kind: ActivityKind = ActivityKind.CALL) -> None:
        """Ask what happened and log it (Ctrl+L)."""
        if self._pages.currentIndex() != 1 or self._writes_refused():
            return
        prospect_id = self._ensure_saved()
        if prospect_id is None:
            return
        from prospection.ui.editor.log_activity_dialog import LogActivityDialog

        contacts = self._prospect.contacts if self._prospect is not None else []
        with self._db.session() as session:
            # In the user's working hours and, for a consumer, the legal windows.
            follow_up_at = default_follow_up(session, prospect_id, utcnow(), 2)
        LogActivityDialog(
            self.submit_activity,
            kind,
            contacts,
            self,
            check=self.call_rule_check,
            follow_up_at=follow_up_at,
        ).exec()

    def call_rule_check(self, at: datetime, contact_id: int | None) -> list[str]:
        """The calling rules a call at `at` to this prospect would break (codes)."""
        prospect_id = self._prospect.id if self._prospect is not None else None
        if prospect_id is None:
            return []
        with self._db.session() as session:
            reasons = call_warnings(session, prospect_id, at, contact_id)
        return [reason.value for reason in reasons]

    def submit_activity(
        self, data: ActivityInput, next_at: datetime | None, next_text: str | None
    ) -> EditResult:
        """Log an activity, and plan the next action when asked (one undoable step)."""
        prospect_id = self._ensure_saved()
        if prospect_id is None:
            return _refused("save the prospect first")
        # The next action as shown: a colleague's plan set meanwhile is asked about
        # (the conflict dialog), never overwritten silently.
        plan: dict[str, Any] = {}
        if next_at is not None:
            plan = {"next_action_at": next_at, "next_action_text": next_text or ""}
        base = {name: getattr(self._stored, name) for name in plan}
        subject = self._prospect.name if self._prospect is not None else ""
        while True:
            result = self.run_edit(
                self.tr("Log an activity"), _log_and_plan(prospect_id, data, dict(plan), base)
            )
            if not result.conflicts:
                return result
            choices = self.ask_conflicts(result.conflicts, subject)
            if choices is None:  # nothing logged: the dialog stays open, as typed
                issue = FieldIssue("version", IssueCode.CHANGED_MEANWHILE, "changed meanwhile")
                return EditResult(errors=(issue,))
            for conflict in result.conflicts:
                base[conflict.field] = conflict.theirs
                if choices.get(conflict.field) == "theirs":  # Choice.THEIRS
                    plan.pop(conflict.field, None)

    def delete_activity(self, activity_id: int) -> None:
        """Delete a timeline entry (undoable)."""
        self.run_edit(
            self.tr("Delete a history entry"), lambda s: editing.delete_activity(s, activity_id)
        )

    def confirm_discard(self) -> bool:
        """Ask whether to drop edits that cannot be saved as they are."""
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("These changes cannot be saved as they are. Drop them?"),
        )
        return answer == QMessageBox.StandardButton.Yes
