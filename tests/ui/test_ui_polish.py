"""Issue 15 (items 7 to 11): keyboard walk-through defects, each driven by keys or reads."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QDialogButtonBox,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from prospection.core.call_sessions import SessionState, SessionSummary, Tally
from prospection.core.db import Database
from prospection.core.enums import Outcome, SessionStatus
from prospection.core.weekly_goals import set_targets
from prospection.core.weeks import Week
from prospection.paths import resources_dir
from prospection.ui.data_events import DataEvents
from prospection.ui.goals.goal_labels import metric_label
from prospection.ui.goals.goal_panel import WeeklyGoalPanel
from tests.goal_data import log_calls, prospect


@contextmanager
def french(*modules: str) -> Iterator[None]:
    """The French translations of `modules` and a French locale, for the block."""
    app = QCoreApplication.instance()
    assert app is not None
    folder = resources_dir() / "translations" / "fr"
    translators = []
    for name in modules:
        translator = QTranslator()
        assert translator.load(str(folder / f"{name}.qm"))
        app.installTranslator(translator)
        translators.append(translator)
    previous = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    try:
        yield
    finally:
        QLocale.setDefault(previous)
        for translator in translators:
            app.removeTranslator(translator)


@pytest.fixture
def events() -> DataEvents:
    return DataEvents()


# ------------------------------------------------------------------ 8. weekly strip


def test_strip_says_met_only_for_the_measure_that_is_met(
    qtbot: QtBot, db: Database, events: DataEvents
) -> None:
    from datetime import datetime

    with db.session() as session:
        set_targets(session, Week.current(), calls=2, reached=8)
        row = prospect(session)
        log_calls(session, row, datetime.now().astimezone(), Outcome.NO_ANSWER, count=2)
        log_calls(session, row, datetime.now().astimezone(), Outcome.CONVERSATION, count=7)
    panel = WeeklyGoalPanel(db, events)
    qtbot.addWidget(panel)
    assert panel.bars.bars["reached"].text == "7 / 8"
    # The "met" of the strip names the measure it is about (calls), not the reached bar.
    assert metric_label("calls") in panel.pace.text()
    assert "met" in panel.pace.text()
    assert not panel.bars.bars["reached"].progress.met  # type: ignore[union-attr]


def test_a_measure_without_target_is_not_an_empty_box(
    qtbot: QtBot, db: Database, events: DataEvents
) -> None:
    panel = WeeklyGoalPanel(db, events)
    qtbot.addWidget(panel)
    panel.show()
    new_clients = panel.bars.bars["new_clients"]
    assert new_clients.progress is not None and new_clients.progress.target == 0
    assert new_clients.bar.isHidden()
    assert new_clients.count.isVisible()
    assert new_clients.count.text() == "0"
    calls = panel.bars.bars["calls"]
    assert calls.bar.isVisible() and calls.count.isHidden()


@pytest.mark.parametrize("dark", [False, True])
def test_an_empty_target_bar_does_not_look_like_an_input_box(
    qtbot: QtBot, db: Database, events: DataEvents, dark: bool
) -> None:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QLineEdit

    from prospection.ui.goals.week_bars import MetricBar

    with db.session() as session:
        set_targets(session, Week.current(), calls=40)
    holder = QWidget()
    if dark:
        palette = QPalette()
        for role, colour in (
            (QPalette.ColorRole.Window, QColor(45, 45, 45)),
            (QPalette.ColorRole.Base, QColor(30, 30, 30)),
            (QPalette.ColorRole.Text, QColor(230, 230, 230)),
            (QPalette.ColorRole.WindowText, QColor(230, 230, 230)),
        ):
            palette.setColor(role, colour)
        holder.setPalette(palette)
    qtbot.addWidget(holder)
    panel = WeeklyGoalPanel(db, events, holder)
    line = QLineEdit(holder)
    holder.show()
    calls: MetricBar = panel.bars.bars["calls"]
    assert calls.text == "0 / 40" and calls.bar.isVisible()
    image = calls.bar.grab().toImage()
    # The empty track, left of the centred text, is not painted in the input boxes' colour.
    track = image.pixelColor(6, image.height() // 2)
    base = line.palette().color(QPalette.ColorRole.Base)
    window = holder.palette().color(QPalette.ColorRole.Window)
    assert abs(track.lightness() - base.lightness()) > 8, (track.name(), base.name())
    # A shade of the window, on the other side of it from the input boxes' colour.
    away = (track.lightness() - window.lightness()) * (base.lightness() - window.lightness())
    assert away < 0, (track.name(), window.name(), base.name())


# ------------------------------------------------------------------ 11. small ones


def _summary(calls: int, reached: int) -> SessionSummary:
    now = datetime.now(UTC)
    state = SessionState(id=1, started_at=now, ended_at=now, status=SessionStatus.ENDED,
                         source="", planned_size=None, time_box_minutes=None, queue=(),
                         position=0, draft_notes="", follow_ups=2, skipped=0)  # fmt: skip
    return SessionSummary(state, Tally(calls=calls, reached=reached), 2, 0)


def test_summary_compares_reach_with_the_average_and_offers_follow_ups(qtbot: QtBot) -> None:
    from prospection.ui.call_session.session_summary import SessionSummaryDialog

    dialog = SessionSummaryDialog(_summary(8, 5), None, average_reach=0.4)
    qtbot.addWidget(dialog)
    assert "63%" in dialog.text()  # English: no space before %
    assert "your average: 40%" in dialog.text()
    dialog.show()
    with qtbot.waitSignal(dialog.follow_ups_requested):
        dialog.follow_ups_button.setFocus()
        qtbot.keyClick(dialog.follow_ups_button, Qt.Key.Key_Space)
    assert not dialog.isVisible()


def test_summary_percent_is_french_in_french(qtbot: QtBot) -> None:
    from prospection.ui.call_session.session_summary import SessionSummaryDialog

    with french("ui.goals.goal_labels", "ui.call_session.session_summary"):
        dialog = SessionSummaryDialog(_summary(8, 5), None)
        qtbot.addWidget(dialog)
        assert "63\u00a0%" in dialog.text() or "63 %" in dialog.text()


def test_insights_window_has_a_close_button_and_dated_axis(
    qtbot: QtBot, db: Database, events: DataEvents
) -> None:
    from prospection.ui.goals.insights_window import InsightsWindow

    window = InsightsWindow(db, events)
    qtbot.addWidget(window)
    window.show()
    box = window.findChild(QDialogButtonBox)
    assert box is not None
    close = box.button(QDialogButtonBox.StandardButton.Close)
    assert close is not None
    assert window.per_day_axis.titleText()  # the bars' axis says what it counts
    assert window.per_day_values.titleText()
    # 90 days: too many bars for a date each, the axis title gives the span.
    assert window.per_day_axis.titleText().endswith(str(window._today.year))
    window.period.setCurrentIndex(0)  # 30 days: a date under each bar, "5 Dec"
    labels = window.per_day_axis.categories()
    assert labels and all(any(c.isalpha() for c in label) for label in labels)
    close.setFocus()
    qtbot.keyClick(close, Qt.Key.Key_Space)
    assert not window.isVisible()


def test_import_wizard_last_step_button_says_import(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    from prospection.ui.import_wizard.wizard import ImportWizard
    from tests.ui.test_import_wizard import FIXTURES, walk_to_preview

    path = tmp_path / "people.csv"
    path.write_bytes((FIXTURES / "excel_fr_semicolon.csv").read_bytes())
    wizard = ImportWizard(db, DataEvents(), path)
    qtbot.addWidget(wizard)
    walk_to_preview(qtbot, wizard)
    assert wizard.currentPage() is wizard.preview_page
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isVisible() and commit.text().replace("&", "") == "Import"
    assert not wizard.button(QWizard.WizardButton.NextButton).isVisible()


def test_call_timer_does_not_look_like_a_spin_box(qtbot: QtBot) -> None:
    from prospection.ui.call_session.call_timer import CallTimer

    timer = CallTimer()
    qtbot.addWidget(timer)
    assert timer.edit.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.NoButtons
    assert not timer.edit.hasFrame()


# ------------------------------------------------------------------ 7. contact dialog


def _tab_walk(qtbot: QtBot, dialog: QWidget, first: QWidget, steps: int) -> list[QWidget]:
    first.setFocus()
    seen = [first]
    for _ in range(steps):
        current = dialog.focusWidget()
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        seen.append(dialog.focusWidget())
    return seen


def test_contact_dialog_tab_order_follows_the_form(qtbot: QtBot) -> None:
    from prospection.ui.editor.contact_dialog import ContactDialog

    dialog = ContactDialog(lambda data: None)  # type: ignore[arg-type, return-value]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    phone = dialog.phone_rows()[0]
    seen = _tab_walk(qtbot, dialog, dialog.first_name, 11)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[union-attr]
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)  # type: ignore[union-attr]
    expected = [dialog.first_name, dialog.last_name, dialog.title, dialog.role, phone.kind,
                phone.text, dialog.add_phone_button, dialog.email, dialog.linkedin,
                dialog.primary]  # fmt: skip
    assert seen[: len(expected)] == expected
    assert set(seen[len(expected) :]) == {ok, cancel}


def test_contact_dialog_phone_row_keeps_its_height_and_message_shows_whole(
    qtbot: QtBot,
) -> None:
    from prospection.ui.editor.contact_dialog import ContactDialog

    dialog = ContactDialog(lambda data: None)  # type: ignore[arg-type, return-value]
    qtbot.addWidget(dialog)
    dialog.resize(480, dialog.height())
    dialog.show()
    qtbot.waitExposed(dialog)
    phone = dialog.phone_rows()[0]
    before = (phone.text.height(), phone.text.y(), dialog.email.y(), dialog.height())
    phone.text.setFocus()
    qtbot.keyClicks(phone.text, "12ab")
    qtbot.wait(10)
    assert phone.status.isVisible() and "Not recognised" in phone.status.text()
    after = (phone.text.height(), phone.text.y(), dialog.email.y(), dialog.height())
    assert after == before
    # Not clipped: the label is as wide and as tall as its text needs.
    status = phone.status
    assert status.height() >= status.heightForWidth(status.width()) or (
        status.width() >= status.sizeHint().width()
    )
    assert status.geometry().right() <= dialog.width()


def test_add_contact_on_an_unsaved_new_prospect_says_why(qtbot: QtBot, db: Database) -> None:
    from prospection.ui.main_window import MainWindow

    window = MainWindow(db, DataEvents())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.editor.start_new()
    keys = QKeySequence("Ctrl+Shift+K")
    # One owner of the keys: a button with the same shortcut made them ambiguous (nothing).
    owners = [a for a in window.findChildren(QAction) if a.shortcut() == keys]
    owners += [b for b in window.findChildren(QAbstractButton) if b.shortcut() == keys]
    assert owners == [window.action_add_contact]
    # (offscreen windows are never active, so the key is delivered as its action)
    window.action_add_contact.trigger()
    assert "name" in window.editor.status.text().lower()
    assert "contact" in window.editor.status.text().lower()


# ------------------------------------------------------------------ 9. help and focus


def test_f1_lists_session_keys_and_undo_by_its_key(qtbot: QtBot, db: Database) -> None:
    from prospection.ui.help_dialogs import ShortcutsDialog
    from prospection.ui.main_window import MainWindow
    from tests.ui.conftest import seed

    ids = seed(db)
    window = MainWindow(db, DataEvents())
    qtbot.addWidget(window)
    window.model.row_at(0)
    assert window.table.select_prospect(ids[2])
    window.editor.form.pains.setPlainText("Their CRM loses leads")
    window.action_save.trigger()  # the undo action now reads "Undo Edit DataForge"
    assert window.action_undo.text() != "&Undo"
    dialog = ShortcutsDialog(window.menuBar(), window)
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = [
        tuple(table.item(r, c).text() for c in range(3))  # type: ignore[union-attr]
        for r in range(table.rowCount())
    ]
    actions = {row[1] for row in rows}
    assert "Undo" in actions and "Redo" in actions
    assert not any("DataForge" in a for a in actions)
    session = [row for row in rows if row[0] == "Call session"]
    assert ("Call session", "Undo last call", "Ctrl+Z") in session
    assert ("Call session", "Previous prospect", "Shift+Tab") in session
    assert any(row[2] == "Enter" for row in session)


# ------------------------------------------------------------------ 7 and 9 by keys


def _active_window(qtbot: QtBot, db: Database):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from prospection.ui.main_window import MainWindow

    window = MainWindow(db, DataEvents())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def test_ctrl_shift_k_typed_on_an_unsaved_new_prospect_says_why(qtbot: QtBot, db: Database) -> None:
    """Item 7 by keys: Ctrl+N then Ctrl+Shift+K on the empty new prospect."""
    window = _active_window(qtbot, db)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    window.editor.start_new()
    qtbot.keyClick(window.editor.form.name, Qt.Key.Key_K, ctrl_shift)
    status = window.editor.status.text().lower()
    assert "name" in status and "contact" in status


def test_f1_and_tab_by_keys_show_the_shortcuts_and_move_the_focus_frame(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 9 by keys: F1 opens the keyboard shortcuts; Tab moves the visible focus."""
    from prospection.ui import help_dialogs
    from tests.ui.conftest import seed

    seed(db)
    shown: list[list[str]] = []

    def record(dialog: help_dialogs.ShortcutsDialog) -> int:
        table = dialog.table
        shown.append([table.item(r, 1).text() for r in range(table.rowCount())])  # type: ignore[union-attr]
        return 0

    monkeypatch.setattr(help_dialogs.ShortcutsDialog, "exec", record)
    window = _active_window(qtbot, db)
    window.table.setFocus()
    qtbot.waitUntil(lambda: window.focus_rings.ring() is not None, timeout=2000)
    assert window.focus_rings.ring().parentWidget() is window.table  # type: ignore[union-attr]
    qtbot.keyClick(window.table, Qt.Key.Key_F1)
    assert shown and "Undo last call" in shown[0] and "Previous prospect" in shown[0]
    # Tab from the sidebar: the frame follows the focus to the next framed widget.
    window.sidebar.setFocus()
    qtbot.waitUntil(lambda: window.focus_rings.ring() is not None, timeout=2000)
    assert window.focus_rings.ring().parentWidget() is window.sidebar  # type: ignore[union-attr]
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not window.sidebar
    ring = window.focus_rings.ring()
    assert ring is not None and ring.parentWidget() is focused, type(focused).__name__


