"""Vietnamese dates → ISO strings (partial when the clerk left the day or month blank)."""

from __future__ import annotations

import datetime as dt
import re

LONG_DATE = re.compile(
    r"ngày\s*(?P<day>\d{1,2})?\s*tháng\s*(?P<month>\d{1,2})?\s*năm\s*(?P<year>\d{4})", re.IGNORECASE
)
SHORT_DATE = re.compile(r"(?<![\d/])(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>\d{4})(?!\d)")


def iso(year: str | None, month: str | None, day: str | None) -> str | None:
    if not year:
        return None
    if not month:
        return year
    if not (1 <= int(month) <= 12):
        return year
    if not day or not (1 <= int(day) <= 31):
        return f"{year}-{int(month):02d}"
    return f"{year}-{int(month):02d}-{int(day):02d}"


def find_date(text: str) -> tuple[str | None, re.Match[str] | None]:
    """The first date written long ("ngày 19 tháng 6 năm 2024") or short ("19/6/2024")."""
    matches = [m for m in (LONG_DATE.search(text), SHORT_DATE.search(text)) if m]
    if not matches:
        return None, None
    first = min(matches, key=lambda m: m.start())
    return iso(first.group("year"), first.group("month"), first.group("day")), first


def is_iso_day(value: str) -> bool:
    """A real day written YYYY-MM-DD ("2026-02-30" is not one): what --date and the web form accept."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True
