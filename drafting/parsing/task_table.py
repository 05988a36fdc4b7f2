"""A task table (nội dung / sản phẩm / thời gian / cơ quan chủ trì / phối hợp, in any order and
wording) becomes responsibilities: lead, partners, task, deadline."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from drafting.data_files import load
from drafting.parsing.dates import find_date, iso
from drafting.parsing.issuer import starts_with_body
from drafting.parsing.text import fold, squash

_QUARTER = re.compile(r"[Qq]uý\s+(?P<q>I{1,3}V?|IV|[1-4])\s*(?:/|năm\s+)?\s*(?P<year>\d{4})?")
_MONTH = re.compile(r"[Tt]háng\s+(?P<month>\d{1,2})\s*(?:/|năm\s+)\s*(?P<year>\d{4})")
_YEAR = re.compile(r"(?:[Nn]ăm\s+)?(?<!\d)(?P<year>20\d{2})(?!\d)")
_ROMAN_QUARTER = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@cache
def _columns() -> dict[str, list[str]]:
    return load("vocabulary")["task_table_columns"]  # type: ignore[no-any-return]


def column_roles(header: list[str]) -> dict[str, int]:
    """Which column holds what: task, product, deadline, lead, partners."""
    roles: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = fold(cell)
        for role, words in _columns().items():
            if role not in roles and any(word in key for word in words):
                roles[role] = index
                break
    return roles


def responsibilities_from_table(table: list[list[str]]) -> list[dict[str, Any]]:
    """Rows of a table whose header (one row, or two merged: "Đơn vị thực hiện" over "Chủ trì" |
    "Phối hợp") names at least a task and a lead column."""
    best: tuple[int, dict[str, int]] | None = None
    for depth in (1, 2):
        if len(table) <= depth:
            break
        width = max(len(row) for row in table[:depth])
        header = [" ".join(row[c] if c < len(row) else "" for row in table[:depth]) for c in range(width)]
        roles = column_roles(header)
        if {"task", "lead"} <= set(roles) and (best is None or len(roles) > len(best[1])):
            best = (depth, roles)
    if best is None:
        return []
    depth, roles = best
    return [r for row in table[depth:] if (r := _row(row, roles))]


def _row(row: list[str], roles: dict[str, int]) -> dict[str, Any] | None:
    def cell(role: str) -> str:
        index = roles.get(role)
        return squash(row[index]) if index is not None and index < len(row) else ""

    lead, task = cell("lead"), cell("task")
    if not lead or not task or fold(lead) == fold(task):
        return None
    deadline_text = cell("deadline")
    deadline = parse_deadline(deadline_text)
    return {
        "agency": lead,
        "role": "lead",
        "partners": split_agencies(cell("partners")),
        "tasks": [task],
        "products": [cell("product")] if cell("product") else [],
        "deadlines": [{"date": deadline, "text": deadline_text}] if deadline_text else [],
    }


def split_agencies(text: str) -> list[str]:
    """ "Sở Xây dựng, Hội đồng Thi đua - Khen thưởng tỉnh; UBND các xã" → three agencies. A comma
    splits only before a new body ("Sở Văn hóa, Thể thao và Du lịch" stays whole)."""
    agencies: list[str] = []
    for part in re.split(r"[;\n]", text):
        for piece in re.split(r",\s*", part):
            piece = squash(piece).strip(" .-–")
            if not piece:
                continue
            if agencies and not _starts_agency(piece) and not part.startswith(piece):
                agencies[-1] = f"{agencies[-1]}, {piece}"
            else:
                agencies.append(piece)
    return agencies


def _starts_agency(text: str) -> bool:
    return starts_with_body(text) or bool(re.match(r"(các|UBND|HĐND|Ủy ban|Uỷ ban|Công an|Bộ Chỉ huy)\b", text, re.I))


def parse_deadline(text: str) -> str | None:
    """ "Quý IV/2025" → 2025-Q4, "Tháng 12/2025" → 2025-12, "30/11/2025" → 2025-11-30, "Năm 2026" → 2026."""
    if not text:
        return None
    date, _ = find_date(text)
    if date:
        return date
    quarter = _QUARTER.search(text)
    if quarter and quarter.group("year"):
        return f"{quarter.group('year')}-Q{_ROMAN_QUARTER[quarter.group('q')]}"
    month = _MONTH.search(text)
    if month:
        return iso(month.group("year"), month.group("month"), None)
    year = _YEAR.search(text)
    return year.group("year") if year and len(re.findall(r"20\d{2}", text)) == 1 else None
