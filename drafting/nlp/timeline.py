"""The plan's timeline: start, end and the dated steps of its timeline section.

Start and end come from the timeline section ("từ tháng 7 năm 2024 và tổng kết khi hết năm 2025",
"Từ năm 2026 - 2030"), else from the title ("… GIAI ĐOẠN 2026 - 2030", "… NĂM 2026", "… ĐẾN NĂM 2035").
The milestones are the section's dated steps: a sub-item that opens with a date ("Quý IV năm 2022: …", "Giai
đoạn 2025 - 2030") and every sentence of it that sets a time limit ("… vào quý I năm 2025").
"""

from __future__ import annotations

import re
from typing import Any

from drafting.model import Plan, Section
from drafting.nlp.responsibilities import organisation_sections, within
from drafting.nlp.sections import texts_of
from drafting.nlp.subjects import word_pattern
from drafting.nlp.temporal import _DATE, find_times, normalise
from drafting.parsing.text import fold

_STARTS = re.compile(rf"(?:từ|bắt đầu(?:\s+từ)?)\s+(?P<date>{_DATE})", re.IGNORECASE)
_END_WORDS = r"đến|tới|hết|kết thúc(?:\s+vào)?|khi hết|tổng kết(?:\s+khi hết|\s+vào)?"
_ENDS = re.compile(rf"(?:{_END_WORDS})\s+(?:hết\s+)?(?:(?:cuối|đầu|giữa)\s+)?(?P<date>{_DATE})", re.IGNORECASE)
_STEP = re.compile(rf"^(?:(?:Từ|Trong|Vào|Đến|Cuối|Đầu)\s+)?(?P<date>{_DATE})", re.IGNORECASE)
# "giai đoạn 2026 - 2030", "Từ năm 2026 - 2030", "03 năm 2026 - 2028", "thời kỳ 2021-2030"
_PERIOD = re.compile(r"(?<!\d)(?P<first>20\d{2})\s*[-–]\s*(?P<last>20\d{2})(?!\d)")
_PHASE = re.compile(r"^(?:giai đoạn|thời kỳ|năm|từ năm)\s+20\d{2}\s*[-–]\s*(?P<last>20\d{2})", re.IGNORECASE)
_TITLE_YEAR = re.compile(r"(?<!\w)NĂM\s+(?P<year>20\d{2})\s*$", re.IGNORECASE)
_TITLE_END = re.compile(r"(?<!\w)đến\s+năm\s+(?P<year>20\d{2})", re.IGNORECASE)


def timeline(plan: Plan, year: int | None, organisation: list[Section] | None = None) -> dict[str, Any]:
    """A plan's timeline; other documents (a Báo cáo's "tiến độ giải ngân", a Công văn) have none."""
    result: dict[str, Any] = {"start": None, "end": None, "milestones": []}
    if (plan.meta.doc_type or "KẾ HOẠCH") != "KẾ HOẠCH":
        return result
    issued = plan.meta.date if plan.meta.date and len(plan.meta.date) == 10 else None
    for section in _timeline_sections(plan, organisation_sections(plan) if organisation is None else organisation):
        steps = _milestones(section, year)
        _bounds(_period_text(section), year, result, steps, issued)
        result["milestones"] += [{k: v for k, v in step.items() if k != "titled"} for step in steps]
    if result["start"] and result["end"] and result["start"][:7] > result["end"][:7]:
        result["start"] = result["end"] = None  # a span read backwards is no span: fall back on the title
    if result["start"] is None and result["end"] is None:
        _title_bounds(plan.meta.title or "", result)
    if result["start"] is None:
        result["start"] = _earliest_task_start(plan, year)
    return result


_ONGOING = re.compile(rf"^(?:Từ\s+)?(?P<date>{_DATE})\s+và các năm tiếp theo", re.IGNORECASE)


def _earliest_task_start(plan: Plan, year: int | None) -> str | None:
    """No period stated: the tasks' own "Thời gian thực hiện: Quý IV năm 2025 và các năm tiếp theo" say
    when the work begins; the earliest of them is the plan's start."""
    starts = []
    for section in plan.all_sections():
        if re.match(r"thời gian thực hiện", fold(section.title)):
            for text in (section.title.partition(":")[2], *section.paragraphs[:1]):
                match = _ONGOING.match(text.strip())
                value = normalise(match, year) if match else None
                if value:
                    starts.append(value)
    return min(starts, key=_sortable) if starts else None


def _sortable(when: str) -> str:
    """ "2025-Q4" sorts as its first month."""
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", when)
    return f"{quarter.group(1)}-{(int(quarter.group(2)) - 1) * 3 + 1:02d}" if quarter else when


def _timeline_sections(plan: Plan, parts: list[Section]) -> list[Section]:
    """The timeline parts, outermost only ("V. THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN" is one); not a "Thời gian
    báo cáo" inside the organisation part, which is when reports are due, not when the plan runs."""
    organisation = {id(s) for part in parts for s in part.walk()[1:]}  # below its heading
    fields = {id(child) for s in plan.all_sections() if _task_fields(s) for child in s.children}
    found = [s for s in plan.all_sections() if id(s) not in organisation and id(s) not in fields
             and ("timeline" in s.roles or re.search(r"^(thời gian|tiến độ|lộ trình)", fold(s.title)))]
    return [s for s in found if not any(s is not other and within(s, other) for other in found)]


