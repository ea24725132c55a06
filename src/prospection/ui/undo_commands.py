"""Undoable changes to prospects: a snapshot before and after, restored on undo/redo.

Every change the user makes to prospects (editor saves, bulk stage and tag changes,
deletes, logged activities) runs through `ProspectChange`, so Ctrl+Z puts the prospects
back exactly as they were, and Ctrl+Shift+Z exactly as they became.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from prospection.core import users
from prospection.core.db import Database
from prospection.core.models import Prospect
from prospection.core.prospect_snapshots import (
    ProspectSnapshot,
    changed_since,
    rebase,
    restore,
    snapshot,
)
from prospection.ui.data_events import DataEvents


class ChangeRefusedError(Exception):
    """Raised inside a change to roll it back; carries what the user must correct."""

    def __init__(self, result: Any) -> None:
        super().__init__("change refused")
        self.result = result


#: A change: gets the session, returns the ids of prospects it created (or None).
Change = Callable[[Session], Iterable[int] | None]


class ProspectChange(QUndoCommand):
    """One user action on prospects, undone and redone from snapshots."""

    def __init__(
        self,
        db: Database,
        events: DataEvents,
        text: str,
        ids: Iterable[int],
        change: Change,
        touches_activities: bool = True,
    ) -> None:
        super().__init__(text)
        self._db = db
        self._events = events
        self._ids = sorted(set(ids))
        self._change = change
        self._touches_activities = touches_activities
        self._before = ProspectSnapshot()
        self._after = ProspectSnapshot()
        self._applied_once = False
        self._skip_redo = False
        self.created_ids: list[int] = []

    def apply(self) -> None:
        """Run the change for the first time (raises ChangeRefusedError, changing nothing)."""
        with self._db.session() as session:
            self._before = snapshot(session, self._ids)
            created = self._change(session)
            self.created_ids = sorted(set(created or ()))
            session.flush()
            self._after = snapshot(session, [*self._ids, *self.created_ids])
        self._applied_once = True
        self._skip_redo = True
        self._notify()

    def redo(self) -> None:
        if self._skip_redo:  # QUndoStack.push() redoes what apply() just did
            self._skip_redo = False
            return
        if not self._applied_once:
            self.apply()
            return
        with self._db.session() as session:
            if not self._put_back(session, self._before, self._after):
                self._refuse(self._refusal(session, undoing=False))
                return
        self._notify()

    def undo(self) -> None:
        with self._db.session() as session:
            if not self._put_back(session, self._after, self._before):
                self._refuse(self._refusal(session, undoing=True))
                return
        self._notify()

    def _put_back(
        self, session: Session, since: ProspectSnapshot, target: ProspectSnapshot
    ) -> bool:
        """Take the prospects from `since` (as the step left them) back to `target`.

        When nothing changed them since, they are restored as they were. Otherwise only
        what this step did is put back (`rebase`), so that what was done since (a call
        logged from a call session, a colleague's edit of another field) stays; when
        that later change touched the same things, nothing is done (False).
        """
        ids = {*since.ids, *target.ids}
        state = target
        if changed_since(session, since, ids):
            merged = rebase(snapshot(session, ids), since, target)
            if merged is None:
                return False
            state = merged
        _delete(session, set(since.ids) - set(target.ids))
        restore(session, state)
        return True

    def _refusal(self, session: Session, *, undoing: bool) -> str:
        """Why the step was not undone (redone): nothing of the later change is lost."""
        if users.is_team(session):
            if undoing:
                return QCoreApplication.translate(
                    "ProspectChange",
                    "Not undone: someone else changed these prospects since. Nothing "
                    "of theirs was overwritten; change them back by hand if needed.",
                )
            return QCoreApplication.translate(
                "ProspectChange",
                "Not redone: someone else changed these prospects since. Nothing "
                "of theirs was overwritten.",
            )
        if undoing:
            return QCoreApplication.translate(
                "ProspectChange",
                "Not undone: what this step changed was changed again since (a call "
                "logged, another window). Nothing was overwritten; change it back by hand "
                "if needed.",
            )
        return QCoreApplication.translate(
            "ProspectChange",
            "Not redone: what this step changed was changed again since (a call logged, "
            "another window). Nothing was overwritten.",
        )

    def _refuse(self, message: str) -> None:
        # Taken off the stack: the prospects stay as the colleague left them.
        self.setObsolete(True)
        self._events.change_refused.emit(message)

    def affected_ids(self) -> list[int]:
        """Every prospect this change touched or created."""
        return sorted({*self._ids, *self.created_ids})

    def _notify(self) -> None:
        self._events.prospects_changed.emit(self.affected_ids())
        if self._touches_activities:
            self._events.activities_changed.emit()


def _delete(session: Session, ids: Iterable[int]) -> None:
    for prospect_id in ids:
        prospect = session.get(Prospect, prospect_id)
        if prospect is not None:
            session.delete(prospect)
    session.flush()


def run_without_undo(db: Database, events: DataEvents, ids: Iterable[int], change: Change) -> None:
    """Apply a change too large to snapshot (a million rows), and tell the views."""
    with db.session() as session:
        change(session)
    events.prospects_changed.emit([])
    events.activities_changed.emit()


def run_change(stack: QUndoStack, command: ProspectChange) -> None:
    """Apply `command` and put it on the undo stack (raises ChangeRefusedError, nothing done)."""
    command.apply()
    stack.push(command)
