"""The agency or group a sentence or an item opens with, as written: its subject.

Plans name who does what in two shapes. A heading that stands alone names the body and nothing else
("7. Các doanh nghiệp hoạt động trong lĩnh vực xây dựng, giao thông … trên địa bàn Tỉnh", its tasks
below it), so the whole heading is the subject, up to a ":" or a role word ("chủ trì", "có trách
nhiệm"). A sentence runs on from the subject into its predicate ("Các sở, ban, ngành, Ủy ban nhân dân
xã, phường định kỳ kiểm tra …"), so the subject ends at the first word that starts a predicate too.

Gazetteer names (drafting/nlp/agencies.py) are never cut ("Sở Xây dựng", "Ban Quản lý …"); a predicate
word is taken for a noun where the words before it make it one ("các tổ chức thành viên"), and for part
of the group where the words after it do ("các đơn vị tham gia Khối thi đua"). Vocabularies live in
drafting/data/subjects.json.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from drafting.data_files import load
from drafting.nlp.agencies import find_agencies
from drafting.parsing.text import UPPER, aligned_key, fold


@cache
def _vocabulary() -> dict[str, Any]:
    return load("subjects")  # type: ignore[no-any-return]


@cache
def word_pattern(name: str, data: str = "subjects") -> re.Pattern[str]:
    """A word list of a data file (drafting/data/<data>.json) as one pattern of whole words, case-blind,
    for text and fold() keys alike."""
    words = sorted((fold(w) for w in load(data)[name]), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


@cache
def _body_start() -> re.Pattern[str]:
    """A determiner ("các", "những") or none, then a body word or a gazetteer head ("các ngân hàng")."""
    determiners = "|".join(re.escape(fold(w)) for w in _vocabulary()["determiners"])
    heads = {fold(h) for h in load("nlp")["agency_heads"]} - set(_vocabulary()["ambiguous_starts"])
    words = sorted(heads | {fold(w) for w in _vocabulary()["body_starts"]}, key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(rf"^(?:(?:{determiners})\s+)?(?P<body>(?:{alternation})(?!\w))")


@cache
def _opener(name: str) -> re.Pattern[str]:
    words = sorted((fold(w) for w in _vocabulary()[name]), key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")(?:\s*:?\s+|\s*:?\s*$)")


def strip_opener(text: str, *, giving_only: bool = False) -> tuple[str, str]:
    """ "Đề nghị: Hiệp hội Doanh nghiệp tỉnh …" → ("Đề nghị", "Hiệp hội Doanh nghiệp tỉnh …").

    `giving_only`: only the words that give work ("Giao", "Đề nghị", "Yêu cầu"), not "Khuyến khích",
    which in a task ("- Khuyến khích các doanh nghiệp đầu tư …") is the task's own verb."""
    match = _opener("assignment_verbs" if giving_only else "openers").match(aligned_key(text))
    if not match:
        return "", text
    return text[: match.end()].strip(" :"), text[match.end() :]


def opens_with_body(text: str) -> bool:
    """The text starts with a gazetteer name or a word a group of bodies begins with."""
    agencies = find_agencies(text)
    if agencies and agencies[0].start == 0:
        return True
    key = aligned_key(text)
    if _head().match(key):  # "Công ty Điện lực …", "Viện kiểm sát nhân dân tỉnh"
        return True
    match = _body_start().match(key)
    if not match:
        return False
    ambiguous = _vocabulary()["ambiguous_starts"].get(match.group("body"))
    return ambiguous is None or _followed_by(text, key, match.end(), ambiguous)


@cache
def _head() -> re.Pattern[str]:
    """The gazetteer's head words, matched case-insensitively at the start."""
    heads = sorted({fold(h) for h in load("nlp")["agency_heads"]}, key=len, reverse=True)
    heads = [h for h in heads if h not in _vocabulary()["ambiguous_starts"] and len(h.split()) > 1]
    return re.compile(r"^(?:" + "|".join(re.escape(h) for h in heads) + r")(?!\w)")


def _followed_by(text: str, key: str, position: int, ambiguous: dict[str, Any]) -> bool:
    after = key[position:].lstrip()
    original = text[position:].lstrip()
    if ambiguous["capital"] and original[:1].isupper():
        return True
    return any(after.startswith(fold(w)) for w in ambiguous["followers"])


