"""Entry points of the call session for the main window: start, resume, history, tracks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from prospection.core.db import Database
from prospection.ui.call_session.dialog_runner import run_dialog
from prospection.ui.data_events import DataEvents

if TYPE_CHECKING:
    from prospection.ui.call_session.session_dialog import CallSessionDialog
    from prospection.ui.main_window import MainWindow


def open_session(
    db: Database, events: DataEvents, session_id: int, parent: QWidget | None
) -> CallSessionDialog:
    """Show the session dialog over `parent` (window-modal, deleted when closed)."""
    # Imported when first used, so that the main window starts lean.
    from prospection.ui.call_session.session_dialog import CallSessionDialog

    dialog = CallSessionDialog(db, events, session_id, parent)
    show_view = getattr(parent, "show_view", None)  # the main window's views
    if show_view is not None:
        from prospection.core.prospects import Due
        from prospection.ui.view_choice import ViewChoice

        dialog.follow_ups_requested.connect(lambda: show_view(ViewChoice(due=Due.NOW)))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def start_calling(
    db: Database,
    events: DataEvents,
    parent: QWidget | None,
    *,
    filter_ids: Sequence[int] = (),
    selected_ids: Sequence[int] = (),
) -> CallSessionDialog | None:
    """Ask whom to call, create the session and open it (None when cancelled)."""
    from prospection.ui.call_session.start_dialog import StartCallingDialog

    start = StartCallingDialog(db, parent, filter_ids=filter_ids, selected_ids=selected_ids)
    accepted = run_dialog(start)
    session_id = start.created_session_id
    start.deleteLater()
    if not accepted or session_id is None:
        return None
    return open_session(db, events, session_id, parent)


def offer_resume(
    db: Database, events: DataEvents, parent: QWidget | None
) -> CallSessionDialog | None:
    """At start-up: offer to resume a session interrupted by a crash or a closed app."""
    # Imported here, after the window's first paint: the call modules are not needed
    # to show it.
    from prospection.core import call_sessions
    from prospection.core.call_cards import load_call_card
    from prospection.core.calls import CallError
    from prospection.ui.call_session.call_labels import short_date_time

    with db.session() as session:
        state = call_sessions.find_resumable(session)
        if state is None:
            return None
        name = ""
        if state.current_prospect_id is not None:
            try:
                name = load_call_card(session, state.current_prospect_id).name
            except CallError:
                name = ""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("CallLauncher", "Resume your call session?"))
    box.setText(
        QCoreApplication.translate(
            "CallLauncher",
            "Your call session of {started} was interrupted at {n} / {total}{name}. "
            "Go on where you stopped?",
        ).format(
            started=short_date_time(state.started_at),
            n=state.position + 1,
            total=len(state.queue),
            name=f" ({name})" if name else "",
        )
    )
    resume = box.addButton(
        QCoreApplication.translate("CallLauncher", "Resume"), QMessageBox.ButtonRole.YesRole
    )
    box.addButton(
        QCoreApplication.translate("CallLauncher", "End it"), QMessageBox.ButtonRole.NoRole
    )
    box.setDefaultButton(resume)
    wanted = run_dialog(box)
    box.deleteLater()
    if wanted:
        return open_session(db, events, state.id, parent)
    with db.session() as session:
        call_sessions.end_session(session, state.id)
    return None


@dataclass(frozen=True)
class CallActions:
    """The call-session actions added to the main window."""

    start: QAction
    history: QAction
    talk_tracks: QAction
    settings: QAction


def install_call_actions(window: MainWindow) -> CallActions:
    """Add "Start calling" (toolbar, Ctrl+Return) and the Calls menu to the main window."""
    from prospection.core.prospects import filtered_ids

    def start() -> None:
        with window.db.session() as session:
            ids = list(session.scalars(filtered_ids(window.current_filter())))
        start_calling(
            window.db,
            window.events,
            window,
            filter_ids=ids,
            selected_ids=window.selected_ids(),
        )

    def history() -> None:
        from prospection.ui.call_session.history_dialog import SessionHistoryDialog

        dialog = SessionHistoryDialog(window.db, window)
        run_dialog(dialog)
        dialog.deleteLater()

    def tracks() -> None:
        from prospection.ui.call_session.talk_track_editor import TalkTrackEditor

        dialog = TalkTrackEditor(window.db, window)
        run_dialog(dialog)
        dialog.deleteLater()

    def settings() -> None:
        from prospection.ui.call_session.call_settings_dialog import CallSettingsDialog

        dialog = CallSettingsDialog(window.db, window)
        run_dialog(dialog)
        dialog.deleteLater()

    def action(text: str, slot: object, tip: str, keys: str | None = None) -> QAction:
        item = QAction(text, window)
        if keys:
            item.setShortcut(QKeySequence(keys))
        native = item.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        item.setToolTip(f"{tip} ({native})" if native else tip)
        item.setStatusTip(tip)
        item.triggered.connect(slot)
        window.addAction(item)
        return item

    start_action = action(
        QCoreApplication.translate("CallLauncher", "&Start calling…"),
        start,
        QCoreApplication.translate(
            "CallLauncher", "Work through a batch of calls, one key per outcome"
        ),
        "Ctrl+Return",
    )
    start_action.setIconText(QCoreApplication.translate("CallLauncher", "▶ Start calling"))
    history_action = action(
        QCoreApplication.translate("CallLauncher", "Session &history…"),
        history,
        QCoreApplication.translate("CallLauncher", "Past call sessions"),
    )
    tracks_action = action(
        QCoreApplication.translate("CallLauncher", "&Talk tracks…"),
        tracks,
        QCoreApplication.translate("CallLauncher", "Edit your call scripts"),
    )
    settings_action = action(
        QCoreApplication.translate("CallLauncher", "Call &settings…"),
        settings,
        QCoreApplication.translate("CallLauncher", "When to call again, when to give up"),
    )
    menu = window.calls_menu
    menu.addAction(start_action)
    menu.addSeparator()
    menu.addAction(history_action)
    menu.addAction(tracks_action)
    menu.addAction(settings_action)
    toolbar = window.main_toolbar
    first = toolbar.actions()[0] if toolbar.actions() else None
    if first is not None:
        toolbar.insertAction(first, start_action)
    else:
        toolbar.addAction(start_action)
    # The one obvious action of the window: make its button stand out.
    button = toolbar.widgetForAction(start_action)
    if button is not None:
        font = button.font()
        font.setBold(True)
        button.setFont(font)
    return CallActions(start_action, history_action, tracks_action, settings_action)
