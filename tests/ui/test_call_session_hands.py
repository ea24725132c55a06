"""Issue 15: a call session you can trust with your hands (keys driven with qtbot)."""

from __future__ import annotations

import pytest

from prospection.core.db import Database
from prospection.ui.call_session.session_dialog import CallSessionDialog
from prospection.ui.data_events import DataEvents
from prospection.ui.preferences import Preferences
from tests.call_factories import NOW, add_prospect
from tests.ui.call_session_helpers import Prompts, start


def _open(qtbot, db: Database, session_id: int) -> CallSessionDialog:  # type: ignore[no-untyped-def]
    dialog = CallSessionDialog(
        db, DataEvents(), session_id, dialer=lambda _url: True, clock=lambda: NOW
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.setFocus()
    return dialog


def test_the_talk_track_is_filled_with_the_contact_problem_and_user(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch
) -> None:
    Prompts(monkeypatch)
    Preferences().set_user_name("Paul Durand")
    add_prospect(
        db, "Atelier Brun", contact_name=("Claire", "Brun"), pains="- Devis envoyés trop tard\n"
    )
    dialog = _open(qtbot, db, start(db))
    text = dialog.talk_track.text.toPlainText()
    assert "Claire" in text and "Paul Durand" in text
    # Mid-sentence, the problem starts in lower case.
    assert "like yours with devis envoyés trop tard." in text
    for placeholder in ("[first name]", "[your name]", "[their problem]"):
        assert placeholder not in text


def test_the_talk_track_says_the_users_company_never_the_prospects(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch
) -> None:
    from prospection.ui.preferences_dialog import PreferencesDialog

    Prompts(monkeypatch)
    Preferences().set_user_name("Paul Durand")
    add_prospect(db, "Atelier Brun", contact_name=("Claire", "Brun"), pains="- Devis en retard\n")
    dialog = _open(qtbot, db, start(db))
    # "this is [your name] from [company]": the user's company, not the one called.
    opener = dialog.talk_track.text.toPlainText()
    assert "Paul Durand from [company]" in opener and "from Atelier Brun" not in opener
    dialog.close()
    preferences = PreferencesDialog(preferences=Preferences())
    qtbot.addWidget(preferences)
    qtbot.keyClicks(preferences.user_company_edit, " Thermi Conseil ")
    preferences.accept()
    assert Preferences().user_company() == "Thermi Conseil"
    dialog = _open(qtbot, db, start(db))
    assert "Paul Durand from Thermi Conseil." in dialog.talk_track.text.toPlainText()


def test_preferences_keep_the_users_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    from prospection.ui.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(preferences=Preferences())
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.user_name_edit, " Paul Durand ")
    dialog.accept()
    assert Preferences().user_name() == "Paul Durand"


def test_a_meeting_is_saved_to_the_preferences_folder_without_a_file_dialog(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch, tmp_path
) -> None:
    from icalendar import Calendar
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "rdv"
    Preferences().set_meetings_folder(str(folder))
    opened: list[object] = []
    monkeypatch.setattr(CallSessionDialog, "open_invitation", lambda self, p: opened.append(p))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("no file dialog mid-session")
    )
    prompts = Prompts(monkeypatch)
    prompts.then(lambda dialog: True)
    add_prospect(db, "Atelier Brun")
    add_prospect(db, "Atelier Brun")
    dialog = _open(qtbot, db, start(db))
    qtbot.keyClick(dialog, Qt.Key.Key_8)
    files = sorted(folder.glob("*.ics"))
    assert [f.name for f in files] == ["Atelier-Brun.ics"]
    assert opened == files
    calendar = Calendar.from_ical(files[0].read_bytes())
    assert next(iter(calendar.walk("VEVENT")))["summary"]
    assert "Atelier-Brun.ics" in dialog.last_label.text()
    # The same name again is not written over.
    prompts.then(lambda dialog: True)
    qtbot.keyClick(dialog, Qt.Key.Key_8)
    assert sorted(f.name for f in folder.glob("*.ics")) == [
        "Atelier-Brun-2.ics",
        "Atelier-Brun.ics",
    ]


def test_qt_own_dialogs_are_translated_in_french(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from prospection.ui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "fr")
    try:
        look_in = QCoreApplication.translate("QFileDialog", "Look in:")
        assert look_in.replace("\xa0", " ") == "Voir dans :"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    finally:
        remove_translators(qapp, translators)


