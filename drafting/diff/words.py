"""Syllables: the unit of a Vietnamese word diff, and the keys that fold spelling away."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache

from drafting.data_files import load
from drafting.parsing.text import fold

_TOKEN = re.compile(r"\w+|[^\w\s]")
# A label typed at the start of a paragraph: "I.", "2.", "1.1.", "a)", "đ)", "-", "+", "•".
LABEL = re.compile(r"^\s*(?:[IVXLC]+\s*[.)]|\d+(?:\s*\.\s*\d+)*\s*[.)]?|[a-zđ]\s*\)|[-+•*–—])\s+(?=\S)")


@cache
def _variants() -> dict[str, str]:
    return {fold(old): fold(new) for old, new in load("diff")["spelling_syllables"].items()}


def strip_label(text: str) -> str:
    return LABEL.sub("", text, count=1)


def syllables(text: str) -> list[str]:
    """fold()ed syllables and punctuation marks, spelling variants unified: the key of a word diff."""
    variants = _variants()
    return [variants.get(token, token) for token in _TOKEN.findall(fold(text))]


def spelling_key(text: str) -> str:
    """Two texts with one spelling key differ only in case, tone placement, i/y, spacing."""
    return " ".join(syllables(strip_label(text)))


def content_key(text: str) -> str:
    """The key paragraphs are aligned on: the spelling key without punctuation at the ends."""
    return spelling_key(text).strip(" .,;:")


def word_diff(old: str, new: str) -> list[list[str]]:
    """[op, text] pieces, op "=", "-" or "+", syllable by syllable: the "=" and "-" pieces joined give `old`,
    the "=" and "+" pieces `new` (each piece carries the spaces before it)."""
    old_pieces, old_keys = _pieces(old)
    new_pieces, new_keys = _pieces(new)
    out: list[list[str]] = []
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":  # the same syllables; one written another way shows as itself replaced
            for a, b in zip(old_pieces[i1:i2], new_pieces[j1:j2], strict=True):
                if a == b:
                    _add(out, "=", b)
                else:
                    _add(out, "-", a)
                    _add(out, "+", b)
            continue
        if i2 > i1:
            _add(out, "-", "".join(old_pieces[i1:i2]))
        if j2 > j1:
            _add(out, "+", "".join(new_pieces[j1:j2]))
    return out


def _pieces(text: str) -> tuple[list[str], list[str]]:
    variants = _variants()
    pieces, keys, start = [], [], 0
    for match in _TOKEN.finditer(text):
        pieces.append(text[start : match.end()])
        key = fold(match.group(0))
        keys.append(variants.get(key, key))
        start = match.end()
    if pieces and start < len(text):
        pieces[-1] += text[start:]
    return pieces, keys


def _add(out: list[list[str]], op: str, text: str) -> None:
    if not text:
        return
    if out and out[-1][0] == op:
        out[-1][1] += text
    else:
        out.append([op, text])


def similarity(old: str, new: str) -> float:
    """0–1: how much of two paragraphs is the same, syllable by syllable."""
    a, b = syllables(old), syllables(new)
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))
