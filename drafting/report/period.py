"""The period a report covers, as clerks write it ("quý I/2026", "6 tháng đầu năm 2026"), and the plan's own span:
a report is only drafted for a period the plan covers."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from drafting.model import Plan

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_ROMAN_OF = {1: "I", 2: "II", 3: "III", 4: "IV"}
_YEAR = r"(?:/|\s*năm\s*|\s+)(?P<year>(?:19|20)\d\d)"


@dataclass(frozen=True)
class Period:
    kind: str  # month | quarter | half | nine | year | span
    start: dt.date
    end: dt.date
    label: str  # as a report writes it: "quý I năm 2026"

    def following(self) -> Period:
        """The period after this one, for part IV (phương hướng, nhiệm vụ)."""
        year = self.start.year
        if self.kind == "month":
            month = self.start.month % 12 + 1
            return month_period(year + (self.start.month == 12), month)
        if self.kind == "quarter":
            quarter = (self.start.month - 1) // 3 + 1
            return quarter_period(year + (quarter == 4), quarter % 4 + 1)
        if self.kind == "half" and self.start.month == 1:
            return Period("half", dt.date(year, 7, 1), dt.date(year, 12, 31), f"6 tháng cuối năm {year}")
        if self.kind == "nine":
            return quarter_period(year, 4)
        next_year = self.end.year + 1
        return Period("year", dt.date(next_year, 1, 1), dt.date(next_year, 12, 31), f"năm {next_year}")

    def preceding(self) -> Period:
        """The period before this one, for the consolidated report's "Kỳ trước"."""
        year = self.start.year
        if self.kind == "month":
            return month_period(year - (self.start.month == 1), (self.start.month - 2) % 12 + 1)
        if self.kind == "quarter":
            quarter = (self.start.month - 1) // 3 + 1
            return quarter_period(year - (quarter == 1), (quarter - 2) % 4 + 1)
        if self.kind == "half" and self.start.month == 7:
            return Period("half", dt.date(year, 1, 1), dt.date(year, 6, 30), f"6 tháng đầu năm {year}")
        if self.kind == "half":
            return Period("half", dt.date(year - 1, 7, 1), dt.date(year - 1, 12, 31), f"6 tháng cuối năm {year - 1}")
        return Period("year", dt.date(year - 1, 1, 1), dt.date(year - 1, 12, 31), f"năm {year - 1}")

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def month_period(year: int, month: int) -> Period:
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
    return Period("month", dt.date(year, month, 1), last, f"tháng {month} năm {year}")


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * (quarter - 1) + 1
    end = month_period(year, first + 2).end
    return Period("quarter", dt.date(year, first, 1), end, f"quý {_ROMAN_OF[quarter]} năm {year}")


_FORMS: list[tuple[str, re.Pattern[str]]] = [
    ("quarter", re.compile(rf"^quý\s+(?P<n>iv|i{{1,3}}|[1-4]){_YEAR}$")),
    ("month", re.compile(rf"^tháng\s+(?P<n>0?[1-9]|1[0-2]){_YEAR}$")),
    ("first_half", re.compile(r"^(?:06|6)\s+tháng\s+đầu\s+năm\s*(?P<year>(?:19|20)\d\d)$")),
    ("second_half", re.compile(r"^(?:06|6)\s+tháng\s+cuối\s+năm\s*(?P<year>(?:19|20)\d\d)$")),
    ("nine", re.compile(r"^(?:09|9)\s+tháng(?:\s+đầu)?\s+năm\s*(?P<year>(?:19|20)\d\d)$")),
    ("year", re.compile(r"^(?:cả\s+)?năm\s+(?P<year>(?:19|20)\d\d)$")),
    ("span", re.compile(r"^(?:giai\s+đoạn\s+)?(?P<first>(?:19|20)\d\d)\s*[-–]\s*(?P<last>(?:19|20)\d\d)$")),
]


