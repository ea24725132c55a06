"""A session killed mid-way (SIGKILL: no clean-up at all) resumes where it stopped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select

from prospection.core.call_sessions import find_resumable
from prospection.core.db import Database
from prospection.core.enums import ActivityKind, Outcome
from prospection.core.models import Activity
from prospection.ui.call_session import launcher
from prospection.ui.data_events import DataEvents
from tests.call_factories import add_prospect
from tests.ui.call_session_helpers import Prompts, start

ROOT = Path(__file__).resolve().parents[2]

#: The child: opens the session dialog, records two calls with keys, types notes for
#: the third prospect, waits until they are saved, says READY and waits to be killed.
CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import Qt, QUrl
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from prospection.core.call_sessions import get_session
    from prospection.core.db import open_database
    from prospection.ui.call_session.session_dialog import CallSessionDialog
    from prospection.ui.data_events import DataEvents

    app = QApplication([])
    db = open_database(__import__("pathlib").Path(sys.argv[1]))
    dialog = CallSessionDialog(db, DataEvents(), int(sys.argv[2]), dialer=lambda url: True)
    dialog.show()
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    QTest.keyClick(dialog, Qt.Key.Key_1)
    QTest.keyClick(dialog, Qt.Key.Key_2)
    QTest.keyClicks(dialog.notes, "Ask for the owner")
    while get_session(db.sessions(), int(sys.argv[2])).draft_notes != "Ask for the owner":
        QTest.qWait(50)
    print("READY", flush=True)
    while True:
        QTest.qWait(1000)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_session_resumes_at_the_prospect_where_it_stopped(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ids = [add_prospect(db, name) for name in ("Alpha", "Bravo", "Charlie", "Delta")]
    session_id = start(db)
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "src")}
    child = subprocess.Popen(
        [sys.executable, str(script), str(db.path), str(session_id)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "READY", child.stderr.read() if child.stderr else ""
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL

    with db.session() as session:
        calls = session.scalars(
            select(Activity).where(Activity.kind == ActivityKind.CALL).order_by(Activity.id)
        ).all()
        offered = find_resumable(session)
    assert [(c.prospect_id, c.outcome) for c in calls] == [
        (ids[0], Outcome.NO_ANSWER),
        (ids[1], Outcome.VOICEMAIL),
    ]
    assert calls[0].duration_seconds is not None
    assert offered is not None and offered.id == session_id and offered.position == 2

    Prompts(monkeypatch).then(lambda box: True)  # "Resume"
    dialog = launcher.offer_resume(db, DataEvents(), None)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.brief.name.text() == "Charlie"
    assert dialog.notes.toPlainText() == "Ask for the owner"
    assert dialog.progress_label.text() == "Call session — 3 / 4"
    dialog.close()
