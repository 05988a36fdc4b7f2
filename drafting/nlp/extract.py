"""Criteria, awards, responsibilities and timeline, read from a parsed plan's section tree with the
NLP components (drafting/nlp/pipeline.py). Model in, model out: no I/O."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from drafting.data_files import load
from drafting.model import Plan, Section
from drafting.nlp.agencies import find_agencies
from drafting.nlp.quantities import find_quantities
from drafting.nlp.temporal import _DATE, context_year, find_times, normalise
from drafting.parsing.text import UPPER, fold, squash


@cache
def _vocabulary() -> dict[str, Any]:
    return load("nlp")  # type: ignore[no-any-return]


def extract(plan: Plan) -> Plan:
    year = context_year(plan.meta.date, plan.meta.title, " ".join(r.text for r in plan.legal_bases))
    plan.responsibilities = responsibilities(plan, year)
    plan.criteria = criteria(plan)
    plan.awards = awards(plan)
    plan.timeline = timeline(plan, year)
    return plan


# --- responsibilities -------------------------------------------------------------------------

@cache
def _role_words() -> re.Pattern[str]:
    words = sorted(_vocabulary()["agency_cut_words"], key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


_OPENERS = re.compile(r"^(?:Giao|Đề nghị|Yêu cầu)\s+")


def _organisation_sections(plan: Plan) -> list[Section]:
    found = []
    for section in plan.all_sections():
        key = fold(section.title)
        if section.kind in ("roman", "arabic", "decimal", "part") and re.search(
            r"tổ chức thực hiện|trách nhiệm|phân công|tổ chức triển khai|chế độ báo cáo", key
        ):
            found.append(section)
        elif sum(1 for child in section.children if _names_agency(child)) >= 3:
            found.append(section)  # "IV. NHIỆM VỤ CỤ THỂ" listing "1. Sở …", "2. Sở …", "3. Công an tỉnh"
    # Keep the outermost: a "2. Trách nhiệm thực hiện" inside "V. TỔ CHỨC THỰC HIỆN" is visited with it.
    outer = []
    for section in found:
        if not any(section is not other and section in other.walk() for other in found):
            outer.append(section)
    return outer


def _names_agency(section: Section) -> bool:
    agencies = find_agencies(_OPENERS.sub("", section.title))
    return bool(agencies) and agencies[0].start == 0 and not agencies[0].text.lower().startswith("các")


def _heads_agency(section: Section) -> bool:
    title = _OPENERS.sub("", section.title)
    agencies = find_agencies(title)
    if agencies and agencies[0].start == 0:
        return True
    return bool(re.match(r"(?:Các|các|UBND|Ủy ban|Uỷ ban)\s", title)) and section.kind != "dash"


def agency_of(title: str) -> str:
    """The agency an item is headed by, as written: the named agencies at its start, or a group
    ("Các phòng, ban, ngành, …") up to the first word no group name holds; never past a ":"."""
    head = _OPENERS.sub("", title.strip()).split(":")[0]
    cut = _role_words().search(head)
    if cut and cut.start() > 0:
        head = head[: cut.start()]
    return _group_prefix(head).strip(" :;,.-–")


@cache
def _group_words() -> re.Pattern[str]:
    words = sorted(_vocabulary()["group_words"] + _vocabulary()["agency_heads"], key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _group_prefix(text: str) -> str:
    """The longest start of `text` made of agency names, group words and separators."""
    agencies = find_agencies(text)
    position = 0
    while position < len(text):
        if text[position] in " ,;-–":
            position += 1
            continue
        agency = next((a for a in agencies if a.start == position), None)
        if agency is not None:
            position = agency.end
            continue
        word = _group_words().match(text, position)
        if word is None:
            break
        position = word.end()
    return text[:position]


def _first_sentence(section: Section) -> str:
    text = section.title + (" " + section.paragraphs[0] if section.paragraphs else "")
    return re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]


def _role(sentence: str) -> str:
    """"lead" when the item leads or is given its own work; "assist" when its first words only ask it
    to take part ("Đề nghị Ủy ban MTTQ … phối hợp …", "Sở Y tế phối hợp với …")."""
    key = fold(sentence)
    if any(fold(word) in key for word in _vocabulary()["lead_words"]):
        return "lead"
    if re.match(r"^(?:\S+\s){0,14}(?:phối hợp|tham gia)(?!\w)", key):
        return "assist"
    return "lead"


def partners_of(sentence: str) -> list[str]:
    match = re.search(r"phối hợp(?:\s+chặt chẽ)?\s+với\s+(.*)", sentence)
    if not match:
        return []
    verbs = r"để|nhằm|trong|tổ chức|triển khai|thực hiện|tham mưu|hướng dẫn|xây dựng"
    tail = re.split(rf"[.:;]|\s(?:{verbs})\s", match.group(1))[0]
    return [agency.text for agency in find_agencies(tail)]


def _texts(section: Section) -> list[str]:
    """The section's lines as written: a run-in heading and its first paragraph are one line again."""
    if section.run_in and section.paragraphs:
        texts = [f"{section.title}: {section.paragraphs[0]}", *section.paragraphs[1:]]
    else:
        texts = [section.title, *section.paragraphs]
    for child in section.children:
        texts.extend(_texts(child))
    return texts


