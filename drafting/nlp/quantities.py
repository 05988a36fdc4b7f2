"""Quantities: "05 tập thể và 05 cá nhân", "từ 6%/năm trở lên", "20% số xóm", "1.000 hộ"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from drafting.data_files import load


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    normal: str  # "5 tập thể", "6%/năm"


@cache
def _pattern() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in sorted(load("nlp")["quantity_units"], key=len, reverse=True))
    return re.compile(
        rf"(?<![\w/.,])(?P<number>\d{{1,3}}(?:[.]\d{{3}})*(?:,\d+)?)\s*(?:(?P<percent>%)(?:\s*/\s*năm)?(?:\s+số\s+(?P<of>\w+))?"
        rf"|\s+(?P<unit>{units})(?!\w))"
    )


def find_quantities(text: str) -> list[Quantity]:
    found = []
    for match in _pattern().finditer(text):
        number = match.group("number").replace(".", "").replace(",", ".")
        value = str(int(number)) if number.isdigit() else number
        rest = match.group(0)[len(match.group("number")) :].strip()
        normal = f"{value}{rest}" if match.group("percent") else f"{value} {rest}"
        found.append(Quantity(match.start(), match.end(), normal))
    return found
