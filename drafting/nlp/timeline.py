"""The plan's timeline: start, end and the dated steps of its timeline section."""

from __future__ import annotations

import re
from typing import Any

from drafting.model import Plan
from drafting.nlp.sections import texts_of
from drafting.nlp.temporal import _DATE, normalise
from drafting.parsing.text import fold

_STARTS = re.compile(rf"(?:từ|bắt đầu(?:\s+từ)?)\s+(?P<date>{_DATE})", re.IGNORECASE)
_END_WORDS = r"đến|tới|hết|kết thúc(?:\s+vào)?|khi hết|tổng kết(?:\s+khi hết|\s+vào)?"
_ENDS = re.compile(rf"(?:{_END_WORDS})\s+(?:hết\s+)?(?P<date>{_DATE})", re.IGNORECASE)
_STEP = re.compile(rf"^(?:(?:Từ|Trong|Vào|Đến|Cuối|Đầu)\s+)?(?P<date>{_DATE})", re.IGNORECASE)


def timeline(plan: Plan, year: int | None) -> dict[str, Any]:
    result: dict[str, Any] = {"start": None, "end": None, "milestones": []}
    sections = [s for s in plan.all_sections() if "timeline" in s.roles or re.search(
        r"^(thời gian|tiến độ|lộ trình)", fold(s.title))]
    for section in sections:
        texts = texts_of(section)
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
