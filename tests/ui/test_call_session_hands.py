"""Issue 15: a call session you can trust with your hands (keys driven with qtbot)."""

from __future__ import annotations

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
    assert "Claire" in text and "Paul Durand" in text and "Devis envoyés trop tard" in text
    for placeholder in ("[first name]", "[your name]", "[their problem]"):
        assert placeholder not in text


def test_preferences_keep_the_users_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    from prospection.ui.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(preferences=Preferences())
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.user_name_edit, " Paul Durand ")
    dialog.accept()
    assert Preferences().user_name() == "Paul Durand"
