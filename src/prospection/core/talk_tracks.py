"""Talk tracks: the user's call scripts, seeded from the defaults shipped in resources/."""

from __future__ import annotations

import json
import re
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


#: The placeholders a talk track may hold, in both shipped languages, by what fills them.
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "first_name": ("[prénom]", "[first name]"),
    "problem": ("[leur problème]", "[their problem]"),
    "user_name": ("[votre nom]", "[your name]"),
    "company": ("[société]", "[company]"),
}


def first_name(contact_name: str) -> str:
    """The first word of a contact's name ("" for no name)."""
    words = contact_name.split()
    return words[0] if words else ""


def first_problem(pains: str) -> str:
    """The prospect's first problem: the first sentence of its first non-empty line.

    Problems are often written as a paragraph; the talk track says one of them.
    """
    for line in pains.splitlines():
        text = line.strip().lstrip("-•*–· ").strip()
        if text:
            sentence = re.split(r"(?<=[.!?;])\s", text, maxsplit=1)[0]
            return sentence.rstrip(".;!? ")
    return ""


#: Placeholders whose value is a phrase taken from the user's notes (not a name): it
#: starts in lower case when it lands mid-sentence.
_PHRASES = ("problem",)
#: What may stand between a sentence's start and a placeholder: spaces, a bullet, a quote.
_LEADING = ' \t\u00a0\u202f-•*–·«"“('


def starts_sentence(before: str) -> bool:
    """Whether a text placed after `before` begins a sentence (or a line, a bullet, a quote)."""
    line = before.rsplit("\n", 1)[-1].rstrip(_LEADING)
    return not line or line[-1] in ".!?…"


def mid_sentence(phrase: str) -> str:
    """`phrase` as it reads inside a sentence: its first letter in lower case.

    A first word written in capitals (an acronym such as "ERP" or "PME", the pronoun
    "I") or with another capital in it ("McAdam", "iPhone") is left as it is.
    """
    word = phrase.split(maxsplit=1)[0] if phrase.strip() else ""
    if not word or not word[0].isupper():
        return phrase
    letters = [ch for ch in word if ch.isalpha()]
    if word == "I" or (len(letters) > 1 and word.isupper()):
        return phrase
    if any(ch.isupper() for ch in letters[1:]):
        return phrase
    return phrase[0].lower() + phrase[1:]


def _replace(text: str, placeholder: str, value: str, phrase: bool) -> str:
    parts = text.split(placeholder)
    out = [parts[0]]
    for part in parts[1:]:
        before = "".join(out)
        out.append(mid_sentence(value) if phrase and not starts_sentence(before) else value)
        out.append(part)
    return "".join(out)


def fill_placeholders(text: str, **values: str) -> str:
    """`text` with each known placeholder replaced by its value (see `PLACEHOLDERS`).

    A placeholder without a value stays as it is, so the user sees what to say there.
    A problem (a phrase from the user's notes, usually written with a capital) starts in
    lower case when it is inserted mid-sentence ("… comme la vôtre à les factures …").
    """
    for name, placeholders in PLACEHOLDERS.items():
        value = values.get(name, "").strip()
        if not value:
            continue
        for placeholder in placeholders:
            text = _replace(text, placeholder, value, name in _PHRASES)
    return text


def fill_track(track: TalkTrackData, **values: str) -> TalkTrackData:
    """`track` with its placeholders filled in (see `fill_placeholders`)."""
    return TalkTrackData(
        id=track.id,
        name=track.name,
        language=track.language,
        opener=fill_placeholders(track.opener, **values),
        questions=fill_placeholders(track.questions, **values),
        objections=tuple(
            (fill_placeholders(o, **values), fill_placeholders(a, **values))
            for o, a in track.objections
        ),
        is_default=track.is_default,
    )
