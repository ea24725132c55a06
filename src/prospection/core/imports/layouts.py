"""Recognising where a file comes from (Outlook, Google, LinkedIn ...) and mapping its columns.

Column names are compared folded: case, accents and punctuation set aside, so that
"Téléphone (bureau)", "telephone bureau" and "TELEPHONE-BUREAU" are one name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from prospection.core.imports.fields import Field, Mapping

F = Field
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold_header(name: str) -> str:
    """A column name with case, accents and punctuation set aside."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_ALNUM.sub(" ", plain).strip()


def _names(field: Field, *names: str) -> dict[str, Field]:
    return {fold_header(name): field for name in names}


#: Column names from many sources, French and English, folded.
SYNONYMS: dict[str, Field] = {
    **_names(
        F.COMPANY,
        "Société",
        "Entreprise",
        "Raison sociale",
        "Organisation",
        "Organization",
        "Company",
        "Company Name",
        "Account Name",
        "Nom de l'entreprise",
        "Nom entreprise",
        "Nom de la société",
        "Dénomination",
        "Business name",
        "Organization Name",
        "Organisation name",
        "Organization 1 - Name",
        "Employeur",
        "Employer",
        "Structure",
        "Organization - Name",
        "Person - Organization",
        "Associated Company",
    ),
    **_names(
        F.FIRST_NAME, "Prénom", "First Name", "Firstname", "Given Name", "Person - First name"
    ),
    **_names(
        F.LAST_NAME,
        "Nom de famille",
        "Last Name",
        "Lastname",
        "Surname",
        "Family Name",
        "Person - Last name",
    ),
    **_names(
        F.FULL_NAME,
        "Nom complet",
        "Full name",
        "Name",
        "Contact",
        "Contact name",
        "Nom et prénom",
        "Prénom et nom",
        "Display name",
        "Interlocuteur",
        "Person - Name",
        "Person name",
    ),
    **_names(
        F.TITLE,
        "Fonction",
        "Poste",
        "Job Title",
        "Title",
        "Position",
        "Intitulé du poste",
        "Organization Title",
        "Organization 1 - Title",
        "Titre (fonction)",
        "Person - Job title",
    ),
    **_names(F.ROLE, "Role", "Rôle"),
    **_names(
        F.EMAIL,
        "Email",
        "E-mail",
        "Mail",
        "Courriel",
        "Adresse e-mail",
        "Adresse email",
        "Email Address",
        "E-mail Address",
        "Adresse mail",
        "Email professionnel",
        "Work email",
        "E-mail 2 Address",
        "E-mail 3 Address",
        "Adresse de messagerie",
        "Adresse de messagerie 2",
        "Adresse de messagerie 3",
        "Email - Work",
        "Email - Home",
        "Email - Other",
        "Person - Email - Work",
        "Person - Email - Home",
        "Person - Email - Other",
        "Person - Email",
    ),
    **_names(
        F.PHONE,
        "Téléphone",
        "Tél",
        "Tel",
        "Phone",
        "Phone number",
        "Telephone",
        "Telephone number",
        "Numéro de téléphone",
        "Tél fixe",
        "Téléphone fixe",
        "Ligne directe",
        "Direct line",
        "Primary Phone",
        "Person - Phone",
        "Numéro",
    ),
    **_names(
        F.PHONE_WORK,
        "Téléphone bureau",
        "Work phone",
        "Business Phone",
        "Business Phone 2",
        "Office phone",
        "Téléphone professionnel",
        "Tél pro",
        "Téléphone (bureau)",
        "Téléphone 2 (bureau)",
        "Phone - Work",
        "Person - Phone - Work",
    ),
    **_names(
        F.PHONE_MOBILE,
        "Portable",
        "Mobile",
        "Mobile phone",
        "Cell",
        "Cell phone",
        "Téléphone portable",
        "Tél portable",
        "GSM",
        "Tél mobile",
        "Téléphone mobile",
        "Mobile phone number",
        "Phone - Mobile",
        "Person - Phone - Mobile",
    ),
    **_names(
        F.PHONE_SWITCHBOARD,
        "Standard",
        "Switchboard",
        "Main phone",
        "Téléphone standard",
        "Company phone",
        "Company Main Phone",
        "Téléphone société",
        "Téléphone principal de la société",
    ),
    **_names(
        F.PHONE_HOME,
        "Home phone",
        "Home Phone 2",
        "Téléphone domicile",
        "Téléphone (domicile)",
        "Téléphone 2 (domicile)",
        "Phone - Home",
        "Person - Phone - Home",
    ),
    **_names(
        F.PHONE_OTHER,
        "Other phone",
        "Autre téléphone",
        "Car Phone",
        "Phone - Other",
        "Person - Phone - Other",
    ),
    **_names(
        F.ADDRESS,
        "Adresse",
        "Address",
        "Rue",
        "Street",
        "Street address",
        "Adresse postale",
        "Adresse 1",
        "Address 1",
        "Address line 1",
        "Adresse ligne 1",
        "Adresse 2",
        "Address line 2",
        "Complément d'adresse",
        "Business Street",
        "Business Street 2",
        "Business Street 3",
        "Rue (bureau)",
        "Rue (bureau) 2",
        "Rue (bureau) 3",
        "Organization - Address",
    ),
    **_names(
        F.POSTAL_CODE,
        "Code postal",
        "CP",
        "Postal code",
        "Zip",
        "Zip code",
        "Postcode",
        "Business Postal Code",
        "Code postal (bureau)",
        "Address - ZIP/Postal code",
        "Organization - Address - ZIP/Postal code",
    ),
    **_names(
        F.CITY,
        "Ville",
        "City",
        "Town",
        "Commune",
        "Localité",
        "Locality",
        "Business City",
        "Ville (bureau)",
        "Address - City/town/village/locality",
        "Organization - Address - City/town/village/locality",
    ),
    **_names(
        F.COUNTRY,
        "Pays",
        "Country",
        "Country/Region",
        "Business Country/Region",
        "Pays/Région (bureau)",
        "Address - Country",
        "Organization - Address - Country",
    ),
    **_names(
        F.WEBSITE,
        "Site web",
        "Site",
        "Site internet",
        "Website",
        "Web site",
        "Web",
        "URL",
        "Website URL",
        "Web Page",
        "Page web",
        "Organization - Website",
    ),
    **_names(F.LINKEDIN, "LinkedIn", "LinkedIn URL", "Profil LinkedIn", "LinkedIn profile"),
    **_names(
        F.INDUSTRY,
        "Secteur",
        "Secteur d'activité",
        "Activité",
        "Industry",
        "Industrie",
        "Code NAF",
        "NAF",
        "Sector",
        "Organization - Industry",
    ),
    **_names(
        F.SIZE,
        "Effectif",
        "Effectifs",
        "Taille",
        "Size",
        "Company size",
        "Employees",
        "Number of employees",
        "Nombre de salariés",
        "Tranche d'effectif",
    ),
    **_names(
        F.NOTES,
        "Notes",
        "Note",
        "Commentaire",
        "Commentaires",
        "Remarques",
        "Remarque",
        "Comments",
        "Comment",
        "Description",
    ),
    **_names(F.STAGE, "Stage", "Étape"),
    # Outlook's categories (French, English, German), separated by ";".
    **_names(
        F.CONSUMER,
        "Particulier",
        "Consumer",
        "B2C",
        "Type de client",
        "Customer type",
        "Client type",
        "Particulier/Professionnel",
        "Particulier ou professionnel",
    ),
    **_names(F.OWNER, "Owner", "Propriétaire", "Responsable", "Commercial", "Assigned to"),
    **_names(F.TAGS, "Tags", "Tag", "Étiquettes", "Catégories", "Categories", "Kategorien"),
    **_names(F.PAINS, "Pains", "Besoins", "Pain points"),
    **_names(F.PITCH, "Pitch", "Argumentaire", "Accroche"),
    **_names(
        F.SKIP,
        "Last called by",  # our team exports: a fact of the calls, not imported
        "Dernier appel par",
        "E-mail Type",
        "E-mail Display Name",
        "E-mail 2 Type",
        "E-mail 2 Display Name",
        "E-mail 3 Type",
        "E-mail 3 Display Name",
        "Type de messagerie",
        "Nom complet de l'adresse de messagerie",
        "Type de messagerie 2",
        "Nom complet de l'adresse de messagerie 2",
    ),
}

