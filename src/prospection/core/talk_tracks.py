"""Talk tracks: the user's call scripts, seeded from the defaults shipped in resources/."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from prospection.core.models import TalkTrack
from prospection.paths import resource

#: Languages a default talk track is shipped in; others fall back to English.
SHIPPED_LANGUAGES = ("en", "fr")


@dataclass(frozen=True)
class TalkTrackData:
    """A talk track detached from the database (id None until stored)."""

    name: str
    language: str
    opener: str = ""
    questions: str = ""
    objections: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    is_default: bool = False
    id: int | None = None


def _language(language: str) -> str:
    short = language.split("_")[0].split("-")[0].lower()
    return short if short in SHIPPED_LANGUAGES else "en"


def shipped_track(language: str) -> TalkTrackData:
    """The default talk track shipped for `language` (English when none is shipped)."""
    path = resource("talk_tracks", f"{_language(language)}.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    return TalkTrackData(
        name=str(raw["name"]),
        language=str(raw["language"]),
        opener=str(raw.get("opener", "")),
        questions=str(raw.get("questions", "")),
        objections=tuple((str(o), str(a)) for o, a in raw.get("objections", [])),
        is_default=True,
    )


def _data(row: TalkTrack) -> TalkTrackData:
    return TalkTrackData(
        id=row.id,
        name=row.name,
        language=row.language,
        opener=row.opener,
        questions=row.questions,
        objections=tuple((str(o), str(a)) for o, a in row.objections),
        is_default=row.is_default,
    )


def list_tracks(session: Session) -> list[TalkTrackData]:
    """Every stored talk track, by language then name."""
    rows = session.scalars(select(TalkTrack).order_by(TalkTrack.language, TalkTrack.name)).all()
    return [_data(row) for row in rows]


def track_for(session: Session, language: str) -> TalkTrackData:
    """The talk track to show for `language`: the user's default, else the shipped one.

    The shipped track is stored on first use, so the user edits their own copy.
    """
    language = _language(language)
    rows = session.scalars(
        select(TalkTrack)
        .where(TalkTrack.language == language)
        .order_by(TalkTrack.is_default.desc(), TalkTrack.id)
    ).all()
    if rows:
        return _data(rows[0])
    return save_track(session, shipped_track(language))


def save_track(session: Session, track: TalkTrackData) -> TalkTrackData:
    """Insert or update `track`; a default track becomes the only default of its language."""
    if not track.name.strip():
        raise ValueError("a talk track needs a name")
    row = session.get(TalkTrack, track.id) if track.id is not None else None
    if row is None:
        row = TalkTrack()
        session.add(row)
    row.name = track.name.strip()
    row.language = track.language
    row.opener = track.opener
    row.questions = track.questions
    row.objections = [[o, a] for o, a in track.objections if o.strip() or a.strip()]
    row.is_default = track.is_default
    session.flush()
    if track.is_default:
        for other in session.scalars(
            select(TalkTrack).where(TalkTrack.language == track.language, TalkTrack.id != row.id)
        ):
            other.is_default = False
    return _data(row)


def delete_track(session: Session, track_id: int) -> None:
    """Delete a talk track (the shipped one comes back when none is left)."""
    row = session.get(TalkTrack, track_id)
    if row is not None:
        session.delete(row)
