"""drafting/data/commune_structure.json: every entry cites a source, every body a fate names exists, every regex
compiles, and real body names from the corpus get the fate the law gives them.

The matching rule is the data file's own (re.search on fold(name), first match wins); it is re-implemented here so
the test does not depend on drafting.derive.structure."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from drafting.parsing.text import fold

DATA = Path(__file__).resolve().parent.parent / "drafting" / "data" / "commune_structure.json"
STRUCTURE = json.loads(DATA.read_text(encoding="utf-8"))
FATES = {"body", "commune", "front", "none", "province"}


def fate_of(name: str) -> tuple[str, str | None]:
    key = fold(name)
    for entry in STRUCTURE["counterparts"]:
        if re.search(entry["match"], key):
            return entry["fate"], entry.get("body")
    return "unknown", None


def test_file_is_pretty_json_with_two_space_indent():
    text = DATA.read_text(encoding="utf-8")
    assert text == json.dumps(STRUCTURE, ensure_ascii=False, indent=2) + "\n"


def test_every_body_and_counterpart_cites_a_known_source():
    sources = STRUCTURE["sources"]
    assert all(isinstance(text, str) and text.strip() for text in sources.values())
    for entry in STRUCTURE["bodies"] + STRUCTURE["counterparts"]:
        assert entry["source"] in sources, entry


def test_every_source_is_used():
    used = {entry["source"] for entry in STRUCTURE["bodies"] + STRUCTURE["counterparts"]}
    background = {"domain", "nd151", "qd759"}  # cited by the texts of other sources, not by one entry
    assert set(STRUCTURE["sources"]) - background <= used


def test_body_ids_are_unique_and_fates_name_existing_bodies():
    ids = [entry["id"] for entry in STRUCTURE["bodies"]]
    assert len(ids) == len(set(ids))
    for entry in STRUCTURE["counterparts"]:
        assert entry["fate"] in FATES, entry
        if entry["fate"] == "body":
            assert entry.get("body") in ids, entry
        else:
            assert "body" not in entry, entry
        if entry["fate"] == "none":
            assert entry.get("reason", "").strip(), entry


def test_every_regex_compiles_and_matches_on_folded_text():
    for entry in STRUCTURE["counterparts"]:
        pattern = re.compile(entry["match"])
        # patterns are compiled as written and searched in fold()ed names, so they must be written in fold()ed form
        # (fold turns "đoàn" into "đòan": a pattern "đoàn" would never match)
        assert entry["match"] == fold(entry["match"]), entry["match"]
        assert not pattern.search(""), entry["match"]


def test_fields_are_lower_case_and_unique_within_a_body():
    for entry in STRUCTURE["bodies"]:
        fields = entry.get("fields", [])
        assert all(field == field.lower() and field == " ".join(field.split()) for field in fields), entry["id"]
        assert len(fields) == len(set(fields)), entry["id"]


def test_fields_are_not_shared_between_offices():
    # one field, one office: a task is shared out to the office the law gives it
    offices = [entry for entry in STRUCTURE["bodies"] if entry["id"] in {"office", "culture_society", "economy"}]
    seen: dict[str, str] = {}
    for entry in offices:
        for field in entry["fields"]:
            assert field not in seen, (field, seen.get(field), entry["id"])
            seen[field] = entry["id"]


@pytest.mark.parametrize("field, office", [
    ("nội vụ", "culture_society"), ("cải cách hành chính", "culture_society"), ("thi đua", "culture_society"),
    ("văn thư", "culture_society"), ("lưu trữ", "culture_society"), ("tôn giáo", "culture_society"),
    ("công tác dân tộc", "culture_society"), ("chuyển đổi số", "culture_society"), ("viễn thông", "culture_society"),
    ("y tế", "culture_society"), ("giáo dục", "culture_society"),
    ("tư pháp", "office"), ("hộ tịch", "office"), ("chứng thực", "office"), ("ngoại vụ", "office"),
    ("tài chính", "economy"), ("thống kê", "economy"), ("giảm nghèo", "economy"), ("nông nghiệp", "economy"),
    ("xây dựng", "economy"), ("môi trường", "economy"),
])
def test_field_sits_in_the_office_the_law_gives_it(field, office):
    owners = [entry["id"] for entry in STRUCTURE["bodies"] if field in entry.get("fields", [])]
    assert owners == [office]


def test_ward_names_its_economic_office_and_special_zone_does_not():
    economy = next(entry for entry in STRUCTURE["bodies"] if entry["id"] == "economy")
    assert economy["name"] == "Phòng Kinh tế"
    # đặc khu: Phòng Kinh tế (Phú Quốc aside)
    assert economy["by_kind"] == {"phường": "Phòng Kinh tế, Hạ tầng và Đô thị"}


def test_drug_rehabilitation_is_police_work():
    police = next(entry for entry in STRUCTURE["bodies"] if entry["id"] == "police")
    assert "cai nghiện" in police["fields"]


# Real body names as provincial (and pre-2025 district) plans write them → expected fate. Each comment gives the file
# the name was taken from (corpus/ = /work/main/corpus, shared/ = /work/shared); "(drafting parse …)" means the name is
# an agency or partner read by `drafting parse FILE --format json` from that file (the text may wrap it over lines).
REAL_NAMES = [
    ('Sở Tài chính', ('body', 'economy')),  # wild/09daab284f92e2dd.md
    ('Sở Nông nghiệp và Môi trường', ('body', 'economy')),  # wild/192068354fd1ffe5.md
    ('Sở Xây dựng', ('body', 'economy')),  # wild/31786b0833a4130d.md
    ('Sở Công Thương', ('body', 'economy')),  # wild/192068354fd1ffe5.md
    ('Sở Sây dựng', ('body', 'economy')),  # wild/f069c23c942c1ec6.md
    ('Sở Nội vụ', ('body', 'culture_society')),  # wild/09daab284f92e2dd.md
    ('Sở Khoa học và Công nghệ', ('body', 'culture_society')),  # wild/09daab284f92e2dd.md
    ('Sở KH&CN', ('body', 'culture_society')),  # wild/8718801c503045f9.md
    ('Sở Giáo dục và Đào tạo', ('body', 'culture_society')),  # wild/192068354fd1ffe5.md
    ('Sở Y tế', ('body', 'culture_society')),  # wild/24c7124ec6b2bf61.md
    ('Sở Văn hóa, Thể thao và Du lịch', ('body', 'culture_society')),  # wild/2957e4f4f0e41373.md
    ('Sở Văn hoá, Thể thao và Du lịch', ('body', 'culture_society')),  # wild/8718801c503045f9.md
    ('Sở Lao động - Thương binh và Xã hội', ('body', 'culture_society')),  # seeds/001_50c550435df98776.txt
    ('Sở Thông tin và Truyền thông', ('body', 'culture_society')),  # seeds/002_0eb59aa12a805793.txt
    ('Sở Tư pháp', ('body', 'office')),  # wild/09daab284f92e2dd.md
    ('Sở Ngoại vụ', ('body', 'office')),  # wild/f004d93b21e7fc5f.md
    ('Văn phòng UBND tỉnh', ('body', 'office')),  # wild/0a97eb9c3c536047.md
    ('Công an tỉnh', ('body', 'police')),  # wild/09daab284f92e2dd.md
    ('Công an thành phố', ('body', 'police')),  # wild/24c7124ec6b2bf61.md
    ('Bộ Chỉ huy Quân sự tỉnh', ('body', 'military')),  # wild/0a97eb9c3c536047.md
    ('Ủy ban nhân dân các xã, phường', ('commune', None)),  # wild/2f6f80b9918e52de.md
    ('UBND các xã, phường', ('commune', None)),  # wild/09daab284f92e2dd.md
    ('Ủy ban nhân dân xã, phường', ('commune', None)),  # wild/24c7124ec6b2bf61.md
    ('Ủy ban nhân dân cấp xã', ('commune', None)),  # wild/5d99697f14bcf68a.md
    ('UBND cấp xã', ('commune', None)),  # wild/09daab284f92e2dd.md
    ('UBND các xã/phường', ('commune', None)),  # wild/a49ef8a0da1f62dd.md
    ('Ủy ban nhân dân phường, xã, đặc khu', ('commune', None)),  # wild/2f6f80b9918e52de.md
    ('Chủ tịch Ủy ban nhân dân xã, phường', ('commune', None)),  # wild/24c7124ec6b2bf61.md
    # wild/f069c23c942c1ec6.md
    ('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội trực thuộc', ('front', None)),
    ('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các Đoàn thể tỉnh', ('front', None)),  # wild/bffd9da6f0d38031.md
    # wild/f004d93b21e7fc5f.md
    ('Mặt trận Tổ quốc Việt Nam tỉnh Đồng Nai và các tổ chức chính trị - xã hội', ('front', None)),
    ('Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức thành viên', ('front', None)),  # seeds/000_3e0dd850a7de1391.txt
    ('Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Đồng Nai', ('front', None)),  # wild/f004d93b21e7fc5f.md
    ('Tỉnh đoàn', ('front', None)),  # wild/ad5aff6c13929815.md
    ('Hội Nông dân tỉnh', ('front', None)),  # wild/8718801c503045f9.md
    ('Các đoàn thể, tổ chức xã hội', ('front', None)),  # wild/a49ef8a0da1f62dd.md
    ('Liên đoàn Lao động tỉnh', ('none', None)),  # wild/f004d93b21e7fc5f.md
    ('Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh', ('none', None)),  # wild/f069c23c942c1ec6.md
    ('Viện kiểm sát nhân dân thành phố, Tòa án nhân dân thành phố', ('none', None)),  # wild/24c7124ec6b2bf61.md
    ('Chi cục Hải quan khu vực XIX', ('none', None)),  # wild/24c7124ec6b2bf61.md
    ('Bộ đội Biên phòng thành phố', ('none', None)),  # wild/24c7124ec6b2bf61.md
    ('Ban Chỉ huy Bộ đội Biên phòng thành phố', ('none', None)),  # wild/24c7124ec6b2bf61.md
    ('Ngân hàng nhà nước khu vực XII', ('none', None)),  # wild/ad5aff6c13929815.md
    ('Ngân hàng nhà nước khu vực 8', ('none', None)),  # wild/0a97eb9c3c536047.md
    ('Ngân hàng Chính sách xã hội Thành phố', ('none', None)),  # wild/2f6f80b9918e52de.md
    ('Kho bạc nhà nước', ('none', None)),  # wild/0a97eb9c3c536047.md
    ('Kiểm toán nhà nước khu vực II', ('none', None)),  # wild/0a97eb9c3c536047.md
    ('Bảo hiểm xã hội tỉnh', ('none', None)),  # wild/f004d93b21e7fc5f.md
    ('Thuế tỉnh', ('none', None)),  # wild/0a97eb9c3c536047.md
    ('Ban Quản lý các khu công nghệ cao và khu công nghiệp', ('none', None)),  # wild/31786b0833a4130d.md
    ('Ban Quản lý Khu kinh tế Đông Nam', ('none', None)),  # wild/ceb89a53c7b93f00.md
    ('Báo và Phát thanh, Truyền hình Đồng Nai', ('none', None)),  # wild/f004d93b21e7fc5f.md
    ('Báo và Phát thanh, Truyền hình Cần Thơ', ('none', None)),  # wild/24c7124ec6b2bf61.md
    ('Đài Phát thanh và Truyền hình Thành phố', ('none', None)),  # wild/2f6f80b9918e52de.md
    ('cơ quan báo chí', ('none', None)),  # wild/24c7124ec6b2bf61.md
    ('Ban Tuyên giáo và Dân vận Tỉnh ủy', ('none', None)),  # wild/2957e4f4f0e41373.md
    ('Ban Tuyên giáo Huyện ủy', ('none', None)),  # seeds/000_3e0dd850a7de1391.txt
    ('Hội đồng nhân dân tỉnh', ('none', None)),  # wild/9b7eebadf7081069.md
    ('Liên minh Hợp tác xã Tỉnh', ('none', None)),  # wild/8718801c503045f9.md
    ('Hiệp hội Doanh nghiệp', ('none', None)),  # wild/192068354fd1ffe5.md
    ('Liên hiệp các Hội Khoa học và Kỹ thuật', ('none', None)),  # wild/192068354fd1ffe5.md
    ('Công ty Điện lực Đắk Lắk', ('none', None)),  # wild/62f25a030c183151.md
    ('Các doanh nghiệp viễn thông', ('none', None)),  # wild/31786b0833a4130d.md
    # wild/62f25a030c183151.md
    ('các doanh nghiệp viễn thông (VNPT, Viettel, MobiFone và doanh nghiệp khác)', ('none', None)),
    ('Các doanh nghiệp công nghệ số', ('none', None)),  # wild/f004d93b21e7fc5f.md
    ('Bộ Công an', ('none', None)),  # wild/0a97eb9c3c536047.md
    ('Bộ Khoa học và Công nghệ', ('none', None)),  # wild/192068354fd1ffe5.md
    ('Bộ Nông nghiệp và Môi trường', ('none', None)),  # wild/5d99697f14bcf68a.md
    ('Cục Thủy sản và Kiểm ngư', ('none', None)),  # wild/85ff77cbda28ffbb.md
    ('Viện VSDT Tây Nguyên', ('none', None)),  # wild/a49ef8a0da1f62dd.md
    ('Trung tâm Kiểm soát bệnh tật tỉnh', ('body', 'health_station')),  # wild/a49ef8a0da1f62dd.md
    ('Chi cục Chăn nuôi và Thú y', ('body', 'economy')),  # wild/85ff77cbda28ffbb.md
    ('Chi cục Biển đảo và Thủy sản', ('body', 'economy')),  # wild/85ff77cbda28ffbb.md
    ('Ban Chỉ huy Phòng chống thiên tai và tìm kiếm cứu nạn', ('body', 'economy')),  # wild/a49ef8a0da1f62dd.md
    ('Hội đồng Thi đua - Khen thưởng các cấp', ('body', 'culture_society')),  # seeds/000_3e0dd850a7de1391.txt
    ('Ban Vì sự tiến bộ phụ nữ và Bình đẳng giới', ('body', 'culture_society')),  # wild/31fb08f34535fce3.md
    ('Trung tâm Văn hoá-Thể thao và Truyền thanh', ('body', 'culture_society')),  # seeds/000_3e0dd850a7de1391.txt
    ('Phòng Nội vụ', ('body', 'culture_society')),  # seeds/000_3e0dd850a7de1391.txt
    ('Phòng Lao động - Thương binh và Xã hội', ('body', 'culture_society')),  # seeds/000_3e0dd850a7de1391.txt
    ('Phòng Văn hóa và Thông tin', ('body', 'culture_society')),  # seeds/001_50c550435df98776.txt
    ('Phòng Kinh tế và Hạ tầng', ('body', 'economy')),  # seeds/000_3e0dd850a7de1391.txt
    ('Ủy ban nhân dân tỉnh', ('province', None)),  # wild/0a97eb9c3c536047.md
    ('Chủ tịch Ủy ban nhân dân tỉnh', ('province', None)),  # wild/9b7eebadf7081069.md
    ('các sở, ngành, địa phương có liên quan', ('body', 'all_offices')),  # wild/bffd9da6f0d38031.md
    ('Các sở, ban, ngành tỉnh', ('body', 'all_offices')),  # wild/8718801c503045f9.md
    ('Thủ trưởng các sở, ban, ngành, đoàn thể Thành phố', ('body', 'all_offices')),  # wild/31fb08f34535fce3.md
    ('các cơ quan, đơn vị có liên quan', ('body', 'all_offices')),  # wild/0a97eb9c3c536047.md
    ('các đơn vị liên quan', ('body', 'all_offices')),  # wild/192068354fd1ffe5.md
    ('cơ sở giáo dục', ('body', 'schools')),  # wild/192068354fd1ffe5.md
    ('Các cơ sở đào tạo đại học, sau đại học', ('none', None)),  # wild/ad5aff6c13929815.md
    ('Trung tâm IOC', ('none', None)),  # wild/689f49d25e51cbaa.md
    ('Cổng Thông tin Điện tử tỉnh', ('body', 'office')),  # wild/bffd9da6f0d38031.md
    ('các trường đại học', ('none', None)),  # wild/689f49d25e51cbaa.md
]


def test_table_is_large_enough():
    assert len(REAL_NAMES) >= 60


@pytest.mark.parametrize("name, expected", REAL_NAMES)
def test_real_body_name_gets_its_fate(name, expected):
    assert fate_of(name) == expected


@pytest.mark.parametrize("name, expected", [
    # tight regexes: words of a task or of another body must not decide the fate
    ("Sở Tài chính (thuế, phí)", ("body", "economy")),  # "thuế" only as a body name's head
    ("Sở Nông nghiệp và Môi trường (Chi cục Thủy sản)", ("body", "economy")),  # "cục" inside a counterpart
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", ("province", None)),  # not "trung ương"
    ("Hội đồng Thi đua - Khen thưởng tỉnh", ("body", "culture_society")),  # not an association
    ("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", ("body", "office")),  # not "quốc hội"
    ("Ban Thanh tra nhân dân", ("front", None)),  # not the inspectorate
    ("Bộ Chỉ huy Quân sự tỉnh", ("body", "military")),  # not a ministry ("bộ ")
    ("Bộ Tư lệnh Bộ đội Biên phòng", ("none", None)),  # border guard, not the military command
    ("Trường Chính trị tỉnh", ("none", None)),  # not a commune school
    ("Các trường trung học phổ thông", ("none", None)),  # provincial schools
    ("Trường Tiểu học", ("body", "schools")),
    ("Ủy ban nhân dân tỉnh Đồng Nai", ("province", None)),  # "tỉnh" + "ủy" of the next word is no party committee
    ("Ủy ban nhân dân huyện", ("none", None)),  # abolished level
    ("Trung tâm Phục vụ hành chính công tỉnh", ("body", "public_service_centre")),
    ("Hội Chữ thập đỏ tỉnh", ("none", None)),
    ("Chi cục Thống kê", ("none", None)),
    ("Đảng ủy xã", ("none", None)),
])
def test_tight_patterns(name, expected):
    assert fate_of(name) == expected
