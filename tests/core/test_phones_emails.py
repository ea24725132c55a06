"""Phones are parsed in the user's region and never dropped; emails checked offline."""

from __future__ import annotations

import pytest

from prospection.core.emails import check_email, email_key
from prospection.core.phones import display_phone, parse_phone


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
