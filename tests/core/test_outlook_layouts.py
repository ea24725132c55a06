"""Issue 14 item 5: the labels current Outlook writes (French, English, German)."""

from __future__ import annotations

import pytest

from prospection.core.imports import detect_layout
from prospection.core.imports.fields import Field

# The header Outlook (Microsoft 365 / new Outlook) writes today, French.
OUTLOOK_FR_TODAY = [
    "Titre", "Prénom", "Deuxième prénom", "Nom", "Suffixe", "Société", "Service",
    "Titre (2)", "Rue (bureau)", "Ville (bureau)", "Code postal (bureau)",
    "Pays/Région (bureau)", "Téléphone (bureau)", "Tél. mobile", "Catégories",
    "Adresse de courrier", "Adresse de courrier 2", "Notes", "Page Web",
]  # fmt: skip
OUTLOOK_EN_TODAY = [
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department",
    "Job Title", "Business Street", "Business City", "Business Postal Code",
    "Business Country/Region", "Business Phone", "Mobile Phone", "Categories",
    "E-mail Address", "E-mail 2 Address", "Notes", "Web Page",
]  # fmt: skip
OUTLOOK_DE_TODAY = [
    "Anrede", "Vorname", "Weitere Vornamen", "Nachname", "Suffix", "Firma", "Abteilung",
    "Position", "Straße geschäftlich", "Ort geschäftlich", "Postleitzahl geschäftlich",
    "Land/Region geschäftlich", "Telefon geschäftlich", "Mobiltelefon", "Kategorien",
    "E-Mail-Adresse", "E-Mail 2: Adresse", "Notizen", "Webseite",
]  # fmt: skip


@pytest.mark.parametrize(
    ("headers", "key", "civility", "job"),
    [
        (OUTLOOK_FR_TODAY, "outlook-fr", "Titre", "Titre (2)"),
        (OUTLOOK_EN_TODAY, "outlook", "Title", "Job Title"),
        (OUTLOOK_DE_TODAY, "outlook-de", "Anrede", "Position"),
    ],
)
def test_current_outlook_labels(headers: list[str], key: str, civility: str, job: str) -> None:
    layout = detect_layout(headers)
    assert layout.key == key
    mapped = dict(zip(headers, layout.mapping, strict=True))
    # Civility is kept apart (an extra field under its own name), never the job title.
    assert mapped[civility] is None
    assert mapped[job] == Field.TITLE
    expected = {
        Field.FIRST_NAME: 1,
        Field.LAST_NAME: 1,
        Field.COMPANY: 1,
        Field.EMAIL: 2,
        Field.CITY: 1,
        Field.POSTAL_CODE: 1,
        Field.COUNTRY: 1,
        Field.NOTES: 1,
        Field.WEBSITE: 1,
        Field.PHONE_WORK: 1,
        Field.PHONE_MOBILE: 1,
    }
    for field, count in expected.items():
        assert sum(1 for f in layout.mapping if f == field) == count, (field, mapped)
    # Categories are the organisation's tags (issue 14 item 7), not lost or read as a name.
    categories = {"outlook-fr": "Catégories", "outlook": "Categories", "outlook-de": "Kategorien"}
    assert mapped[categories[key]] == Field.TAGS
