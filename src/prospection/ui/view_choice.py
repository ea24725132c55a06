"""What the table is narrowed to besides the search text: stage, tag, due window, DNC."""

from __future__ import annotations

from dataclasses import dataclass

from prospection.core.enums import Stage
from prospection.core.prospects import Due, ProspectFilter


@dataclass(frozen=True)
class ViewChoice:
    """A view of the prospects (the sidebar's items and the filter bar's state)."""

    stage: Stage | None = None
    tag: str | None = None
    due: Due | None = None
    include_dnc: bool = True
    owner_id: int | None = None  # team mode's "Mine" (None: everyone's prospects)

    def to_filter(self, text: str = "") -> ProspectFilter:
        """The SQL filter for this view and a search text."""
        return ProspectFilter(
            text=text,
            stages=frozenset({self.stage}) if self.stage is not None else frozenset(),
            tag=self.tag,
            due=self.due,
            include_dnc=self.include_dnc,
            owner_id=self.owner_id,
        )

    def same_view(self, other: ViewChoice) -> bool:
        """Whether both narrow to the same stage, tag and due window (DNC aside)."""
        return (self.stage, self.tag, self.due) == (other.stage, other.tag, other.due)
