"""One source row, through a column mapping, into a clean record (names, phones, emails)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import phonenumbers

from prospection.core.emails import check_email
from prospection.core.enums import ContactRole, PhoneKind, Stage
from prospection.core.imports.fields import PHONE_FIELDS, Field, Mapping
from prospection.core.imports.grouping import fold
from prospection.core.imports.phone_batch import PhoneParser

F = Field
#: A cell an export neutralised against formulas ("'=..."), read back as it was.
_NEUTRALISED = re.compile(r"^'[=+\-@\t\r']")
_MULTI_SPLIT = re.compile(r"\s+:::\s+|\s*[;\n]\s*")
_PHONE_SPLIT = re.compile(r"\s+:::\s+|\s*[;\n/]\s*|\s*,\s+")
# The common case, checked without email-validator's cost; anything else goes through it.
_PLAIN_EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}$"
)
_COUNTRIES = {
    fold(name): code
    for code, names in {
        "FR": ("France", "République française", "Francia", "Frankreich"),
        "BE": ("Belgique", "Belgium", "België", "Belgien"),
        "CH": ("Suisse", "Switzerland", "Schweiz", "Svizzera"),
        "LU": ("Luxembourg", "Luxemburg"),
        "MC": ("Monaco",),
        "DE": ("Allemagne", "Germany", "Deutschland"),
        "ES": ("Espagne", "Spain", "España"),
        "IT": ("Italie", "Italy", "Italia"),
        "PT": ("Portugal",),
        "NL": ("Pays-Bas", "Netherlands", "Nederland", "Holland", "Hollande"),
        "GB": ("Royaume-Uni", "United Kingdom", "UK", "Great Britain", "England", "Angleterre"),
        "IE": ("Irlande", "Ireland"),
        "US": ("États-Unis", "United States", "USA", "United States of America", "U.S.A."),
        "CA": ("Canada",),
        "MA": ("Maroc", "Morocco"),
        "TN": ("Tunisie", "Tunisia"),
        "DZ": ("Algérie", "Algeria"),
        "SN": ("Sénégal", "Senegal"),
        "CI": ("Côte d'Ivoire", "Ivory Coast"),
        "AT": ("Autriche", "Austria", "Österreich"),
        "PL": ("Pologne", "Poland", "Polska"),
        "SE": ("Suède", "Sweden"),
        "DK": ("Danemark", "Denmark"),
        "RE": ("La Réunion", "Réunion"),
    }.items()
    for name in names
}
_STAGES = {fold(s.value.replace("_", " ")): s for s in Stage} | {fold(s.value): s for s in Stage}
_ROLES = {fold(r.value.replace("_", " ")): r for r in ContactRole} | {
    fold(r.value): r for r in ContactRole
}


@dataclass
class PhoneValue:
    """One phone of a record."""

    kind: PhoneKind
    raw: str
    e164: str | None


@dataclass
class Record:
    """A row's values, cleaned, ready to be matched and written."""

    line: int
    company: str = ""
    first_name: str = ""
    last_name: str = ""
    title: str = ""
    role: ContactRole | None = None
    linkedin: str = ""
    website: str = ""
    address: str = ""
    postal_code: str = ""
    city: str = ""
    country: str = ""
    industry: str = ""
    size: str = ""
    stage: Stage | None = None
    pains: str = ""
    pitch: str = ""
    notes: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[PhoneValue] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def has_person(self) -> bool:
        """Whether the row describes a person (else only an organisation)."""
        return bool(
            self.first_name or self.last_name or self.emails or self.phones or self.linkedin
        )

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


def clean(value: str) -> str:
    """A cell's text trimmed, with an export's formula neutralisation undone."""
    value = value.strip()
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if _NEUTRALISED.match(value):
        return value[1:]
    return value


def country_code(text: str) -> str | None:
    """The ISO 3166 code of a country name or code ("France", "fr" -> "FR"), if known."""
    folded = fold(text.strip()).strip(" .")
    if len(folded) == 2 and folded.upper() in phonenumbers.SUPPORTED_REGIONS:
        return folded.upper()
    return _COUNTRIES.get(folded)


def check_plain_email(text: str) -> tuple[str, str | None]:
    """An email normalised, and the reason it is invalid (None when valid)."""
    if _PLAIN_EMAIL.match(text):
        local, _, domain = text.rpartition("@")
        return f"{local}@{domain.lower()}", None
    checked = check_email(text)
    return checked.normalized, checked.error


def split_full_name(full: str) -> tuple[str, str]:
    """First and last name of "Jean Dupont", "DUPONT Jean" or "Dupont, Jean"."""
    full = " ".join(full.split())
    if "," in full:
        last, _, first = full.partition(",")
        return first.strip(), last.strip()
    words = full.split(" ")
    if len(words) == 1:
        return "", words[0]
    # French lists write the family name first, in capitals: "DUPONT Jean-Marc".
    upper = [w for w in words if w.isupper() and len(w) > 1]
    if upper and len(upper) < len(words) and words[0].isupper() and len(words[0]) > 1:
        count = next(i for i, w in enumerate(words) if not (w.isupper() and len(w) > 1))
        return " ".join(words[count:]), " ".join(words[:count])
    return words[0], " ".join(words[1:])


