"""Derivation by responsibility (issue 18), on real provincial plans: each defect family a commune office sends a
draft back for, tested on the sentences of the plans where it was seen, and the invariants every draft keeps
(bodies that exist, citations as the parent writes them)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from drafting import parse_file
from drafting.derive.assign import assign
from drafting.derive.reporting import reporting
from drafting.derive.structure import bodies_for, body, fate_of
from drafting.derive.targets import without_province_targets
from drafting.derive.wording import Scope, scope_words, task_words, tidy, without_others_work, without_partner
from drafting.draft import DraftOptions, draft_plan
from drafting.model import Plan
from drafting.parsing.bases import find_legal_refs
from drafting.parsing.text import fold
from drafting.render.docx_writer import render_docx
from drafting.units import resolve_unit

from conftest import CORPUS, SEEDS

WILD = CORPUS / "wild"
OPTIONS = DraftOptions(date="2026-03-05", today=dt.date(2026, 3, 5))
# (parent, a xã of its province, a phường of it): drug control (Đồng Nai), an election campaign (Đắk Lắk), 5G in
# industrial zones (Hà Nội), secrecy (Nghệ An), the Kon Tum housing campaign (seed 002, a province merged in 2025).
CASES = {
    "f069": (WILD / "f069c23c942c1ec6.md", ("xã Xuân Lộc", "Đồng Nai"), ("phường Biên Hòa", "Đồng Nai")),
    "2957": (WILD / "2957e4f4f0e41373.md", ("xã Ea Kar", "Đắk Lắk"), ("phường Buôn Ma Thuột", "Đắk Lắk")),
    "3178": (WILD / "31786b0833a4130d.md", ("xã Thanh Trì", "Hà Nội"), ("phường Hoàn Kiếm", "Hà Nội")),
    "0a97": (WILD / "0a97eb9c3c536047.md", ("xã Anh Sơn", "Nghệ An"), ("phường Hoàng Mai", "Nghệ An")),
    "002": (SEEDS[2], ("xã Đăk Hà", "Quảng Ngãi"), ("phường Kon Tum", "Quảng Ngãi")),
}


@pytest.fixture(scope="module")
def parents() -> dict[str, Plan]:
    return {key: parse_file(path) for key, (path, _, _) in CASES.items()}


@pytest.fixture(scope="module")
def drafts(parents: dict[str, Plan]) -> dict[tuple[str, str], object]:
    made = {}
    for key, (_, commune, ward) in CASES.items():
        for kind, (name, province) in (("xã", commune), ("phường", ward)):
            made[(key, kind)] = draft_plan(parents[key], resolve_unit(name, province), OPTIONS)
    return made


def _texts(plan: Plan) -> list[str]:
    return [t for s in plan.all_sections() for t in (s.title, *s.paragraphs)]


def _parent_text(plan: Plan) -> str:
    return "\n".join(_texts(plan) + [r.text for r in plan.legal_bases] + plan.preamble)


# --- every draft ----------------------------------------------------------------------------------------

def test_every_body_tasked_exists_in_the_commune_structure(drafts: dict) -> None:
    for (key, kind), draft in drafts.items():
        names = {b.name for b in bodies_for(kind)}
        items = [item.title for item in draft.plan.sections[-1].children if item.title != "Chế độ báo cáo"]
        assert items, key
        for title in items:
            assert re.sub(r"^Đề nghị\s+", "", title) in names, (key, kind, title)


def test_every_cited_document_reads_exactly_as_in_the_parent(parents: dict[str, Plan], drafts: dict) -> None:
    """A cited document and its title up to the clause's end are the parent's bytes (the first basis, which the
    draft composes from the parent's header, aside)."""
    for (key, _), draft in drafts.items():
        source = _parent_text(parents[key])
        for text in _texts(draft.plan):
            for start, end, _ in find_legal_refs(text):
                # the document, its issuer ("của Ban Thường vụ Tỉnh ủy") and its title ("về …") to the clause's end
                whole = re.match(r"(?:\s+của(?:\s+[A-ZĐ][\w-]*|\s+nhân dân|\s+tỉnh|\s+và)+)?(?:\s+về\s[^;:)]*)?",
                                 text[end:])
                cited = text[start : end + (whole.end() if whole else 0)].strip(" .;,")
                if cited.startswith(("Kế hoạch số", "Quyết định số")) and parents[key].meta.number and \
                        f"{parents[key].meta.number}/" in cited:
                    continue  # the reference to the parent itself, written in full
                assert cited in source, (key, cited)


def test_no_collapsed_phrases_or_capitals_mid_sentence(drafts: dict) -> None:
    collapsed = re.compile(r"(?<!\w)(?:giữa (cấp \w+) và \1|từ (cấp \w+) đến \2|(xã|phường), \3(?!\w))|[\w,;] Các thôn")
    for (key, kind), draft in drafts.items():
        for text in _texts(draft.plan):
            assert not collapsed.search(text), (key, kind, text)
        province = draft.plan.meta.issuer and resolve_unit(*CASES[key][1]).province
        assert not re.search(rf"{kind} {province}(?!\w)", "\n".join(_texts(draft.plan))) or key == "002"


def test_no_body_above_or_beside_the_commune_is_tasked(drafts: dict) -> None:
    for (key, _), draft in drafts.items():
        for item in draft.plan.sections[-1].children:
            assert not re.match(r"(Đề nghị |Giao )?(Sở|Bộ|Công an tỉnh|Tòa án|Viện kiểm sát|Ngân hàng|Liên đoàn)",
                                item.title), (key, item.title)
        joined = "\n".join(_texts(draft.plan))
        assert not re.search(r"báo cáo (?:kết quả )?(?:về )?(?:Bộ [A-ZĐ]|Quốc hội|Chính phủ|Thủ tướng)", joined), key
        assert "cơ quan Trung ương trên địa bàn xã" not in joined


def test_every_draft_reads_back(drafts: dict, tmp_path: Path) -> None:
    """The Word file parses back into its title, its first basis (the parent) and its parts."""
    for (key, kind), draft in list(drafts.items())[::3]:
        out = tmp_path / f"{key}-{kind}.docx"
        render_docx(draft.plan, out)
        back = parse_file(out)
        assert back.meta.title == draft.plan.meta.title
        assert back.legal_bases and back.legal_bases[0].text.startswith("Thực hiện")
        assert [s.title for s in back.sections] == [s.title for s in draft.plan.sections]


# --- the families, on the sentences where they were seen ----------------------------------------------------------

def test_bodies_a_commune_does_not_have_are_dropped_with_their_reason(drafts: dict) -> None:
    outcomes = {o.agency: o for o in drafts[("f069", "xã")].outcomes}
    courts = outcomes["Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh"]
    assert courts.fate == "dropped" and "Tòa án" in courts.reason and "Viện kiểm sát" in courts.reason
    assert outcomes["Sở Tài chính"].to == ["Phòng Kinh tế"]
    assert fate_of("Bộ Chỉ huy Quân sự tỉnh").body == "military"
    assert "biên giới" in outcomes["Bộ Chỉ huy Quân sự tỉnh"].reason  # all its tasks are border work: an inland xã
    assert outcomes["Ủy ban nhân dân xã, phường"].fate == "shared"
    assert fate_of("Báo và Phát thanh, Truyền hình Đắk Lắk").kind == "none"
    assert fate_of("Liên đoàn Lao động tỉnh").kind == "none"


def test_border_tasks_stay_out_of_an_inland_commune_and_in_a_special_zone(parents: dict[str, Plan]) -> None:
    inland = draft_plan(parents["f069"], resolve_unit("xã Xuân Lộc", "Đồng Nai"), OPTIONS)
    island = draft_plan(parents["f069"], resolve_unit("đặc khu Côn Đảo", "Hồ Chí Minh"), OPTIONS)
    def tasks(draft: object) -> list[str]:
        return [t for item in draft.plan.sections[-1].children for t in item.paragraphs]

    assert not [t for t in tasks(inland) if "cửa khẩu" in t]
    assert [t for t in tasks(island) if "cửa khẩu" in t]
    assert any("biên giới, biển" in line for line in inland.todo)


def test_the_front_is_asked_never_assigned(drafts: dict) -> None:
    items = [item.title for item in drafts[("f069", "xã")].plan.sections[-1].children]
    front = [title for title in items if "Mặt trận" in title]
    assert front == ["Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị - xã hội xã"]


def test_one_heading_per_commune_body_and_no_self_partner(drafts: dict) -> None:
    for (key, _), draft in drafts.items():
        items = draft.plan.sections[-1].children
        titles = [item.title for item in items]
        assert len(titles) == len(set(titles)), key
        for item in items:
            for task in item.paragraphs:
                assert not re.search(rf"phối hợp(?: với)? {re.escape(item.title)}(?!\w)", task), (key, task)


def test_collapsed_phrases_are_said_once() -> None:
    assert tidy("phối hợp giữa cấp xã và cấp xã") == "phối hợp trong cấp xã"
    assert tidy("quản trị, điều hành các cấp xã đến cấp xã.") == "quản trị, điều hành các cấp xã."
    assert tidy("trên địa bàn xã, xã") == "trên địa bàn xã"
    assert tidy("phối hợp với các cơ quan, đơn vị, Các thôn") == "phối hợp với các cơ quan, đơn vị, các thôn"


def test_scope_words_outside_citations_only() -> None:
    scope = Scope("xã", "xã Anh Sơn", "Nghệ An")
    sentence = ("tham mưu Ủy ban nhân dân xã sửa đổi Quyết định số 15/2021/QĐ-UBND ngày 08/7/2021 của UBND tỉnh Nghệ "
                "An về ban hành quy chế bảo vệ bí mật nhà nước trên địa bàn tỉnh Nghệ An; tổ chức trên địa bàn tỉnh.")
    said = scope_words(sentence, scope)
    assert "quy chế bảo vệ bí mật nhà nước trên địa bàn tỉnh Nghệ An;" in said
    assert said.endswith("tổ chức trên địa bàn xã Anh Sơn.")


def test_a_task_reports_to_the_commune_not_to_a_ministry() -> None:
    scope = Scope("phường", "phường Kon Tum", "Kon Tum")
    task = ("Chủ trì, phối hợp với Sở Tài chính hướng dẫn, theo dõi, đôn đốc các đơn vị, địa phương triển khai thực "
            "hiện Kế hoạch; báo cáo tình hình triển khai thực hiện Phong trào thi đua về Bộ Nội vụ, Ủy ban nhân dân "
            "tỉnh vào tháng 12 năm 2024")  # seed 002, Sở Nội vụ's task
    said = task_words(task, scope, None)
    assert "Bộ Nội vụ" not in said and "về Ủy ban nhân dân phường vào tháng 12 năm 2024" in said
    assert "phối hợp với Phòng Kinh tế, Hạ tầng và Đô thị" in said


def test_province_scale_targets_are_dropped_and_the_rest_kept() -> None:
    kept, dropped = without_province_targets("Hàng năm, giảm số người nghiện ma túy, người sử dụng trái phép chất ma "
                                             "túy; phấn đấu đến năm 2030 đạt ít nhất 50% số xã, phường trên toàn tỉnh "
                                             "không ma túy.")  # f069, 6.1
    assert kept == "Hàng năm, giảm số người nghiện ma túy, người sử dụng trái phép chất ma túy."
    assert dropped == ["phấn đấu đến năm 2030 đạt ít nhất 50% số xã, phường trên toàn tỉnh không ma túy."]
    assert without_province_targets("Phấn đấu 100% cơ sở cai nghiện ma túy công lập bảo đảm điều kiện.")[1] == []


def test_work_of_bodies_the_commune_does_not_direct_is_left_out() -> None:
    kept, dropped = without_others_work("Khuyến khích Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh, Liên minh Hợp tác "
                                        "xã xây dựng kế hoạch hành động.")  # f004, item 17
    assert not kept and dropped


def test_the_title_keeps_the_parent_subject(drafts: dict) -> None:
    title = drafts[("f069", "xã")].plan.meta.title
    assert title == ("Triển khai thực hiện Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030 trên địa "
                     "bàn xã Xuân Lộc")
    assert drafts[("002", "phường")].plan.meta.title == ("Triển khai thực hiện Phong trào thi đua “Chung tay xóa nhà "
                                                         "tạm, nhà dột nát trên địa bàn tỉnh Kon Tum trong năm 2025” "
                                                         "trên địa bàn phường Kon Tum")


def test_awards_above_the_commune_are_proposed(drafts: dict) -> None:
    texts = _texts(drafts[("2957", "xã")].plan)
    assert "Đề nghị xét tặng Bằng khen của Chủ tịch UBND tỉnh;" in texts
    assert not [t for t in texts if re.search(r"Chủ tịch Ủy ban nhân dân xã[^.;]* tặng Bằng khen", t)]
    awards = drafts[("2957", "xã")].plan.awards
    assert any(a["form"].startswith("Giấy khen của Chủ tịch Ủy ban nhân dân xã") for a in awards)


def test_reports_go_to_the_parent_collector_and_offices_report_earlier(parents: dict[str, Plan], drafts: dict) -> None:
    assert reporting(parents["f069"], 2026).collector == "Công an tỉnh"
    assert reporting(parents["002"], 2026).collector == "Sở Nội vụ"
    plan = drafts[("002", "phường")].plan
    lead = plan.sections[-1].children[0]
    assert lead.title == "Phòng Văn hóa - Xã hội"  # Sở Nội vụ's counterpart leads
    assert any("về Phòng Văn hóa - Xã hội trước ngày 25 tháng 11 năm 2024" in t for t in _texts(plan))
    assert "Sở Nội vụ (b/c)" in plan.recipients


def test_dates_already_past_and_an_ended_period_are_warned_first(drafts: dict) -> None:
    todo = drafts[("002", "xã")].todo
    assert todo[0].startswith("CHÚ Ý: thời gian thực hiện kế hoạch cấp trên đã kết thúc")
    assert "trước ngày 30 tháng 11 năm 2024" in todo[1]


def test_recipients_come_from_the_plan_and_name_no_abolished_body(drafts: dict) -> None:
    plan = drafts[("002", "xã")].plan
    assert plan.recipients[0] == "Ủy ban nhân dân tỉnh Quảng Ngãi (b/c)"  # Kon Tum merged into Quảng Ngãi
    assert not [r for r in plan.recipients if re.search(r"Kon Tum|huyện", r)]
    tasked = [i.title for i in plan.sections[-1].children if not i.title.startswith(("Đề nghị", "Chế độ", "Các"))]
    assert set(tasked) <= set(plan.recipients)
    assert plan.archive == "VT, VHXH"


def test_a_parent_appendix_becomes_the_commune_task_table(tmp_path: Path) -> None:
    """Đồng Tháp's technology-renewal plan (552/KH-UBND) has a Phụ lục the Markdown copy flattens: the commune gets
    the rows that concern it, and its text points to the parent's appendix by its full name."""
    parent = parse_file(WILD / "192068354fd1ffe5.md")
    draft = draft_plan(parent, resolve_unit("xã Tân Phú", "Đồng Tháp"), OPTIONS)
    table = draft.plan.appendices[0].tables[0]
    assert table[0][:3] == ["STT", "NHIỆM VỤ VÀ GIẢI PHÁP", "CHỦ TRÌ"]  # the parent's own columns, unflattened
    leads = {row[2] for row in table[1:] if len(row) > 2}
    assert leads <= {b.name for b in bodies_for("xã")}
    refs = [t for t in _texts(draft.plan) if "Phụ lục" in t]
    assert refs and all("Kế hoạch số 552/KH-UBND ngày 19/11/2025" in t for t in refs)
    out = tmp_path / "tan-phu.docx"
    render_docx(draft.plan, out)
    assert parse_file(out).appendices


def test_each_responsibility_has_a_fate(parents: dict[str, Plan]) -> None:
    scope = Scope("xã", "xã Xuân Lộc", "Đồng Nai")
    result = assign(parents["f069"].responsibilities, scope, "police")
    assert len(result.outcomes) == len(parents["f069"].responsibilities)
    assert {o.fate for o in result.outcomes} <= {"assigned", "shared", "asked", "dropped", "this_plan"}
    assert all(o.reason for o in result.outcomes if o.fate == "dropped")
    assert [fold(t) for t in result.tasks["police"]]


def test_a_title_keeps_the_capitals_the_parent_writes(drafts: dict) -> None:
    """0a97: "TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 32/CT-TTG NGÀY 21/10/2025 CỦA THỦ TƯỚNG CHÍNH PHỦ “VỀ …”" — the body
    writes the document, its symbol and its issuer with capitals; sentence case alone lowered them."""
    title = drafts[("0a97", "xã")].plan.meta.title
    assert title.startswith("Triển khai thực hiện Chỉ thị số 32/CT-TTg ngày 21/10/2025 của Thủ tướng Chính phủ")
    assert title.endswith("trên địa bàn xã Anh Sơn")


def test_a_directive_parent_gives_work_not_a_frame(tmp_path: Path) -> None:
    """Lâm Đồng's Công văn on the administrative-reform indices (a Word file of the corpus): its items are work for
    the province's bodies; the commune's plan states its own purpose and shares the work out."""
    parent = parse_file(CORPUS / "realdocx" / "vbai_CV_chidao_chiso_CCHC_2025.docx")
    draft = draft_plan(parent, resolve_unit("xã Lạc Dương", "Lâm Đồng"), OPTIONS)
    texts = _texts(draft.plan)
    assert [s.title for s in draft.plan.sections] == ["MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"]
    assert not [t for t in texts if re.match(r"(?:[IVX]+\.\s*)?Giao (?:Sở|Văn phòng Ủy ban|Công an tỉnh)", t)]
    assert any("báo cáo kết quả kiểm tra trước ngày 18/12/2025" in t for t in texts)  # 25/12/2025, 5 working days
    items = {item.title for item in draft.plan.sections[-1].children}
    assert {"Phòng Văn hóa - Xã hội", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", "Phòng Kinh tế"} <= items


def test_an_appendix_that_is_no_task_table_gives_the_commune_its_own(tmp_path: Path) -> None:
    """Thanh Hóa 235/KH-UBND appends lists of monitoring points, no task table: the commune gets its own task table
    built from its organisation part (what, who leads, with whom, when)."""
    parent = parse_file(WILD / "85ff77cbda28ffbb.md")
    draft = draft_plan(parent, resolve_unit("xã Hà Trung", "Thanh Hóa"), OPTIONS)
    table = draft.plan.appendices[0].tables[0]
    assert table[0] == ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
    assert len(table) > 2 and {row[2] for row in table[1:]} <= {b.name for b in bodies_for("xã")}


def test_a_flattened_task_table_becomes_the_commune_rows() -> None:
    """Đồng Tháp 617/KH-UBND: the Markdown copy flattens its Phụ lục (STT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan
    phối hợp | Thời gian hoàn thành) into one cell a line; the commune's appendix has the rows back, each lead a
    commune body, the deadlines as the parent writes them, the group headings of kept rows."""
    parent = parse_file(WILD / "8718801c503045f9.md")
    draft = draft_plan(parent, resolve_unit("xã Tân Phú", "Đồng Tháp"), OPTIONS)
    table = draft.plan.appendices[0].tables[0]
    assert table[0] == ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
    rows = [row for row in table[1:] if len(row) == 5]
    assert rows[0][0] == "1" and rows[0][1].startswith("Triển khai nền tảng đào tạo trực tuyến")
    assert rows[3][4] == "Quí IV-2025"  # task 4's deadline, byte for byte
    assert {row[2] for row in rows} <= {b.name for b in bodies_for("xã")}
    assert [row for row in table[1:] if len(row) == 1][0] == ["I. NÂNG CAO NHẬN THỨC VÀ ĐỔI MỚI TƯ DUY"]
    assert [int(row[0]) for row in rows] == list(range(1, len(rows) + 1))


def test_a_commune_body_follows_up_its_hamlets_not_its_own_committee() -> None:
    """HCM 172/KH-UBND, Sở Nội vụ's task: "đôn đốc các sở, ban, ngành và Ủy ban nhân dân phường, xã, đặc khu" — for the
    commune's office, the units below it are its thôn and tổ dân phố; "trong phạm vi Thành phố" is the commune's."""
    scope = Scope("đặc khu", "đặc khu Côn Đảo", "Hồ Chí Minh")
    task = ("Tham mưu Ủy ban nhân dân Thành phố theo dõi, kiểm tra, đôn đốc các sở, ban, ngành và Ủy ban nhân dân "
            "phường, xã, đặc khu triển khai thực hiện nhiệm vụ trong phạm vi Thành phố.")
    said = task_words(task, scope, bodies_for("đặc khu")[1])
    assert said == ("Tham mưu Ủy ban nhân dân đặc khu theo dõi, kiểm tra, đôn đốc các cơ quan, đơn vị và các thôn, tổ "
                    "dân phố triển khai thực hiện nhiệm vụ trên địa bàn đặc khu Côn Đảo.")


def test_a_task_keeps_its_work_when_its_province_target_goes() -> None:
    """f069, the communes' task: the plan to carry out stays, the province's share of "xã không ma túy" goes."""
    kept, dropped = without_province_targets(
        "Triển khai hiệu quả Kế hoạch số 64/KH-UBND ngày 22/8/2025 của Ủy ban nhân dân tỉnh về xây dựng “xã, phường "
        "không ma túy” giai đoạn 2025 - 2030, phấn đấu đạt mục tiêu xây dựng 20% xã, phường “không ma túy” ngay trong "
        "năm 2025; đến năm 2030 đạt 100% “xã, phường không ma túy”.")
    assert kept.startswith("Triển khai hiệu quả Kế hoạch số 64/KH-UBND") and kept.endswith("giai đoạn 2025 - 2030.")
    assert len(dropped) == 2 and dropped[0].startswith("phấn đấu đạt mục tiêu xây dựng 20% xã")


def test_no_commune_body_advises_the_province_or_works_with_itself(drafts: dict) -> None:
    """Inside the tasks, not only the headings: a commune body advises its own committee and never itself."""
    upward = re.compile(r"tham mưu (?:cho )?(?:Chủ tịch )?(?:Ủy ban nhân dân|UBND) (?:tỉnh|Thành phố)(?! [A-ZĐ])")
    for (key, _), draft in drafts.items():
        for item in draft.plan.sections[-1].children:
            for task in item.paragraphs:
                assert not upward.search(task), (key, task)
                assert not re.search(rf"(?i:phối hợp)(?: với)? {re.escape(item.title)}(?!\w)", task), (key, task)


def test_review_sentences_said_at_the_commune_level() -> None:
    """Sentences a reviewer read in drafts (Bắc Ninh 144, HCM 174, Đồng Nai 182), each with what the office expects."""
    scope = Scope("xã", "xã Đại Sơn", "Bắc Ninh")
    police = body("xã", "police")
    said = task_words("Chủ trì tham mưu Chủ tịch UBND tỉnh về phát triển hạ tầng định danh.", scope, police)
    assert said == "Chủ trì tham mưu Chủ tịch Ủy ban nhân dân xã về phát triển hạ tầng định danh."
    city = Scope("đặc khu", "đặc khu Côn Đảo", "Hồ Chí Minh")
    said = scope_words("Phối hợp với các sở, ban, ngành, đoàn thể Thành phố theo dõi, tổng hợp.", city)
    assert said == "Phối hợp với các cơ quan, đơn vị, đoàn thể theo dõi, tổng hợp."
    assert without_partner("Phối hợp với Công an xã, Phòng Kinh tế triển khai.", police) == \
        "Phối hợp với Phòng Kinh tế triển khai."
    assert tidy("kinh tế - xã hội, xã hội hóa các nguồn lực") == "kinh tế - xã hội, xã hội hóa các nguồn lực"
    assert tidy("Trung tâm Y tế, Trung tâm Y tế khu vực") == "Trung tâm Y tế, Trung tâm Y tế khu vực"


def test_a_task_given_to_two_bodies_is_not_moved_between_them() -> None:
    """Tỉnh đoàn's task contains Sở Tài chính's shorter one (Bắc Ninh 144): each stays with its own body."""
    from drafting.derive.assign import _once

    tasks = {"economy": ["Triển khai nhiệm vụ được giao chủ trì."],
             "front": ["Chỉ đạo các cơ sở Đoàn. Triển khai nhiệm vụ được giao chủ trì."]}
    assert _once(tasks) == tasks


def test_the_title_drops_the_province_wherever_it_stands(parents: dict[str, Plan]) -> None:
    parent = parse_file(WILD / "ad5aff6c13929815.md")  # "… XÃ HỘI SỐ TỈNH BẮC NINH GIAI ĐOẠN 2026 - 2030"
    title = draft_plan(parent, resolve_unit("xã Đại Sơn", "Bắc Ninh"), OPTIONS).plan.meta.title
    assert "Bắc Ninh" not in title and "giai đoạn 2026 - 2030 trên địa bàn xã Đại Sơn" in title
