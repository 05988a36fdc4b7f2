"""The unit search box: provinces, and the xã, phường and đặc khu whose name holds every typed word, accents
optional ("tan thanh" finds "xã Tân Thành")."""

from __future__ import annotations

from functools import cache
from typing import Any

from drafting.parsing.text import strip_accents
from drafting.units import Unit, communes
from drafting.web.jobs import unit_dict

LIMIT = 30


def _key(text: str) -> str:
    return " ".join(strip_accents(text).lower().split())


@cache
def provinces() -> tuple[tuple[str, str], ...]:
    """Today's 34 provinces: (name, full name), in the package's order."""
    return tuple(dict.fromkeys((unit.province, unit.province_full) for unit in communes()))


@cache
def _indexed(province: str | None) -> tuple[tuple[Unit, str], ...]:
    return tuple((unit, _key(unit.full)) for unit in communes(province))


def search_units(province: str | None, query: str, limit: int = LIMIT) -> list[dict[str, Any]]:
    """Units of ``province`` (all when None) matching ``query``: names starting with it first, then the rest."""
    words = _key(query).split()
    found = [(unit, key) for unit, key in _indexed(province or None) if all(word in key for word in words)]
    joined = " ".join(words)
    found.sort(key=lambda item: (not item[1].split(" ", 1)[-1].startswith(joined) and not item[1].startswith(joined)))
    return [unit_dict(unit) for unit, _ in found[:limit]]