@pytest.mark.parametrize("kind", ["call_back", "next_step", "meeting"])
def test_prompts_open_in_their_first_field_and_only_enter_accepts(  # type: ignore[no-untyped-def]
    qtbot, kind: str
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from prospection.ui.call_session.follow_up_dialogs import (
        CallBackDialog,
        MeetingDialog,
        NextStepDialog,
    )

    kinds = {"call_back": CallBackDialog, "next_step": NextStepDialog, "meeting": MeetingDialog}
    dialog = kinds[kind]("Atelier Brun", NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    assert dialog.focusWidget() is dialog.when
    # A date, then Tab through every field typing text with spaces: nothing accepts.
    for _ in range(6):
        assert dialog.isVisible() and dialog.focusWidget() is not None
        qtbot.keyClicks(dialog.focusWidget(), "12 3 apres le budget ")
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted


def test_enter_accepts_from_a_text_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from prospection.ui.call_session.follow_up_dialogs import CallBackDialog

    dialog = CallBackDialog("Atelier Brun", NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.note, "apres le budget")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.answer().text == "apres le budget"


def test_keys_typed_just_after_a_prompt_closes_are_not_session_commands(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch
) -> None:
    from PySide6.QtCore import Qt

    prompts = Prompts(monkeypatch, settle=True)
    prompts.then(lambda dialog: True)
    for n in range(3):
        add_prospect(db, f"Prospect {n}")
    dialog = _open(qtbot, db, start(db))
    qtbot.keyClick(dialog, Qt.Key.Key_6)  # call back, the prompt accepted
    assert dialog.state.position == 1
    # The rest of what the user was typing in the prompt lands on the session.
    qtbot.keyClicks(dialog, "pour le budget 2")
    assert not dialog._paused
    assert not dialog.notes.hasFocus() and dialog.notes.toPlainText() == ""
    assert dialog.state.position == 1
    # Once the hands have settled, the keys are commands again.
    dialog.keys_settle_at = 0.0
    qtbot.keyClick(dialog, Qt.Key.Key_P)
    assert dialog._paused


def test_a_wrong_number_is_struck_through_in_the_editor(qtbot) -> None:  # type: ignore[no-untyped-def]
    from prospection.core.enums import ContactRole, PhoneKind
    from prospection.core.models import Contact, Phone
    from prospection.ui.editor.contacts_panel import ContactsPanel, struck_through

    panel = ContactsPanel()
    qtbot.addWidget(panel)
    contact = Contact(first_name="Claire", last_name="Brun", role=ContactRole.DECISION_MAKER)
    contact.phones.append(
        Phone(raw="04 65 71 20 10", e164="+33465712010", is_wrong=True, kind=PhoneKind.WORK)
    )
    contact.phones.append(
        Phone(raw="06 39 98 12 34", e164="+33639981234", is_wrong=False, kind=PhoneKind.WORK)
    )
    text = panel.describe(contact)
    wrong, good = [line for line in text.splitlines() if "☎" in line]
    assert "\u0336" in wrong and "\u0336" not in good
    assert struck_through("04") == "0\u03364\u0336"


def test_a_wrong_number_is_struck_through_in_the_contact_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    from prospection.core.enums import ContactRole, PhoneKind
    from prospection.core.models import Contact, Phone
    from prospection.ui.editor.contact_dialog import ContactDialog

    contact = Contact(first_name="Claire", last_name="Brun", role=ContactRole.DECISION_MAKER)
    contact.phones.append(
        Phone(raw="04 65 71 20 10", e164="+33465712010", is_wrong=True, kind=PhoneKind.WORK)
    )
    contact.phones.append(
        Phone(raw="06 39 98 12 34", e164="+33639981234", is_wrong=False, kind=PhoneKind.WORK)
    )
    contact.is_primary = True
    contact.title = contact.email = contact.linkedin_url = ""
    dialog = ContactDialog(lambda _c: None, contact)  # type: ignore[arg-type, return-value]
    qtbot.addWidget(dialog)
    wrong, good = dialog.phone_rows()
    assert wrong.text.font().strikeOut() and "Wrong number" in wrong.status.text()
    assert not good.text.font().strikeOut()
    # Typing the right number: no longer struck through (saving clears the flag).
    wrong.text.selectAll()
    qtbot.keyClicks(wrong.text, "04 65 71 20 19")
    assert not wrong.text.font().strikeOut() and "Wrong" not in wrong.status.text()


def test_ctrl_z_takes_back_the_last_call_and_returns_to_its_prospect(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch
) -> None:
    from PySide6.QtCore import Qt
    from sqlalchemy import select

    from prospection.core.call_sessions import summary
    from prospection.core.enums import Stage
    from prospection.core.models import Activity, Prospect

    prompts = Prompts(monkeypatch)
    first = add_prospect(db, "Prospect A", priority=9, next_action_at=NOW, next_action_text="x")
    add_prospect(db, "Prospect B", priority=1)
    session_id = start(db)
    dialog = _open(qtbot, db, session_id)
    assert not dialog.undo_button.isEnabled()
    qtbot.keyClicks(dialog.notes, "rappeler")
    dialog.setFocus()
    prompts.then(lambda d: True)
    qtbot.keyClick(dialog, Qt.Key.Key_6)  # call back: stage, follow-up, counts change
    assert dialog.state.position == 1 and dialog.undo_button.isEnabled()
    with db.session() as session:
        assert summary(session, session_id).tally.calls == 1
    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.state.position == 0 and dialog._card is not None
    assert dialog._card.prospect_id == first
    assert dialog.notes.toPlainText() == "rappeler"
    with db.session() as session:
        prospect = session.get(Prospect, first)
        assert prospect is not None
        assert (prospect.stage, prospect.next_action_text, prospect.call_attempts) == (
            Stage.NEW,
            "x",
            0,
        )
        assert prospect.next_action_at is not None
        assert session.scalars(select(Activity).where(Activity.prospect_id == first)).all() == []
        assert summary(session, session_id).tally.calls == 0
    assert not dialog.undo_button.isEnabled()
    # The button does the same.
    prompts.then(lambda d: True)
    qtbot.keyClick(dialog, Qt.Key.Key_1)
    dialog.undo_button.click()
    assert dialog.state.position == 0


def test_shift_tab_looks_back_at_the_previous_prospect_then_tab_returns(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch
) -> None:
    from PySide6.QtCore import Qt

    Prompts(monkeypatch)
    first = add_prospect(db, "Prospect A", priority=9)
    second = add_prospect(db, "Prospect B", priority=5)
    third = add_prospect(db, "Prospect C", priority=1)
    session_id = start(db)
    dialog = _open(qtbot, db, session_id)
    qtbot.keyClick(dialog, Qt.Key.Key_Backtab)  # nothing before the first prospect
    assert dialog.looking_back is None
    qtbot.keyClicks(dialog.notes, "sur repondeur")
    dialog.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_2)  # voicemail: no prompt
    qtbot.keyClick(dialog, Qt.Key.Key_1)  # no answer
    assert dialog._card is not None and dialog._card.prospect_id == third
    qtbot.keyClicks(dialog.notes, "en cours")
    dialog.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the call to C is running
    assert dialog.timer.running

    qtbot.keyClick(dialog, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.looking_back == 1
    assert dialog.brief.name.text() == "Prospect B"
    assert "Prospect B" in dialog.banner.text() and dialog.current_button.isVisible()
    assert dialog.notes.isReadOnly() and not dialog.outcomes.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Backtab)  # further back
    assert dialog.looking_back == 0 and dialog.brief.name.text() == "Prospect A"
    assert dialog.notes.toPlainText() == "sur repondeur"  # the call's notes
    # Nothing is recorded nor skipped while looking back.
    qtbot.keyClick(dialog, Qt.Key.Key_3)
    qtbot.keyClick(dialog, Qt.Key.Key_S)
    assert dialog.state.position == 2 and dialog.looking_back == 0
    qtbot.keyClick(dialog, Qt.Key.Key_Tab)
    assert dialog.looking_back is None and dialog.brief.name.text() == "Prospect C"
    assert dialog.notes.toPlainText() == "en cours" and not dialog.notes.isReadOnly()
    assert dialog.timer.running and dialog.outcomes.isEnabled()
    assert not dialog.current_button.isVisible()
    # The button looks back too; Esc returns (it does not end the session).
    dialog.previous_button.click()
    assert dialog.looking_back == 1
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.looking_back is None and dialog.isVisible()
    assert [first, second, third] == list(dialog.state.queue)
    # From the talk track (clicked into), Shift+Tab looks back too; in the notes it
    # does not (a text field never gives session commands).
    dialog.talk_track.text.setFocus()
    qtbot.keyClick(dialog.talk_track.text, Qt.Key.Key_Backtab)
    assert dialog.looking_back == 1
    qtbot.keyClick(dialog, Qt.Key.Key_Tab)
    dialog.notes.setFocus()
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Backtab)
    assert dialog.looking_back is None