_TEXT_FIELDS = {
    F.COMPANY: "company",
    F.FIRST_NAME: "first_name",
    F.LAST_NAME: "last_name",
    F.TITLE: "title",
    F.LINKEDIN: "linkedin",
    F.WEBSITE: "website",
    F.POSTAL_CODE: "postal_code",
    F.CITY: "city",
    F.INDUSTRY: "industry",
    F.SIZE: "size",
}
_JOINED_FIELDS = {F.NOTES: "notes", F.PAINS: "pains", F.PITCH: "pitch"}


def build_record(
    line: int,
    values: Sequence[str],
    headers: Sequence[str],
    mapping: Mapping,
    *,
    region: str = "FR",
    address_joiner: str = ", ",
    parsers: dict[str, PhoneParser] | None = None,
) -> Record:
    """The record of one row: mapped values cleaned, the rest kept as extra fields."""
    record = Record(line=line)
    full_name = ""
    addresses: list[str] = []
    raw_emails: list[str] = []
    raw_phones: list[tuple[PhoneKind | None, str]] = []
    for header, target, raw_value in zip(headers, mapping, values, strict=False):
        value = clean(raw_value)
        if not value or target is F.SKIP:
            continue
        if target is None:
            record.extra[header] = value
        elif target in _TEXT_FIELDS:
            attribute = _TEXT_FIELDS[target]
            if target is F.WEBSITE and "linkedin." in value.lower():
                attribute = "linkedin"
            if getattr(record, attribute):
                record.extra[header] = value
            else:
                setattr(record, attribute, value)
        elif target in _JOINED_FIELDS:
            attribute = _JOINED_FIELDS[target]
            current = getattr(record, attribute)
            setattr(record, attribute, f"{current}\n{value}" if current else value)
        elif target is F.ADDRESS:
            addresses.append(value)
        elif target is F.FULL_NAME:
            if full_name:
                record.extra[header] = value
            else:
                full_name = value
        elif target is F.EMAIL:
            raw_emails.extend(v for v in _MULTI_SPLIT.split(value) if v.strip())
        elif target in PHONE_FIELDS:
            raw_phones.extend(
                (PHONE_FIELDS[target], v) for v in _PHONE_SPLIT.split(value) if v.strip()
            )
        elif target is F.COUNTRY:
            code = country_code(value)
            if code is None or record.country:
                record.extra[header] = value
            else:
                record.country = code
        elif target is F.STAGE:
            stage = _STAGES.get(fold(value))
            if stage is None or record.stage is not None:
                record.extra[header] = value
            else:
                record.stage = stage
        elif target is F.ROLE:
            role = _ROLES.get(fold(value))
            if role is None or record.role is not None:
                record.extra[header] = value
            else:
                record.role = role
    if addresses:
        record.address = address_joiner.join(addresses)
    if full_name:
        if record.first_name or record.last_name:
            record.extra.setdefault("Full name", full_name)
        else:
            record.first_name, record.last_name = split_full_name(full_name)
    _add_emails(record, raw_emails)
    if raw_phones:
        parsers = parsers if parsers is not None else {}
        where = record.country or region
        parser = parsers.get(where)
        if parser is None:
            parser = parsers[where] = PhoneParser(where)
        _add_phones(record, raw_phones, parser)
    return record


def _add_emails(record: Record, raw_emails: list[str]) -> None:
    others: list[str] = []
    invalid: list[str] = []
    seen: set[str] = set()
    for raw in raw_emails:
        email, error = check_plain_email(raw.strip().removeprefix("mailto:"))
        if error is not None:
            invalid.append(raw.strip())
            record.warnings.append(f"email {raw.strip()!r} is not valid, kept as an extra field")
            continue
        if email.casefold() in seen:
            continue
        seen.add(email.casefold())
        if record.emails:
            others.append(email)
        record.emails.append(email)
    if others:
        record.extra["Other emails"] = ", ".join(others)
    if invalid:
        record.extra["Invalid email"] = ", ".join(invalid)


def _add_phones(
    record: Record, raw_phones: list[tuple[PhoneKind | None, str]], parser: PhoneParser
) -> None:
    seen: set[str] = set()
    for kind, raw in raw_phones:
        parsed = parser.parse(raw)
        identity = parsed.e164 or parsed.raw
        if not identity or identity in seen:
            continue
        seen.add(identity)
        if kind is None:
            kind = PhoneKind.MOBILE if parsed.mobile else PhoneKind.WORK
        if parsed.e164 is None:
            record.warnings.append(f"phone {parsed.raw!r} not recognised, kept as typed")
        record.phones.append(PhoneValue(kind=kind, raw=parsed.raw, e164=parsed.e164))
