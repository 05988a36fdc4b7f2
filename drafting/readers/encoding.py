"""Bytes → NFC Unicode text: BOMs, UTF-16, legacy Vietnamese encodings (TCVN3, VNI)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from drafting.data_files import load
from drafting.errors import InputError

# Letters only Vietnamese Unicode text has (outside Latin-1): ă â đ ơ ư and the toned vowels.
_VIETNAMESE_UNICODE = re.compile(r"[\u0102\u0103\u0110\u0111\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]")
# VNI stores a base letter followed by a Latin-1 mark character: "Vieät", "hoøa", "ñoàng".
_VNI_PAIR = re.compile(r"[aeiouyAEIOUY][øùûõïâàáäåèéêëæìíòóôöü]|ñ[aeiouoâ]|Ñ")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


@cache
def _tcvn3_table() -> dict[int, str]:
    return {int(code, 16): letter for code, letter in load("tcvn3")["map"].items()}


def _tcvn3_score(text: str) -> int:
    table = _tcvn3_table()
    return sum(1 for char in text if ord(char) in table)


def detect_legacy(text: str) -> str | None:
    """Name the legacy encoding a text was typed in, or None when it reads as Unicode Vietnamese."""
    sample = text[:20000]
    if len(_VIETNAMESE_UNICODE.findall(sample)) > 5:
        return None
    letters = sum(1 for char in sample if char.isalpha()) or 1
    if len(_VNI_PAIR.findall(sample)) / letters > 0.02:
        return "VNI"
    if _tcvn3_score(sample) / letters > 0.03:
        return "TCVN3"
    return None


def convert_tcvn3(text: str) -> str:
    """Map TCVN3 (ABC) code points to the Unicode letters they stood for."""
    return text.translate(_tcvn3_table())


def normalise(text: str, path: str) -> tuple[str, str | None]:
    """NFC text with a legacy encoding converted; also returns the legacy encoding's name."""
    legacy = detect_legacy(text)
    if legacy == "VNI":
        raise InputError(
            "legacy_encoding",
            path=path,
            encoding="VNI (phông VNI-Times)",
            detail="bảng mã VNI chưa được hỗ trợ chuyển tự động",
        )
    if legacy == "TCVN3":
        text = convert_tcvn3(text)
    return unicodedata.normalize("NFC", text), legacy


def decode(data: bytes, path: str) -> DecodedText:
    """Decode a text file's bytes; legacy Vietnamese is converted, never passed on as mojibake."""
    encoding, text = _decode_unicode(data, path)
    text, legacy = normalise(text, path)
    return DecodedText(text=text, encoding=f"{encoding}+{legacy.lower()}" if legacy else encoding)


def _decode_unicode(data: bytes, path: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", data.decode("utf-16")
    if _looks_utf16(data):
        codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return codec, data.decode(codec, errors="replace")
    if b"\x00" in data[:4096]:
        raise InputError("binary", path=path)
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError as error:
        # 8-bit text: TCVN3 files typed with .VnTime fonts are stored byte for byte.
        text = data.decode("latin-1")
        if detect_legacy(text):
            return "8-bit", text
        line = data[: error.start].count(b"\n") + 1
        raise InputError("undecodable", path=path, line=line) from error


def _looks_utf16(data: bytes) -> bool:
    sample = data[:2000]
    if len(sample) < 4:
        return False
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even_zeros, odd_zeros) > 0.3 * half and min(even_zeros, odd_zeros) < 0.05 * half
