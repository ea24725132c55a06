"""One source row, through a column mapping, into a clean record (names, phones, emails)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import phonenumbers

from prospection.core import limits
from prospection.core.emails import check_email
from prospection.core.enums import ContactRole, PhoneKind, Stage
from prospection.core.imports.fields import PHONE_FIELDS, Field, Mapping
from prospection.core.imports.grouping import fold
from prospection.core.imports.messages import Code, Message, message
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


@dataclass(slots=True)
class PhoneValue:
    """One phone of a record."""

    kind: PhoneKind
    raw: str
    e164: str | None


@dataclass(slots=True)
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
    tags: list[str] = field(default_factory=list)
    consumer: bool | None = None  # None: the file does not say
    owner: str = ""  # a user's name or email (resolved to a user when written)
    emails: list[str] = field(default_factory=list)
    phones: list[PhoneValue] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)
    warnings: list[Message] = field(default_factory=list)

    @property
    def has_person(self) -> bool:
        """Whether the row describes a person (else only an organisation)."""
        return bool(
            self.first_name or self.last_name or self.emails or self.phones or self.linkedin
        )

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


#: A number a spreadsheet shortened into scientific notation ("8,41266E+13").
_SCIENTIFIC = re.compile(r"^\d+(?:[.,]\d+)?[eE]\+\d+$")


def is_damaged(value: str) -> bool:
    """Whether `value` is a number a spreadsheet shortened into scientific notation."""
    return bool(_SCIENTIFIC.match(value.strip()))


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
        lowered = domain.lower()
        # The text itself when already normalised: one string fewer per row.
        return (text if lowered == domain else f"{local}@{lowered}"), None
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


# What a mapped column does with its value, decided once per file (`RecordBuilder`).
(_EXTRA, _TEXT, _JOINED, _ADDRESS, _FULL_NAME, _EMAIL, _PHONE, _COUNTRY, _STAGE, _ROLE, _TAGS) = (
    range(11)
)
_CONSUMER = 11
_OWNER = 12
#: A text column whose field no other column fills (most): set without a look first.
_SOLE_TEXT = 13
#: What a consumer column says (folded); anything else is reported, never guessed.
CONSUMER_VALUES = {
    **dict.fromkeys(
        ("yes", "oui", "y", "o", "1", "true", "vrai", "x", "particulier", "consumer", "b2c"),
        True,
    ),
    **dict.fromkeys(
        ("no", "non", "n", "0", "false", "faux", "professionnel", "pro", "business", "b2b",
         "entreprise", "societe", "company"),
        False,
    ),
}  # fmt: skip
#: Tags of one cell: ";" (ours, Outlook's categories), " ::: " (Google's), new lines.
_TAG_SPLIT = re.compile(r"\s+:::\s+|\s*[;\n]\s*")
#: The longest tag name the database holds.
TAG_LENGTH = 80


class RecordBuilder:
    """Builds the records of one file: the mapping is turned into per-column steps once,
    so that each of 100,000 rows costs only its own values."""

    def __init__(
        self,
        headers: Sequence[str],
        mapping: Mapping,
        *,
        region: str = "FR",
        address_joiner: str = ", ",
        parsers: dict[str, PhoneParser] | None = None,
    ) -> None:
        self.region = region
        self.address_joiner = address_joiner
        self.parsers = parsers if parsers is not None else {}
        self.columns: list[tuple[int, str, int, str, PhoneKind | None, bool, int]] = []
        for index, (header, target) in enumerate(zip(headers, mapping, strict=False)):
            if target is F.SKIP:
                continue
            attribute, kind, phone_kind = "", _EXTRA, None
            if target is None:
                kind = _EXTRA
            elif target in _TEXT_FIELDS:
                kind, attribute = _TEXT, _TEXT_FIELDS[target]
            elif target in _JOINED_FIELDS:
                kind, attribute = _JOINED, _JOINED_FIELDS[target]
            elif target is F.ADDRESS:
                kind = _ADDRESS
            elif target is F.FULL_NAME:
                kind = _FULL_NAME
            elif target is F.EMAIL:
                kind = _EMAIL
            elif target in PHONE_FIELDS:
                kind, phone_kind = _PHONE, PHONE_FIELDS[target]
            elif target is F.COUNTRY:
                kind = _COUNTRY
            elif target is F.STAGE:
                kind = _STAGE
            elif target is F.ROLE:
                kind = _ROLE
            elif target is F.TAGS:
                kind = _TAGS
            elif target is F.CONSUMER:
                kind = _CONSUMER
            elif target is F.OWNER:
                kind = _OWNER
            else:
                continue
            self.columns.append(
                (
                    index,
                    header,
                    kind,
                    attribute,
                    phone_kind,
                    target is F.WEBSITE,
                    _limit(kind, attribute),
                )
            )
        # A text field filled by one column only (and neither the website's nor LinkedIn's:
        # a website column may hold a LinkedIn address) never meets an earlier value.
        filled = [column[3] for column in self.columns if column[2] == _TEXT]
        for position, column in enumerate(self.columns):
            attribute = column[3]
            if (
                column[2] == _TEXT
                and filled.count(attribute) == 1
                and attribute not in ("website", "linkedin")
            ):
                self.columns[position] = (*column[:2], _SOLE_TEXT, *column[3:])
        # Those columns first, in one tight loop (`build`): a value that needs nothing
        # but setting has no other effect, so setting it before the other columns are
        # read changes nothing (no other column reads or writes its field).
        self.sole = [(c[0], c[3], c[6]) for c in self.columns if c[2] == _SOLE_TEXT]
        self.others = [c for c in self.columns if c[2] != _SOLE_TEXT]
        #: a row this long holds every sole text column
        self.sole_width = max((c[0] for c in self.sole), default=-1) + 1

    def parser(self, where: str) -> PhoneParser:
        """The phone parser of region `where` (one per region, with its cache)."""
        parser = self.parsers.get(where)
        if parser is None:
            parser = self.parsers[where] = PhoneParser(where)
        return parser

    def build(self, line: int, values: Sequence[str]) -> Record:
        """The record of one row: mapped values cleaned, the rest kept as extra fields."""
        record = Record(line)
        width = len(values)
        columns = self.columns
        if width >= self.sole_width:
            # The fast pass: every sole text value that is only to be set (no warning,
            # no clean-up), set; any other sends the row the long way, from a new record.
            for index, attribute, longest in self.sole:
                value = values[index].strip()
                if value:
                    if len(value) > longest or "\r" in value or value[0] == "'" or "+" in value:
                        record = Record(line)
                        break
                    setattr(record, attribute, value)
            else:
                columns = self.others
        extra = record.extra
        full_name = ""
        addresses: list[str] = []
        raw_emails: list[str] = []
        raw_phones: list[tuple[PhoneKind | None, str]] = []
        for index, header, kind, attribute, phone_kind, website, longest in columns:
            if index >= width:
                break
            value = values[index].strip()
            if not value:
                continue
            if len(value) > longest:
                # Left out, and never repeated in the report: it may be megabytes.
                record.warnings.append(
                    message(Code.VALUE_TOO_LONG, column=header, length=len(value), limit=longest)
                )
                continue
            if "\r" in value:
                value = value.replace("\r\n", "\n").replace("\r", "\n")
            if value[0] == "'" and _NEUTRALISED.match(value):
                value = value[1:]
            if "+" in value and ("E+" in value or "e+" in value) and _SCIENTIFIC.match(value):
                # Excel wrote a long number (SIRET, phone) as "8,41266E+13": digits lost.
                record.warnings.append(
                    message(Code.SPREADSHEET_DAMAGED, column=header, value=value)
                )
                if kind == _PHONE:
                    continue
                extra[header] = value
                continue
            if kind == _SOLE_TEXT:  # the only column of its field: nothing to compare
                setattr(record, attribute, value)
            elif kind == _TEXT:
                if website and "linkedin." in value.lower():
                    attribute = "linkedin"
                if getattr(record, attribute):
                    extra[header] = value
                else:
                    setattr(record, attribute, value)
            elif kind == _EXTRA:
                extra[header] = value
            elif kind == _EMAIL:
                if ";" in value or "\n" in value or ":" in value:
                    raw_emails.extend(v for v in _MULTI_SPLIT.split(value) if v.strip())
                else:  # one address (the usual case), without the regular expression
                    raw_emails.append(value)
            elif kind == _PHONE:
                if ";" in value or "/" in value or "," in value or ":" in value or "\n" in value:
                    raw_phones.extend(
                        (phone_kind, v) for v in _PHONE_SPLIT.split(value) if v.strip()
                    )
                else:  # one number (the usual case), without the regular expression
                    raw_phones.append((phone_kind, value))
            elif kind == _JOINED:
                current = getattr(record, attribute)
                setattr(record, attribute, f"{current}\n{value}" if current else value)
            elif kind == _ADDRESS:
                addresses.append(value)
            elif kind == _FULL_NAME:
                if full_name:
                    extra[header] = value
                else:
                    full_name = value
            elif kind == _COUNTRY:
                code = country_code(value)
                if code is None or record.country:
                    extra[header] = value
                else:
                    record.country = code
            elif kind == _STAGE:
                stage = _STAGES.get(fold(value))
                if stage is None or record.stage is not None:
                    extra[header] = value
                else:
                    record.stage = stage
            elif kind == _TAGS:
                tags = record.tags
                for name in _TAG_SPLIT.split(value):
                    name = " ".join(name.split())[:TAG_LENGTH]
                    if name and name not in tags:
                        tags.append(name)
            elif kind == _CONSUMER:
                consumer = CONSUMER_VALUES.get(fold(value))
                if consumer is None:
                    record.warnings.append(
                        message(Code.UNKNOWN_CONSUMER, column=header, value=value)
                    )
                    extra[header] = value
                elif record.consumer is None:
                    record.consumer = consumer
            elif kind == _OWNER:
                if not record.owner:
                    record.owner = value.strip()
            elif kind == _ROLE:
                role = _ROLES.get(fold(value))
                if role is None or record.role is not None:
                    extra[header] = value
                else:
                    record.role = role
        if addresses:
            record.address = self.address_joiner.join(addresses)
        if full_name:
            if record.first_name or record.last_name:
                extra.setdefault("Full name", full_name)
            else:
                record.first_name, record.last_name = split_full_name(full_name)
        if record.postal_code:
            record.postal_code = restore_postal_code(
                record.postal_code, record.country or self.region
            )
        if raw_emails:
            _add_emails(record, raw_emails)
        if raw_phones:
            _add_phones(record, raw_phones, self.parser(record.country or self.region))
        return record


def _limit(kind: int, attribute: str) -> int:
    """The longest value a column of this kind takes (see core.limits)."""
    if kind in (_TEXT, _FULL_NAME, _COUNTRY, _STAGE, _ROLE):
        return limits.max_length(attribute or "name")
    if kind in (_EMAIL, _PHONE):  # a cell may hold several, split later
        return limits.LINE_MAX
    return limits.TEXT_MAX  # notes, pains, pitch, address, extra fields


#: Countries whose postal codes are five digits, some starting with 0 (France and the
#: places that share its postal system).
_FIVE_DIGIT_POSTAL = frozenset({"FR", "MC", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF"})


def restore_postal_code(value: str, country: str) -> str:
    """`value` with the leading zero a spreadsheet dropped put back ("6000" → "06000").

    Excel and LibreOffice read a CSV's "06000" (Nice) as the number 6000; a French
    postal code always has five digits, so four digits can only mean that.
    """
    if len(value) == 4 and value.isdigit() and country.upper() in _FIVE_DIGIT_POSTAL:
        return "0" + value
    return value


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
    builder = RecordBuilder(
        headers, mapping, region=region, address_joiner=address_joiner, parsers=parsers
    )
    return builder.build(line, values)


def _add_emails(record: Record, raw_emails: list[str]) -> None:
    if len(raw_emails) == 1:  # one valid address (most rows): nothing to compare it with
        email, error = check_plain_email(raw_emails[0].strip().removeprefix("mailto:"))
        if error is None:
            record.emails.append(email)
            return
    others: list[str] = []
    invalid: list[str] = []
    seen: set[str] = set()
    for raw in raw_emails:
        email, error = check_plain_email(raw.strip().removeprefix("mailto:"))
        if error is not None:
            invalid.append(raw.strip())
            record.warnings.append(message(Code.INVALID_EMAIL, email=raw.strip()))
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
            record.warnings.append(message(Code.UNPARSEABLE_PHONE, phone=parsed.raw))
        elif not parsed.verified:
            record.warnings.append(
                message(Code.UNVERIFIED_PHONE, phone=parsed.raw, e164=parsed.e164)
            )
        record.phones.append(PhoneValue(kind, parsed.raw, parsed.e164))
