"""Company name keys: what makes two spellings the same company."""

from __future__ import annotations

import pytest

from prospection.core.names import name_key


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