def test_the_summary_offers_to_undo_the_last_call_and_goes_back_to_it(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch
) -> None:
    from PySide6.QtCore import Qt

    from prospection.core.call_sessions import get_session, summary
    from prospection.core.enums import SessionStatus
    from prospection.ui.call_session.session_summary import SessionSummaryDialog

    prompts = Prompts(monkeypatch)
    add_prospect(db, "Prospect A", priority=9)
    last = add_prospect(db, "Prospect B", priority=1)
    session_id = start(db)
    dialog = _open(qtbot, db, session_id)
    seen: list[str] = []

    def undo(box):  # type: ignore[no-untyped-def]
        assert isinstance(box, SessionSummaryDialog) and box.undo_button is not None
        seen.append(box.undo_button.text())
        seen.append(box.text())
        box.undo_button.click()
        return True

    prompts.then(undo)
    qtbot.keyClick(dialog, Qt.Key.Key_2)
    qtbot.keyClicks(dialog.notes, "messagerie")
    dialog.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_2)  # the last prospect: the summary shows
    assert "Prospect B" in seen[0] and "Calls: 2" in seen[1]
    # Taken back: the session goes on at that prospect, with its notes.
    assert dialog.isVisible() and dialog._card is not None
    assert dialog._card.prospect_id == last and dialog.state.position == 1
    assert dialog.notes.toPlainText() == "messagerie"
    with db.session() as session:
        state = get_session(session, session_id)
        assert state.status == SessionStatus.ACTIVE and state.ended_at is None
        assert summary(session, session_id).tally.calls == 1
    # Ending again: nothing left to take back, the summary offers no undo.
    prompts.then(lambda box: True)  # "End the session?"
    prompts.then(lambda box: seen.append(str(box.undo_button)) or True)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert seen[-1] == "None" and not dialog.isVisible()


