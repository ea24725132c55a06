"""The fast batch phone parser agrees with phones.parse_phone on every input."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prospection.core.imports.phone_batch import (
    _SEPARATORS,
    _TRUNK_IN_PARENS,
    PhoneParser,
    _compact,
)
from prospection.core.phones import is_mobile, parse_phone, unverified_e164

PARSERS = {region: PhoneParser(region) for region in ("FR", "BE", "ES", "GB", "US")}
digits = st.text(alphabet="0123456789", min_size=6, max_size=12)
phone_text = st.one_of(
    digits,
    digits.map(lambda d: "0" + d[:9]),
    digits.map(lambda d: "+33 " + d[:9]),
    digits.map(lambda d: "+33 (0)" + d[:9]),
    digits.map(lambda d: "0033" + d[:9]),
    digits.map(lambda d: " ".join(d[i : i + 2] for i in range(0, len(d), 2))),
    digits.map(lambda d: ".".join(d[i : i + 2] for i in range(0, len(d), 2))),
    st.text(alphabet="0123456789 +-.()/x", max_size=16),
)


@settings(max_examples=int(os.environ.get("PHONE_EXAMPLES", "300")), deadline=None)
@given(text=phone_text, region=st.sampled_from(sorted(PARSERS)))
def test_same_answer_as_parse_phone(text: str, region: str) -> None:
    fast = PARSERS[region].parse(text)
    slow = parse_phone(text, region)
    if slow.e164 is None:  # possible but not valid: the shape's E.164, unverified
        possible = unverified_e164(text, region)
        assert (fast.raw, fast.e164, fast.verified) == (slow.raw, possible, possible is None)
    else:
        assert (fast.raw, fast.e164, fast.verified) == (slow.raw, slow.e164, True)
    if slow.e164 is not None:
        assert fast.mobile == is_mobile(slow.e164)


@pytest.mark.parametrize(
    ("text", "e164", "mobile"),
    [
        ("612345678", "+33612345678", True),
        ("+33 (0)1 23 45 67 89", "+33123456789", False),
        ("0033 4 65 71 20 10", "+33465712010", False),
        ("07-81-22-33-45", "+33781223345", True),
        ("call the desk", None, False),
    ],
)
def test_french_examples(text: str, e164: str | None, mobile: bool) -> None:
    parsed = PARSERS["FR"].parse(text)
    assert (parsed.e164, parsed.mobile) == (e164, mobile)


# (with digits other than ASCII's: Arabic-Indic three, superscript two)
_PHONE_CHARACTERS = "0123456789 +-.()/\t\u00a0\u202f\u2009x\u0663\u00b2"


@settings(max_examples=int(os.environ.get("PHONE_EXAMPLES", "300")), deadline=None)
@given(text=st.one_of(phone_text, st.text(alphabet=_PHONE_CHARACTERS)))
def test_compact_drops_what_the_separator_pattern_drops(text: str) -> None:
    # The fast path's compaction (str methods) is the regular expressions' result.
    expected = _SEPARATORS.sub("", _TRUNK_IN_PARENS.sub("", text))
    assert _compact(text) == expected
