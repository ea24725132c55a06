"""Team mode: a call logged as the server connection drops is not half-saved, nor lost."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import create_engine, select, text

from prospection.core import call_sessions
from prospection.core.call_sessions import get_session
from prospection.core.db import Database, open_database
from prospection.core.enums import ActivityKind, Outcome
from prospection.core.models import Activity
from prospection.ui.call_session.session_dialog import CallSessionDialog
from prospection.ui.data_events import DataEvents
from tests.call_factories import NOW, add_prospect
from tests.ui.call_session_helpers import Prompts, start


@pytest.fixture
def team(pg_url: str, tmp_path: Path) -> Iterator[Database]:
    from PySide6.QtWidgets import QApplication

    database = open_database(tmp_path / "unused.sqlite3", url=pg_url)
    yield database
    # pytest-qt closes the test's widgets after the fixtures' teardown, when this
    # database's schema is already dropped: an open session dialog's weekly bars then
    # read a dropped schema. Hide them first (a hidden window's bars read nothing);
    # hiding, not closing: the dialog's close asks questions the test no longer answers.
    for widget in QApplication.topLevelWidgets():
        widget.hide()
    database.dispose()


def _calls(url: str, prospect_id: int) -> list[Outcome | None]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return list(
                connection.scalars(
                    select(Activity.outcome).where(
                        Activity.prospect_id == prospect_id, Activity.kind == ActivityKind.CALL
                    )
                )
            )
    finally:
        engine.dispose()


@pytest.mark.parametrize("next_card_first", [True, False], ids=["next-first", "saved-first"])
def test_a_call_whose_connection_drops_is_not_saved_and_kept_for_a_retry(  # type: ignore[no-untyped-def]
    qtbot, team: Database, pg_url: str, monkeypatch: pytest.MonkeyPatch, next_card_first: bool
) -> None:
    ids = [add_prospect(team, f"Prospect {n}", priority=9 - n) for n in range(3)]
    session_id = start(team)
    prompts = Prompts(monkeypatch)
    dialog = CallSessionDialog(
        team, DataEvents(), session_id, dialer=lambda _url: True, clock=lambda: NOW
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.setFocus()
    if not next_card_first:  # the last call of the time box: saved before moving on
        monkeypatch.setattr(dialog, "_next_card_to_show_first", lambda *_a: None)

    admin = create_engine(pg_url)
    record_call = call_sessions.record_call
    cuts = [1, 1]  # the first two tries are cut

    def cut_mid_way(session: Any, *args: Any, **kwargs: Any) -> Any:
        result = record_call(session, *args, **kwargs)  # written, not committed yet
        if cuts:
            cuts.pop()
            pid = session.connection().connection.dbapi_connection.info.backend_pid
            with admin.begin() as connection:
                connection.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        return result

    monkeypatch.setattr(call_sessions, "record_call", cut_mid_way)
    boxes: list[str] = []

    def later(box: QDialog) -> bool:
        assert isinstance(box, QMessageBox)
        boxes.append(box.text())
        return False

    def retry(box: QDialog) -> bool:
        assert isinstance(box, QMessageBox)
        boxes.append(box.text())
        return True

    try:
        prompts.then(later)
        qtbot.keyClick(dialog, Qt.Key.Key_N)
        qtbot.keyClicks(dialog.notes, "Try mornings")
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)
        qtbot.keyClick(dialog, Qt.Key.Key_2)  # voicemail, as the connection drops
        assert len(boxes) == 1 and "was not saved" in boxes[0] and "Voicemail" in boxes[0]
        # Rolled back by the server: nothing of it; the session still on this prospect.
        assert _calls(pg_url, ids[0]) == []
        assert dialog.brief.name.text() == "Prospect 0"
        assert dialog.notes.toPlainText() == "Try mornings"
        assert "Not saved yet: Prospect 0" in dialog.last_label.text()
        with team.session() as session:
            assert get_session(session, session_id).position == 0

        # Once more, cut again: Retry saves the kept outcome (no question asked again).
        prompts.then(retry)
        qtbot.keyClick(dialog, Qt.Key.Key_2)
        assert len(boxes) == 2 and not cuts
        assert _calls(pg_url, ids[0]) == [Outcome.VOICEMAIL]
        with team.session() as session:
            assert get_session(session, session_id).position == 1
        assert dialog.brief.name.text() == "Prospect 1"
    finally:
        admin.dispose()
        monkeypatch.setattr(call_sessions, "record_call", record_call)