def test_key_4_on_the_only_number_sends_the_prospect_to_find_a_new_number(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch
) -> None:
    """Item 5 by keys: 4 flags the only number; the prospect leaves Today/Overdue with a
    "find a new number" next action, and the table shows the number struck through."""
    from datetime import timedelta

    from PySide6.QtCore import Qt

    from prospection.core import prospects
    from prospection.core.models import Phone, Prospect
    from prospection.core.prospects import Due, ProspectFilter
    from prospection.ui.prospect_table_model import Column, ProspectTableModel

    Prompts(monkeypatch)
    only = add_prospect(db, "Un seul numéro", next_action_at=NOW - timedelta(hours=2))
    add_prospect(db, "Suivant", phones=("+33465712099",), next_action_at=NOW - timedelta(hours=1))
    dialog = _open(qtbot, db, start(db))
    assert dialog.brief.name.text() == "Un seul numéro"
    qtbot.keyClick(dialog, Qt.Key.Key_4)
    assert dialog.brief.name.text() == "Suivant"
    with db.session() as session:
        prospect = session.get(Prospect, only)
        assert prospect is not None
        assert prospect.next_action_at is None
        assert prospect.next_action_text == "Find a new number"
        assert [p.is_wrong for p in session.query(Phone).filter(Phone.e164 == "+33465712010")] == [
            True
        ]
        due = set(session.scalars(prospects.filtered_ids(ProspectFilter(due=Due.NOW), now=NOW)))
        assert only not in due
    model = ProspectTableModel(db)
    model.set_filter(ProspectFilter(ids=frozenset({only})))
    font = model.index(0, Column.PHONE).data(Qt.ItemDataRole.FontRole)
    assert font is not None and font.strikeOut()


def test_keys_move_on_and_the_talk_track_follows_the_next_contact(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch
) -> None:
    """Item 6 by keys: after 1 (no answer), the track names the next contact and problem."""
    from PySide6.QtCore import Qt

    Prompts(monkeypatch)
    add_prospect(db, "Atelier Brun", contact_name=("Claire", "Brun"), pains="Devis en retard.")
    add_prospect(
        db,
        "Garage Roux",
        phones=("+33465712099",),
        contact_name=("Hugo", "Roux"),
        pains="Les rappels de révision oubliés. Clients perdus.",
    )
    dialog = _open(qtbot, db, start(db))
    assert "Hello Claire," in dialog.talk_track.text.toPlainText()
    qtbot.keyClick(dialog, Qt.Key.Key_1)
    text = dialog.talk_track.text.toPlainText()
    assert "Hello Hugo," in text and "Claire" not in text
    assert "like yours with les rappels de révision oubliés." in text


def test_the_session_writes_numbers_as_dialled_from_the_default_country(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch
) -> None:
    Prompts(monkeypatch)
    Preferences().set_phone_region("GB")
    add_prospect(db, "Abbey Garage", phones=("+442079460828",), country="GB")
    dialog = _open(qtbot, db, start(db))
    shown = [p.display for c in dialog._card.contacts for p in c.phones]  # type: ignore[union-attr]
    assert shown == ["020 7946 0828"]
