"""Small text helpers shared by the parsing steps: matching keys and Vietnamese casing."""

from __future__ import annotations

import re
import unicodedata

# Old and new tone placement ("hoá"/"hóa", "uỷ"/"ủy") are the same word: match on one form.
_OLD_TONES: list[tuple[str, str]] = [("uỷ", "ủy"), ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
              ("uỳ", "ùy"), ("uý", "úy"), ("uỵ", "ụy"), ("uỹ", "ũy"), ("oè", "òe"), ("oé", "óe"),
              ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe")]
_NEW_TONE = dict(_OLD_TONES)
TONE_PLACEMENTS: tuple[tuple[str, str], ...] = tuple(_OLD_TONES)  # (old, new), for the checker's X4
_OLD_TONE = re.compile("|".join(old for old, _ in _OLD_TONES))  # one pass over the text, not fifteen


def fold(text: str) -> str:
    """A matching key: NFC, lower case, one tone placement, single spaces."""
    return " ".join(aligned_key(unicodedata.normalize("NFC", text)).split())


def tone_key(pattern: str) -> str:
    """A pattern (regex or word list entry) written with either tone placement, in fold()'s placement, case kept:
    "kế hoạch" is matched against fold()ed text as "kế họach"."""
    return _OLD_TONE.sub(lambda match: _NEW_TONE[match.group(0)], unicodedata.normalize("NFC", pattern))


def aligned_key(text: str) -> str:
    """fold() of NFC text without touching its spaces: every position in the key is the same position in
    the text, so a match on the key cuts the text as written."""
    return _OLD_TONE.sub(lambda match: _NEW_TONE[match.group(0)], text.lower())


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def squash(text: str) -> str:
    return " ".join(text.split())


def is_upper(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def title_case_name(text: str) -> str:
    """A proper name in Vietnamese style: every syllable capitalised ("ĐẮK LẮK" → "Đắk Lắk")."""
    return " ".join(_capitalise(word) for word in text.split())


def _capitalise(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def sentence_case(text: str) -> str:
    lowered = text.lower()
    return lowered[:1].upper() + lowered[1:]


# Upper-case Vietnamese letters for character classes ("À-Ỹ" as a range would take lower case too).
UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"

TRAILING_PUNCT = re.compile(r"[\s.:;,]+$")
