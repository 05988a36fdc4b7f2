"""Numbers as Vietnamese documents write them: "1.234" is a thousand and more, "12,5" has a decimal comma."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_PLAIN = re.compile(r"^\d+(?:[.,]\d+)?$")


def parse_number(text: object) -> Decimal | None:
    """A cell's number: 1234, "1.234", "12,5", "85%", "85 %"; None for a blank; ValueError for words.

    "1.5" (one dot, not three digits after it) is read as a decimal point, as a spreadsheet in English would
    have written it."""
    if text is None:
        return None
    if isinstance(text, bool):
        raise ValueError(text)
    if isinstance(text, int | float | Decimal):
        return Decimal(str(text))
    written = " ".join(str(text).split()).rstrip("%").strip()
    if not written:
        return None
    negative = written.startswith("-") and len(written) > 1
    written = written.lstrip("-").strip()
    if _THOUSANDS.match(written):
        value = written.replace(".", "").replace(",", ".")
    elif _PLAIN.match(written):
        value = written.replace(",", ".")
    else:
        raise ValueError(text)
    try:
        number = Decimal(value)
    except InvalidOperation as error:
        raise ValueError(text) from error
    return -number if negative else number


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