#: The labels Outlook writes today (Microsoft 365, new Outlook), French and German; the
#: English ones are above. Outlook's civility ("Title", "Titre", "Anrede") is left out of
#: this table on purpose: it is kept with the contact as an extra field under its own name.
SYNONYMS.update(
    {
        **_names(F.TITLE, "Titre (2)"),
        **_names(
            F.EMAIL,
            "Adresse de courrier",
            "Adresse de courrier 2",
            "Adresse de courrier 3",
            "E-Mail-Adresse",
            "E-Mail 2: Adresse",
            "E-Mail 3: Adresse",
        ),
        **_names(F.FIRST_NAME, "Vorname"),
        **_names(F.LAST_NAME, "Nachname"),
        **_names(F.COMPANY, "Firma"),
        **_names(F.ADDRESS, "Straße geschäftlich"),
        **_names(F.CITY, "Ort geschäftlich"),
        **_names(F.POSTAL_CODE, "Postleitzahl geschäftlich"),
        **_names(F.COUNTRY, "Land/Region geschäftlich"),
        **_names(F.PHONE_WORK, "Telefon geschäftlich", "Telefon geschäftlich 2"),
        **_names(F.PHONE_MOBILE, "Mobiltelefon"),
        **_names(F.PHONE_SWITCHBOARD, "Telefon Firma"),
        **_names(F.PHONE_HOME, "Telefon privat"),
        **_names(F.NOTES, "Notizen"),
        **_names(F.WEBSITE, "Webseite"),
    }
)