def test_calls_logged_by_keys_mark_met_only_the_measure_that_is_met(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 8 by keys: 1 (no answer) twice in a session meets the calls target only."""
    from prospection.ui.call_session.session_dialog import CallSessionDialog
    from tests.call_factories import add_prospect
    from tests.ui.call_session_helpers import Prompts, start

    with db.session() as session:
        set_targets(session, Week.current(), calls=2, reached=8)
    for name in ("Atelier Brun", "Garage Roux", "Fournil Nord"):
        add_prospect(db, name)
    Prompts(monkeypatch)
    window = _active_window(qtbot, db)
    panel = window.goals.dock.panel
    dialog = CallSessionDialog(db, window.events, start(db), window, dialer=lambda _u: True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.setFocus()
    for _ in range(2):
        qtbot.keyClick(dialog, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: panel.bars.bars["calls"].text == "2 / 2", timeout=3000)
    calls, reached = panel.bars.bars["calls"], panel.bars.bars["reached"]
    assert calls.progress is not None and calls.progress.met
    assert reached.progress is not None and not reached.progress.met
    assert reached.text == "0 / 8"
    assert metric_label("calls") in panel.pace.text() and "met" in panel.pace.text()


def test_french_says_0_jour_restant_in_the_singular(
    qtbot: QtBot, db: Database, events: DataEvents
) -> None:
    """French writes 0 and 1 in the singular ("0 jour restant"), English "0 working days left"."""
    saturday = datetime(2026, 12, 5, 11, 0, tzinfo=UTC)
    wednesday = datetime(2026, 12, 2, 11, 0, tzinfo=UTC)
    texts = {}
    with french("ui.goals.goal_labels", "ui.goals.goal_panel"):
        for name, moment in (("sat", saturday), ("wed", wednesday)):
            panel = WeeklyGoalPanel(db, events, clock=lambda m=moment: m)  # type: ignore[misc]
            qtbot.addWidget(panel)
            texts[name] = panel.days_left.text()
    assert texts["sat"] == "0 jour restant"
    assert texts["wed"].endswith("jours restants") and not texts["wed"].startswith(("0", "1 "))
    english = WeeklyGoalPanel(db, events, clock=lambda: saturday)
    qtbot.addWidget(english)
    assert english.days_left.text() == "0 working days left"
