"""Resolving the unit a clerk names (drafting.units) and the level-mapping data file."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest
from vietnam_provinces import Province, Ward

from drafting.data_files import load
from drafting.errors import MESSAGES, UsageError
from drafting.units import ERAS, LEVELS, Unit, level_terms, name_key, resolve_unit

from conftest import SEEDS, WILD

# Three real units read from Ward.iter_all(): (package name, province code).
KHANH_HOA_COMMUNE = ("Xã Ninh Hải", 56)
DAK_LAK_COMMUNE = ("Xã Ea Kar", 66)
HA_NOI_WARD = ("Phường Hoàn Kiếm", 1)


def _ward(name: str, province_code: int) -> Any:
    return next(w for w in Ward.iter_all() if w.name == name and int(w.province_code) == province_code)


def _unknown_or_ambiguous(key: str, name: str, province: str | None = None, level: str = "commune") -> str:
    with pytest.raises(UsageError) as caught:
        resolve_unit(name, province, level)
    assert caught.value.key == key
    assert caught.value.exit_code == 2
    return str(caught.value)


# --- communes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ward", "spellings", "province"),
    [
        (KHANH_HOA_COMMUNE, ["xa ninh hai", "Ninh Hải", "NINH HẢI", "xã Ninh Hải", "X. Ninh Hải"], "khanh hoa"),
        (DAK_LAK_COMMUNE, ["ea kar", "XÃ EA KAR", "Ea Kar"], "Đắk Lắk"),
        (HA_NOI_WARD, ["phuong hoan kiem", "Hoàn Kiếm", "PHƯỜNG HOÀN KIẾM", "P. Hoàn Kiếm"], "ha noi"),
    ],
)
def test_real_units_resolve_however_they_are_spelled(
    ward: tuple[str, int], spellings: list[str], province: str
) -> None:
    expected = _ward(*ward)
    for spelling in spellings:
        for narrowed in (province, None):
            unit = resolve_unit(spelling, narrowed)
            assert unit.code == int(expected.code), (spelling, narrowed)
            assert unit.full.lower() == expected.name.lower()


def test_a_commune_carries_its_kind_name_and_province() -> None:
    unit = resolve_unit("xa ninh hai", "khanh hoa")
    assert unit == Unit("xã", "Ninh Hải", "xã Ninh Hải", "Khánh Hòa", "tỉnh Khánh Hòa", "commune", unit.code)
    ward = resolve_unit("Hoàn Kiếm")
    assert (ward.kind, ward.full, ward.province, ward.province_full) == (
        "phường",
        "phường Hoàn Kiếm",
        "Hà Nội",
        "Thành phố Hà Nội",
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        ward.name = "Ba Đình"  # type: ignore[misc]


def test_tone_placement_does_not_matter() -> None:
    assert resolve_unit("Hoà Thắng", "Khánh Hoà").full == "phường Hòa Thắng"
    assert resolve_unit("Thủy Nguyên").full == "phường Thuỷ Nguyên"  # the package writes "Thuỷ"
    assert name_key("Uỷ ban nhân dân") == name_key("Ủy ban nhân dân")
    assert name_key("hoá") == name_key("hóa") != name_key("hoa")


def test_exact_diacritics_win_over_a_loose_match() -> None:
    # Tây Ninh has both xã Tân Thành and xã Tân Thạnh: written with diacritics, one is meant.
    assert resolve_unit("Tân Thành", "tay ninh").name == "Tân Thành"
    assert resolve_unit("Tân Thạnh", "tay ninh").name == "Tân Thạnh"
    message = _unknown_or_ambiguous("unit_ambiguous", "tan thanh", "tay ninh")
    assert "xã Tân Thành (tỉnh Tây Ninh)" in message and "xã Tân Thạnh (tỉnh Tây Ninh)" in message


def test_the_kind_word_narrows_the_search() -> None:
    phuong = _unknown_or_ambiguous("unit_ambiguous", "phường Tân Thành")
    assert "phường Tân Thành (Thành phố Hồ Chí Minh)" in phuong
    assert "xã Tân Thành" not in phuong


def test_a_shared_name_without_province_lists_the_candidates() -> None:
    provinces = defaultdict(list)
    for ward in Ward.iter_all():
        provinces[" ".join(ward.name.split())].append(ward.province_code)
    name, codes = sorted((n, c) for n, c in provinces.items() if len(c) >= 3)[0]
    message = _unknown_or_ambiguous("unit_ambiguous", name)
    for code in codes:
        province = Province.from_code(code).name.removeprefix("Thành phố ")
        assert province in message
    assert name.split(" ", 1)[1] in message
    assert "--province" in message and "ghi đầy đủ tên" in message
    chosen = Province.from_code(codes[-1]).name
    assert resolve_unit(name, chosen).province in chosen


def test_an_unknown_name_suggests_the_closest() -> None:
    message = _unknown_or_ambiguous("unit_unknown", "Ninh Hảii", "Khánh Hòa")
    assert "“Ninh Hảii”" in message and "tỉnh Khánh Hòa" in message
    assert "Tên gần giống: xã Ninh Hải (tỉnh Khánh Hòa)" in message
    assert message.count("(tỉnh") <= 6  # at most 5 suggestions, plus the province searched
    assert "kiểm tra chính tả" in message
    assert "Không có tên nào gần giống" in _unknown_or_ambiguous("unit_unknown", "Zzyzx Qwrt")


def test_an_unknown_province_is_reported_as_such() -> None:
    message = _unknown_or_ambiguous("unit_unknown", "Ninh Hải", "Khánh Hoàà")
    assert "tỉnh, thành phố “Khánh Hoàà”" in message and "tỉnh Khánh Hòa" in message


def test_a_pre_2025_province_narrows_to_the_one_that_took_it_over() -> None:
    unit = resolve_unit("phuong kon tum", "Kon Tum")
    assert (unit.full, unit.province) == ("phường Kon Tum", "Quảng Ngãi")
    message = _unknown_or_ambiguous("unit_unknown", "Hoàn Kiếm", "kon tum")
    assert "tỉnh Quảng Ngãi, gồm địa bàn tỉnh Kon Tum cũ" in message


# --- provinces -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "full", "code"),
    [
        ("khanh hoa", "tỉnh Khánh Hòa", 56),
        ("Tỉnh Khánh Hoà", "tỉnh Khánh Hòa", 56),
        ("TP.HCM", "Thành phố Hồ Chí Minh", 79),
        ("thành phố Hà Nội", "Thành phố Hà Nội", 1),
        ("Huế", "Thành phố Huế", 46),
        ("Kon Tum", "tỉnh Kon Tum", None),
        ("ba ria vung tau", "tỉnh Bà Rịa - Vũng Tàu", None),
    ],
)
def test_provinces_of_today_and_before_2025(text: str, full: str, code: int | None) -> None:
    unit = resolve_unit(text, level="province")
    assert (unit.full, unit.province_full, unit.code, unit.level) == (full, full, code, "province")
    assert unit.province == unit.name and not unit.name.startswith(("Thành phố", "tỉnh"))


def test_pre_2025_province_list() -> None:
    data = load("provinces_2024")
    names = data["cities"] + data["provinces"]
    assert len(names) == len(set(names)) == 63
    today = {p.name.removeprefix("Thành phố ") for p in Province.iter_all()}
    assert set(data["successor"]) <= set(names)
    assert set(data["successor"].values()) <= today
    assert today == {data["successor"].get(name, name) for name in names}


# --- districts (pre-2025 chains) -----------------------------------------------------------------


def test_a_district_is_taken_as_written_with_its_province_checked() -> None:
    unit = resolve_unit("huyện Ninh Hải", "Ninh Thuận", level="district")
    assert unit == Unit("huyện", "Ninh Hải", "huyện Ninh Hải", "Ninh Thuận", "tỉnh Ninh Thuận", "district", None)
    town = resolve_unit("TX. Ninh Hòa", "khánh hoà", level="district")
    assert (town.kind, town.name, town.province) == ("thị xã", "Ninh Hòa", "Khánh Hòa")
    assert resolve_unit("Quận 1", "TP.HCM", level="district").full == "Quận 1"


def test_a_district_needs_a_known_province_and_a_kind() -> None:
    assert "Atlantis" in _unknown_or_ambiguous("unit_unknown", "huyện Ninh Hải", "Atlantis", "district")
    no_kind = _unknown_or_ambiguous("unit_ambiguous", "Ninh Hải", "Ninh Thuận", "district")
    assert "huyện Ninh Hải (tỉnh Ninh Thuận)" in no_kind and "thị xã Ninh Hải" in no_kind
    assert "quận Ninh Hải" not in no_kind  # a tỉnh has no quận
    assert "--province" in _unknown_or_ambiguous("unit_ambiguous", "huyện Ninh Hải", None, "district")


def test_messages_are_catalogued() -> None:
    assert {"unit_ambiguous", "unit_unknown"} <= set(MESSAGES)


# --- the level-mapping file ----------------------------------------------------------------------


def _entries() -> Iterator[tuple[str, str, str, str, Any]]:
    """(section, key, level, era, entry) for every entry of the mapping; era may be "all"."""
    mapping = load("level_mapping")
    for section in ("roles", "scope", "awards"):
        for key, levels in mapping[section].items():
            for level, eras in levels.items():
                for era, entry in eras.items():
                    yield section, key, level, era, entry


def _names(entry: Any) -> list[str]:
    """Every name an entry writes: its name, variants, also, and those of its by_kind overrides."""
    if isinstance(entry, str):
        return [entry]
    names = [entry["name"], *entry.get("variants", []), *entry.get("also", [])]
    return names + [name for override in entry.get("by_kind", {}).values() for name in _names(override)]


def test_every_entry_names_a_body_at_a_real_level_and_era() -> None:
    kinds = load("level_mapping")["kind_words"]
    for section, key, level, era, entry in _entries():
        assert level in LEVELS and era in (*ERAS, "all"), (section, key, level, era)
        assert (level, era) not in {("district", "post2025"), ("district", "all")}, (section, key)
        assert all(name.strip() for name in _names(entry)), (section, key, level, era)
        by_kind = entry.get("by_kind", {}) if isinstance(entry, dict) else {}
        assert set(by_kind) <= set(kinds[level]), (section, key, level, era)


@pytest.mark.parametrize(
    ("level", "era"), [(lv, er) for lv in LEVELS for er in ERAS if (lv, er) != ("district", "post2025")]
)
def test_level_terms_fill_the_unit_kind(level: str, era: str) -> None:
    terms = level_terms(level, era)
    assert set(terms) == {"roles", "scope", "awards"}
    for role in ("people_committee", "chairman", "emulation_council", "front", "police", "military"):
        assert terms["roles"][role]["name"], role
    for section in terms.values():
        for term in section.values():
            assert all("{kind}" not in name for name in [term["name"], *term["variants"], *term["also"]])


def test_level_terms_re_assign_a_parent_body_down_the_chain() -> None:
    chain = [level_terms("province", "pre2025"), level_terms("district", "pre2025"), level_terms("commune", "post2025")]
    assert [terms["roles"]["internal_affairs"]["name"] for terms in chain] == [
        "Sở Nội vụ",
        "Phòng Nội vụ",
        "Phòng Văn hóa - Xã hội",
    ]
    assert [terms["roles"]["people_committee"]["name"] for terms in chain] == [
        "Ủy ban nhân dân tỉnh",
        "Ủy ban nhân dân huyện",
        "Ủy ban nhân dân xã",
    ]
    assert [terms["scope"]["whole"]["name"] for terms in chain] == ["toàn tỉnh", "toàn huyện", "toàn xã"]
    assert level_terms("commune", "post2025")["roles"]["economy"]["name"] == "Phòng Kinh tế"
    ward = level_terms("commune", "post2025", "phường")
    assert ward["roles"]["economy"]["name"] == "Phòng Kinh tế, Hạ tầng và Đô thị"
    assert ward["scope"]["whole"]["name"] == "toàn phường"
    city = level_terms("province", "post2025", "thành phố")
    assert city["roles"]["people_committee"]["name"] == "Ủy ban nhân dân Thành phố"
    assert city["roles"]["party_committee"]["name"] == "Thành ủy"
    with pytest.raises(ValueError):
        level_terms("district", "post2025")


def test_province_names_are_found_in_the_corpus_or_noted() -> None:
    corpus = " ".join(name_key(path.read_text(encoding="utf-8")) for path in [*SEEDS, *WILD])
    noted = {name for note in load("level_mapping")["notes"] for name in note.get("names", [])}
    missing = []
    for section, key, level, _, entry in _entries():
        if level == "province":
            for name in _names(entry):
                name = name.replace("{kind}", "tỉnh")
                if name_key(name) not in corpus and name not in noted:
                    missing.append((section, key, name))
    assert not missing
