"""Company names compared as people read them: case, accents, punctuation, legal forms aside."""

from __future__ import annotations

import re

from prospection.core.search import fold

# Legal forms (French first, then common foreign ones) that say nothing about who the
# company is: "Menuiserie Lefèvre SARL" and "menuiserie lefevre" are the same prospect.
LEGAL_FORMS: frozenset[str] = frozenset(
    {
        "sarl",
        "sas",
        "sasu",
        "sa",
        "eurl",
        "snc",
        "sci",
        "scop",
        "scp",
        "selarl",
        "selas",
        "selafa",
        "sca",
        "scs",
        "gie",
        "ei",
        "eirl",
        "micro",
        "ltd",
        "llc",
        "inc",
        "gmbh",
        "bv",
        "srl",
        "spa",
        "plc",
        "cie",
        "co",
        "ets",
        "etablissements",
    }
)
_WORD = re.compile(r"\w+", re.UNICODE)


def name_key(name: str) -> str:
    """The grouping key of a company name ("SARL Menuiserie Lefèvre" -> "menuiserie lefevre").

    Dots inside acronyms are dropped first so that "S.A.R.L." is seen as "sarl". A name
    made of legal forms only keeps its words rather than becoming empty.
    """
    folded = fold(name).replace(".", "")
    if folded.replace(" ", "").isalnum():
        # Letters and digits between spaces (most names): `\w+` finds the same words.
        words = folded.split(" ")
        if "" in words:
            words = [word for word in words if word]
        elif LEGAL_FORMS.isdisjoint(words):
            return folded  # what the join below gives back: one space between words
    else:
        words = [word for word in _WORD.findall(folded) if word != "_"]
    kept = [word for word in words if word not in LEGAL_FORMS]
    return " ".join(kept or words)
