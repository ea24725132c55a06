"""vCard 2.1, 3.0 and 4.0: several cards a file, folded lines, quoted-printable, groups."""

from __future__ import annotations

import codecs
import quopri
import re

from prospection.core.imports.errors import ImportFileError
from prospection.core.imports.fields import (
    EXPORT_HEADER,
    LAST_CALLER_HEADER,
    MULTI_SEPARATOR,
    OWNER_HEADER,
    Field,
)
from prospection.core.imports.messages import Code, message
from prospection.core.imports.table import Problem

FULL_NAME_HEADER = "Full name"
_H = EXPORT_HEADER
#: Properties carrying nothing to keep for prospecting (or only binary data).
_IGNORED = frozenset(
    {
        "BEGIN",
        "END",
        "VERSION",
        "PRODID",
        "UID",
        "REV",
        "PHOTO",
        "LOGO",
        "SOUND",
        "KEY",
        "KIND",
        "SOURCE",
        "CLIENTPIDMAP",
        "X-ABUID",
        "X-ABSHOWAS",
        "X-ABLABEL",
        "LABEL",
        "AGENT",
        "MAILER",
        "NAME",
        "PROFILE",
    }
)
#: X-PROSPECTION-* properties written by our own exports, for fields vCard lacks.
_OWN_PROPERTIES = {
    "X-PROSPECTION-INDUSTRY": _H[Field.INDUSTRY],
    "X-PROSPECTION-SIZE": _H[Field.SIZE],
    "X-PROSPECTION-STAGE": _H[Field.STAGE],
    "X-PROSPECTION-PAINS": _H[Field.PAINS],
    "X-PROSPECTION-PITCH": _H[Field.PITCH],
    "X-PROSPECTION-CONSUMER": _H[Field.CONSUMER],
    "X-PROSPECTION-ROLE": _H[Field.ROLE],
    "X-PROSPECTION-OWNER": OWNER_HEADER,
    "X-PROSPECTION-LAST-CALLER": LAST_CALLER_HEADER,
    "X-PROSPECTION-CONTACT-NOTE": "Contact note",
}
_ESCAPES = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\"}
_ESCAPE = re.compile(r"\\(.)")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def unescape(value: str) -> str:
    """A vCard text value with its backslash escapes resolved."""
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), value)


