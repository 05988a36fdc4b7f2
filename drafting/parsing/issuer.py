"""Issuing bodies: from the header's upper-case lines to a name in normal case, and their level."""

from __future__ import annotations

import re
from functools import cache

from drafting.data_files import load
from drafting.parsing.text import fold, is_upper, title_case_name

_PEOPLES_COMMITTEE = re.compile(r"^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\b", re.IGNORECASE)


@cache
def _vocabulary() -> dict:
    return load("vocabulary")


@cache
def _unit_pattern() -> re.Pattern[str]:
    words = sorted(_vocabulary()["unit_words"], key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def starts_with_unit(text: str) -> bool:
    match = _unit_pattern().match(text.strip())
    return match is not None


def expand(text: str) -> str:
    for short, full in _vocabulary()["abbreviations"].items():
        text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, text)
    return " ".join(text.split())


def normal_case(raw: str) -> str:
    """ "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK" → "Ủy ban nhân dân tỉnh Đắk Lắk"; mixed case is kept."""
    text = expand(raw)
    if not is_upper(text):
        return text
    unit = _unit_pattern().search(text)
    body, place = (text[: unit.start()].strip(), text[unit.start() :]) if unit else (text, "")
    return " ".join(part for part in (_body_case(body), _unit_case(place)) if part)


def _unit_case(text: str) -> str:
    match = _unit_pattern().match(text)
    if not match:
        return title_case_name(text)
    word = match.group(1).lower()
    name = title_case_name(text[match.end() :])
    if word == "thành phố" and name in _vocabulary()["central_cities"]:
        return f"Thành phố {name}"
    return f"{word} {name}".strip()


def _body_case(text: str) -> str:
    if not text:
        return ""
    lowered = text.lower()
    for body in sorted(_vocabulary()["bodies_with_name"], key=len, reverse=True):
        if fold(lowered).startswith(fold(body) + " "):
            rest = lowered[len(body) :].strip()
            return f"{body} {rest[:1].upper()}{rest[1:]}"
    return lowered[:1].upper() + lowered[1:]


def level_of(issuer: str | None) -> str | None:
    if not issuer:
        return None
    match = _unit_pattern().search(issuer)
    if not match:
        return None
    word = match.group(1).lower()
    kind = _vocabulary()["unit_words"][word]
    if kind == "city":
        name = title_case_name(issuer[match.end() :])
        return "province" if name in _vocabulary()["central_cities"] else "district"
    return kind


def unit_named(issuer_level_word: str, texts: list[str]) -> str | None:
    """The unit a text names with this level word, e.g. "huyện" → "huyện Ninh Hải"."""
    pattern = re.compile(
        rf"(?<!\w)({re.escape(issuer_level_word)})\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:[\s-]+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){{0,3}})"
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
