"""Numbering labels at the start of a paragraph: "I.", "1.", "2.1.", "a)", "-", "+", "Điều 1.".

Each label has a kind and a rank; a paragraph nests under the closest paragraph above it with a
lower rank (roman < arabic < decimal < letter < dash < plus), whatever its markup says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.parsing.text import UPPER

VIETNAMESE_LETTERS = "abcdđeghiklmnopqrstuvxy"
# Clerks also type the Latin letters Vietnamese lacks ("f)" after "e)"): read them, warn on order.
LABEL_LETTERS = VIETNAMESE_LETTERS + "fjwz"
_UPPER = UPPER

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("part", re.compile(rf"^PHẦN\s+((?:THỨ\s+[{UPPER}]+)|[IVX]+|\d+)\b\s*[.:]?\s*")),
    ("chapter", re.compile(r"^Chương\s+([IVX]+|\d+)\b\s*[.:]?\s*", re.IGNORECASE)),
    ("article", re.compile(r"^Điều\s+(\d{1,3})\s*[.:]\s*")),
    ("roman", re.compile(r"^([IVX]{1,6})\s*[.)]\s*(?=\S)")),
    ("decimal", re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\s*[.)]?\s+(?=\S)")),
    ("arabic", re.compile(r"^(\d{1,3})\s*[.)](?:\s+(?=\S)|(?=[^\d\s/.,-]))")),
    ("letter", re.compile(rf"^([{LABEL_LETTERS}])\s*\)\s*(?=\S)")),
    ("letter", re.compile(rf"^([{LABEL_LETTERS}])\.\s+(?=[{_UPPER}])")),
    ("dash", re.compile(r"^[-–—•]\s*(?=\S)")),
    ("plus", re.compile(r"^\+\s*(?=\S)")),
]
_ROMAN_VALID = re.compile(r"^(X{0,3})(IX|IV|V?I{0,3})$")
_BASE_RANK = {
    "part": 3, "chapter": 5, "roman": 10, "article": 10, "arabic": 20, "decimal": 20,
    "letter": 60, "dash": 70, "plus": 80,
}


@dataclass(frozen=True)
class Label:
    kind: str
    label: str  # without punctuation: "I", "2.1", "đ", "-", "+"
    rest: str  # the paragraph text after the label

    @property
    def rank(self) -> int:
        if self.kind == "decimal":
            return 20 + 5 * self.label.count(".")
        return _BASE_RANK[self.kind]


def read_label(text: str) -> Label | None:
    stripped = text.lstrip()
    for kind, pattern in _PATTERNS:
        match = pattern.match(stripped)
        if not match:
            continue
        value = match.group(1) if match.groups() else kind_mark(kind)
        if kind == "roman" and not _ROMAN_VALID.match(value):
            continue
        if kind == "decimal":
            value = re.sub(r"\s", "", value)
        return Label(kind, value, stripped[match.end() :].strip())
    return None


def kind_mark(kind: str) -> str:
    return {"dash": "-", "plus": "+"}.get(kind, "")


def roman_value(label: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for index, char in enumerate(label):
        value = values[char]
        if index + 1 < len(label) and values[label[index + 1]] > value:
            total -= value
        else:
            total += value
    return total


def ordinal(label: Label) -> int | None:
    """The label's position in its sequence (I → 1, c → 4 in the Vietnamese alphabet)."""
    if label.kind == "roman":
        return roman_value(label.label)
    if label.kind in ("arabic", "article"):
        return int(label.label)
    if label.kind == "decimal":
        return int(label.label.rstrip(".").split(".")[-1])
    if label.kind == "letter":
        return LABEL_LETTERS.index(label.label) + 1
    return None
