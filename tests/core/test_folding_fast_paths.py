"""Issue 14, item 10 (sixth round): the fast paths of `fold` and `name_key` give the old
answers (the code they replaced is kept here as the reference)."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prospection.core.imports.grouping import fold as grouping_fold
from prospection.core.names import LEGAL_FORMS, name_key
from prospection.core.search import fold


def _old_fold(value: str) -> str:
    if value.isascii():
        return value.lower()
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_WORD = re.compile(r"\w+", re.UNICODE)


def _old_name_key(name: str) -> str:
    folded = _old_fold(name).replace(".", "")
    if folded.replace(" ", "").isalnum():
        words = folded.split(" ")
        if "" in words:
            words = [word for word in words if word]
    else:
        words = [word for word in _WORD.findall(folded) if word != "_"]
    kept = [word for word in words if word not in LEGAL_FORMS]
    return " ".join(kept or words)


# Latin letters with and without accents, the block's one non-combining character
# (U+034F), marks of other blocks (U+1AB0, U+20D7), other scripts, ligatures, compatibility
# characters, spaces, dots and punctuation.
_CHARACTERS = st.sampled_from(
    [*"aAzZéÉèçÇôÖñßøŒæ ..-'_0129ﬁⅫΩжάśǅ", "\u0301", "\u0308", "\u034f", "\u1ab0", "\u20d7"]
)
_TEXT = st.text(alphabet=_CHARACTERS, max_size=14)
_LEGAL = st.sampled_from(sorted(LEGAL_FORMS))


@settings(max_examples=1500, deadline=None)
@given(_TEXT)
def test_fold_is_the_old_fold(value: str) -> None:
    assert fold(value) == _old_fold(value)
    assert grouping_fold(value) == _old_fold(value)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(_TEXT, _LEGAL), max_size=5).map(" ".join))
def test_name_key_is_the_old_name_key(name: str) -> None:
    assert name_key(name) == _old_name_key(name)


@pytest.mark.parametrize(
    "value",
    [
        "Boulangerie Lefèvre 12",
        "ÉLODIE",
        "Cœur",
        "Straße",
        "e\u034fe",  # a combining grapheme joiner is kept (combining class 0)
        "e\u0301\u1ab0",  # a mark from another block goes by the per-character test
        "Ελληνικά",
        "ﬁne",
    ],
)
def test_fold_of_each_kind_of_text(value: str) -> None:
    assert fold(value) == _old_fold(value)


@pytest.mark.parametrize(
    "name", ["Menuiserie Lefèvre SARL", "sarl", "A  B", " Acme ", "S.A.R.L. Dupont", "Acme 12"]
)
def test_name_key_of_each_kind_of_name(name: str) -> None:
    assert name_key(name) == _old_name_key(name)
