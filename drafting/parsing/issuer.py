"""Issuing bodies: from the header's upper-case lines to a name in normal case, and their level."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from drafting.data_files import load
from drafting.parsing.text import UPPER, fold, is_upper, title_case_name

_VOWELS = set("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


@cache
def _vocabulary() -> dict[str, Any]:
    return load("vocabulary")  # type: ignore[no-any-return]


@cache
def _unit_pattern() -> re.Pattern[str]:
    words = sorted(_vocabulary()["unit_words"], key=len, reverse=True)
    friends = "|".join(re.escape(f) for f in _vocabulary()["unit_false_friends"])
    return re.compile(
        rf"(?<!\w)(?!(?i:{friends})(?!\w))(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE
    )


def starts_with_unit(text: str) -> bool:
    return _unit_pattern().match(text.strip()) is not None


def starts_with_body(text: str) -> bool:
    """ "SỞ NỘI VỤ", "TRUNG TÂM …", "ỦY BAN NHÂN DÂN …", "UBND …": a line that names a new body."""
    key = fold(expand(text))
    bodies = [fold(b) for b in _vocabulary()["bodies_with_name"]] + ["ủy ban nhân dân", "hội đồng nhân dân"]
    return any(key == body or key.startswith(body + " ") for body in bodies)


def expand(text: str) -> str:
    for short, full in _vocabulary()["abbreviations"].items():
        text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, text)
    return " ".join(text.split())


def normal_case(raw: str, place: str | None = None) -> str:
    """ "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK" → "Ủy ban nhân dân tỉnh Đắk Lắk"; mixed case is kept.

    A unit word left without its name ("VĂN PHÒNG UBND TỈNH") is completed with the place. A header's
    "MTTQ" is the Front's name in full ("ỦY BAN MTTQ VIỆT NAM XÃ …" → "Ủy ban Mặt trận Tổ quốc Việt Nam xã …");
    a stray mark typed before the line ("/ỦY BAN …") is not part of it."""
    raw = raw.strip().lstrip("/\\|").strip()
    upper = is_upper(raw)
    text = expand(raw)
    for short, full in _vocabulary()["header_abbreviations"].items():
        text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, text)
    if not upper:
        for city in _vocabulary()["central_cities"]:
            text = text.replace(f"thành phố {city}", f"Thành phố {city}")
        return text
    unit = _unit_pattern().search(text)
    body, where = (text[: unit.start()].strip(), text[unit.start() :]) if unit else (text, "")
    named = _unit_case(where, place) if where else ""
    return " ".join(part for part in (_body_case(body), named) if part)


def _unit_case(text: str, place: str | None) -> str:
    match = _unit_pattern().match(text)
    if not match:
        return title_case_name(text)
    word = match.group(1).lower()
    name = title_case_name(text[match.end() :])
    if not name and place:
        name = place
    if word == "thành phố" and name in _vocabulary()["central_cities"]:
        return f"Thành phố {name}"
    return f"{word} {name}".strip()


def _body_case(text: str) -> str:
    """Sentence case, with the first word after the body type and after each " - " capitalised
    ("PHÒNG VĂN HÓA - XÃ HỘI" → "Phòng Văn hóa - Xã hội") and acronyms kept ("NCKSTTHC")."""
    if not text:
        return ""
    words = [word if _is_acronym(word) else word.lower() for word in text.split()]
    capitalise = {0}
    lowered = " ".join(words)
    for body in sorted(_vocabulary()["bodies_with_name"], key=len, reverse=True):
        if fold(lowered).startswith(fold(body) + " "):
            capitalise.add(len(body.split()))
            break
    for index, word in enumerate(words):
        if word in ("-", "–") and index + 1 < len(words):
            capitalise.add(index + 1)
    words = [w[:1].upper() + w[1:] if i in capitalise and not _is_acronym(w) else w for i, w in enumerate(words)]
    words = [re.sub(r"(?<=\w)-(\w)", lambda m: "-" + m.group(1).upper(), w) for w in words]  # "hóa-Xã"
    cased = re.sub(r"\s*-\s*", " - ", " ".join(words)) if " - " in text else " ".join(words)
    for name in sorted(_vocabulary()["header_proper_names"], key=len, reverse=True):  # "Mặt trận Tổ quốc Việt Nam"
        cased = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", name, cased, flags=re.IGNORECASE)
    return cased


def _is_acronym(word: str) -> bool:
    letters = [char for char in word.lower() if char.isalpha()]
    return len(letters) >= 2 and not any(char in _VOWELS for char in letters)


def split_unit(name: str) -> tuple[str, str]:
    """ "Ủy ban nhân dân tỉnh Kon Tum" → ("Ủy ban nhân dân", "tỉnh Kon Tum"); no unit → (name, "")."""
    match = _unit_pattern().search(name)
    if not match:
        return name, ""
    return name[: match.start()].strip(), name[match.start() :].strip()


def level_of(issuer: str | None) -> str | None:
    if not issuer:
        return None
    match = _unit_pattern().search(issuer)
    if not match:
        return None
    word = match.group(1).lower()
    kind: str = _vocabulary()["unit_words"][word]
    if kind == "city":
        name = title_case_name(issuer[match.end() :])
        return "province" if name in _vocabulary()["central_cities"] else "district"
    return kind


def unit_named(issuer_level_word: str, texts: list[str]) -> str | None:
    """The unit a text names with this level word, e.g. "huyện" → "huyện Ninh Hải"."""
    pattern = re.compile(
        rf"(?<!\w)({re.escape(issuer_level_word)})\s+((?:[{UPPER}][\wÀ-ỹ]*)(?:[\s-]+[{UPPER}][\wÀ-ỹ]*){{0,3}})"
    )
    counts: dict[str, int] = {}
    for text in texts:
        for match in pattern.finditer(text):
            if is_upper(match.group(2)) and len(match.group(2)) > 3:
                continue
            counts[match.group(2)] = counts.get(match.group(2), 0) + 1
    if not counts:
        return None
    return f"{issuer_level_word} {max(counts, key=lambda name: counts[name])}"
