"""Agencies and administrative units in running text, found on characters (no segmentation).

General Vietnamese word segmenters cut administrative names wrongly ("Thương binh và | Xã hội"), so
a name is read here as a head word from a gazetteer ("Sở", "Phòng", "Ủy ban nhân dân", "Công an" …)
followed by the syllables of its name, up to a role word ("chủ trì", "phối hợp" …), punctuation or a
new head word; a level word and a place may close it ("… huyện", "… tỉnh Kon Tum").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from drafting.data_files import load
from drafting.parsing.text import UPPER


@dataclass(frozen=True)
class NameSpan:
    start: int
    end: int
    label: str  # AGENCY | UNIT
    text: str
    normal: str  # abbreviations expanded


@cache
def _vocabulary() -> dict:  # type: ignore[type-arg]
    return load("nlp")  # type: ignore[no-any-return]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _head_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?:{_alternation(_vocabulary()['agency_heads'])})(?![\w])")


@cache
def _stop_pattern() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_alternation(_vocabulary()['name_stops'])})(?![\w])")


@cache
def _unit_pattern() -> re.Pattern[str]:
    words = _alternation(_vocabulary()["unit_words"])
    name = rf"[{UPPER}][\w]*(?:[ -][{UPPER}][\w]*){{0,4}}"
    return re.compile(rf"(?<![\w])(?P<word>{words})\s+(?P<name>{name})(?![\w])")


@cache
def _plural_units() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?:{_alternation(_vocabulary()['unit_plurals'])})(?![\w])")


_SYLLABLE = re.compile(r"\S+")


def expand(text: str) -> str:
    for short, full in _vocabulary()["abbreviations"].items():
        text = re.sub(rf"(?<![\w&]){re.escape(short)}(?![\w&])", full, text)
    return text


def find_agencies(text: str) -> list[NameSpan]:
    """The agency names in `text`, in order. Extraction asks this of the same heading or clause several times
    (does it open with a body, where does its subject end, who are the partners): the answer is kept."""
    return list(_agencies_in(text))


@lru_cache(maxsize=8192)
def _agencies_in(text: str) -> tuple[NameSpan, ...]:
    spans: list[NameSpan] = []
    position = 0
    while True:
        head = _head_pattern().search(text, position)
        if head is None:
            break
        end = _name_end(text, head.end())
        if end > head.end() or head.group(0) in _STANDALONE or _whole_name(head.group(0)):
            mention = text[head.start() : end].rstrip(" ,;:-–")
            spans.append(NameSpan(head.start(), head.start() + len(mention), "AGENCY", mention, expand(mention)))
            position = head.start() + len(mention)
        else:
            position = head.end()
    return tuple(spans)


# Heads that name a body by themselves ("Công an tỉnh" ends in a level word; "UBND" + unit).
_STANDALONE = {
    "Huyện ủy", "Huyện uỷ", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Đảng ủy", "Đảng uỷ", "MTTQ", "UBMTTQ"
}


def _whole_name(head: str) -> bool:
    """A long proper head ("Ủy ban Mặt trận Tổ quốc Việt Nam") is a whole name with nothing after it;
    "các cơ quan" is not."""
    return head[0].isupper() and not head.lower().startswith("các ") and len(head.split()) >= 5


def _name_end(text: str, start: int) -> int:
    """Where a name that starts at `start` (just after its head word) ends."""
    end = start
    lower_run = 0  # lower-case syllables since the last capitalised one
    plural = _plural_units().match(text, _skip_space(text, start))
    if plural:  # "UBND các xã, thị trấn"
        return plural.end()
    for match in _SYLLABLE.finditer(text, start):
        if match.start() < end:  # inside a tail already taken ("thông tin điện tử")
            continue
        if "\n" in text[end : match.start()]:
            break
        word = match.group(0)
        core = word.rstrip(",;:.)!?")
        rest = text[match.start() :]
        if _stop_pattern().match(rest):
            break
        party = re.match(r"(Huyện|Tỉnh|Thành|Đảng) u?[ỷủ]y", rest)
        head = _head_pattern().match(rest)
        if head and not party and _names_next(rest, head.end()):
            break  # a new body begins ("Sở Y tế, Sở Giáo dục"); "Bộ đội Biên phòng" stays one name
        if word in ("-", "–"):
            end = match.end()
            continue
        if core in ("và", "các"):  # "Thương binh và Xã hội", "Ban Quản lý các Khu công nghiệp"
            if not _capitalised(text, match.end()):
                break
            end = match.end()
            continue
        if core.startswith("(") and re.match(r"\((?:cơ quan )?[Tt]hường trực", rest):
            close = text.find(")", match.start())
            end = close + 1 if close != -1 else end
            break
        tail = _lowercase_tail(rest)
        level = _level_word().match(rest)
        # A level word ("xã", "thị xã") or a known lower-case tail ("xã hội", "điện tử") ends a word of the
        # name: a lower-case syllable after it is the predicate ("Công an xã gửi …"), not the name.
        if level and len(level.group(0)) > len(core):  # "thị xã", "thành phố"
            end = match.start() + len(level.group(0))
            lower_run = 1
            continue
        if not core:
            break
        if core[0].isupper() or core[0].isdigit() or re.search(rf"-[{UPPER}]", core):
            lower_run = 0  # "Văn hoá-Thể thao": a capital after a hyphen starts a new part
        elif core in _vocabulary()["unit_words"]:
            lower_run = 1
        elif tail:
            end = match.start() + tail
            lower_run = 1
            continue
        elif lower_run < 1 and end > start:
            lower_run += 1
        else:
            break
        end = match.start() + len(core)
        if core != word:  # punctuation closes the name, unless a known comma name continues it
            if word.endswith(",") and _comma_name(text, match.start() + len(core), match.end()):
                continue
            break
    return end


@cache
def _level_word() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alternation(_vocabulary()['unit_words'])})(?!\w)")


def _names_next(rest: str, after_head: int) -> bool:
    """A head word starts a new name when a capitalised word or a level word follows it."""
    following = rest[after_head:].lstrip()
    return (not following or following[0].isupper() or bool(_level_word().match(following))
            or following[0] in ",;:" or bool(_plural_units().match(following)))  # "Chủ tịch | UBND các xã"


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] == " ":
        position += 1
    return position


def _lowercase_tail(rest: str) -> int:
    for tail in sorted(_vocabulary()["lowercase_tails"], key=len, reverse=True):
        if rest.startswith(tail) and (len(rest) == len(tail) or not rest[len(tail)].isalpha()):
            return len(tail)
    return 0


def _capitalised(text: str, position: int) -> bool:
    following = text[position:].lstrip()
    return bool(following) and following[0].isupper() and not _head_pattern().match(following)


def _comma_name(text: str, comma: int, position: int) -> bool:
    """The comma at `comma` is inside a known name ("Văn hóa, Thể thao và Du lịch")."""
    for known in _vocabulary()["names_with_commas"]:
        before, _, after = known.partition(", ")
        if text[:comma].endswith(before) and text[position:].lstrip().startswith(after):
            return True
    return False


def find_units(text: str) -> list[NameSpan]:
    spans = [
        NameSpan(m.start(), m.end(), "UNIT", m.group(0), m.group(0)) for m in _plural_units().finditer(text)
    ]
    for match in _unit_pattern().finditer(text):
        if not any(s.start <= match.start() < s.end for s in spans):
            spans.append(NameSpan(match.start(), match.end(), "UNIT", match.group(0), match.group(0)))
    return sorted(spans, key=lambda span: span.start)
