"""Team mode: the server lost mid-session, the window offers the local copy instead.

`CopyOffer` puts "Show my copy from <date>" on the window's "reconnecting…" banner (or
says there is no copy); one click and the app moves the whole window to the copy
(`app.go_offline`), read-only, as when the server is away at start
(`ui.offline_copy_ui`), and back live when it answers (`app.go_live`). Not while a
dialog of the window is open (`ready_to_leave`); the view (`ViewState`) and the
editor's unsaved edits (`ProspectEditor.draft`) come along.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QMessageBox

from prospection.core import offline_copy
from prospection.core.integrity import ReadOnly
from prospection.ui.call_session.dialog_runner import run_dialog
from prospection.ui.qt_dates import short_datetime
from prospection.ui.view_choice import ViewChoice

if TYPE_CHECKING:
    from prospection.ui.main_window import MainWindow


def available_copy(data_dir: Path, url: str) -> offline_copy.CopyInfo | None:
    """The copy of the team server at `url` in `data_dir`, if there is a usable one."""
    info = offline_copy.copy_info(data_dir)
    if info is None or not offline_copy.same_server(info, url):
        return None
    return info


class CopyOffer(QObject):
    """A window on the live team database whose server is lost: offers the local copy.

    On the "reconnecting…" banner: a button "Show my copy from <date>" when a copy of
    this server is on the computer, else a sentence saying there is none. The app moves
    the window to the copy when the button is clicked (`requested`). Nothing switches
    by itself (see docs/notes/issue-17-offline-live.md): the copy is older than what is
    on the screen, and most losses last seconds.
    """

    #: The user asked to read the copy.
    requested = Signal()

    def __init__(self, window: MainWindow, data_dir: Path, url: str) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = data_dir
        self.url = url
        #: The copy offered (None: none, or the server is there).
        self.info: offline_copy.CopyInfo | None = None
        self._connected = False
        live = window.live
        if live is not None:
            live.online_changed.connect(self._online_changed)

    def _online_changed(self, up: bool) -> None:
        button = self.window.server_action
        banner = self.window.server_banner
        if button is None or banner is None:
            return
        if not self._connected:
            button.clicked.connect(self.requested)
            self._connected = True
        self.info = None if up else available_copy(self.data_dir, self.url)
        if up:
            button.hide()
            return
        text = banner.text_for(ReadOnly.SERVER)
        if self.info is None:
            button.hide()
            banner.setText(
                text
                + " "
                + self.tr(
                    "There is no copy of the team's data on this computer to read "
                    "meanwhile: one is made shortly after Prospection connects."
                )
            )
            return
        banner.setText(text)
        button.setText(
            self.tr("Show my &copy from {when}").format(when=short_datetime(self.info.taken_at))
        )
        button.setToolTip(
            self.tr(
                "Read your copy of the team's data in this window, every prospect, until "
                "the server answers again (nothing can be changed in it)"
            )
        )
        button.show()


def ready_to_leave(window: MainWindow) -> bool:
    """Whether the window can give way to the copy without losing what the user does.

    A dialog of the window still open (a call session, with a call maybe not saved yet;
    an import; Preferences) must be closed first: said, False. (Unsaved edits in the
    editor come along: `ProspectEditor.draft`.)
    """
    dialogs = [d for d in window.findChildren(QDialog) if d.isVisible()]
    if dialogs:
        from prospection.ui.call_session.session_dialog import CallSessionDialog

        if any(isinstance(d, CallSessionDialog) for d in dialogs):
            text = QCoreApplication.translate(
                "CopyOffer",
                "A call session is open. Close it first: a call not saved yet stays on "
                "its screen until then, and the session can be resumed once the server "
                "is back.",
            )
        else:
            text = QCoreApplication.translate(
                "CopyOffer", "Close “{title}” first: what it holds would be lost."
            ).format(title=dialogs[0].windowTitle())
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("CopyOffer", "Your copy is not shown yet"),
            text,
            QMessageBox.StandardButton.Ok,
            window,
        )
        box.setObjectName("copyOfferBlocked")
        run_dialog(box)
        box.deleteLater()
        return False
    return True


def confirm_dropping_edits(window: MainWindow) -> bool:
    """The prospect being edited is not in the copy (added after it was made): its
    unsaved edits cannot come along. Asked; the default keeps editing (False)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("CopyOffer", "Unsaved changes"),
        QCoreApplication.translate(
            "CopyOffer",
            "The prospect you are editing is not in your copy (it was added after the copy "
            "was made), so your unsaved changes cannot come along: showing your copy "
            "would drop them. Keep editing to save them once the server answers.",
        ),
        parent=window,
    )
    box.setObjectName("copyOfferUnsaved")
    keep = box.addButton(
        QCoreApplication.translate("CopyOffer", "&Keep editing"), QMessageBox.ButtonRole.RejectRole
    )
    box.addButton(
        QCoreApplication.translate("CopyOffer", "&Drop them and show the copy"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    drop = run_dialog(box)
    box.deleteLater()
    return drop


@dataclass
class ViewState:
    """What the user looks at in the table: kept when the window moves to the copy."""

    search: str = ""
    choice: ViewChoice = field(default_factory=ViewChoice)
    current_row: int = -1
    current_id: int | None = None
    selected: list[int] = field(default_factory=list)
    scroll: int = 0

    @classmethod
    def of(cls, window: MainWindow) -> ViewState:
        from prospection.ui.main_window import KEPT_SELECTION

        table = window.table
        return cls(
            search=window.search_box.text(),
            choice=window.filter_bar.choice(),
            current_row=table.currentIndex().row(),
            current_id=table.current_id(),
            selected=table.selected_ids() if table.selected_count() <= KEPT_SELECTION else [],
            scroll=table.verticalScrollBar().value(),
        )

    def apply(self, window: MainWindow) -> None:
        """Show the same view in `window` (rows the copy lacks are simply not there)."""
        window.search_box.setText(self.search)
        window.filter_bar.set_choice(self.choice)
        window.apply_filters()
        window.restore_position(self.current_row, self.current_id, self.selected, self.scroll)
