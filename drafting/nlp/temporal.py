"""Dates, deadlines and periods in Vietnamese, normalised to ISO or a named period.

"trước ngày 10 tháng 11" → 2024-11-10 (the year from context), "chậm nhất ngày 30/12/2025" →
2025-12-30, "vào quý I năm 2026" → 2026-Q1, "trong tháng 12/2025" → 2025-12, "hằng năm" → a period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from drafting.data_files import load

_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# One date expression: the alternatives are tried in this order at each position.
_DATE = (
    r"(?:(?:ngày\s*)?(?P<d1>\d{1,2})\s*tháng\s*(?P<m1>\d{1,2})(?:\s*năm\s*(?P<y1>\d{4}))?)"
    r"|(?:(?:ngày\s*)?(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})(?:\s*/\s*(?P<y2>\d{4}))?(?![\d/]))"
    r"|(?:[Qq]uý\s+(?P<q>IV|I{1,3}|[1-4])(?:\s*(?:/|(?:năm\s*)+)\s*(?P<yq>\d{4}))?)"
    r"|(?:tháng\s*(?P<m3>\d{1,2})(?:\s*(?:/|năm)\s*(?P<y3>\d{4}))?)"
    r"|(?:năm\s+(?P<y4>\d{4}))"
)


@dataclass(frozen=True)
class TimeSpan:
    start: int
    end: int
    label: str  # DEADLINE | DATE | PERIOD
    value: str | None  # ISO date, "YYYY-MM", "YYYY-Qn", "YYYY", or None for a recurring period
    text: str


@cache
def _vocabulary() -> dict:  # type: ignore[type-arg]
    return load("nlp")  # type: ignore[no-any-return]


@cache
def _deadline_pattern() -> re.Pattern[str]:
    openers = "|".join(re.escape(o) for o in sorted(_vocabulary()["deadline_openers"], key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?P<opener>{openers})\s+(?:(?:cuối|đầu|giữa|hết)\s+)?(?P<date>{_DATE})", re.IGNORECASE)


@cache
def _date_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w/])(?:{_DATE})", re.IGNORECASE)


@cache
def _period_pattern() -> re.Pattern[str]:
    periods = "|".join(re.escape(p) for p in sorted(_vocabulary()["periods"], key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{periods})(?!\w)", re.IGNORECASE)


def normalise(match: re.Match[str], year: int | None) -> str | None:
    """The ISO form of one date match; a missing year is taken from context."""
    groups = match.groupdict()
    if groups.get("q"):
        found = groups.get("yq") or (str(year) if year else None)
        return f"{found}-Q{_QUARTERS[groups['q'].upper()]}" if found else None
    for day_key, month_key, year_key in (("d1", "m1", "y1"), ("d2", "m2", "y2")):
        if groups.get(day_key):
            day, month = int(groups[day_key]), int(groups[month_key])
            found = groups.get(year_key) or (str(year) if year else None)
            if not found or not (1 <= month <= 12 and 1 <= day <= 31):
                return None
            return f"{found}-{month:02d}-{day:02d}"
    if groups.get("m3"):
        month = int(groups["m3"])
        found = groups.get("y3") or (str(year) if year else None)
        return f"{found}-{month:02d}" if found and 1 <= month <= 12 else None
    return groups.get("y4")


def find_times(text: str, year: int | None) -> list[TimeSpan]:
    """Deadlines (a date after "trước", "chậm nhất", "vào", "trong" …), other dates, and periods."""
    spans: list[TimeSpan] = []
    taken: list[tuple[int, int]] = []
    for match in _deadline_pattern().finditer(text):
        value = normalise(match, year)
        spans.append(TimeSpan(match.start(), match.end(), "DEADLINE", value, match.group(0)))
        taken.append((match.start(), match.end()))
    for match in _date_pattern().finditer(text):
        if any(start <= match.start() < end for start, end in taken) or not match.group(0).strip():
            continue
        value = normalise(match, year)
        if value:
            spans.append(TimeSpan(match.start(), match.end(), "DATE", value, match.group(0)))
    for match in _period_pattern().finditer(text):
        if not any(start <= match.start() < end for start, end in taken):
            spans.append(TimeSpan(match.start(), match.end(), "PERIOD", None, match.group(0)))
    return sorted(spans, key=lambda span: span.start)


def context_year(*texts: str | None) -> int | None:
    """The year a text is about: the last four-digit year 20xx it names."""
    for text in texts:
        years = re.findall(r"(?<!\d)(20\d{2})(?!\d)", text or "")
        if years:
            return int(years[-1])
    return None
