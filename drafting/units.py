"""The administrative unit a clerk names on the command line, resolved against vietnam-provinces.

Provinces and communes come from the package (34 provinces, 3,321 xã/phường/đặc khu since 1/7/2025);
pre-2025 provinces from ``data/provinces_2024.json``. Districts no longer exist in any list: a district
is taken as written, only its province is checked. Names match without case, diacritics, tone
placement ("Hoà"/"Hòa") or the kind word ("xã", "phường" …); an exact spelling wins over a loose one.
``level_terms`` reads ``data/level_mapping.json``: the bodies and scope words of a plan of each level.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from vietnam_provinces import Province, Ward

from drafting.data_files import load
from drafting.errors import UsageError
from drafting.parsing.text import strip_accents, title_case_name

LEVELS = ("province", "district", "commune")
ERAS = ("pre2025", "post2025")


@dataclass(frozen=True)
class Unit:
    kind: str  # tỉnh | thành phố | xã | phường | đặc khu | huyện | thị xã | quận
    name: str  # as officially written, without the kind: "Tân Thành", "Hồ Chí Minh"
    full: str  # "xã Tân Thành", "tỉnh Khánh Hòa", "Thành phố Hồ Chí Minh", "Phường 1 Bảo Lộc"
    province: str  # "Khánh Hòa", "Hồ Chí Minh"
    province_full: str  # "tỉnh Khánh Hòa", "Thành phố Hồ Chí Minh"
    level: str  # province | district | commune
    code: int | None = None  # the package's code; None for districts and pre-2025 provinces


Entry = tuple[Unit, tuple[str, str]]  # a unit and its exact and loose matching keys
Reading = tuple[str | None, str]  # a kind word read at the start of a name, and the rest


def resolve_unit(name: str, province: str | None = None, level: str = "commune") -> Unit:
    """The unit the clerk means; UsageError when it is unknown or several units fit.

    ``province`` narrows a commune (a pre-2025 province stands for the one that took it over) and is
    required for a district; it is ignored for a province.
    """
    if level == "province":
        return _find_province(name)
    if level == "district":
        return _district(name, province)
    if level == "commune":
        return _commune(name, province)
    raise ValueError(f"level must be one of {LEVELS}, not {level!r}")


def level_terms(level: str, era: str, kind: str | None = None) -> dict[str, dict[str, dict[str, Any]]]:
    """Bodies (by role), scope words and award forms of a plan of ``level`` in ``era``, for a unit of ``kind``.

    Each term is ``{"name", "variants", "also"}`` with ``{kind}`` filled in; roles a level lacks are absent.
    """
    if level not in LEVELS or era not in ERAS or (level, era) == ("district", "post2025"):
        raise ValueError(f"no plans of level {level!r} in era {era!r}")
    mapping = load("level_mapping")
    kind = kind or next(iter(mapping["kind_words"][level]))
    word = mapping["kind_words"][level][kind]
    sections = ("roles", "scope", "awards")
    return {section: _terms(mapping[section], level, era, kind, word) for section in sections}


# --- level mapping ------------------------------------------------------------------------------


def _terms(table: dict[str, Any], level: str, era: str, kind: str, word: str) -> dict[str, dict[str, Any]]:
    found = {}
    for key, levels in table.items():
        eras = levels.get(level, {})
        entry = eras.get(era, eras.get("all"))
        if entry is not None:
            found[key] = _term(entry, kind, word)
    return found


def _term(entry: str | dict[str, Any], kind: str, word: str) -> dict[str, Any]:
    if isinstance(entry, str):
        entry = {"name": entry}
    entry = entry.get("by_kind", {}).get(kind, entry)
    if isinstance(entry, str):
        entry = {"name": entry}
    return {
        "name": entry["name"].replace("{kind}", word),
        "variants": [text.replace("{kind}", word) for text in entry.get("variants", [])],
        "also": [text.replace("{kind}", word) for text in entry.get("also", [])],
    }


# --- matching keys ------------------------------------------------------------------------------


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng


def name_key(text: str) -> str:
    """Exact key: case and tone placement ("hoá"/"hóa", "uỷ"/"ủy") ignored, dashes and dots as spaces."""
    text = re.sub(r"[’‘ʼ`]", "'", unicodedata.normalize("NFC", text).lower())
    text = re.sub(r"\w+", lambda word: _tone_last(word.group()), text)
    return " ".join(re.sub(r"[-–—.,]", " ", text).split())


def _tone_last(word: str) -> str:
    """The syllable with its tone mark moved to the end, wherever it was written."""
    chars = unicodedata.normalize("NFD", word)
    return "".join(char for char in chars if char not in _TONE_MARKS) + "".join(
        char for char in chars if char in _TONE_MARKS
    )


def _loose(text: str) -> str:
    """Loose key: the exact key without diacritics or apostrophes, old i/y spelling folded."""
    key = strip_accents(name_key(text)).replace("'", "")
    for pattern, replacement in _words()["loose_spellings"]:
        key = re.sub(pattern, replacement, key)
    return key


def _keys(text: str) -> tuple[str, str]:
    return name_key(text), _loose(text)


@cache
def _words() -> dict[str, Any]:
    return load("units")  # type: ignore[no-any-return]


def _readings(text: str, level: str) -> list[Reading]:
    """The name as a whole, and the name after each kind word it may start with."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    found: list[Reading] = [(None, text)]
    for kind, spellings in _words()["kinds"][level].items():
        for form in {variant for spelling in spellings for variant in (spelling, strip_accents(spelling))}:
            match = re.match(rf"{re.escape(form)}(?:\s+|(?<=\.))(?=\S)", text, re.IGNORECASE)
            if match:
                found.append((kind, text[match.end() :]))
    return found


