"""The commune's bodies since 1/7/2025 and the fate of every provincial or central body in a commune plan.

Read from ``data/commune_structure.json`` (each entry cites the law it comes from). No I/O beyond that file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from drafting.data_files import load
from drafting.parsing.text import fold, tone_key


@dataclass(frozen=True)
class CommuneBody:
    id: str
    name: str  # as written for this kind of unit: "Phòng Kinh tế, Hạ tầng và Đô thị", "Công an xã"
    relation: str  # assign ("giao") | ask ("đề nghị")
    fields: tuple[str, ...]  # fold()ed keywords of its work


@dataclass(frozen=True)
class Fate:
    """What a body named by the parent becomes in the commune plan."""

    kind: str  # body | commune | front | none | province | unknown
    body: str | None = None  # the commune body's id when kind is body or front
    reason: str = ""


def _kind_values(kind: str) -> dict[str, str]:
    values = load("commune_structure")["kinds"]
    return {"kind": kind, **values.get(kind, values["xã"])}


@cache
def bodies_for(kind: str) -> tuple[CommuneBody, ...]:
    """The commune's bodies, named for a xã, a phường or a đặc khu, in the order a plan lists them."""
    values = _kind_values(kind)
    found = []
    for entry in load("commune_structure")["bodies"]:
        name = entry.get("by_kind", {}).get(kind, entry["name"])
        found.append(CommuneBody(entry["id"], name.format(**values), entry["relation"],
                                 tuple(fold(word) for word in entry.get("fields", []))))
    return tuple(found)


def body(kind: str, body_id: str) -> CommuneBody:
    for candidate in bodies_for(kind):
        if candidate.id == body_id:
            return candidate
    raise KeyError(body_id)


def hamlets(kind: str) -> str:
    """ "thôn", "tổ dân phố" or both: the units below the commune."""
    return _kind_values(kind)["hamlets"]


@cache
def _counterparts() -> tuple[tuple[re.Pattern[str], Fate], ...]:
    rules = []
    for entry in load("commune_structure")["counterparts"]:
        fate = Fate(entry["fate"], entry.get("body"), entry.get("reason", ""))
        if fate.kind == "front":
            fate = Fate("front", "front")
        rules.append((re.compile(tone_key(entry["match"])), fate))
    return tuple(rules)


@cache
def fate_of(name: str) -> Fate:
    """The fate of one body as the parent names it (first matching rule of the data file)."""
    key = fold(name)
    for pattern, fate in _counterparts():
        if pattern.search(key):
            return fate
    return Fate("unknown")


# A group written as one ("Sở Xây dựng, Sở Tài chính", "Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh")
# is split where a new body begins: a capitalised head word after "," or "và".
_HEADS = ("Sở", "Ban", "Bộ", "Công an", "Tòa", "Toà", "Viện", "Ủy ban", "Uỷ ban", "UBND", "Hội", "Liên đoàn", "Đài",
          "Báo", "Ngân hàng", "Kho bạc", "Cục", "Chi cục", "Trung tâm", "Văn phòng", "Thanh tra", "Tỉnh đoàn", "Đoàn",
          "Bảo hiểm", "Trường", "Bệnh viện", "Các", "các", "Bộ đội", "Cảnh sát", "Hải quan", "Thuế")
_SPLIT = re.compile(r"(?:,\s*|\s+và\s+|\s*;\s*)(?=(?:" + "|".join(re.escape(head) for head in _HEADS) + r")\s)")


def split_group(name: str) -> list[str]:
    """The bodies of a group as written: "Sở Xây dựng, Sở Tài chính" → two names. A list that shares one head
    ("các Sở, ban, ngành, địa phương") stays whole."""
    parts = [part.strip(" ,;.") for part in _SPLIT.split(name) if part.strip(" ,;.")]
    return parts or [name]


def fates_of(name: str) -> list[tuple[str, Fate]]:
    return [(part, fate_of(part)) for part in split_group(name)]