def subject(text: str, *, heading: bool) -> str:
    """The subject `text` opens with (the caller has checked that it opens with a body), as written.

    `heading`: the text is a heading that stands alone, so only a ":", a role word or a word that
    always starts a predicate ends it."""
    key = aligned_key(text)
    protected = _protected(text)
    end = len(text)
    colon = _colon(text, protected)
    if colon is not None:
        end = colon
    for name in ("role_words", "predicate_starts") + (() if heading else ("sentence_predicate_starts",)):
        for match in word_pattern(name).finditer(key, 0, end):
            if match.start() == 0 or (_inside(match.start(), protected) and not _typed_capital(text, match)):
                continue
            if name == "role_words" and _relative(key, match.start()):
                continue
            if name != "role_words" and not _starts_predicate(text, key, match):
                continue
            end = match.start()
            break
    sentence = re.search(rf"[.!?]\s+(?=[{UPPER}])|;\s+(?!{_body_start_lookahead()})", text[:end])
    if sentence and not _inside(sentence.start(), protected):
        end = sentence.start()
    if not heading:
        end = _after_names(text, key, end)
    return text[:end].strip(" ,;:-–")


def _after_names(text: str, key: str, end: int) -> int:
    """In a sentence, a gazetteer name is followed by another part of the group (", các đơn vị", "và
    UBND xã", "có liên quan") or by the predicate, whatever its verb ("Công an xã bảo vệ an ninh …")."""
    for name in find_agencies(text[:end]):
        if not _closed(name.text):
            continue  # "Văn phòng Đoàn đại" is a name the gazetteer cut short, not one that ended
        after = text[name.end : end].lstrip()
        if not after or after[0] in ",;(–-" or after[0].isupper():
            continue
        if _continuation().match(aligned_key(after)) or _body_start().match(aligned_key(after)):
            continue
        return name.end
    return end


def _closed(name: str) -> bool:
    """A name that ends where names end: at a level word ("Công an xã", "Chủ tịch UBND tỉnh") or a known
    lower-case tail ("Phòng Văn hóa - Xã hội")."""
    key = aligned_key(name)
    ends = load("nlp")["unit_words"] + load("nlp")["lowercase_tails"]
    return any(key.endswith(" " + fold(word)) for word in ends)


@cache
def _continuation() -> re.Pattern[str]:
    words = sorted((fold(w) for w in _vocabulary()["name_continuations"] + _vocabulary()["determiners"]),
                   key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


@cache
def _body_start_lookahead() -> str:
    words = sorted(_vocabulary()["body_starts"] + _vocabulary()["determiners"], key=len, reverse=True)
    return r"(?i:" + "|".join(re.escape(w) for w in words) + r")(?!\w)"


def _protected(text: str) -> list[tuple[int, int]]:
    """Gazetteer names and parentheses: no subject ends inside them."""
    spans = [(a.start, a.end) for a in find_agencies(text)]
    spans += [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", text)]
    return spans


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in spans)


def _colon(text: str, protected: list[tuple[int, int]]) -> int | None:
    """The first ":" outside a name: "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền" ends at it too."""
    for match in re.finditer(":", text):
        if not _inside(match.start(), protected):
            return match.start()
    return None


def _relative(key: str, position: int) -> bool:
    """ "các cơ quan được giao chủ trì": the role word qualifies the group."""
    before = key[:position].rstrip()
    return any(before.endswith(fold(word)) for word in _vocabulary()["relative_before"])


def _starts_predicate(text: str, key: str, match: re.Match[str]) -> bool:
    word = match.group(0)
    before = key[: match.start()].rstrip()
    after = key[match.end() :].lstrip()
    if before.endswith(" được"):  # a passive participle qualifies the group: "… được phân công chủ trì"
        return False
    if any(before.endswith(fold(w)) for w in _vocabulary()["noun_senses"].get(word, [])):
        return False
    if any(after.startswith(fold(w)) for w in _vocabulary()["qualifier_follows"].get(word, [])):
        return False
    if word in _vocabulary()["qualifier_before_capital"] and text[match.end() :].lstrip()[:1].isupper():
        return False
    return not text[match.start()].isupper() or _typed_capital(text, match)


def _typed_capital(text: str, match: re.Match[str]) -> bool:
    """A capital starts a name ("Ban Xây dựng Đảng"), unless a clerk typed it where the predicate begins:
    after a lower-case word and before one ("… Cổng Thông tin điện tử huyện Mở chuyên trang")."""
    if not text[match.start()].isupper():
        return False
    previous = text[: match.start()].split()[-1:] or [""]
    following = text[match.end() :].split()[:1] or [""]
    return previous[0][:1].islower() and following[0][:1].islower()