def _province_readings(text: str) -> list[Reading]:
    aliases = _words()["province_aliases"]
    return [(kind, aliases.get(_loose(rest), rest)) for kind, rest in _readings(text, "province")]


def _matches(
    readings: list[Reading], pool: Iterable[Entry], kinds: Callable[[str], list[str]] | None = None
) -> list[Unit]:
    """Units whose name fits a reading: exact keys first, loose keys only when no exact one fits.

    ``kinds`` gives the unit kinds a kind word read in the text allows; None: any kind.
    """
    pool = list(pool)
    for tier in (0, 1):
        found: list[Unit] = []
        for kind, rest in readings:
            allowed = None if kind is None or kinds is None else kinds(kind)
            wanted = _keys(rest)[tier]
            found += [unit for unit, keys in pool if keys[tier] == wanted and (allowed is None or unit.kind in allowed)]
        if found:
            return list(dict.fromkeys(found))
    return []


# --- provinces ----------------------------------------------------------------------------------


def _province_unit(name: str, city: bool, code: int | None) -> Unit:
    kind = "thành phố" if city else "tỉnh"
    full = f"Thành phố {name}" if city else f"tỉnh {name}"
    return Unit(kind, name, full, name, full, "province", code)


@cache
def _current_provinces() -> tuple[Entry, ...]:
    units = []
    for province in Province.iter_all():
        name = " ".join(province.name.split()).removeprefix("Thành phố ")
        city = province.division_type.name == "THANH_PHO_TRUNG_UONG"
        units.append(_province_unit(name, city, int(province.code)))
    return tuple((unit, _keys(unit.name)) for unit in units)


@cache
def _former_provinces() -> tuple[Entry, ...]:
    data = load("provinces_2024")
    units = [_province_unit(name, True, None) for name in data["cities"]]
    units += [_province_unit(name, False, None) for name in data["provinces"]]
    return tuple((unit, _keys(unit.name)) for unit in units)


def _provinces() -> list[Entry]:
    """The 34 first, then the pre-2025 provinces whose name is not one of them."""
    current = list(_current_provinces())
    names = {keys for _, keys in current}
    return current + [entry for entry in _former_provinces() if entry[1] not in names]


def _find_province(text: str) -> Unit:
    readings = _province_readings(text)
    found = _matches(readings, _current_provinces()) or _matches(readings, _former_provinces())
    return _single(text, found, readings, _provinces(), "province")


def _successor(unit: Unit) -> Unit:
    """The province of the 34 that holds a pre-2025 province's territory today."""
    if unit.code is not None:
        return unit
    name = load("provinces_2024")["successor"].get(unit.name, unit.name)
    return next(current for current, _ in _current_provinces() if current.name == name)


# --- communes and districts ---------------------------------------------------------------------