_SIRENE = {
    "denominationunitelegale": F.COMPANY,
    "nomunitelegale": F.LAST_NAME,
    "prenom1unitelegale": F.FIRST_NAME,
    "activiteprincipaleunitelegale": F.INDUSTRY,
    "activiteprincipaleetablissement": F.INDUSTRY,
    "trancheeffectifsunitelegale": F.SIZE,
    "trancheeffectifsetablissement": F.SIZE,
    "numerovoieetablissement": F.ADDRESS,
    "indicerepetitionetablissement": F.ADDRESS,
    "typevoieetablissement": F.ADDRESS,
    "libellevoieetablissement": F.ADDRESS,
    "codepostaletablissement": F.POSTAL_CODE,
    "libellecommuneetablissement": F.CITY,
}
_GOOGLE = (
    (re.compile(r"^e mail \d+ value$"), F.EMAIL),
    (re.compile(r"^phone \d+ value$"), F.PHONE),
    (re.compile(r"^(e mail|phone|address|website|relation|event|im) \d+ (label|type)$"), F.SKIP),
    (re.compile(r"^address \d+ street$"), F.ADDRESS),
    (re.compile(r"^address \d+ extended address$"), F.ADDRESS),
    (re.compile(r"^address \d+ city$"), F.CITY),
    (re.compile(r"^address \d+ postal code$"), F.POSTAL_CODE),
    (re.compile(r"^address \d+ country$"), F.COUNTRY),
    (re.compile(r"^website \d+ value$"), F.WEBSITE),
)


@dataclass(frozen=True)
class Layout:
    """A recognised source, and the mapping of its columns to fields."""

    key: str  # "outlook", "google", "linkedin", "hubspot", "pipedrive", "sirene" ...
    label: str  # English name shown to the user (the UI translates it)
    mapping: Mapping
    #: How several address columns are joined (SIRENE splits the street into words).
    address_joiner: str = ", "


LAYOUT_LABELS = {
    "prospection": "Prospection export",
    "vcard": "vCard",
    "outlook": "Microsoft Outlook (English)",
    "outlook-fr": "Microsoft Outlook (French)",
    "outlook-de": "Microsoft Outlook (German)",
    "google": "Google Contacts",
    "linkedin": "LinkedIn connections",
    "hubspot": "HubSpot contacts",
    "pipedrive-people": "Pipedrive people",
    "pipedrive-organizations": "Pipedrive organisations",
    "sirene": "INSEE SIRENE register",
    "generic": "Other (column names)",
}


def _count(folded: set[str], names: Sequence[str]) -> int:
    return sum(1 for name in names if fold_header(name) in folded)


