"""Finding a text file's encoding: a BOM, then strict UTF-8, then detection."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer, on short French files, tends to answer an Eastern or other
# single-byte Latin code page ("Lefčvre") where Windows-1252 is right: when the bytes
# decode as cp1252 too, the Western European reading wins.
_WESTERN_RIVALS = frozenset(
    {
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "latin_1",
        "iso8859_1",
        "iso8859_2",
        "iso8859_9",
        "iso8859_13",
        "iso8859_15",
        "iso8859_16",
        "mac_latin2",
        "mac_roman",
        "mac_iceland",
        "mac_turkish",
        "cp850",
        "cp858",
        "cp437",
        "cp1125",
        "cp775",
        "cp852",
        "cp860",
        "cp863",
        "cp865",
        "kz1048",
        "ptcp154",
        "hp_roman8",
        "ascii",
    }
)
_SAMPLE = 256 * 1024


@dataclass(frozen=True)
class Decoded:
    """A file's text and the encoding it was read with."""

    text: str
    encoding: str
    #: Lines (from 1) holding bytes that are not UTF-8, replaced by U+FFFD, in a file
    #: otherwise read as UTF-8.
    bad_lines: tuple[int, ...] = ()


def _utf16_without_bom(data: bytes) -> str | None:
    # "Unicode text" files normally carry a BOM; without one, NULs on every other
    # byte betray UTF-16 as well.
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.6 and even < half * 0.1:
        return "utf-16-le"
    if even > half * 0.6 and odd < half * 0.1:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """Whether `data` holds NULs or control bytes no text file has."""
    sample = data[:8192]
    if not sample:
        return False
    if _utf16_without_bom(sample) is not None:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return controls > len(sample) * 0.05


def detect_encoding(data: bytes) -> str:
    """The encoding `data` is most likely in (a Python codec name)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    if _mostly_utf8(data):
        return "utf-8"
    best = from_bytes(data[:_SAMPLE]).best()
    guess = best.encoding if best is not None else "cp1252"
    if guess in _WESTERN_RIVALS or guess.startswith("utf"):
        return "cp1252" if _decodes(data, "cp1252") else "latin-1"
    return guess if _decodes(data, guess) else "latin-1"


_ESCAPED = re.compile("[\udc80-\udcff]")


def _mostly_utf8(data: bytes) -> bool:
    # A UTF-8 file with a few stray bytes (a bad paste, a truncated character) is still
    # UTF-8: its valid multi-byte characters outnumber the bytes that are not. A real
    # Windows-1252 file has (nearly) no valid multi-byte sequence.
    text = data[:_SAMPLE].decode("utf-8", errors="surrogateescape")
    bad = len(_ESCAPED.findall(text))
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return good > bad


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """The text of `data`, in `encoding` when given (errors replaced), else detected."""
    bad_lines: tuple[int, ...] = ()
    if encoding is None:
        encoding = detect_encoding(data)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:  # UTF-8 with a few stray bytes: reported, not switched
            text = data.decode(encoding, errors="surrogateescape")
            bad_lines = tuple(
                number
                for number, line in enumerate(text.split("\n"), start=1)
                if _ESCAPED.search(line)
            )
            text = _ESCAPED.sub("\ufffd", text)
    else:
        try:
            codecs.lookup(encoding)
        except LookupError as error:
            raise ValueError(f"unknown encoding {encoding!r}") from error
        text = data.decode(encoding, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return Decoded(text=text, encoding=encoding, bad_lines=bad_lines)
