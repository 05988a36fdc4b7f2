"""File names of the drafts: ASCII, lower case, words joined by "-" ("xa-lac-duong.docx"), readable and safe on
Windows and Linux alike (no diacritics that an old unzip or a USB stick formatted FAT would mangle). A name a clerk
types in the sheet is checked, never used raw."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from drafting.batch.errors import message
from drafting.parsing.text import strip_accents
from drafting.units import Unit, communes

_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
_FORBIDDEN = re.compile(r'[<>:"|?*\x00-\x1f]')
MAX_NAME = 100


def slug(text: str) -> str:
    """ "xã Chân Mây – Lăng Cô" → "xa-chan-may-lang-co"; "phường B'Lao" → "phuong-b-lao"."""
    return "-".join(re.findall(r"[a-z0-9]+", strip_accents(text).lower())) or "don-vi"


@cache
def _province_slugs(province: str) -> dict[int | None, str]:
    """Every unit of a province by its slug; two units that differ only by their accents ("Tân Hòa", "Tân Hóa")
    both get their code appended, decided over the whole province so a name never depends on the selection."""
    units = communes(province)
    counts = Counter(slug(unit.full) for unit in units)
    return {unit.code: slug(unit.full) + (f"-{unit.code}" if counts[slug(unit.full)] > 1 else "") for unit in units}


def draft_name(unit: Unit, nested: bool) -> str:
    """The draft's path inside the output folder; one folder per province when the selection spans several."""
    name = _province_slugs(unit.province).get(unit.code) or slug(unit.full)
    return f"{slug(unit.province_full)}/{name}.docx" if nested else f"{name}.docx"


def file_name_problem(value: str) -> str | None:
    """Why a name typed in the sheet cannot be a file name, or None when it can."""
    if "/" in value or "\\" in value or ".." in value:
        return message("file_name_why_path")
    if _FORBIDDEN.search(value):
        return message("file_name_why_chars")
    if value.split(".")[0].strip().lower() in _WINDOWS_RESERVED:
        return message("file_name_why_reserved")
    if len(value) > MAX_NAME:
        return message("file_name_why_long")
    return None


def clerk_file_name(value: str) -> str:
    """A checked name from the sheet, with .docx added; trailing dots and spaces (Windows drops them) removed."""
    name = value.strip().rstrip(". ")
    return name if name.lower().endswith(".docx") else f"{name}.docx"
