"""The editor: edit and save, new prospects, contacts, activities, undo, leaving saves."""

from __future__ import annotations

from pathlib import Path

from prospection.core import prospects
from prospection.core.db import Database, open_database
from prospection.core.enums import ActivityKind, Outcome, Stage
from prospection.core.prospect_editing import ActivityInput
from prospection.core.prospects import ContactInput
from prospection.ui.data_events import DataEvents
from prospection.ui.main_window import MainWindow
from tests.ui.conftest import seed


def _window(qtbot, db: Database) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db, DataEvents())
    qtbot.addWidget(window)
    return window


def _select(window: MainWindow, prospect_id: int) -> None:
    window.model.row_at(0)
    assert window.table.select_prospect(prospect_id)
    assert window.editor.prospect_id() == prospect_id


def test_edit_survives_closing_and_reopening_the_database(  # type: ignore[no-untyped-def]
    qtbot, db: Database, data_dir: Path
) -> None:
    ids = seed(db)
    window = _window(qtbot, db)
    _select(window, ids[2])
    editor = window.editor
    editor.form.pains.setPlainText("Their CRM loses leads")
    editor.form.stage.setCurrentIndex(editor.form.stage.findData(Stage.MEETING.value))
    editor.form.tags.setText("saas, montreuil")
    assert editor.has_changes()
    assert window.action_save.shortcut().toString() == "Ctrl+S"
    window.action_save.trigger()
    assert not editor.has_changes()
    window.close()
    db.dispose()
    reopened = open_database(data_dir / "prospection.sqlite3")
    try:
        with reopened.session() as session:
            prospect = prospects.load(session, ids[2])
            assert prospect is not None
            assert prospect.pains == "Their CRM loses leads"
            assert prospect.stage == Stage.MEETING
            assert sorted(t.name for t in prospect.tags) == ["montreuil", "saas"]
            assert any(a.kind == ActivityKind.STAGE_CHANGE for a in prospect.activities)
    finally:
        reopened.dispose()


