"""Phones are parsed in the user's region and never dropped; emails checked offline."""

from __future__ import annotations

import random

import pytest

from prospection.core.emails import check_email, email_key
from prospection.core.phones import display_phone, format_national, parse_phone


@pytest.mark.parametrize(
    "typed",
    [
        "04 65 71 20 10",
        "04.65.71.20.10",
        "04-65-71-20-10",
        "+33 4 65 71 20 10",
        "+33 (0)4 65 71 20 10",
        "0033 4 65 71 20 10",
        "465712010",  # a spreadsheet dropped the leading zero
    ],
)
def test_french_formats_all_reach_e164(typed: str) -> None:
    parsed = parse_phone(typed)
    assert parsed.e164 == "+33465712010"
    assert parsed.raw == typed.strip()


def test_unparseable_phone_is_kept_as_typed() -> None:
    parsed = parse_phone("ask reception, ext 12")
    assert parsed.e164 is None
    assert parsed.raw == "ask reception, ext 12"
    assert not parsed.valid


def test_display_is_national_at_home_and_international_abroad() -> None:
    assert display_phone("x", "+33465712010") == "04 65 71 20 10"
    assert display_phone("x", "+442071838750").startswith("+44 20")
    assert display_phone("typed text", None) == "typed text"


def test_email_syntax_is_checked_without_network() -> None:
    assert check_email("Elodie.Marchand@boulangeries-marchand.fr").valid
    assert not check_email("elodie@").valid
    assert check_email("").valid  # no email is not a wrong email
    assert email_key(" A@B.fr ") == "a@b.fr"


def test_french_display_shortcut_matches_phonenumbers() -> None:
    rng = random.Random(8)
    checked = 0
    for _ in range(3000):
        e164 = f"+33{rng.randrange(100_000_000, 1_000_000_000)}"
        if parse_phone(e164).e164 != e164:
            continue  # not a valid French number: storage never holds those as E.164
        checked += 1
        assert display_phone(e164, e164) == format_national(e164)
    assert checked > 100