def _deadlines(texts: list[str], year: int | None) -> list[dict[str, Any]]:
    found = []
    for text in texts:
        for span in find_times(text, year):
            if span.label == "DEADLINE" or span.label == "PERIOD" and _reporting(text):
                found.append({"date": span.value, "text": span.text})
    return found


def _reporting(text: str) -> bool:
    return bool(re.search(r"báo cáo|tổng hợp|sơ kết|tổng kết", text, re.IGNORECASE))


def _responsibility(section: Section, year: int | None) -> dict[str, Any]:
    sentence = _first_sentence(section)
    tasks = [child.title for child in section.children] or list(section.paragraphs)
    return {
        "agency": agency_of(section.title),
        "role": _role(sentence),
        "partners": partners_of(sentence),
        "tasks": tasks,
        "deadlines": _deadlines(_texts(section), year),
        "source": {"section": section.label, "line": section.line},
    }


def _collect(section: Section, year: int | None, out: list[dict[str, Any]]) -> None:
    for text in section.paragraphs:  # "Giao Phòng Nội vụ …" in the organisation part's own text
        out.extend(_clause_subjects(text, section, year))
    for child in section.children:
        if child.kind in ("dash", "plus") and not _OPENERS.match(child.title):
            continue
        if _heads_agency(child) and len(agency_of(child.title).split()) >= 2:
            out.append(_responsibility(child, year))
        else:
            if child.run_in or not child.children:  # "7. Chế độ báo cáo: Hằng năm, các phòng … báo cáo …"
                for text in _texts(child)[:1] if child.run_in else [child.title]:
                    out.extend(_clause_subjects(text.partition(": ")[2] or text, child, year))
            _collect(child, year, out)


_ADVERBIAL = re.compile(r"^(?:Hằng năm|Hàng năm|Định kỳ[^,]{0,20}|Trên cơ sở[^,]{0,60}|Căn cứ[^,]{0,60}),\s*", re.I)


def _clause_subjects(text: str, section: Section, year: int | None) -> list[dict[str, Any]]:
    """Clauses whose subject is an agency or a group ("Hằng năm, các phòng, ban, ngành … báo cáo …
    trước ngày 10 tháng 11"), and "Giao …"/"Đề nghị …" sentences."""
    found = []
    for clause in re.split(r"(?<=[.;])\s+", text):
        body = _ADVERBIAL.sub("", clause.strip())
        opener = re.match(r"^(?:Giao|Đề nghị|Yêu cầu)\s+", body)
        rest = body[opener.end() :] if opener else body
        agency = agency_of(rest)
        if len(agency.split()) < 2 or not (find_agencies(rest[: len(agency) + 1]) or _group_words().match(rest)):
            continue
        if not opener and not _deadlines([rest], year) and not re.search(r"(?<!\w)(chủ trì|có trách nhiệm)", rest):
            continue  # a plain statement about a body, not work given to it
        found.append({
            "agency": agency, "role": "lead" if opener and opener.group(0).startswith("Giao") else _role(rest),
            "partners": partners_of(rest), "tasks": [clause.strip()], "deadlines": _deadlines([rest], year),
            "source": {"section": section.label, "line": section.line},
        })
    return found


def responsibilities(plan: Plan, year: int | None) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    organisation = _organisation_sections(plan)
    for section in organisation:
        _collect(section, year, found)
    inside = {id(s) for section in organisation for s in section.walk()}
    for section in plan.all_sections():
        if id(section) in inside:
            continue
        for text in [section.title, *section.paragraphs]:
            found.extend(_assignments(text, section, year))
    return found


@cache
def _assignment_verbs() -> re.Pattern[str]:
    verbs = "|".join(re.escape(v) for v in _vocabulary()["verbs_of_assignment"])
    return re.compile(rf"(?:^|(?<=[\s;,]))(?P<verb>{verbs})\s+", re.IGNORECASE)


def _assignments(text: str, section: Section, year: int | None) -> list[dict[str, Any]]:
    """ "Giao Sở Tài chính chủ trì …", "… đề nghị Ủy ban MTTQ … phối hợp …": work given by a sentence
    outside the organisation part."""
    found = []
    for sentence in re.split(r"(?<=[.;])\s+", text):
        for match in _assignment_verbs().finditer(sentence):
            rest = sentence[match.end() :]
            agency = agency_of(rest)
            if len(agency.split()) < 2 or not (find_agencies(rest[: len(agency) + 1]) or _group_words().match(rest)):
                continue
            verb = match.group("verb").lower()
            found.append({
                "agency": agency,
                "role": "lead" if verb == "giao" else _role(rest),
                "partners": partners_of(rest),
                "tasks": [sentence],
                "deadlines": _deadlines([rest], year),
                "source": {"section": section.label, "line": section.line},
            })
    return found


