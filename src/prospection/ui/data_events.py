"""One application-wide notifier: views refresh when data changes, from anywhere."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataEvents(QObject):
    """Emitted after a committed change, so every view showing that data refreshes.

    Created once by the application and handed to the widgets that write or show data.
    """

    #: Prospects or contacts were added, changed or removed (ids, empty when many).
    prospects_changed = Signal(list)
    #: An activity (call, email, meeting, note) was written.
    activities_changed = Signal()
    #: Weekly targets changed.
    goals_changed = Signal()
    #: The whole database was replaced (restore, import undo): reload everything.
    database_reset = Signal()
    #: An undo or redo was not done (team mode: someone else changed the prospects
    #: since); the message says so.
    change_refused = Signal(str)
