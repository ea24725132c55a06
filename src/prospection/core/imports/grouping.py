"""Keys that group companies and people: case, accents, punctuation and legal forms aside."""

from __future__ import annotations

import re
import unicodedata

#: Legal forms set aside when comparing company names (French, European, American).
LEGAL_FORMS = frozenset(
    {
        "sa", "sas", "sasu", "sarl", "eurl", "sci", "snc", "sca", "scs", "scop", "scic",
        "selarl", "selas", "sem", "gie", "ei", "eirl", "earl", "gaec", "sep",
        "gmbh", "ag", "kg", "ohg", "ug", "ev",
        "ltd", "limited", "plc", "llp", "lp",
        "inc", "incorporated", "llc", "corp", "corporation",
        "bv", "nv", "bvba", "sprl", "srl", "spa", "sl", "sae", "ab", "as", "oy", "aps",
    }
)  # fmt: skip
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}[a-z]?\.?")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """`text` lower-cased with its accents removed ("Société" -> "societe")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(text: str) -> list[str]:
    folded = fold(text).replace("&", " and ")
    # "S.A.R.L." is one word, SARL, before punctuation is set aside.
    folded = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), folded)
    return [word for word in _NON_WORD.split(folded) if word]


def company_key(name: str) -> str:
    """The form company names are grouped by: "ACME S.A.S." and "Acme" share one."""
    words = _words(name)
    kept = [word for word in words if word not in LEGAL_FORMS]
    return " ".join(kept or words)


def person_key(first_name: str, last_name: str) -> str:
    """The form person names are compared in, whichever order the names came in."""
    return " ".join(sorted(_words(f"{first_name} {last_name}")))
