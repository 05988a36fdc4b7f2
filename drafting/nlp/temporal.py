"""Dates, deadlines and periods in Vietnamese, normalised to ISO or a named period.

"trước ngày 10 tháng 11" → 2024-11-10 (the year from context), "chậm nhất ngày 30/12/2025" →
2025-12-30, "vào quý I năm 2026" → 2026-Q1, "trong tháng 12/2025" → 2025-12, "hằng năm" → a period.
"""

from __future__ import annotations

import datetime as dt
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
            if not found or not _real_day(int(found), month, day):  # "31/02/2026" is a typo, not a day
                return None
            return f"{found}-{month:02d}-{day:02d}"
    if groups.get("m3"):
        month = int(groups["m3"])
        found = groups.get("y3") or (str(year) if year else None)
        return f"{found}-{month:02d}" if found and 1 <= month <= 12 else None
    return groups.get("y4")


def _real_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


_YEAR_LIMIT = re.compile(r"(?<!\w)(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<y4>\d{4})(?=\s*(?:[.;]|$))", re.IGNORECASE)
_REPORT_YEAR = re.compile(r"(?<=\()năm\s+(?P<y4>\d{4})(?=\s*\))", re.IGNORECASE)


@cache
def _horizon_pattern() -> re.Pattern[str]:
    """Targets and horizons ("phấn đấu", "tầm nhìn") and documents ("Chiến lược …", "quy hoạch hạ tầng …"): a
    year alone after them is the horizon they run to (months and quarters are limits all the same)."""
    words = _vocabulary()["horizon_words"] + _vocabulary()["document_words"]
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


def _clause_before(text: str, position: int) -> str:
    """The clause that ends at `position`: back to the last ";", ":" or "." (found from the right, so that a
    long text is not split again for every date in it)."""
    start = max(text.rfind(mark, 0, position) for mark in ";:.")
    return text[start + 1 : position]


def _year_limits(text: str) -> list[re.Match[str]]:
    """ "… phục hồi hệ sinh thái biển đến năm 2030." closes a task with a year; "Chiến lược … đến năm 2030"
    names a document and "phấn đấu đến năm 2030" a target. "Báo cáo giữa kỳ (năm 2030)" dates a report."""
    found = [m for m in _YEAR_LIMIT.finditer(text) if not _horizon_pattern().search(_clause_before(text, m.start()))]
    if re.search(r"báo cáo", text, re.IGNORECASE):
        found += list(_REPORT_YEAR.finditer(text))
    return found


def _target_year(text: str, match: re.Match[str]) -> bool:
    """ "bảo đảm đến hết năm 2030 đạt 50% …", "phấn đấu … ngay trong năm 2025", "mục tiêu xóa nhà tạm … trong
    năm 2025": a year alone that is a horizon of a target, not a time limit; a month or a quarter is a limit."""
    groups = match.groupdict()
    opener = (groups.get("opener") or "").lower()
    year_only = bool(groups.get("y4")) and not any(groups.get(k) for k in ("d1", "d2", "m3", "q"))
    if opener not in ("đến hết", "hết", "đến", "tới", "trong", "vào") or not year_only:
        return False
    clause = _clause_before(text, match.start())
    return bool(_horizon_pattern().search(clause) or re.match(r"\s*(?:,|đạt\b|có\b)", text[match.end() :]))


def _span_end(text: str, match: re.Match[str]) -> bool:
    """ "tính từ ngày 15 tháng 12 năm trước đến ngày 14 tháng 12": the end of a span of time, not a limit."""
    opener = (match.groupdict().get("opener") or "").lower()
    clause = _clause_before(text, match.start())
    return opener.startswith("đến") and bool(re.search(r"(?<!\w)từ\s+(?:ngày|tháng|năm)", clause, re.IGNORECASE))


def find_times(text: str, year: int | None) -> list[TimeSpan]:
    """Deadlines (a date after "trước", "chậm nhất", "vào", "trong" …, a year that closes a task), other
    dates, and periods."""
    spans: list[TimeSpan] = []
    taken: list[tuple[int, int]] = []
    for match in [*_deadline_pattern().finditer(text), *_year_limits(text)]:
        if any(start <= match.start() < end for start, end in taken):
            continue
        if _target_year(text, match) or _span_end(text, match):
            continue
        value = normalise(match, year)
        spans.append(TimeSpan(match.start(), match.end(), "DEADLINE", value, match.group(0)))
        taken.append((match.start(), match.end()))
    for match in _date_pattern().finditer(text):
        if any(start <= match.start() < end for start, end in taken) or not match.group(0).strip():
            continue
        value = normalise(match, year)
        if value:
            # "trước ngày 01/6 và 15/11": a date joined to a deadline is a deadline too
            joined = any(re.fullmatch(r"\s*(?:và|,|hoặc)\s*", text[end : match.start()]) for _, end in taken)
            label = "DEADLINE" if joined else "DATE"
            spans.append(TimeSpan(match.start(), match.end(), label, value, match.group(0)))
            if joined:
                taken.append((match.start(), match.end()))
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