def _task_fields(section: Section) -> bool:
    """A task written as fields ("- Nhiệm vụ: …", "- Cơ quan chủ trì: …", "- Thời gian thực hiện: …"): its
    "Thời gian" is that task's limit, not the plan's timeline."""
    labels = word_pattern("field_labels")
    return sum(1 for child in section.children if labels.match(fold(child.title))) >= 2


def _lines(section: Section) -> list[str]:
    return [text for s in section.walk() for text in (s.title, *s.paragraphs)]


def _period_text(section: Section) -> str:
    """Where the section says how long the plan runs: its "Thời gian thực hiện" part when it has one
    ("II. MỤC TIÊU VÀ THỜI GIAN THI ĐUA" → "2. Thời gian thi đua: Từ ngày ban hành … đến hết ngày 31/12/2025")."""
    inner = [s for s in section.walk()[1:] if re.match(r"(thời gian|tiến độ|lộ trình)", fold(s.title))]
    return " ".join(_lines(inner[0] if inner else section))


def _bounds(text: str, year: int | None, result: dict[str, Any], steps: list[dict[str, Any]],
            issued: str | None) -> None:
    """Start from the first "từ …" ("từ ngày ban hành Kế hoạch": the day it is dated, when it is), end from
    the last "đến / hết / tổng kết khi hết …" (two rounds "đến ngày 03/12", "đến ngày 10/12": the second);
    else from a period ("Giai đoạn 2025 - 2030", "Giai đoạn 2031 - 2035": the first year of the first, the
    last of the last); else from the first and the last dated step ("Quý IV năm 2022: …", "Năm 2025: …")."""
    start = _STARTS.search(text)
    ranges = [s for s in re.split(r"(?<=[.;])\s+", text) if _bounds_sentence(s)]
    # several rounds, each "từ … đến …": the plan ends with the last; else its one span's end
    end = list(_ENDS.finditer(ranges[-1]))[-1] if len(ranges) > 1 else _ENDS.search(ranges[0] if ranges else text)
    periods = list(_PERIOD.finditer(text))
    since_issue = re.search(r"từ (?:ngày|khi) ban hành", text, re.IGNORECASE)
    titled = [step["when"] for step in steps if step.get("titled")]
    if since_issue and (not start or since_issue.start() < start.start()):
        result["start"] = result["start"] or issued
    elif result["start"] is None:
        result["start"] = (normalise(start, year) if start else titled[0] if titled
                           else periods[0].group("first") if periods else None)
    if result["end"] is None:
        result["end"] = (normalise(end, year) if end else titled[-1] if titled
                         else periods[-1].group("last") if periods else None)


def _milestones(section: Section, year: int | None) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    rounds: list[dict[str, Any]] = []
    for item in section.walk():
        step, phase = _STEP.match(item.title), _PHASE.match(item.title)
        if item is not section and phase:
            found.append(_milestone(phase.group("last"), " ".join(texts_of(item)), item, titled=True))
        elif item is not section and step and not _bounds_sentence(item.title):
            found.append(_milestone(normalise(step, year), " ".join(texts_of(item)), item, titled=True))
            continue
        for text in (item.title, *item.paragraphs):
            for sentence in re.split(r"(?<=[.;])\s+", text):
                if _bounds_sentence(sentence):
                    ends = list(_ENDS.finditer(sentence))
                    if item is not section and ends:  # a round of the plan: "Đợt 01 … từ … đến ngày 03/12"
                        rounds.append(_milestone(normalise(ends[-1], year), sentence, item))
                    continue
                for span in find_times(sentence, year):
                    if span.label == "DEADLINE" and span.value:
                        found.append(_milestone(span.value, sentence, item))
    return found + (rounds if len(rounds) > 1 else [])  # one span alone is the plan's period, not a step


def _bounds_sentence(sentence: str) -> bool:
    """ "Phong trào … triển khai thực hiện từ tháng 7 năm 2024 và tổng kết khi hết năm 2025" says when the
    plan runs, not a step of it."""
    return bool(re.search(r"(?<!\w)[Tt]ừ\s", sentence) and _ENDS.search(sentence))


def _milestone(when: str | None, what: str, item: Section, *, titled: bool = False) -> dict[str, Any]:
    milestone = {"when": when, "what": what.strip()[:100], "source": {"section": item.label, "line": item.line}}
    return milestone | ({"titled": True} if titled else {})


def _title_bounds(title: str, result: dict[str, Any]) -> None:
    """No timeline section: the title's period ("GIAI ĐOẠN 2026 - 2030"), year ("NĂM 2026") or horizon
    ("ĐẾN NĂM 2035")."""
    period, single, horizon = _PERIOD.search(title), _TITLE_YEAR.search(title), _TITLE_END.search(title)
    if period:
        result["start"], result["end"] = period.group("first"), period.group("last")
    elif horizon:
        result["end"] = horizon.group("year")
    elif single:
        result["start"] = result["end"] = single.group("year")