def detect_layout_key(headers: Sequence[str], file_format: str = "csv") -> str:
    """Which known source the header looks like ("generic" when none)."""
    folded = {fold_header(h) for h in headers}
    if file_format == "vcard":
        return "vcard"
    if (
        _count(
            folded,
            [
                "Company",
                "First name",
                "Last name",
                "Job title",
                "Work phone",
                "Mobile phone",
                "Switchboard",
                "Pains",
                "Pitch",
            ],
        )
        >= 8
    ):
        return "prospection"
    if (
        _count(
            folded,
            [
                "siren",
                "siret",
                "denominationUniteLegale",
                "libelleCommuneEtablissement",
                "codePostalEtablissement",
            ],
        )
        >= 2
    ):
        return "sirene"
    if any(pattern.match(h) for h in folded for pattern, _ in _GOOGLE[:2]):
        return "google"
    if (
        _count(
            folded,
            [
                "First Name",
                "Last Name",
                "URL",
                "Email Address",
                "Company",
                "Position",
                "Connected On",
            ],
        )
        >= 5
    ):
        return "linkedin"
    if (
        _count(
            folded,
            [
                "Business Phone",
                "E-mail Address",
                "Business Street",
                "Job Title",
                "E-mail Display Name",
                "Business City",
                "Mobile Phone",
            ],
        )
        >= 3
    ):
        return "outlook"
    if (
        _count(
            folded,
            [
                "Adresse de messagerie",
                "Téléphone (bureau)",
                "Rue (bureau)",
                "Ville (bureau)",
                "Code postal (bureau)",
                "Pays/Région (bureau)",
                "Adresse de courrier",
                "Titre (2)",
                "Tél. mobile",
            ],
        )
        >= 2
    ):
        return "outlook-fr"
    if (
        _count(
            folded,
            [
                "E-Mail-Adresse",
                "Telefon geschäftlich",
                "Straße geschäftlich",
                "Ort geschäftlich",
                "Postleitzahl geschäftlich",
                "Mobiltelefon",
                "Anrede",
            ],
        )
        >= 3
    ):
        return "outlook-de"
    if (
        _count(
            folded,
            [
                "Record ID",
                "Contact owner",
                "Lifecycle Stage",
                "Lead Status",
                "Create Date",
                "Phone Number",
                "Mobile Phone Number",
            ],
        )
        >= 3
    ):
        return "hubspot"
    persons = sum(1 for h in folded if h.startswith("person "))
    organizations = sum(1 for h in folded if h.startswith("organization "))
    if persons >= 2:
        return "pipedrive-people"
    if organizations >= 2 or _count(folded, ["People", "Open deals", "Won deals"]) >= 2:
        return "pipedrive-organizations"
    return "generic"


def _field_for(folded: str, key: str, all_folded: set[str]) -> Field | None:
    if key == "sirene" and folded in _SIRENE:
        return _SIRENE[folded]
    if key == "google":
        for pattern, field in _GOOGLE:
            if pattern.match(folded):
                return field
        if re.match(r"^address \d+ formatted$", folded):
            has_street = any(re.match(r"^address \d+ street$", h) for h in all_folded)
            return F.SKIP if has_street else F.ADDRESS
    if key == "linkedin" and folded == "url":
        return F.LINKEDIN
    if key == "pipedrive-organizations" and folded == "name":
        return F.COMPANY
    # Outlook's "Title" is the honorific (Mr., Mme) when a "Job Title" is there too.
    if folded == "title" and "job title" in all_folded:
        return None
    if folded == "titre" and bool({"fonction", "titre 2"} & all_folded):
        return None
    if folded == "anrede":
        return None
    if folded == "titre":
        return F.TITLE
    if folded == "nom":
        has_first = bool({"prenom", "first name"} & all_folded)
        return F.LAST_NAME if has_first else F.FULL_NAME
    if folded == "name" and bool({"prenom", "first name", "given name"} & all_folded):
        return F.LAST_NAME if not {"last name", "family name"} & all_folded else None
    return SYNONYMS.get(folded)


def detect_layout(headers: Sequence[str], file_format: str = "csv") -> Layout:
    """The recognised layout of `headers` and its column mapping."""
    key = detect_layout_key(headers, file_format)
    folded = [fold_header(h) for h in headers]
    all_folded = set(folded)
    mapping: Mapping = [_field_for(name, key, all_folded) for name in folded]
    if key in ("hubspot",):
        mapping = [
            F.PHONE_WORK if name == "phone number" else field
            for name, field in zip(folded, mapping, strict=True)
        ]
    joiner = " " if key == "sirene" else ", "
    return Layout(key=key, label=LAYOUT_LABELS[key], mapping=mapping, address_joiner=joiner)


def header_signature(headers: Sequence[str]) -> str:
    """A short stable key of a header, to remember the mapping the user chose for it."""
    import hashlib

    joined = "\x1f".join(fold_header(h) for h in headers)
    return hashlib.sha1(joined.encode(), usedforsecurity=False).hexdigest()