def parse_period(text: str) -> Period | None:
    """ "quý I/2026", "tháng 6/2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "năm 2026", "giai đoạn
    2021-2025"; None when the words are none of these."""
    written = " ".join(text.lower().split())
    for kind, pattern in _FORMS:
        match = pattern.match(written)
        if not match:
            continue
        if kind == "span":
            first, last = int(match.group("first")), int(match.group("last"))
            if last < first:
                return None
            return Period("span", dt.date(first, 1, 1), dt.date(last, 12, 31), f"giai đoạn {first} - {last}")
        year = int(match.group("year"))
        if kind == "quarter":
            return quarter_period(year, _ROMAN[match.group("n")])
        if kind == "month":
            return month_period(year, int(match.group("n")))
        if kind == "first_half":
            return Period("half", dt.date(year, 1, 1), dt.date(year, 6, 30), f"6 tháng đầu năm {year}")
        if kind == "second_half":
            return Period("half", dt.date(year, 7, 1), dt.date(year, 12, 31), f"6 tháng cuối năm {year}")
        if kind == "nine":
            return Period("nine", dt.date(year, 1, 1), dt.date(year, 9, 30), f"9 tháng năm {year}")
        return Period("year", dt.date(year, 1, 1), dt.date(year, 12, 31), f"năm {year}")
    return None


_SPAN = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)")
_UNTIL = re.compile(r"(?:đến|tới)\s+năm\s+((?:19|20)\d\d)")
_A_YEAR = re.compile(r"(?<![\d/])((?:19|20)\d\d)(?!\d)")


def plan_span(plan: Plan) -> tuple[dt.date, dt.date]:
    """From when to when a plan runs: "giai đoạn 2026 - 2030", "đến năm 2030", "năm 2026" in its title, else its
    timeline's end, else the last year its text aims at, else the year it was signed."""
    title = " ".join((plan.meta.title or "").split())
    signed = _year_of(plan.meta.date)
    first = last = None
    if span := _SPAN.search(title):
        first, last = int(span.group(1)), int(span.group(2))
    elif until := _UNTIL.search(title.lower()):
        first, last = signed, int(until.group(1))
    elif years := [int(year) for year in _A_YEAR.findall(title)]:
        first, last = min(years), max(years)
    end_of_timeline = _year_of(str(plan.timeline.get("end") or ""))
    if last is None:
        last = end_of_timeline or _years_aimed_at(plan, signed) or signed
    elif end_of_timeline and end_of_timeline > last:
        last = end_of_timeline
    if first is None or (signed and signed < first):
        first = signed or first
    if first is None or last is None:
        today = dt.date.today().year
        first, last = first or today, last or today
    signed_day = plan.meta.date if plan.meta.date and len(plan.meta.date) == 10 else None
    start = dt.date.fromisoformat(signed_day) if signed_day else dt.date(first, 1, 1)
    return min(start, dt.date(first, 1, 1)), dt.date(max(first, last), 12, 31)


PLAN_HORIZON_YEARS = 10  # a year the text names further than this after signing is history or a vision, not work


def _years_aimed_at(plan: Plan, signed: int | None) -> int | None:
    """A plan without a year in its title runs until the last year its targets and tasks name ("đến năm 2030",
    "năm 2026"): a plan signed in December 2025 for the years ahead is not over on 31 December."""
    if signed is None:
        return None
    years = [int(year) for section in plan.all_sections() for text in [section.title, *section.paragraphs]
             for year in _A_YEAR.findall(text) if signed <= int(year) <= signed + PLAN_HORIZON_YEARS]
    return max(years) if years else None


def _year_of(text: str | None) -> int | None:
    match = re.match(r"((?:19|20)\d\d)", text or "")
    return int(match.group(1)) if match else None


def covers(plan: Plan, period: Period) -> bool:
    """Whether the period overlaps the plan's span."""
    start, end = plan_span(plan)
    return period.start <= end and period.end >= start
