"""Numbers in a clerk's sheet: read as Vietnamese documents write them ("1.234", "12,5", "85%"; the reading is
drafting.parsing.numbers', shared with the figures tables) and written back the same way."""

from __future__ import annotations

from decimal import Decimal

from drafting.parsing.numbers import parse_figure


def parse_number(text: object) -> Decimal | None:
    """A cell's number: 1234, "1.234", "12,5", "85%"; None for a blank; ValueError for words."""
    if text is None:
        return None
    if isinstance(text, bool):
        raise ValueError(text)
    if isinstance(text, int | float | Decimal):
        return Decimal(str(text))
    if not str(text).strip():
        return None
    figure = parse_figure(str(text))
    if figure is None or figure.of is not None:
        raise ValueError(text)
    return figure.value


def written_number(value: Decimal | None) -> str:
    """1234.5 → "1.234,5" as Vietnamese documents write it; a whole number without decimals."""
    if value is None:
        return ""
    normal = value.normalize()
    sign = "-" if normal < 0 else ""
    whole, _, fraction = f"{abs(normal):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + (f",{fraction}" if fraction.strip("0") else "")
