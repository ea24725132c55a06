"""Talk tracks (shipped defaults, the user's copies) and meeting invitations (.ics)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from prospection.core.db import Database
from prospection.core.meeting_invites import meeting_ics
from prospection.core.talk_tracks import (
    TalkTrackData,
    delete_track,
    list_tracks,
    save_track,
    shipped_track,
    track_for,
)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_default_talk_track_is_shipped_per_language(language: str) -> None:
    track = shipped_track(language)
    assert track.language == language
    assert track.opener and track.questions and len(track.objections) >= 3


def test_other_languages_fall_back_to_english() -> None:
    assert shipped_track("de_DE").language == "en"
    assert shipped_track("fr_FR").language == "fr"


def test_the_user_edits_their_own_copy(db: Database) -> None:
    with db.session() as session:
        track = track_for(session, "fr_FR")
    assert track.id is not None and track.language == "fr"
    edited = replace(track, opener="Bonjour !")
    with db.session() as session:
        save_track(session, edited)
    with db.session() as session:
        assert track_for(session, "fr").opener == "Bonjour !"
        second = save_track(session, TalkTrackData(name="Court", language="fr", is_default=True))
    with db.session() as session:
        assert track_for(session, "fr").id == second.id
        assert [(t.name, t.is_default) for t in list_tracks(session)] == [
            ("Court", True),
            ("Script par défaut", False),
        ]
        delete_track(session, second.id or 0)
        delete_track(session, track.id)
    with db.session() as session:
        assert track_for(session, "fr").opener == shipped_track("fr").opener
        with pytest.raises(ValueError):
            save_track(session, TalkTrackData(name=" ", language="en"))


def test_meeting_invitation_reads_back() -> None:
    start = datetime(2026, 12, 3, 13, 0, tzinfo=UTC)
    data = meeting_ics(
        uid="meeting-42@prospection",
        summary="Meeting: Boulangeries Marchand",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        location="Villeurbanne",
        description="Élodie Marchand",
    )
    event = next(iter(Calendar.from_ical(data).walk("VEVENT")))
    assert event.decoded("dtstart") == start
    assert str(event["location"]) == "Villeurbanne"
    assert str(event["uid"]) == "meeting-42@prospection"
    with pytest.raises(ValueError):
        meeting_ics(uid="x", summary="x", starts_at=start.replace(tzinfo=None), ends_at=start)


def test_placeholders_are_filled_in_both_languages() -> None:
    from prospection.core.talk_tracks import fill_track, first_name, first_problem

    values = {
        "first_name": first_name("Claire Martin"),
        "problem": first_problem("\n- Relances oubliées.\n- Devis en retard"),
        "user_name": "Paul",
        "company": "Dupont SA",
    }
    for language in ("fr", "en"):
        filled = fill_track(shipped_track(language), **values)
        text = filled.opener + filled.questions + "".join(a for _o, a in filled.objections)
        assert "Claire" in filled.opener and "Paul" in filled.opener
        assert "relances oubliées" in text  # mid-sentence: lower case
        for placeholder in ("[prénom]", "[first name]", "[votre nom]", "[your name]"):
            assert placeholder not in text
        assert "[leur problème]" not in text and "[their problem]" not in text
    assert first_problem("Devis tardifs : clients perdus. Factures oubliées.") == (
        "Devis tardifs : clients perdus"
    )
    # Without a value the placeholder stays, to be said by the user.
    assert "[prénom]" in fill_track(shipped_track("fr"), user_name="Paul").opener


@pytest.mark.parametrize("zone", ["Europe/Paris", ""])
def test_every_tzid_of_a_meeting_invitation_is_defined(zone: str) -> None:
    # The session hands meeting_ics the local time as a bare offset named "CET".
    cet = timezone(timedelta(hours=1), "CET")
    start = datetime(2026, 12, 3, 14, 0, tzinfo=cet)
    data = meeting_ics(
        uid="m", summary="m", starts_at=start, ends_at=start + timedelta(hours=1), time_zone=zone
    )
    calendar = Calendar.from_ical(data)
    defined = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    text = data.decode()
    used = {line.split("TZID=")[1].split(":")[0] for line in text.splitlines() if "TZID=" in line}
    assert used <= defined
    event = next(iter(calendar.walk("VEVENT")))
    assert event.decoded("dtstart") == start
    if zone:
        assert used == {"Europe/Paris"}
        assert "DTSTART;TZID=Europe/Paris:20261203T140000" in text
    else:
        assert "DTSTART:20261203T130000Z" in text


def test_a_problem_filled_in_mid_sentence_starts_in_lower_case() -> None:
    from prospection.core.talk_tracks import fill_placeholders

    problem = "Les contrats d'entretien sont suivis sur un cahier"
    filled = fill_placeholders(
        "nous aidons des entreprises comme la vôtre à [leur problème].", problem=problem
    )
    assert filled.endswith("à les contrats d'entretien sont suivis sur un cahier.")
    # At a sentence's start, a line's start, after a bullet or an opening quote: as written.
    for text in (
        "[leur problème].",
        "Bien. [leur problème] ?",
        "- [leur problème]\n",
        "« [leur problème] »",
    ):
        assert "Les contrats" in fill_placeholders(text, problem=problem), text
    assert fill_placeholders("Oui.\n[their problem]", problem="Late") == "Oui.\nLate"
    # An acronym or a word in capitals keeps its capitals, mid-sentence too.
    assert fill_placeholders("help with [their problem].", problem="ERP exports fail") == (
        "help with ERP exports fail."
    )
    assert fill_placeholders("comme la vôtre à [leur problème]", problem="PME sans outil") == (
        "comme la vôtre à PME sans outil"
    )
    assert fill_placeholders("help with [their problem]", problem="I lose quotes") == (
        "help with I lose quotes"
    )
    assert fill_placeholders("help with [their problem]", problem="Quotes, late") == (
        "help with quotes, late"
    )
    # Other placeholders (names) are never lower-cased.
    assert fill_placeholders(
        "Bonjour [prénom], ici [votre nom]", first_name="Léa", user_name="Paul"
    ) == ("Bonjour Léa, ici Paul")


def test_the_french_track_reads_well_with_a_problem_written_as_a_sentence() -> None:
    from prospection.core.talk_tracks import fill_track, first_problem

    # Problems are noted as statements ("Les factures se font à la main."): the shipped
    # French track introduces them after a colon, never as "à [leur problème]".
    problem = first_problem("Les factures se font le dimanche soir, à la main. Deux oublis.")
    filled = fill_track(shipped_track("fr"), problem=problem)
    assert "souvent : les factures se font le dimanche soir, à la main." in filled.opener
    assert "- Aujourd'hui, les factures se font le dimanche soir, à la main : " in filled.questions
    assert " à les " not in filled.opener + filled.questions
