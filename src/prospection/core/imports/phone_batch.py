"""Phones parsed by the hundred thousand: phonenumbers' own metadata, without its overhead.

For the plain case (a national number of the region, or one with its country code) the
number is checked against the region's patterns from phonenumbers' metadata, exactly as
phonenumbers does, at a fraction of its cost; anything else goes to `phones.parse_phone`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneMetadata

from prospection.core.phones import is_mobile, parse_phone, unverified_e164

_TRUNK_IN_PARENS = re.compile(r"\(\s*0\s*\)")
_SEPARATORS = re.compile(r"[\s.\-/()]+")
_ASCII_DIGITS = re.compile(r"^[0-9]+$")
# Checked in phonenumbers' order: the first matching type is the number's type.
_TYPES_BEFORE_FIXED = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
)


@dataclass(slots=True)
class BatchPhone:
    """A parsed phone: as typed, E.164 when valid, and whether it is a mobile line.

    Not frozen (a frozen dataclass's `__init__` costs four times as much, once per
    number of a 100,000-row file); never changed once made.
    """

    raw: str
    e164: str | None
    mobile: bool
    #: False when `e164` is only of a possible shape (a range phonenumbers does not list).
    verified: bool = True


def _compact(raw: str) -> str:
    """`raw` without its separators and a "(0)" trunk prefix.

    What `_SEPARATORS.sub("", ...)` gives, at a third of its cost: `split()` drops the
    same whitespace as the pattern's `\\s` (str.isspace), then the punctuation goes.
    """
    if raw.isdigit():  # digits only (a spreadsheet's cells, often): nothing to drop
        return raw
    if "(" in raw:
        raw = _TRUNK_IN_PARENS.sub("", raw)
    compact = "".join(raw.split()).replace(".", "").replace("-", "")
    if "/" in compact or "(" in compact or ")" in compact:
        return compact.replace("/", "").replace("(", "").replace(")", "")
    return compact


def _pattern(desc: object | None) -> str | None:
    pattern = getattr(desc, "national_number_pattern", None)
    return str(pattern) if pattern else None


def _lengths(desc: object | None) -> frozenset[int]:
    return frozenset(getattr(desc, "possible_length", None) or ())


class PhoneParser:
    """Parses the phones of one region, fast; results equal `parse_phone`'s."""

    def __init__(self, region: str) -> None:
        self.region = region
        metadata = PhoneMetadata.metadata_for_region(region)
        self.fast = False
        self.cache: dict[str, BatchPhone] = {}
        if metadata is None or metadata.country_code is None:
            return
        code = metadata.country_code
        prefix = metadata.national_prefix or ""
        parsing = metadata.national_prefix_for_parsing
        # Only simple numbering plans take the fast path (one region per country code,
        # a plain national prefix).
        self.fast = (
            phonenumbers.region_codes_for_country_code(code) == (region,)
            and metadata.national_prefix_transform_rule is None
            and (parsing is None or parsing == prefix)
        )
        self.code = str(code)
        self.prefix = prefix
        self.lengths = _lengths(metadata.general_desc)
        general = _pattern(metadata.general_desc)
        # One regular expression tries the types in phonenumbers' order; the name of the
        # branch that matched is the number's type.
        branches: list[str] = []
        for name in (*_TYPES_BEFORE_FIXED, "fixed_line", "mobile"):
            desc = getattr(metadata, name)
            pattern = _pattern(desc)
            if pattern is None:
                continue
            if _lengths(desc) not in (frozenset(), self.lengths):
                self.fast = False  # lengths differ per type: leave it to phonenumbers
            branches.append(f"(?P<{name}>{pattern})")
        if general is None or not branches:
            self.fast = False
            return
        self.general = re.compile(general)
        self.types = re.compile("|".join(branches))

    def parse(self, text: str) -> BatchPhone:
        """The phone `text` in this region (or international)."""
        raw = text.strip()
        if self.fast:
            found = self._fast(raw)
            if found is not None:
                return found
        cached = self.cache.get(raw)
        if cached is None:
            parsed = parse_phone(raw, self.region)
            if parsed.e164 is not None:
                cached = BatchPhone(parsed.raw, parsed.e164, is_mobile(parsed.e164))
            else:
                possible = unverified_e164(raw, self.region)
                cached = BatchPhone(parsed.raw, possible, False, verified=possible is None)
            if len(self.cache) < 100_000:
                self.cache[raw] = cached
        return cached

    def _fast(self, raw: str) -> BatchPhone | None:
        compact = _compact(raw)
        if compact.startswith("00"):
            compact = "+" + compact[2:]
        plus = compact.startswith("+")
        digits = compact[1:] if plus else compact
        # What `_ASCII_DIGITS.match` says, without the pattern: `compact` holds no
        # whitespace (so no new line for its "$"), and an ASCII digit is 0-9.
        if not (digits.isdigit() and digits.isascii()):
            return None
        if plus:
            if not digits.startswith(self.code):
                return None
            national = digits[len(self.code) :]
        elif self.region == "FR" and len(digits) == 9 and digits[0] != "0":
            national = digits  # Excel dropped the leading zero
        elif self.prefix and digits.startswith(self.prefix):
            national = digits[len(self.prefix) :]
        else:
            return None
        if len(national) not in self.lengths:
            return None
        # A national number of a possible length that matches no pattern of the region is
        # invalid for phonenumbers too (its type is UNKNOWN): kept as typed, no E.164.
        if self.general.fullmatch(national) is None:
            return BatchPhone(raw, None, False)
        found = self.types.fullmatch(national)
        if found is None:  # the shape of a number, in a range not (yet) listed
            return BatchPhone(raw, f"+{self.code}{national}", False, verified=False)
        return BatchPhone(raw, f"+{self.code}{national}", found.lastgroup == "mobile")
