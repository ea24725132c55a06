"""A small window saying the data file is being updated for this version (before the main one)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget


class UpdateNotice(QWidget):
    """Shown while an existing data file is backed up and migrated at start-up.

    The update runs before the main window exists and blocks the GUI thread (a few
    seconds; about two minutes for a million prospects, whose search index is rebuilt):
    without this, nothing would be on screen meanwhile and the app would look as if it
    had not started.
    """

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("updateNotice")
        self.setWindowTitle(self.tr("Prospection"))
        title = QLabel(self.tr("Updating your prospect file for this version…"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        detail = QLabel(
            self.tr(
                "A backup copy is made first, so nothing can be lost. "
                "With a very large file this can take a few minutes."
            )
        )
        detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(detail)
        self.setFixedWidth(max(420, title.sizeHint().width() + 48))

    def show_now(self) -> None:
        """Show the notice and paint it at once (the update that follows blocks events)."""
        screen = QApplication.primaryScreen()
        self.adjustSize()
        if screen is not None:
            self.move(screen.availableGeometry().center() - self.rect().center())
        self.show()
        # Two rounds: the first maps the window, the second paints it.
        for _round in range(2):
            QCoreApplication.processEvents()
            self.repaint()
