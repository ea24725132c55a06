"""Phone numbers: parsed with phonenumbers, stored E.164, never dropped when unparseable."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# phonenumbers is imported in the functions that parse: its metadata costs a tenth of a
# second to import, and showing a French number (the table, at start-up) needs none of it.

DEFAULT_REGION = "FR"
# Excel turns "0612345678" into the number 612345678: nine digits, leading zero lost.
_EXCEL_MANGLED = re.compile(r"^[1-9]\d{8}$")
_INTERNATIONAL_00 = re.compile(r"^\s*00(?=[1-9])")
_TRUNK_IN_PARENS = re.compile(r"\(\s*0\s*\)")


@dataclass(frozen=True)
class ParsedPhone:
    """A phone as typed, with its E.164 form when it is a valid number."""

    raw: str
    e164: str | None

    @property
    def valid(self) -> bool:
        return self.e164 is not None


def parse_phone(text: str, region: str = DEFAULT_REGION) -> ParsedPhone:
    """Parse `text` as a phone number of `region` (or international).

    Handles national formats with spaces, dots or dashes, "+33 (0)1 ...", "0033 ..." and
    French numbers whose leading zero a spreadsheet dropped. What cannot be parsed is
    kept as typed, with no E.164.
    """
    raw = text.strip()
    if not raw:
        return ParsedPhone(raw="", e164=None)
    candidate = _TRUNK_IN_PARENS.sub("", raw)
    candidate = _INTERNATIONAL_00.sub("+", candidate)
    digits = re.sub(r"\D", "", candidate)
    if region == "FR" and _EXCEL_MANGLED.match(digits) and not candidate.startswith("+"):
        candidate = "0" + digits
    import phonenumbers
    from phonenumbers import NumberParseException, PhoneNumberFormat

    try:
        number = phonenumbers.parse(candidate, region)
    except NumberParseException:
        return ParsedPhone(raw=raw, e164=None)
    if not phonenumbers.is_valid_number(number):
        return ParsedPhone(raw=raw, e164=None)
    return ParsedPhone(raw=raw, e164=phonenumbers.format_number(number, PhoneNumberFormat.E164))


def unverified_e164(text: str, region: str = DEFAULT_REGION) -> str | None:
    """The E.164 form of `text` when it is not a valid number but has the shape of one of
    `region` (a possible length, the region's general pattern): a new or reserved range
    that phonenumbers' metadata does not list yet. None otherwise."""
    if parse_phone(text, region).e164 is not None:
        return None
    raw = text.strip()
    candidate = _INTERNATIONAL_00.sub("+", _TRUNK_IN_PARENS.sub("", raw))
    import phonenumbers
    from phonenumbers import NumberParseException, PhoneMetadata, PhoneNumberFormat

    try:
        number = phonenumbers.parse(candidate, region)
    except NumberParseException:
        return None
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason != phonenumbers.ValidationResult.IS_POSSIBLE:
        return None
    where = phonenumbers.region_code_for_country_code(number.country_code or 0)
    metadata = PhoneMetadata.metadata_for_region(where)
    pattern = getattr(getattr(metadata, "general_desc", None), "national_number_pattern", None)
    national = phonenumbers.national_significant_number(number)
    if not pattern or re.fullmatch(pattern, national) is None:
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def format_national(e164: str) -> str:
    """An E.164 number in its country's usual national form ("04 65 71 20 10")."""
    import phonenumbers
    from phonenumbers import NumberParseException, PhoneNumberFormat

    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return e164
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)


def format_international(e164: str) -> str:
    """An E.164 number in international form ("+33 4 65 71 20 10")."""
    import phonenumbers
    from phonenumbers import NumberParseException, PhoneNumberFormat

    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return e164
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


# A French geographic, mobile or VoIP number in E.164 ("+33" and nine digits); 08
# numbers are written differently ("0 800 ..."), so phonenumbers formats those.
_FRENCH_E164 = re.compile(r"^\+33([1-79])(\d\d)(\d\d)(\d\d)(\d\d)$")


@lru_cache(maxsize=65536)
def display_phone(raw: str, e164: str | None, home_region: str = DEFAULT_REGION) -> str:
    """How a stored phone is shown: national form at home, international abroad."""
    if e164 is None:
        return raw
    # The table shows a hundred phones per page: French numbers at home are written
    # here directly ("04 65 71 20 10", what phonenumbers gives), without its parser.
    if home_region == "FR":
        french = _FRENCH_E164.match(e164)
        if french is not None:
            return "0" + " ".join(french.groups())
    import phonenumbers
    from phonenumbers import NumberParseException

    try:
        region = phonenumbers.region_code_for_number(phonenumbers.parse(e164, None))
    except NumberParseException:
        return raw
    return format_national(e164) if region == home_region else format_international(e164)


def is_mobile(e164: str) -> bool:
    """Whether the number is a mobile line (for choosing which number to dial first)."""
    import phonenumbers
    from phonenumbers import NumberParseException

    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return False
    return phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