def split_structured(value: str, separator: str = ";") -> list[str]:
    """The parts of a structured value (N, ADR, ORG), split on unescaped semicolons
    (or on unescaped `separator`: "," for a list such as CATEGORIES)."""
    parts: list[str] = []
    current: list[str] = []
    escaped = False
    for char in value:
        if escaped:
            current.append("\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == separator:
            parts.append(unescape("".join(current)))
            current = []
        else:
            current.append(char)
    parts.append(unescape("".join(current)))
    return parts


def _split_property(line: str) -> tuple[str, str] | None:
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return line[:index], line[index + 1 :]
    return None


def _parse_params(parts: list[str]) -> tuple[dict[str, list[str]], set[str]]:
    params: dict[str, list[str]] = {}
    types: set[str] = set()
    for part in parts:
        if "=" in part:
            key, _, value = part.partition("=")
            values = [v.strip('"') for v in re.split(r",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", value)]
            params.setdefault(key.upper(), []).extend(values)
            if key.upper() == "TYPE":
                types.update(v.strip('"').lower() for v in value.split(","))
        else:
            # vCard 2.1 writes bare parameters: TEL;CELL;QUOTED-PRINTABLE:...
            bare = part.strip().upper()
            if bare in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B"):
                params.setdefault("ENCODING", []).append(bare)
            elif bare:
                types.add(bare.lower())
    return params, types


def _decode_qp(value: str, charset: str | None) -> str:
    if charset is not None:
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None  # an unknown CHARSET=: UTF-8, then Windows-1252
    raw = quopri.decodestring(value.encode(charset or "utf-8", errors="replace"))
    for candidate in (charset or "utf-8", "cp1252"):
        try:
            return raw.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("latin-1")


def _unfold(text: str) -> list[tuple[int, str]]:
    logical: list[tuple[int, str]] = []
    soft_break = False
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if soft_break and logical:
            start, previous = logical[-1]
            logical[-1] = (start, previous[:-1] + line)
        elif logical and line[:1] in (" ", "\t"):
            start, previous = logical[-1]
            logical[-1] = (start, previous + line[1:])
        else:
            if not line.strip():
                soft_break = False
                continue
            logical.append((number, line))
        current = logical[-1][1]
        head = current.split(":", 1)[0].upper()
        soft_break = "QUOTED-PRINTABLE" in head and current.endswith("=")
    return logical


def _phone_header(types: set[str], label: str) -> str | None:
    kinds = types | {label.lower()}
    if "fax" in kinds or any("fax" in kind for kind in kinds):
        return "Fax"
    if kinds & {"cell", "mobile", "iphone"} or "mobile" in label.lower():
        return _H[Field.PHONE_MOBILE]
    if "main" in kinds or "x-switchboard" in kinds:
        return _H[Field.PHONE_SWITCHBOARD]
    if "home" in kinds:
        return _H[Field.PHONE_HOME]
    if "other" in kinds or "x-other" in kinds:
        return _H[Field.PHONE_OTHER]
    return _H[Field.PHONE_WORK]


class _Card:
    def __init__(self, line: int) -> None:
        self.line = line
        self.values: dict[str, list[str]] = {}
        self.labels: dict[str, str] = {}
        self.full_name = ""

    def add(self, header: str, value: str) -> None:
        value = value.strip()
        if value:
            self.values.setdefault(header, []).append(value)


def _apply(card: _Card, name: str, params: dict[str, list[str]], types: set[str], raw: str) -> None:
    value_type = {v.lower() for v in params.get("VALUE", [])}
    if name == "N":
        parts = [*split_structured(raw), "", "", "", "", ""]
        card.add(_H[Field.LAST_NAME], parts[0])
        card.add(_H[Field.FIRST_NAME], " ".join(p for p in (parts[1], parts[2]) if p.strip()))
        card.add("Name prefix", parts[3])
        card.add("Name suffix", parts[4])
    elif name == "FN":
        card.full_name = unescape(raw).strip()
    elif name == "ORG":
        parts = split_structured(raw)
        card.add(_H[Field.COMPANY], parts[0])
        for unit in parts[1:]:
            card.add("Department", unit)
    elif name == "TITLE":
        card.add(_H[Field.TITLE], unescape(raw))
    elif name == "EMAIL":
        card.add(_H[Field.EMAIL], unescape(raw).removeprefix("mailto:"))
    elif name == "TEL":
        number = unescape(raw)
        if number.lower().startswith("tel:") or "uri" in value_type:
            number = number.split(":", 1)[-1].split(";", 1)[0]
        header = _phone_header(types, params.get("X-LABEL", [""])[0])
        if header is not None:
            card.add(header, number)
    elif name == "ADR":
        parts = [*split_structured(raw), "", "", "", "", "", "", ""]
        street = ", ".join(p.strip() for p in (parts[2], parts[1], parts[0]) if p.strip())
        card.add(_H[Field.ADDRESS], street)
        card.add(_H[Field.CITY], parts[3])
        card.add("Region", parts[4])
        card.add(_H[Field.POSTAL_CODE], parts[5])
        card.add(_H[Field.COUNTRY], parts[6])
    elif name == "URL" or name.startswith("X-SOCIALPROFILE"):
        url = unescape(raw)
        if "linkedin" in url.lower() or "linkedin" in types:
            card.add(_H[Field.LINKEDIN], url)
        elif name == "URL":
            card.add(_H[Field.WEBSITE], url)
        else:
            card.add(name, url)
    elif name == "NOTE":
        card.add(_H[Field.NOTES], unescape(raw))
    elif name == "CATEGORIES":  # RFC 6350 6.7.1: tags, comma-separated
        for tag in split_structured(raw, ","):
            card.add(_H[Field.TAGS], tag)
    elif name in _OWN_PROPERTIES:
        card.add(_OWN_PROPERTIES[name], unescape(raw))
    elif name == "X-PROSPECTION-EXTRA":
        key = params.get("X-NAME", [""])[0].strip() or name
        card.add(key, unescape(raw))
    elif name not in _IGNORED:
        card.add(name, unescape(raw))


def read_vcard(
    text: str,
) -> tuple[list[str], list[tuple[int, list[str]]], list[Problem]]:
    """Header (our export's column names, then other properties), rows and problems."""
    cards: list[_Card] = []
    problems: list[Problem] = []
    card: _Card | None = None
    pending: list[tuple[str, str, dict[str, list[str]], set[str], str]] = []
    for number, line in _unfold(text):
        split = _split_property(line)
        if split is None:
            if card is not None:
                problems.append(Problem(number, message(Code.VCARD_NOT_PROPERTY, text=line[:60])))
            continue
        head, raw = split
        parts = head.split(";")
        group, _, name = parts[0].rpartition(".")
        name = name.strip().upper()
        if name == "BEGIN" and raw.strip().upper() == "VCARD":
            if card is not None:
                problems.append(Problem(card.line, message(Code.VCARD_NOT_CLOSED)))
                cards.append(card)
            card = _Card(number)
            pending = []
            continue
        if card is None:
            continue
        if name == "END" and raw.strip().upper() == "VCARD":
            for p_name, p_group, p_params, p_types, p_raw in pending:
                label = card.labels.get(p_group, "")
                if label and p_name == "TEL":
                    p_params = {**p_params, "X-LABEL": [label]}
                _apply(card, p_name, p_params, p_types, p_raw)
            cards.append(card)
            card, pending = None, []
            continue
        params, types = _parse_params(parts[1:])
        encoding = {v.upper() for v in params.get("ENCODING", [])}
        if "QUOTED-PRINTABLE" in encoding:
            charset = params.get("CHARSET", [None])[0]
            raw = _decode_qp(raw, charset)
        elif encoding & {"B", "BASE64"}:
            continue
        if name == "X-ABLABEL" and group:
            # Apple's item1.TEL + item1.X-ABLabel:_$!<Mobile>!$_ names the number's kind.
            card.labels[group] = raw.strip("_$!<>")
            continue
        pending.append((name, group, params, types, raw))
    if card is not None:
        problems.append(Problem(card.line, message(Code.VCARD_NOT_CLOSED)))
        for p_name, _g, p_params, p_types, p_raw in pending:
            _apply(card, p_name, p_params, p_types, p_raw)
        cards.append(card)
    if not cards:
        raise ImportFileError(message(Code.VCARD_NONE))
    cards = [card for card in cards if card.values or card.full_name]
    if not cards:
        raise ImportFileError(message(Code.VCARD_ALL_EMPTY))
    return _tabulate(cards, problems)


def _tabulate(
    cards: list[_Card], problems: list[Problem]
) -> tuple[list[str], list[tuple[int, list[str]]], list[Problem]]:
    for card in cards:
        named = card.values.get(_H[Field.FIRST_NAME]) or card.values.get(_H[Field.LAST_NAME])
        # An organisation's card is named after the organisation: no person there.
        company = card.values.get(_H[Field.COMPANY], [""])[0]
        # Address books name a nameless card after its email: that is no person's name.
        emails = {e.casefold() for e in card.values.get(_H[Field.EMAIL], [])}
        is_email = card.full_name.casefold() in emails
        if card.full_name and not named and card.full_name != company and not is_email:
            card.add(FULL_NAME_HEADER, card.full_name)
    order = [header for _, header in _export_order()]
    present: list[str] = [h for h in order if any(h in c.values for c in cards)]
    for card in cards:
        for header in card.values:
            if header not in present:
                present.append(header)
    rows = [
        (card.line, [MULTI_SEPARATOR.join(card.values.get(h, [])) for h in present])
        for card in cards
    ]
    return present, rows, problems


def _export_order() -> list[tuple[Field | None, str]]:
    columns: list[tuple[Field | None, str]] = list(EXPORT_HEADER.items())
    columns.insert(12, (Field.FULL_NAME, FULL_NAME_HEADER))
    return columns