# --- criteria and awards ----------------------------------------------------------------------

def criteria(plan: Plan) -> list[dict[str, Any]]:
    found = []
    for section in plan.all_sections():
        if "tiêu chí" not in fold(section.title):
            continue
        for item in section.walk()[1:]:
            match = re.match(r"^Đối với\s+(.*)$", item.title)
            if match:
                target, rest = _target(match.group(1))
                items = [child.title for child in item.children] or ([rest] if rest else []) + list(item.paragraphs)
                found.append({"target": target, "items": items, "source": {"section": item.label, "line": item.line}})
        if found:
            break
    return found


def _target(text: str) -> tuple[str, str]:
    """ "các tổ chức, doanh nghiệp, hộ gia đình Tích cực tham gia …" → the group, and the text that
    runs on after it (at a ":" or at a capital that starts a sentence, outside any agency name)."""
    head, colon, rest = text.partition(":")
    if colon:
        return head.strip(), rest.strip()
    names = find_agencies(text)
    for match in re.finditer(r"(?<=[a-zà-ỹđ,]) ([A-ZĐÀ-Ỹ])", text):
        if not any(n.start <= match.start(1) < n.end for n in names) and match.group(1) in UPPER:
            return text[: match.start()].strip(), text[match.start() :].strip()
    return text.strip(" :"), ""


@cache
def _award_pattern() -> re.Pattern[str]:
    forms = "|".join(re.escape(f) for f in sorted(_vocabulary()["award_forms"], key=len, reverse=True))
    tail = r"(?:\s+(?:của|cho|hạng)\s+[^:;,.()\n]+?|\s+[^:;,.()\n]*?)??"
    return re.compile(rf"(?<!\w)(?:{forms}){tail}(?=\s*[:;,.(]|$|\s+cho\s|\s+đối với\s|\s+và\s+(?:{forms}))")


def _continued(text: str, end: int) -> str:
    """A comma inside the awarding body's name: "… các xã, phường", "… các cơ quan, đơn vị"."""
    match = re.match(r"(?:,\s*(?:phường|thị trấn|đặc khu|xã|đơn vị|địa phương|doanh nghiệp)(?!\w))+", text[end:])
    return match.group(0) if match else ""


def _shared_forms(form: str, text: str, end: int) -> list[str]:
    """ "Giấy khen của Thủ trưởng các cơ quan, đơn vị; Chủ tịch UBND các xã, phường": the form word
    is shared by a second awarding person after ";"."""
    head = re.match(r"^(.+?\s+của)\s", form)
    rest = text[end + len(_continued(text, end)) :]
    second = re.match(r"^\s*;\s*((?:Chủ tịch|Thủ trưởng|Giám đốc)\s[^:;.()\n]+?)(?=\s*[:;.(]|$)", rest)
    if not head or not second:
        return []
    return [f"{head.group(1)} {squash(second.group(1))}"]


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
        for text in _texts(section)[1:] or [section.title]:
            for match in _award_pattern().finditer(text):
                form = squash(match.group(0) + _continued(text, match.end())).strip(" -")
                for candidate in [form, *_shared_forms(form, text, match.end())]:
                    if len(candidate) < 6 or any(fold(a["form"]) == fold(candidate) for a in found):
                        continue
                    found.append({"form": candidate, "level": _award_level(candidate),
                                  "quota": _quota(text[match.end() :]),
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


# --- timeline ---------------------------------------------------------------------------------

_STARTS = re.compile(rf"(?:từ|bắt đầu(?:\s+từ)?)\s+(?P<date>{_DATE})", re.IGNORECASE)
_END_WORDS = r"đến|tới|hết|kết thúc(?:\s+vào)?|khi hết|tổng kết(?:\s+khi hết|\s+vào)?"
_ENDS = re.compile(rf"(?:{_END_WORDS})\s+(?:hết\s+)?(?P<date>{_DATE})", re.IGNORECASE)
_STEP = re.compile(rf"^(?:(?:Từ|Trong|Vào|Đến|Cuối|Đầu)\s+)?(?P<date>{_DATE})", re.IGNORECASE)


def timeline(plan: Plan, year: int | None) -> dict[str, Any]:
    result: dict[str, Any] = {"start": None, "end": None, "milestones": []}
    sections = [s for s in plan.all_sections() if "timeline" in s.roles or re.search(
        r"^(thời gian|tiến độ|lộ trình)", fold(s.title))]
    for section in sections:
        texts = _texts(section)
        joined = " ".join(texts)
        start, end = _STARTS.search(joined), _ENDS.search(joined)
        if start and result["start"] is None:
            result["start"] = normalise(start, year)
        if end and result["end"] is None:
            result["end"] = normalise(end, year)
        for child in section.walk()[1:]:
            step = _STEP.match(child.title)
            if step:
                result["milestones"].append({"when": normalise(step, year), "what": child.title[:100],
                                             "source": {"section": child.label, "line": child.line}})
    return result
