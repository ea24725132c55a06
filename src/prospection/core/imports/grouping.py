"""Keys that group companies and people: case, accents, punctuation and legal forms aside."""

from __future__ import annotations

import re
from functools import lru_cache

from prospection.core.names import name_key
from prospection.core.search import fold as fold  # one folding, with its fast paths

_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}[a-z]?\.?")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def _words(text: str) -> list[str]:
    folded = fold(text)
    # "S.A.R.L." is one word, SARL, before punctuation is set aside.
    folded = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), folded)
    return [word for word in _NON_WORD.split(folded) if word]


def company_key(name: str) -> str:
    """The form company names are grouped by: "ACME S.A.S." and "Acme" share one.

    The same key the editor stores in Prospect.name_key (`core.names`), so that imported
    rows find the prospects typed by hand.
    """
    return name_key(name)


@lru_cache(maxsize=65536)
def person_key(first_name: str, last_name: str) -> str:
    """The form person names are compared in, whichever order the names came in."""
    return " ".join(sorted(_words(f"{first_name} {last_name}")))
