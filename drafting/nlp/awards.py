"""Award forms named in the awards section: the form as written, its level and its quota."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from drafting.data_files import load
from drafting.model import Plan
from drafting.nlp.quantities import find_quantities
from drafting.nlp.sections import texts_of
from drafting.parsing.text import fold, squash


@cache
def _vocabulary() -> dict[str, Any]:
    return load("nlp")  # type: ignore[no-any-return]


@cache
def award_pattern() -> re.Pattern[str]:
    forms = "|".join(re.escape(f) for f in sorted(_vocabulary()["award_forms"], key=len, reverse=True))
    tail = r"(?:\s+(?:của|cho|hạng)\s+[^:;,.()\n]+?|\s+[^:;,.()\n]*?)??"
    return re.compile(rf"(?<!\w)(?:{forms}){tail}(?=\s*[:;,.(]|$|\s+cho\s|\s+đối với\s|\s+và\s+(?:{forms}))")


def _continued(text: str, end: int) -> str:
    """A comma inside the awarding body's name: "… các xã, phường", "… các cơ quan, đơn vị"."""
    words = "|".join(re.escape(w) for w in _vocabulary()["award_body_continuations"])
    match = re.match(rf"(?:,\s*(?:{words})(?!\w))+", text[end:])
    return match.group(0) if match else ""


def _qualifier(text: str, end: int) -> str:
    """The awarding body's qualifier after its name: "… địa phương có thẩm quyền khen thưởng theo quy định"."""
    words = "|".join(re.escape(w) for w in _vocabulary()["award_qualifiers"])
    match = re.match(rf"\s+(?:{words})[^:;,.()\n]*", text[end:])
    return match.group(0) if match else ""


def _shared_forms(form: str, text: str, end: int) -> list[str]:
    """ "Giấy khen của Thủ trưởng các cơ quan, đơn vị; Chủ tịch UBND các xã, phường", "Giấy khen của Chủ
    tịch UBND huyện, Chủ tịch UBND xã, thị trấn": the form word is shared by the next awarding persons."""
    head = re.match(r"^(.+?\s+của)\s", form)
    shared: list[str] = []
    persons = "|".join(re.escape(w) for w in _vocabulary()["award_persons"])
    while head:
        second = re.match(rf"\s*[;,]\s*((?:{persons})\s[^:;,.()\n]+?)(?=\s*[:;,.(]|$)", text[end:])
        if not second:
            break
        name_start, end = end + second.start(1), end + second.end()
        end += len(_continued(text, end))
        shared.append(f"{head.group(1)} {squash(text[name_start:end])}")
    return shared


def _forms(text: str) -> list[tuple[str, int]]:
    """Each award form in `text` as written, and where it ends. "Bằng khen, Giấy khen của các cơ quan …"
    is one form: the bare form word shares the awarding body of the one after it."""
    matches = list(award_pattern().finditer(text))
    found = []
    index = 0
    while index < len(matches):
        start, end = matches[index].start(), matches[index].end()
        while (index + 1 < len(matches) and " của " not in text[start:end]
               and re.fullmatch(r"\s*,\s*", text[end : matches[index + 1].start()])):
            index += 1
            end = matches[index].end()
        end += len(_continued(text, end))
        end += len(_qualifier(text, end))
        found.append((squash(text[start:end]).strip(" -"), end))
        index += 1
    return found


def _award_level(form: str) -> str | None:
    for level, words in _vocabulary()["award_levels"].items():
        if any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", form) for word in words):
            return level
    return None


def awards(plan: Plan) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for section in plan.all_sections():
        key = fold(section.title)
        if not ("khen thưởng" in key and ("hình thức" in key or "tiêu chuẩn" in key or "khen thưởng" == key.strip())):
            continue
        for text in texts_of(section)[1:] or [section.title]:
            for form, end in _forms(text):
                for candidate in [form, *_shared_forms(form, text, end)]:
                    if len(candidate) < 6 or any(fold(a["form"]) == fold(candidate) for a in found):
                        continue
                    found.append({"form": candidate, "level": _award_level(candidate),
                                  "quota": _quota(text[end:]),
                                  "source": {"section": section.label, "line": section.line}})
        if found:
            break
    return found


def _quota(text: str) -> dict[str, int | None]:
    quota: dict[str, int | None] = {"collectives": None, "individuals": None}
    for quantity in find_quantities(text[:80]):
        number, _, unit = quantity.normal.partition(" ")
        if unit == "tập thể" and number.isdigit():
            quota["collectives"] = int(number)
        elif unit == "cá nhân" and number.isdigit():
            quota["individuals"] = int(number)
    return quota
