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


_YEAR_LIMIT = re.compile(r"(?<!\w)(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<y4>\d{4})(?=\s*(?:[.;]|$))", re.IGNORECASE)
_REPORT_YEAR = re.compile(r"(?<=\()năm\s+(?P<y4>\d{4})(?=\s*\))", re.IGNORECASE)


@cache
def _horizon_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(_vocabulary()["horizon_words"], key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def _year_limits(text: str) -> list[re.Match[str]]:
    """ "… phục hồi hệ sinh thái biển đến năm 2030." closes a task with a year; "Chiến lược … đến năm 2030"
    names a document and "phấn đấu đến năm 2030" a target. "Báo cáo giữa kỳ (năm 2030)" dates a report."""
    found = []
    for match in _YEAR_LIMIT.finditer(text):
        clause = re.split(r"[;:.]", text[: match.start()])[-1]
        if not _horizon_pattern().search(clause):
            found.append(match)
    if re.search(r"báo cáo", text, re.IGNORECASE):
        found += list(_REPORT_YEAR.finditer(text))
    return found


def _target_year(text: str, match: re.Match[str]) -> bool:
    """ "bảo đảm đến hết năm 2030 đạt 50% …", "phấn đấu … ngay trong năm 2025", "mục tiêu xóa nhà tạm … trong
    năm 2025": a year that is a horizon of a target, not a time limit."""
    opener = (match.groupdict().get("opener") or "").lower()
    year_only = match.group(0).lower().split()[-2:-1] == ["năm"]
    if opener not in ("đến hết", "hết", "đến", "tới", "trong", "vào") or not year_only:
        return False
    clause = re.split(r"[;:.]", text[: match.start()])[-1]
    return bool(_horizon_pattern().search(clause) or re.match(r"\s*(?:,|đạt\b|có\b)", text[match.end() :]))


def _span_end(text: str, match: re.Match[str]) -> bool:
    """ "tính từ ngày 15 tháng 12 năm trước đến ngày 14 tháng 12": the end of a span of time, not a limit."""
    opener = (match.groupdict().get("opener") or "").lower()
    clause = re.split(r"[;:.]", text[: match.start()])[-1]
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
