"""Company name keys: what makes two spellings the same company."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prospection.core.names import LEGAL_FORMS, name_key
from prospection.core.search import fold


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Menuiserie Lefèvre SARL", "menuiserie lefevre"),
        ("S.A.R.L. Menuiserie LEFEVRE", "menuiserie lefevre"),
        ("Boulangerie Marchand & Cie", "boulangerie marchand"),
        ("L'Atelier du Pain", "l atelier du pain"),
        ("SAS", "sas"),
        ("", ""),
    ],
)
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab Éé_.-'\t0²SARL\u00a0", max_size=14))
def test_fast_path_keeps_the_word_pattern_s_answer(name: str) -> None:
    # Names of letters and digits between spaces skip the regular expression; the key
    # must be the one the `\w+` words give.
    folded = fold(name).replace(".", "")
    words = [word for word in re.findall(r"\w+", folded) if word != "_"]
    kept = [word for word in words if word not in LEGAL_FORMS]
    assert name_key(name) == " ".join(kept or words)