def test_leaving_a_prospect_saves_it_and_undo_restores(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = seed(db)
    window = _window(qtbot, db)
    _select(window, ids[0])
    window.editor.form.city.setText("Villeurbanne")
    _select(window, ids[1])
    with db.session() as session:
        assert prospects.load(session, ids[0]).city == "Villeurbanne"  # type: ignore[union-attr]
    window.action_undo.trigger()
    with db.session() as session:
        assert prospects.load(session, ids[0]).city == "Lyon"  # type: ignore[union-attr]
    window.action_redo.trigger()
    with db.session() as session:
        assert prospects.load(session, ids[0]).city == "Villeurbanne"  # type: ignore[union-attr]


def test_new_prospect_with_ctrl_n_then_undo(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, db)
    window.action_new_prospect.trigger()
    editor = window.editor
    assert editor.is_new()
    assert not editor.save_button.isEnabled()
    qtbot.keyClicks(editor.form.name, "Brasserie du Port")
    window.action_save.trigger()
    new_id = editor.prospect_id()
    assert new_id is not None and not editor.is_new()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.action_undo.trigger()
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    qtbot.waitUntil(lambda: editor.prospect_id() is None)


def test_a_prospect_needs_a_name(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, db)
    window.action_new_prospect.trigger()
    window.editor.form.city.setText("Lyon")
    assert window.editor.save() is False
    assert "Name is needed" in window.editor.status.text()
    with db.session() as session:
        assert prospects.count(session, prospects.ProspectFilter()) == 0
    window.editor.revert()  # else closing the window asks whether to drop the edits
    assert not window.editor.has_changes()


def test_contacts_add_check_email_flag_phone_and_set_primary(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = seed(db)
    window = _window(qtbot, db)
    _select(window, ids[0])
    editor = window.editor
    refused = editor.submit_new_contact(ContactInput(first_name="Paul", email="paul@"))
    assert not refused.ok
    added = editor.submit_new_contact(
        ContactInput(first_name="Paul", last_name="Roche", email="paul@roche.fr", phones=["n/a"])
    )
    assert added.ok and added.contact_id is not None
    shown = editor.contacts.contacts()
    assert [c.first_name for c in shown] == ["Élodie", "Paul"]
    assert "not recognised" in editor.contacts.describe(shown[1])
    editor.make_primary(added.contact_id)
    assert editor.contacts.contacts()[0].first_name == "Paul"
    window.action_undo.trigger()
    qtbot.waitUntil(lambda: editor.contacts.contacts()[0].first_name == "Élodie")


def test_contact_dialog_validates_email_inline(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    from prospection.ui.editor.contact_dialog import ContactDialog

    submitted: list[ContactInput] = []
    dialog = ContactDialog(lambda data: submitted.append(data) or None)  # type: ignore[arg-type, func-returns-value]
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.email, "paul@")
    assert dialog.email_status.isVisibleTo(dialog)
    dialog.email.setText("paul@roche.fr")
    assert not dialog.email_status.isVisibleTo(dialog)
    row = dialog.phone_rows()[0]
    row.text.setText("0465712010")
    assert "04 65 71 20 10" in row.status.text()
    row.text.setText("12-34")
    assert "kept as typed" in row.status.text()


def test_log_a_call_with_follow_up_then_undo(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = seed(db)
    window = _window(qtbot, db)
    _select(window, ids[3])
    editor = window.editor
    before = editor.timeline.list.count()
    result = editor.submit_activity(
        ActivityInput(kind=ActivityKind.CALL, outcome=Outcome.VOICEMAIL, notes="left a message"),
        None,
        None,
    )
    assert result.ok
    assert "Voicemail left" in editor.timeline.list.item(0).text()
    assert editor.timeline.list.count() in (before, before + 1)  # the "nothing yet" line goes
    window.action_undo.trigger()
    qtbot.waitUntil(lambda: "Voicemail" not in editor.timeline.list.item(0).text())


def test_saving_keeps_changes_made_elsewhere_meanwhile(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    from prospection.core import prospect_editing

    ids = seed(db)
    window = _window(qtbot, db)
    _select(window, ids[1])
    window.editor.form.notes.setPlainText("Prefers mornings")
    # Meanwhile (a call session, another window) the stage moves.
    with db.session() as session:
        prospect_editing.update_prospect(session, ids[1], {"stage": Stage.REACHED})
    assert window.editor.save()
    with db.session() as session:
        prospect = prospects.load(session, ids[1])
        assert prospect is not None
        assert prospect.notes == "Prefers mornings"
        assert prospect.stage == Stage.REACHED


def test_tags_complete_after_the_last_comma(qtbot, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ids = seed(db)
    window = _window(qtbot, db)
    _select(window, ids[2])
    editor = window.editor
    editor.form.tags.setText("")
    completer = editor.tag_completer
    shown: list[bool] = []
    monkeypatch.setattr(completer, "complete", lambda: shown.append(True))  # no popup offscreen
    qtbot.keyClicks(editor.form.tags, "saas, bak")
    assert shown and completer.completionCount() == 1
    completer.activated.emit("bakery")
    assert editor.form.tags.text() == "saas, bakery, "
    assert editor.form.tag_names() == ["saas", "bakery"]
    editor.revert()


def test_a_contact_added_in_the_editor_is_checked_against_the_suppression_list(  # type: ignore[no-untyped-def]
    qtbot, db: Database
) -> None:
    """Issue 13.3: the contact dialog's path flags a person who objected before."""
    from sqlalchemy import select

    from prospection.core import privacy
    from prospection.core.enums import Channel
    from prospection.core.models import Contact

    ids = seed(db)
    with db.session() as session:
        first = session.scalars(select(Contact).where(Contact.prospect_id == ids[0])).first()
        assert first is not None
        first.email = "objected@example.fr"
        session.flush()
        privacy.mark_do_not_contact(session, first.id, [Channel.EMAIL], "asked")
    window = _window(qtbot, db)
    _select(window, ids[1])
    added = window.editor.submit_new_contact(
        ContactInput(first_name="Ob", last_name="Jected", email="Objected@Example.fr")
    )
    assert added.ok and added.contact_id is not None
    with db.session() as session:
        contact = session.get_one(Contact, added.contact_id)
        assert contact.dnc_email and contact.dnc_email_reason == privacy.SUPPRESSED_REASON
