"""Numbers as Vietnamese reports write them: "1.234" is 1234, "12,5" is 12.5, "85%", "9,49/10".

A table that writes decimals with a dot ("90.91") is read with ``dot_decimal``; a separator followed by
one, two or four digits is a decimal mark whatever the style, since no thousands group has that many.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = ["DOT_DECIMAL", "Figure", "parse_figure"]


@dataclass(frozen=True)
class Figure:
    """A number read from a cell: "85%" is 85 with ``percent``, "9,49/10" is 9.49 ``of`` 10."""

    value: Decimal
    percent: bool = False
    of: Decimal | None = None


_NUMBER = re.compile(r"^[+-]?\d[\d.,]*$")
DOT_DECIMAL = re.compile(r"^[+-]?\d+\.(?:\d{1,2}|\d{4,})$")  # "90.91": no thousands group has 2 digits


def parse_figure(text: str, dot_decimal: bool = False) -> Figure | None:
    """The number a cell writes, or None for a blank, a blank marker or text.

    Vietnamese style by default: "." groups thousands, "," marks decimals; ``dot_decimal`` reads a
    column that writes "90.91" the other way. Spaces inside are dropped ("17, 66", "1 234")."""
    compact = "".join(text.split())
    percent = compact.endswith("%")
    compact = compact.rstrip("%")
    whole, _, of = compact.partition("/")
    value = _number(whole, dot_decimal)
    if value is None:
        return None
    denominator = _number(of, dot_decimal) if of else None
    if of and denominator is None:
        return None
    return Figure(value, percent, denominator)


def _number(text: str, dot_decimal: bool) -> Decimal | None:
    if not _NUMBER.match(text):
        return None
    marks = [mark for mark in ".," if mark in text]
    if len(marks) == 2:  # "1.234,5" or "1,234.5": the last one marks the decimals
        decimal_mark = "." if text.rfind(".") > text.rfind(",") else ","
    elif not marks:
        decimal_mark = ","
    elif text.count(marks[0]) > 1:  # "17.454.000": only thousands repeat
        decimal_mark = "," if marks[0] == "." else "."
    elif len(text) - text.rfind(marks[0]) != 4:  # "90.91", "12,5": no thousands group has 1 or 2 digits
        decimal_mark = marks[0]
    else:  # "1.234" or "1,234": the column's style decides, Vietnamese unless it writes "90.91"
        decimal_mark = "." if dot_decimal else ","
    grouping = "." if decimal_mark == "," else ","
    try:
        return Decimal(text.replace(grouping, "").replace(decimal_mark, "."))
    except InvalidOperation:
        return None
