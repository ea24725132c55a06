"""Two people edit the same prospect: the editor asks which value to keep (issue 17).

A "colleague" saves through another session while the editor holds unsaved edits, as
a teammate on the same server would.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from prospection.core import prospects
from prospection.core.db import Database
from prospection.core.enums import Stage
from prospection.core.models import Prospect
from prospection.core.prospect_editing import EditConflict, update_prospect
from prospection.ui.data_events import DataEvents
from prospection.ui.editor.conflict_dialog import Choice, ConflictDialog
from prospection.ui.editor.prospect_editor import ProspectEditor
from tests.ui.conftest import seed


def _editor(qtbot, db: Database, prospect_id: int) -> ProspectEditor:  # type: ignore[no-untyped-def]
    editor = ProspectEditor(db, DataEvents(), QUndoStack())
    qtbot.addWidget(editor)
    editor.resize(520, 700)
    editor.show_prospect(prospect_id)
    return editor


def _colleague_saves(db: Database, prospect_id: int, **changes: object) -> None:
    with db.session() as session:
        assert update_prospect(session, prospect_id, changes).ok


def _stored(db: Database, prospect_id: int) -> Prospect:
    with db.session() as session:
        prospect = prospects.load(session, prospect_id)
        assert prospect is not None
        return prospect


def _when_dialog(qtbot, act: Callable[[ConflictDialog], None], seen: list[ConflictDialog]) -> None:  # type: ignore[no-untyped-def]
    """Run `act` on the conflict dialog as soon as it is shown (it runs modal)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ConflictDialog) and dialog not in seen:
            seen.append(dialog)
            act(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def _choose_theirs_with_the_keyboard(qtbot, dialog: ConflictDialog, field: str) -> None:  # type: ignore[no-untyped-def]
    button = dialog.theirs_buttons[field]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert button.isChecked() and not dialog.mine_buttons[field].isChecked()


def test_the_dialog_is_keyboard_usable_and_defaults_to_mine(qtbot) -> None:  # type: ignore[no-untyped-def]
    conflicts = [
        EditConflict("city", "Rezé", "Nantes", "Vertou"),
        EditConflict("stage", Stage.NEW, Stage.MEETING, Stage.LOST),
        EditConflict("next_action_at", None, datetime(2026, 12, 7, 8, tzinfo=UTC), None),
        EditConflict("pains", "", "x" * 500 + "\nsecond line", "short"),
    ]
    dialog = ConflictDialog(conflicts, subject="Menuiserie Lefèvre")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.choices() == dict.fromkeys(["city", "stage", "next_action_at", "pains"], "mine")
    assert dialog.theirs_buttons["stage"].text() == "Lost"
    assert dialog.theirs_buttons["next_action_at"].text() == "(empty)"
    assert len(dialog.mine_buttons["pains"].text()) < 80  # the whole text is shown below
    _choose_theirs_with_the_keyboard(qtbot, dialog, "city")
    assert dialog.save_button.isDefault()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.choices()["city"] == Choice.THEIRS
    assert dialog.choices()["stage"] == Choice.MINE
    assert dialog.width() <= 1366 and dialog.height() <= 768


def test_a_conflict_asks_and_saves_the_chosen_values(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    pid = seed(db)[1]  # Menuiserie Lefèvre, Rezé, stage new
    editor = _editor(qtbot, db, pid)
    editor.form.city.setText("Nantes")
    editor.form.pains.setPlainText("Devis trop lents")
    editor.form.website.setText("lefevre.example")
    assert editor.has_changes()
    # Meanwhile a colleague saves the same city and pains, and the notes.
    _colleague_saves(db, pid, city="Vertou", pains="Stock mal suivi", notes="Rappeler lundi")
    seen: list[ConflictDialog] = []

    def choose(dialog: ConflictDialog) -> None:
        assert [c.field for c in dialog._conflicts] == ["city", "pains"]
        _choose_theirs_with_the_keyboard(qtbot, dialog, "city")
        dialog.save_button.click()  # pains: mine (the default)

    _when_dialog(qtbot, choose, seen)
    assert editor.save()
    assert len(seen) == 1
    stored = _stored(db, pid)
    assert stored.city == "Vertou"  # theirs, chosen
    assert stored.pains == "Devis trop lents"  # mine, chosen
    assert stored.website == "lefevre.example"  # mine, no conflict
    assert stored.notes == "Rappeler lundi"  # theirs, no conflict
    assert not editor.has_changes()
    assert editor.form.city.text() == "Vertou"  # the form shows what is stored now


def test_cancel_keeps_the_edits_and_writes_nothing(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    pid = seed(db)[1]
    editor = _editor(qtbot, db, pid)
    editor.form.city.setText("Nantes")
    editor.form.notes.setPlainText("Mes notes")
    _colleague_saves(db, pid, city="Vertou")
    seen: list[ConflictDialog] = []
    _when_dialog(qtbot, lambda dialog: dialog.cancel_button.click(), seen)
    assert not editor.save()
    assert len(seen) == 1
    assert editor.has_changes()
    assert editor.form.city.text() == "Nantes"  # the user's text, intact
    assert editor.form.notes.toPlainText() == "Mes notes"
    stored = _stored(db, pid)
    assert (stored.city, stored.notes) == ("Vertou", "")  # nothing of mine written
    assert "someone else" in editor.status.text()


def test_a_field_changed_again_meanwhile_is_asked_again(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    pid = seed(db)[1]
    editor = _editor(qtbot, db, pid)
    editor.form.city.setText("Nantes")
    _colleague_saves(db, pid, city="Vertou")
    seen: list[ConflictDialog] = []

    def first(dialog: ConflictDialog) -> None:
        # While the user hesitates, the colleague changes the city once more.
        _colleague_saves(db, pid, city="Clisson")
        _when_dialog(qtbot, second, seen)
        dialog.save_button.click()

    def second(dialog: ConflictDialog) -> None:
        assert dialog.theirs_buttons["city"].text() == "Clisson"
        dialog.save_button.click()  # mine again

    _when_dialog(qtbot, first, seen)
    assert editor.save()
    assert len(seen) == 2
    assert _stored(db, pid).city == "Nantes"


def test_different_fields_are_merged_without_asking(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    pid = seed(db)[1]
    editor = _editor(qtbot, db, pid)
    editor.form.city.setText("Nantes")
    _colleague_saves(db, pid, notes="Rappeler lundi", stage=Stage.REACHED)
    assert editor.save()
    stored = _stored(db, pid)
    assert (stored.city, stored.notes, stored.stage) == ("Nantes", "Rappeler lundi", Stage.REACHED)


def test_a_contact_edited_by_both_asks_and_cancel_keeps_the_dialog_open(  # type: ignore[no-untyped-def]
    qtbot, db: Database
) -> None:
    from prospection.core.prospect_editing import update_contact
    from prospection.core.prospects import ContactInput
    from prospection.ui.editor.contact_dialog import ContactDialog

    pid = seed(db)[1]
    editor = _editor(qtbot, db, pid)
    contact_id = _stored(db, pid).contacts[0].id
    with db.session() as session:  # the colleague renames the contact and adds a title
        colleague = ContactInput(
            first_name="François", last_name="Lefebvre", title="Gérant", phones=["04 65 71 20 11"]
        )
        assert update_contact(session, contact_id, colleague).ok
    steps: list[str] = []

    def in_contact_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ContactDialog):
            QTimer.singleShot(10, in_contact_dialog)
            return
        dialog.last_name.setText("Le Fèvre")
        seen: list[ConflictDialog] = []

        def cancel(conflicts: ConflictDialog) -> None:
            assert [c.field for c in conflicts._conflicts] == ["last_name"]
            steps.append("asked")
            conflicts.cancel_button.click()

        _when_dialog(qtbot, cancel, seen)
        dialog.accept()  # Save: asks, is cancelled, stays open with the text typed
        assert dialog.isVisible() and dialog.last_name.text() == "Le Fèvre"
        assert "someone else" in dialog.error_label.text().lower()

        def keep_mine(conflicts: ConflictDialog) -> None:
            steps.append("asked again")
            conflicts.save_button.click()

        _when_dialog(qtbot, keep_mine, seen)
        dialog.accept()  # Save again: mine chosen, saved, closed
        steps.append("saved")

    QTimer.singleShot(0, in_contact_dialog)
    editor.edit_contact(contact_id)
    assert steps == ["asked", "asked again", "saved"]
    contact = _stored(db, pid).contacts[0]
    assert (contact.last_name, contact.title) == ("Le Fèvre", "Gérant")  # mine, and theirs kept


def test_in_a_team_undo_never_overwrites_a_colleagues_later_change(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    from prospection.core import users

    pid = seed(db)[1]
    with db.session() as session:
        users.add_user(session, "Bob")  # a team: two people share the data
    events = DataEvents()
    stack = QUndoStack()
    editor = ProspectEditor(db, events, stack)
    qtbot.addWidget(editor)
    editor.show_prospect(pid)
    editor.form.city.setText("Nantes")
    assert editor.save()
    editor.form.website.setText("lefevre.example")
    assert editor.save()
    assert stack.count() == 2
    stack.undo()  # nobody else touched it: undone as always
    assert _stored(db, pid).website == ""
    _colleague_saves(db, pid, notes="Rappeler lundi")  # Bob saves another field
    stack.undo()  # only what the step changed is put back: Bob's notes stay
    stored = _stored(db, pid)
    assert (stored.city, stored.notes) == ("Rezé", "Rappeler lundi")
    stack.redo()
    _colleague_saves(db, pid, city="Vertou")  # then Bob changes the same field
    with qtbot.waitSignal(events.change_refused) as refused:
        stack.undo()
    assert "someone else" in refused.args[0]
    stored = _stored(db, pid)
    assert (stored.city, stored.notes) == ("Vertou", "Rappeler lundi")  # both kept
    assert not stack.canUndo()  # the undo went off the stack


def test_alone_undo_restores_as_before(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    pid = seed(db)[1]
    stack = QUndoStack()
    editor = ProspectEditor(db, DataEvents(), stack)
    qtbot.addWidget(editor)
    editor.show_prospect(pid)
    editor.form.city.setText("Nantes")
    assert editor.save()
    _colleague_saves(db, pid, notes="Written elsewhere")  # e.g. the CLI, by the same person
    stack.undo()
    assert _stored(db, pid).city == "Rezé"