@cache
def _communes() -> tuple[Entry, ...]:
    provinces = {unit.code: unit for unit, _ in _current_provinces()}
    entries = []
    for ward in Ward.iter_all():
        home = provinces[int(ward.province_code)]
        kind = ward.division_type.value
        name = " ".join(ward.name.split())[len(kind) + 1 :]
        unit = Unit(kind, name, _full(kind, name), home.name, home.full, "commune", int(ward.code))
        entries.append((unit, _keys(name)))
    return tuple(entries)


def _full(kind: str, name: str) -> str:
    """ "xã Tân Thành"; a name led by a number capitalises the kind ("Phường 1 Bảo Lộc", ND30 Phụ lục II)."""
    return f"{kind[:1].upper() + kind[1:] if name[:1].isdigit() else kind} {name}"


def _commune_kinds(kind: str) -> list[str]:
    return _words()["search_kinds"].get(kind, [kind])  # type: ignore[no-any-return]


def _commune(name: str, province: str | None) -> Unit:
    pool = list(_communes())
    where = ""
    if province is not None:
        given = _find_province(province)
        home = _successor(given)
        pool = [entry for entry in pool if entry[0].province == home.name]
        where = f" ({home.full})" if home == given else f" ({home.full}, gồm địa bàn {given.full} cũ)"
    readings = _readings(name, "commune")
    return _single(name, _matches(readings, pool, _commune_kinds), readings, pool, "commune", where)


def _district(name: str, province: str | None) -> Unit:
    readings = [reading for reading in _readings(name, "district") if reading[0] is not None]
    kind, bare = readings[0] if readings else (None, " ".join(name.split()))
    bare = title_case_name(bare) if bare in (bare.lower(), bare.upper()) else bare
    if province is None:
        shown = _full(kind or "huyện", bare)
        raise _ambiguous(name, [f"{shown} (không rõ thuộc tỉnh nào)"], f"“{shown}” --province “tên tỉnh”")
    home = _find_province(province)
    if kind is None:
        kinds = [other for other in _words()["kinds"]["district"] if other != "quận" or home.kind == "thành phố"]
        candidates = [f"{_full(other, bare)} ({home.full})" for other in kinds]
        raise _ambiguous(name, candidates, f"“{_full('huyện', bare)}” --province “{home.name}”")
    return Unit(kind, bare, _full(kind, bare), home.name, home.full, "district")


# --- one answer or a message --------------------------------------------------------------------


def _single(
    text: str, found: list[Unit], readings: list[Reading], pool: list[Entry], level: str, where: str = ""
) -> Unit:
    if len(found) == 1:
        return found[0]
    if found:
        first = found[0]
        example = f"“{first.full}”" + (f" --province “{first.province}”" if level == "commune" else "")
        raise _ambiguous(text, [_shown(unit) for unit in found], example)
    raise UsageError(
        "unit_unknown",
        name=text,
        what=_words()["level_labels"][level],
        where=where,
        suggestions=_suggestions(readings, pool),
    )


def _ambiguous(text: str, candidates: list[str], example: str) -> UsageError:
    return UsageError("unit_ambiguous", name=text, candidates="; ".join(candidates), example=example)


def _shown(unit: Unit) -> str:
    return unit.full if unit.level == "province" else f"{unit.full} ({unit.province_full})"


def _suggestions(readings: list[Reading], pool: list[Entry], limit: int = 5) -> str:
    """Up to ``limit`` units whose loose name is closest to a reading of the text (difflib)."""
    by_key: dict[str, list[Unit]] = {}
    for unit, (_, loose) in pool:
        by_key.setdefault(loose, []).append(unit)
    wanted = [_loose(rest) for _, rest in readings]
    scores = {key: max(difflib.SequenceMatcher(None, text, key).ratio() for text in wanted) for key in by_key}
    close = sorted((key for key in by_key if scores[key] >= 0.6), key=lambda key: -scores[key])
    units = [_shown(unit) for key in close for unit in by_key[key]][:limit]
    return "Tên gần giống: " + "; ".join(units) + "." if units else "Không có tên nào gần giống."


def communes(province: str | None = None) -> list[Unit]:
    """Every xã, phường and đặc khu in the package's order; only ``province``'s when it is given (a pre-2025
    province stands for the one that holds its territory today). For batch drafting (drafting/batch/)."""
    units = [unit for unit, _ in _communes()]
    if province is None:
        return units
    home = _successor(_find_province(province))
    return [unit for unit in units if unit.province == home.name]
