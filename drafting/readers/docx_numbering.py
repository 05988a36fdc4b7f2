"""Word's automatic numbering (numbering.xml), resolved to the label Word displays.

Counters belong to the abstract list, as in Word: two w:num that share a w:abstractNum continue
one sequence unless a w:lvlOverride/w:startOverride restarts it. A counter restarts when an item of
a shallower level appears (lvlRestart's default). Formats: decimal (and its zero-padded and
legal forms), upper/lower Roman, upper/lower letter, bullet; anything else falls back to decimal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"


def _val(element: etree._Element | None, default: str | None = None) -> str | None:
    if element is None:
        return default
    return element.get(_W + "val", default)


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False


@dataclass
class ListInstance:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


def _parse_level(lvl: etree._Element) -> Level:
    start = _val(lvl.find(_W + "start"), "1") or "1"
    return Level(
        fmt=_val(lvl.find(_W + "numFmt"), "decimal") or "decimal",
        text=_val(lvl.find(_W + "lvlText"), "") or "",
        start=int(start) if start.lstrip("-").isdigit() else 1,
        legal=lvl.find(_W + "isLgl") is not None,
    )


class Numbering:
    """Assigns each numbered paragraph, in document order, the label Word shows for it."""

    def __init__(self, xml: bytes | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._instances: dict[str, ListInstance] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        if xml:
            self._load(etree.fromstring(xml))

    def _load(self, root: etree._Element) -> None:
        for abstract in root.iter(_W + "abstractNum"):
            levels = {int(lvl.get(_W + "ilvl", "0")): _parse_level(lvl) for lvl in abstract.iter(_W + "lvl")}
            self._abstract[abstract.get(_W + "abstractNumId", "")] = levels
        for num in root.iter(_W + "num"):
            instance = ListInstance(_val(num.find(_W + "abstractNumId"), "") or "")
            for override in num.iter(_W + "lvlOverride"):
                ilvl = int(override.get(_W + "ilvl", "0"))
                start = override.find(_W + "startOverride")
                if start is not None:
                    instance.start_overrides[ilvl] = int(_val(start, "1") or "1")
                lvl = override.find(_W + "lvl")
                if lvl is not None:
                    instance.level_overrides[ilvl] = _parse_level(lvl)
            self._instances[num.get(_W + "numId", "")] = instance

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the list's counters for one paragraph and return its displayed label."""
        instance = self._instances.get(num_id)
        if instance is None or num_id == "0":
            return None
        levels = dict(self._abstract.get(instance.abstract_id, {}))
        levels.update(instance.level_overrides)
        if ilvl not in levels:
            return None
        counters = self._counters.setdefault(instance.abstract_id, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for level, start in instance.start_overrides.items():
                counters[level] = start - 1
        level = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [key for key in counters if key > ilvl]:
            del counters[deeper]
        return self._format(level, levels, counters)

    def _format(self, level: Level, levels: dict[int, Level], counters: dict[int, int]) -> str:
        if level.fmt == "bullet":
            return _bullet(level.text)
        if level.fmt == "none":
            return level.text
        text = level.text
        for index in range(9, -1, -1):
            placeholder = f"%{index + 1}"
            if placeholder in text:
                source = levels.get(index, Level())
                value = counters.get(index, source.start)
                fmt = "decimal" if level.legal else source.fmt
                text = text.replace(placeholder, format_number(value, fmt))
        return text


def _bullet(char: str) -> str:
    """Word bullets are symbol-font glyphs; clerks' plans use them as "-" or "+" items."""
    if char in {"+", "\uf02b"}:
        return "+"
    return "-"


_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(value: int) -> str:
    out = []
    for number, letters in _ROMAN:
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def to_letter(value: int) -> str:
    """Word's letter numbering: a … z, then aa … zz."""
    value = max(value, 1)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def format_number(value: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return to_roman(value)
    if fmt == "lowerRoman":
        return to_roman(value).lower()
    if fmt == "lowerLetter":
        return to_letter(value)
    if fmt == "upperLetter":
        return to_letter(value).upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)
