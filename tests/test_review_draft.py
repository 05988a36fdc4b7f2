"""The draft review tool's detectors (tools/review_families.py), on real sentences of the BEFORE drafts.

The defective sentences are copied from drafts the engine at commit e890eb8 made with
`tools/review_draft.py --all --repo /work/before` (date 2026-03-05); each says which parent and unit.
Good sentences are what a commune plan may write and must not count.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import review_families as rf  # noqa: E402

from drafting.model import Meta, Plan, Section, Source  # noqa: E402


def _plan(sections: list[Section] | None = None, title: str = "", number: str | None = None,
          recipients: list[str] | None = None) -> Plan:
    return Plan(source=Source("", "docx"), meta=Meta(title=title, number=number, symbol="KH-UBND"),
                sections=sections or [], recipients=recipients or [])


def _draft(paragraphs: list[str], plan: Plan | None = None, xml: str = "", todo: str = "") -> rf.Draft:
    return rf.Draft(paragraphs, plan or _plan(), xml, todo)


def _parent(paragraphs: list[str] | None = None, plan: Plan | None = None) -> rf.Parent:
    return rf.Parent(paragraphs or [], plan or _plan())


def _context(kind: str = "xã", name: str = "Anh Sơn", province: str = "Nghệ An", **more: object) -> rf.Context:
    return rf.Context(unit_kind=kind, unit_name=name, province=province, province_names=[province],
                      draft_date=dt.date(2026, 3, 5), **more)  # type: ignore[arg-type]


def _org(*headings: str, paragraphs: dict[str, list[str]] | None = None) -> Plan:
    children = [Section(str(i + 1), "arabic", heading, paragraphs=(paragraphs or {}).get(heading, []))
                for i, heading in enumerate(headings)]
    return _plan([Section("IV", "roman", "TỔ CHỨC THỰC HIỆN", roles=["organization"], children=children)])


def _details(hits: list[rf.Hit]) -> list[str]:
    return [hit.detail for hit in hits]


# --- 1. invented bodies ---------------------------------------------------------------------------


def test_court_and_procuracy_of_a_commune_count() -> None:
    # 0a97eb9c3c536047.md (Nghệ An, Chỉ thị 32) → xã Anh Sơn
    text = ("6. Đề nghị Văn phòng Đảng ủy xã và các Ban Xây dựng Đảng và Ủy ban Kiểm tra Đảng ủy xã, Văn phòng Đoàn "
            "đại biểu Quốc hội và Hội đồng nhân dân xã, Ủy ban Mặt trận Tổ quốc Việt Nam xã, Viện kiểm sát nhân dân "
            "xã, Tòa án nhân dân xã, Thuế xã, Kiểm toán nhà nước khu vực II")
    details = _details(rf.invented_bodies(_draft([text]), _parent(), _context()))
    assert any("procuracy" in d for d in details) and any("court" in d for d in details)


def test_trade_union_and_economic_zone_board_made_communal_count() -> None:
    # f004d93b21e7fc5f.md (Đồng Nai, kinh tế số) → xã Đại Phước; bffd9da6f0d38031.md (Đồng Tháp) → xã Tân Phú
    texts = ["17. Khuyến khích Liên đoàn Lao động xã, Hội Nông dân xã, Liên minh Hợp tác xã xây dựng kế hoạch hành "
             "động và chỉ đạo hệ thống tổ chức thành viên chủ động tham gia phát triển",
             "11. Ban Quản lý Khu kinh tế xã"]
    hits = rf.invented_bodies(_draft(texts), _parent(), _context("xã", "Tân Phú", "Đồng Tháp"))
    assert len(hits) == 2


def test_bodies_without_commune_counterpart_tasked_as_headings_count() -> None:
    # 24c7124ec6b2bf61.md (Cần Thơ, ma túy) → xã Phong Điền: headings of the organisation part
    plan = _org("Phòng Kinh tế", "Ban Chỉ huy Bộ đội Biên phòng thành phố", "Báo và Phát thanh, Truyền hình Cần Thơ",
                "Đề nghị Chi cục Hải quan khu vực XIX", "Đề nghị Viện kiểm sát nhân dân thành phố, Tòa án nhân dân "
                "thành phố")
    hits = rf.invented_bodies(_draft([]), _parent(), _context("xã", "Phong Điền", "Cần Thơ"))
    assert hits == []
    hits = rf.invented_bodies(_draft([], plan), _parent(), _context("xã", "Phong Điền", "Cần Thơ"))
    assert len(hits) == 4


def test_commune_bodies_and_reports_are_not_invented() -> None:
    texts = ["Giao Công an xã chủ trì, phối hợp với Phòng Văn hóa - Xã hội xã thực hiện.",
             "Đoàn Thanh niên xã tổ chức ra quân; báo cáo Ủy ban nhân dân xã (qua Phòng Kinh tế).",
             "Báo cáo kết quả gửi Phòng Văn hóa - Xã hội trước ngày 10/12/2026."]
    plan = _org("Phòng Văn hóa - Xã hội", "Công an xã", "Báo cáo kết quả thực hiện")
    assert rf.invented_bodies(_draft(texts, plan), _parent(), _context()) == []


# --- 2. collapsed phrases -------------------------------------------------------------------------


def test_level_phrase_collapsed_counts() -> None:
    # f004d93b21e7fc5f.md → xã Đại Phước; bffd9da6f0d38031.md → xã Tân Phú
    texts = ["tích hợp dữ liệu vào các hệ thống thông tin phục vụ quản trị, điều hành các cấp xã đến cấp xã.",
             "bảo đảm phối hợp giữa cấp xã và cấp xã trong triển khai",
             "các chương trình, dự án trọng điểm của tỉnh, xã, xã về chương trình"]
    details = _details(rf.collapsed_phrases(_draft(texts), _parent(), _context()))
    assert len([d for d in details if "X" in d]) == 3


def test_collapsed_phrases_keep_xa_hoi_and_different_levels() -> None:
    texts = ["phát triển kinh tế - xã hội của xã, xã hội hóa nguồn lực",
             "Ủy ban nhân dân các xã, phường, đặc khu triển khai",
             "phối hợp giữa cấp xã và cấp tỉnh"]
    assert rf.collapsed_phrases(_draft(texts), _parent(), _context()) == []


def test_body_listed_twice_and_self_partner_count() -> None:
    # 2f6f80b9918e52de.md (HCM, Luật Việc làm) → xã Châu Pha; 000 seed → xã Nam Cam Ranh
    texts = ["- Cơ quan chủ trì: Phòng Văn hóa - Xã hội, Phòng Văn hóa - Xã hội, Phòng Kinh tế.",
             "- Phòng Văn hóa - Xã hội chủ trì, phối hợp với Phòng Văn hóa - Xã hội, Phòng Kinh tế tiến hành tổng kết "
             "Phong trào thi đua vào quý I năm năm 2026."]
    details = _details(rf.collapsed_phrases(_draft(texts), _parent(), _context("xã", "Châu Pha", "Hồ Chí Minh")))
    assert any("listed twice" in d for d in details)
    assert any("coordinates with itself" in d for d in details)


def test_partner_of_another_office_is_fine() -> None:
    texts = ["- Phòng Kinh tế chủ trì, phối hợp với Phòng Văn hóa - Xã hội tổ chức thực hiện."]
    plan = _org("Phòng Kinh tế", "Phòng Văn hóa - Xã hội",
                paragraphs={"Phòng Kinh tế": ["Chủ trì, phối hợp với Phòng Văn hóa - Xã hội thực hiện."]})
    assert rf.collapsed_phrases(_draft(texts, plan), _parent(), _context()) == []


def test_one_body_heading_several_items_counts() -> None:
    # 0a97eb9c3c536047.md → xã Anh Sơn: "Phòng Văn hóa - Xã hội" heads two items
    plan = _org("Công an xã", "Phòng Văn hóa - Xã hội", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
                "Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội")
    hits = rf.collapsed_phrases(_draft([], plan), _parent(), _context())
    assert len(hits) == 2


def test_capital_mid_sentence_and_province_as_commune_count() -> None:
    # 0a97eb9c3c536047.md → xã Anh Sơn
    texts = ["5. Các ban, ngành, đoàn thể xã, đoàn thể cấp xã và Các thôn, tổ dân phố",
             "- Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan tham mưu Chủ tịch Ủy ban nhân dân xã kiện toàn "
             "Ban Chỉ đạo bảo vệ bí mật nhà nước trên địa bàn xã Nghệ An, thực hiện tốt vai trò"]
    details = _details(rf.collapsed_phrases(_draft(texts), _parent(), _context()))
    assert any("Các thôn" in d for d in details)
    assert any("xã Nghệ An" in d for d in details)


def test_capitals_at_the_start_and_real_names_are_fine() -> None:
    texts = ["- Các thôn, tổ dân phố tổ chức tuyên truyền.", "a) Các tổ chức, cá nhân có liên quan.",
             "Ủy ban nhân dân xã Các Sơn phối hợp với xã Bắc Ninh Hòa."]
    context = _context("xã", "Các Sơn", "Thanh Hóa")
    assert rf.collapsed_phrases(_draft(texts), _parent(), context) == []


# --- 3. upward bodies -----------------------------------------------------------------------------


def test_upward_tasks_count() -> None:
    # 24c7124ec6b2bf61.md → xã Phong Điền; 2957e4f4f0e41373.md (Đắk Lắk, bầu cử) → xã Hòa Phú
    texts = ["2. Giao Công an thành phố có trách nhiệm theo dõi, hướng dẫn, đôn đốc các ban, ngành, đoàn thể xã "
             "thành phố, Ủy ban nhân dân xã, phường triển khai, thực hiện Kế hoạch nghiêm túc, hiệu quả./.",
             "a) Các cơ quan Đảng trực thuộc Đảng ủy xã; các cơ quan Trung ương đóng trên địa bàn xã; các ban, ngành, "
             "đoàn thể xã, Mặt trận Tổ quốc, các hội, đoàn thể"]
    plan = _org("Sở Thông tin và Truyền thông", "Ngân hàng nhà nước khu vực XII")
    hits = rf.upward_bodies(_draft(texts, plan), _parent(), _context("xã", "Phong Điền", "Cần Thơ"))
    assert len(hits) == 4


def test_commune_reporting_to_a_ministry_counts() -> None:
    # 9b7eebadf7081069.md (Cà Mau, tài chính 3 năm) → xã Tân Thuận
    text = ("Trên đây là Kế hoạch tài chính - ngân sách nhà nước 03 năm 2026 - 2028 xã Tân Thuận, Ủy ban nhân dân xã "
            "Cà Mau báo cáo Bộ Tài chính, Kiểm toán nhà nước khu vực V, Hội đồng nhân dân xã.")
    assert len(rf.upward_bodies(_draft([text]), _parent(), _context("xã", "Tân Thuận", "Cà Mau"))) == 1


def test_reporting_to_and_working_with_the_province_is_fine() -> None:
    texts = ["Ủy ban nhân dân xã báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 15/12/2026.",
             "Phòng Văn hóa - Xã hội phối hợp với Sở Y tế tổ chức tập huấn.",
             "Tổng hợp báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ) để tổng hợp, báo cáo Bộ Nội vụ."]
    plan = _org("Phòng Văn hóa - Xã hội", "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã")
    assert rf.upward_bodies(_draft(texts, plan), _parent(), _context()) == []


# --- 4. rewritten citations -----------------------------------------------------------------------

# bffd9da6f0d38031.md (Đồng Tháp, Nghị quyết 48/NQ-CP) → xã Tân Phú
_PARENT_310 = ("- Tiếp tục triển khai thực hiện Kế hoạch 310/KH-UBND ngày 21/8/2024 của Ủy ban nhân dân tỉnh về phát "
               "triển nuôi trồng thủy sản trên biển tỉnh đến năm 2030; phối hợp với Ủy ban nhân dân 04 xã")
_DRAFT_310 = ("- Tiếp tục triển khai thực hiện Kế hoạch 310/KH-UBND ngày 21/8/2024 của Ủy ban nhân dân tỉnh về phát "
              "triển nuôi trồng thủy sản trên biển xã đến năm 2030; phối hợp với Ủy ban nhân dân 04 xã")


def test_citation_title_rewritten_counts() -> None:
    hits = rf.rewritten_citations(_draft([_DRAFT_310]), _parent([_PARENT_310]), _context("xã", "Tân Phú", "Đồng Tháp"))
    assert len(hits) == 1 and "310/KH-UBND" in hits[0].detail


def test_citation_copied_exactly_is_fine() -> None:
    draft = [_PARENT_310, "Thực hiện Kế hoạch 310/KH-UBND ngày 21/8/2024 của Ủy ban nhân dân tỉnh; Ủy ban nhân dân "
                          "xã ban hành"]
    hits = rf.rewritten_citations(_draft(draft), _parent([_PARENT_310]), _context("xã", "Tân Phú", "Đồng Tháp"))
    assert hits == []


def test_parent_itself_cited_with_its_title() -> None:
    # 2f6f80b9918e52de.md (HCM) → xã Châu Pha: the first basis copies the parent's title (case apart)
    parent = _plan(title="TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH", number="172")
    parent.meta.date, parent.meta.issuer = "2025-11-18", "Ủy ban nhân dân Thành phố Hồ Chí Minh"
    good = ("Thực hiện Kế hoạch số 172/KH-UBND ngày 18/11/2025 của Ủy ban nhân dân Thành phố Hồ Chí Minh về triển "
            "khai thi hành Luật Việc làm trên địa bàn Thành phố hồ chí minh;")
    bad = good.replace("Thành phố hồ chí minh;", "xã Châu Pha;")
    context = _context("xã", "Châu Pha", "Hồ Chí Minh")
    assert rf.rewritten_citations(_draft([good]), _parent([], parent), context) == []
    assert len(rf.rewritten_citations(_draft([bad]), _parent([], parent), context)) == 1


# --- 5. province-scale targets --------------------------------------------------------------------


def test_province_targets_count() -> None:
    # 24c7124ec6b2bf61.md → xã Phong Điền; f069c23c942c1ec6.md (Đồng Nai, ma túy) → xã Đại Phước
    texts = ["a) Hằng năm, giảm số người nghiện ma túy; phấn đấu đến năm 2030 đạt ít nhất 50% số xã, phường trên toàn "
             "thành phố không có ma túy.",
             "d) Hướng dẫn các địa phương đạt mục tiêu ít nhất 50% xã, phường không có ma tuý vào năm 2030.",
             "Phấn đấu Chỉ số PAR INDEX, SIPAS của tỉnh thuộc nhóm 10 tỉnh dẫn đầu cả nước."]
    context = _context("xã", "Phong Điền", "Cần Thơ", city=True)
    details = _details(rf.province_scale_targets(_draft(texts), _parent(), context))
    assert len(details) == 6, details


def test_commune_targets_are_fine() -> None:
    texts = ["Phấn đấu 100% hồ sơ thủ tục hành chính của xã được giải quyết đúng hạn.",
             "Tổ chức tuyên truyền trên địa bàn toàn xã."]
    assert rf.province_scale_targets(_draft(texts), _parent(), _context()) == []


def _yellow_runs(texts: list[str], how: str) -> str:
    mark = '<w:shd w:fill="yellow"/>' if how == "shd" else '<w:highlight w:val="yellow"/>'
    runs = "".join(f'<w:p><w:r><w:t>Đạt </w:t></w:r><w:r><w:rPr>{mark}</w:rPr><w:t>{t}</w:t></w:r></w:p>'
                   for t in texts)
    return f"<w:body>{runs}</w:body>"


def test_placeholders_beyond_five_count() -> None:
    # ad5aff6c13929815.md (Bắc Ninh, kinh tế số) → xã Đại Sơn had 17 figure blanks
    xml = _yellow_runs(["[100%]", "[80%]", "[70%]", "[50%]", "[30%]", "[60%]", "[95%]", "[Họ và tên]"], "highlight")
    hits = rf.province_scale_targets(_draft([], xml=xml), _parent(), _context())
    assert len(hits) == 2


# --- 6. appendix ----------------------------------------------------------------------------------


def test_dropped_appendix_still_cited_counts() -> None:
    from drafting.model import Appendix

    parent = _plan()
    parent.appendices = [Appendix(label="PHỤ LỤC", tables=[[["STT", "Nhiệm vụ"], ["1", "Rà soát"]]])]
    text = "Các cơ quan, đơn vị được giao nhiệm vụ trong Kế hoạch và tại Phụ lục kèm theo có trách nhiệm chủ động"
    assert len(rf.appendix(_draft([text]), _parent([], parent), _context())) == 1
    assert rf.appendix(_draft(["Không nhắc đến bảng."]), _parent([], parent), _context()) == []


def test_table_without_header_bold_repeat_or_widths_counts() -> None:
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    row = "<w:tr>" + cell + cell + "</w:tr>"
    table = "<w:tbl>" + "".join(row.format(f"a{i}", f"b{i}") for i in range(5)) + "</w:tbl>"
    details = _details(rf.appendix(_draft([], xml=table), _parent(), _context()))
    assert len(details) == 3, details
    good_row = ('<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcW w:w="800"/><w:p><w:r><w:rPr><w:b/></w:rPr>'
                '<w:t>STT</w:t></w:r></w:p></w:tc></w:tr>')
    good = '<w:tbl><w:tblGrid><w:gridCol w:w="800"/><w:gridCol w:w="5000"/></w:tblGrid>' + good_row * 5 + "</w:tbl>"
    assert rf.appendix(_draft([], xml=good), _parent(), _context()) == []


# --- 7. awards ------------------------------------------------------------------------------------


def test_awards_given_by_the_commune_count() -> None:
    # 2957e4f4f0e41373.md (Đắk Lắk, bầu cử) → xã Hòa Phú
    texts = ["2. Thời gian trình khen thưởng: Hồ sơ trình, đề nghị Thủ tướng Chính phủ, Chủ tịch Ủy ban nhân dân xã "
             "xem xét tặng Bằng khen cho các tập thể, cá nhân gửi về Sở Nội vụ",
             "- Bằng khen của Chủ tịch UBND tỉnh;"]
    assert len(rf.awards(_draft(texts), _parent(), _context("xã", "Hòa Phú", "Đắk Lắk"))) == 2


def test_awards_proposed_or_giay_khen_are_fine() -> None:
    texts = ["Giấy khen của Chủ tịch Ủy ban nhân dân xã: 05 tập thể và 05 cá nhân.",
             "Đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho các tập thể có thành tích xuất sắc.",
             "b) Thủ tục, hồ sơ đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh"]
    assert rf.awards(_draft(texts), _parent(), _context()) == []


# --- 8. deadlines ---------------------------------------------------------------------------------


def test_kept_report_deadline_counts_and_moved_one_does_not() -> None:
    parent = ["Các sở, ngành báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2026 để tổng hợp."]
    kept = ["Các ban, ngành báo cáo kết quả về Phòng Văn hóa - Xã hội trước ngày 15/12/2026 để tổng hợp."]
    moved = ["Các ban, ngành báo cáo kết quả về Phòng Văn hóa - Xã hội trước ngày 08/12/2026 để tổng hợp.",
             "Ủy ban nhân dân xã báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 15/12/2026."]
    assert len(rf.deadlines(_draft(kept), _parent(parent), _context())) == 1
    assert rf.deadlines(_draft(moved), _parent(parent), _context()) == []


def test_past_dates_and_ended_period_without_warning_count() -> None:
    # 004_e300a82923f1de4c.txt (huyện Ninh Hải, thi đua 2021-2025) → xã Nam Cam Ranh
    parent = _plan(title="Phát động phong trào thi đua đặc biệt thực hiện các chỉ tiêu nhiệm kỳ 2021- 2025")
    text = "c) Báo cáo tổng kết phong trào thi đua gửi về Phòng Văn hóa - Xã hội chậm nhất 23/12/2025."
    hits = rf.deadlines(_draft([text]), _parent([], parent), _context())
    assert len(hits) == 2
    todo = ("  - Thời hạn 23/12/2025 đã qua so với ngày ký.\n"
            "  - Kế hoạch cấp trên đã kết thúc (năm 2025): kiểm tra còn cần triển khai không.")
    assert rf.deadlines(_draft([text], todo=todo), _parent([], parent), _context()) == []


def test_document_dates_are_not_deadlines() -> None:
    text = "Thực hiện Quyết định số 840/QĐ-UBND ngày 11/7/2024 của Chủ tịch Ủy ban nhân dân tỉnh."
    assert rf.deadline_dates(text) == []


# --- 9. recipients --------------------------------------------------------------------------------


def test_abolished_and_missing_recipients_count() -> None:
    # 000_3e0dd850a7de1391.txt → xã Nam Cam Ranh; 002_0eb59aa12a805793.txt → xã Tịnh Khê
    plan = _org("Công an xã")
    plan.recipients = ["Ủy ban nhân dân huyện Ninh Hải (b/c)", "Ủy ban nhân dân tỉnh Kon Tum (b/c)",
                       "Thường trực Đảng ủy xã", "Phòng Văn hóa - Xã hội"]
    parent = ["Các sở, ngành, địa phương báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 30/11."]
    details = _details(rf.recipients(_draft([], plan), _parent(parent), _context(), ["Kon Tum", "Ninh Thuận"]))
    assert len(details) == 4, details  # huyện, Kon Tum, Sở Nội vụ, Công an xã


def test_complete_recipients_are_fine() -> None:
    plan = _org("Công an xã", "Phòng Văn hóa - Xã hội")
    plan.recipients = ["Ủy ban nhân dân tỉnh Quảng Ngãi (b/c)", "Sở Nội vụ (b/c)", "Thường trực Đảng ủy xã",
                       "Công an xã", "Phòng Văn hóa - Xã hội"]
    parent = ["Các sở, ngành, địa phương báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 30/11."]
    assert rf.recipients(_draft([], plan), _parent(parent), _context(), ["Kon Tum"]) == []


# --- 10. placeholders and read-back ---------------------------------------------------------------


def test_shading_and_lost_title_count() -> None:
    # every BEFORE draft: [Họ và tên] shaded, and parse(draft) merges the title into the first basis
    plan = _plan(title="", number=None)
    xml = _yellow_runs(["[Họ và tên]"], "shd")
    details = _details(rf.placeholders_and_readback(_draft(["I. MỤC ĐÍCH"], plan, xml), _parent(), _context()))
    assert any("w:shd" in d for d in details) and any("no title" in d for d in details)


def test_highlighted_draft_read_back_is_fine() -> None:
    from drafting.model import LegalRef

    plan = _plan([Section("I", "roman", "MỤC ĐÍCH")], title="Triển khai thực hiện Kế hoạch số 172/KH-UBND …")
    plan.legal_bases = [LegalRef("Thực hiện Kế hoạch số 172/KH-UBND ngày 18/11/2025 của Ủy ban nhân dân Thành phố")]
    xml = _yellow_runs(["[Họ và tên]"], "highlight")
    parent = _plan(number="172")
    assert rf.placeholders_and_readback(_draft(["I. MỤC ĐÍCH"], plan, xml), _parent([], parent), _context()) == []


# --- 11. title subject ----------------------------------------------------------------------------


@pytest.mark.parametrize(("draft_title", "count"), [
    # 09daab284f92e2dd.md (Bắc Ninh) → xã Đại Sơn
    ("Triển khai thực hiện Kế hoạch số 141/KH-UBND ngày 20/11/2025 của Ủy ban nhân dân tỉnh Bắc Ninh trên địa bàn xã "
     "Đại Sơn", 1),
    ("Nâng cao năng lực cho đội ngũ cán bộ, công chức xây dựng chính sách, pháp luật trên địa bàn xã Đại Sơn", 0),
])
def test_title_keeps_the_parent_subject(draft_title: str, count: int) -> None:
    parent = _plan(title="NÂNG CAO NĂNG LỰC CHO ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC XÂY DỰNG CHÍNH SÁCH, PHÁP LUẬT TRÊN ĐỊA BÀN "
                         "TỈNH BẮC NINH")
    draft = _draft([], _plan(title=draft_title))
    assert len(rf.title_subject(draft, _parent([], parent), _context("xã", "Đại Sơn", "Bắc Ninh"))) == count
