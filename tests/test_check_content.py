"""The content rules (drafting/check/content.py), on real corpus documents.

Each rule: a true hit on a real document with the one fact the rule reads changed (the document's date, or
one cited day), the clean case on the same document as written, and real post-2025 files that must stay
quiet (their hits were read one by one when the rules were first run on the corpus: "Trước sáp nhập, UBND
tỉnh Bình Thuận phê duyệt …", "UBND tỉnh Đắk Nông đã ban hành …", a consolidated text's own bases, two plans
of one day that both "thực hiện" something — all false, all fixed).
"""

from __future__ import annotations

import copy
import json
import zipfile
from functools import cache
from pathlib import Path

import pytest

from drafting.api import parse_file
from drafting.check import check_docx
from drafting.check.content import (
    CHECKS,
    check_abolished_bodies,
    check_citation_agreement,
    check_deadlines,
    check_superseded_bases,
    content_findings,
    on_or_after,
    plan_texts,
    shown,
)
from drafting.data_files import load
from drafting.model import Plan

from corpus import CORPUS

KON_TUM = CORPUS / "seeds" / "002_0eb59aa12a805793.txt"  # UBND tỉnh Kon Tum, 22/7/2024: "Uỷ ban nhân dân các huyện"
NINH_HAI = CORPUS / "seeds" / "000_3e0dd850a7de1391.txt"  # cites 840/QĐ-UBND ngày 11/7/2024 twice
HA_NOI_BUDGET = CORPUS / "portal" / "f1e9ca38ca659c82.md"  # NQ of 27/11/2025 citing Luật NSNN 83/2015/QH13
LAM_DONG_REPORT = CORPUS / "realdocx" / "vbai_BC_CCHC_nam2025_LamDong.docx"
DECISION_2025 = CORPUS / "realdocx" / "vbai2_e9d0a868_Quuyet_dinh_phe_duyet_dieu_le.docx"


@cache
def _parsed(path: Path) -> Plan:
    return parse_file(path, extract=False)  # the Lâm Đồng PDF takes seconds: parsed once for all its tests


def _plan(path: Path, date: str | None = None) -> Plan:
    plan = copy.deepcopy(_parsed(path))
    if date is not None:
        plan.meta.date = date
    return plan


def _run(check, plan: Plan):  # type: ignore[no-untyped-def]
    return check(plan, plan_texts(plan, []))


def test_every_rule_id_is_listed_in_the_data_file() -> None:
    listed = set(load("content_rules")["rules"])
    assert listed == {"ND-CQ1", "ND-CC1", "ND-TH1", "ND-TD1"}
    assert len(CHECKS) == len(listed)


def test_a_district_body_tasked_after_the_reform_is_found() -> None:
    found = _run(check_abolished_bodies, _plan(KON_TUM, "2025-08-15"))
    assert [f.found for f in found] == ["“Uỷ ban nhân dân các huyện, thành phố”"]
    assert found[0].rule == "ND-CQ1" and "không còn đơn vị hành chính cấp huyện" in found[0].message
    assert "15/8/2025" in found[0].message


def test_a_province_merged_away_written_to_is_found() -> None:
    """Lâm Đồng's 2025 report with one more recipient, the slip of an old address list: Bình Thuận's committee."""
    plan = _plan(LAM_DONG_REPORT)
    plan.recipients.append("UBND tỉnh Bình Thuận (để biết)")
    found = _run(check_abolished_bodies, plan)
    assert [f.found for f in found] == ["“UBND tỉnh Bình Thuận”"]
    assert "tỉnh Bình Thuận đã sáp nhập vào tỉnh Lâm Đồng" in found[0].message


def test_a_district_body_before_the_reform_is_right_and_a_year_alone_cannot_tell() -> None:
    assert _run(check_abolished_bodies, _plan(KON_TUM)) == []  # 22/7/2024: districts still existed
    assert _run(check_abolished_bodies, _plan(KON_TUM, "2025")) is None  # before or after 1 July: not evaluated
    assert _run(check_abolished_bodies, _plan(KON_TUM, "")) is None


@pytest.mark.parametrize("name", ["vbai_BC_CCHC_nam2025_LamDong.docx", "pdf_vbai_BC_329_CCHC_nam2025_UBND_LamDong.pdf",
                                  "vbai2_cafc8e81_2-Du-thao-QD-thanh-lap-Ban-VSTBPN_2.docx"])
def test_the_merged_provinces_named_on_purpose_are_no_finding(name: str) -> None:
    """Lâm Đồng's 2025 reports narrate what Bình Thuận and Đắk Nông did before the merger; a decision cites
    "UBND tỉnh Bình Thuận (cũ)": none of it writes to or tasks a body that no longer exists."""
    plan = _plan(CORPUS / "realdocx" / name)
    if plan.meta.date == "2025":
        plan.meta.date = "2025-12"  # the draft decision leaves its day and month blank: read it as December's
    assert on_or_after(plan.meta.date, "2025-07-01")
    assert _run(check_abolished_bodies, plan) == []


def test_a_basis_superseded_at_the_documents_date_is_found() -> None:
    """Hà Nội's resolution of 27/11/2025 cites Luật Ngân sách nhà nước 83/2015/QH13: still in force that day
    (89/2025/QH15 takes effect on 01/01/2026); the same basis in a document of March 2026 is superseded."""
    assert _run(check_superseded_bases, _plan(HA_NOI_BUDGET)) == []
    found = _run(check_superseded_bases, _plan(HA_NOI_BUDGET, "2026-03-02"))
    assert [f.found for f in found] == ["“Luật Ngân sách nhà nước số 83/2015/QH13”"]
    assert "89/2025/QH15" in found[0].expected and "01/01/2026" in found[0].message


def test_a_superseded_law_cited_by_name_and_day_in_a_real_docx(tmp_path: Path) -> None:
    """A 2025 decision of the corpus with its first basis turned back to the 2015 law (one run edited in the
    XML): check_docx names it at its paragraph; the file as issued has no content finding."""
    assert not [f for f in check_docx(DECISION_2025).findings if f.rule.startswith("ND-")]
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(DECISION_2025) as source, zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                assert data.count("16 tháng 6 năm 2025".encode()) == 1
                data = data.replace("16 tháng 6 năm 2025".encode(), "19 tháng 6 năm 2015".encode())
            target.writestr(item, data)
    found = [f for f in check_docx(edited).findings if f.rule == "ND-CC1"]
    assert len(found) == 1 and found[0].paragraph is not None
    assert found[0].found == "“Luật Tổ chức chính quyền địa phương ngày 19/6/2015”"
    assert "72/2025/QH15" in found[0].expected


def test_the_same_law_of_2025_is_not_taken_for_the_superseded_one() -> None:
    """Two local-government laws were passed in 2025 (65/2025 in February, 72/2025 in June): a citation of the
    June law by name and day is current, whatever the year says."""
    plan = _plan(DECISION_2025)
    assert plan.legal_bases[0].name == "Luật Tổ chức chính quyền địa phương"
    assert _run(check_superseded_bases, plan) == []


def test_a_report_deadline_before_the_documents_date_is_found() -> None:
    assert _run(check_deadlines, _plan(KON_TUM)) == []  # 22/7/2024: report by 30/11/2024
    found = _run(check_deadlines, _plan(KON_TUM, "2024-12-05"))
    assert len(found) == 1 and found[0].rule == "ND-TH1"
    assert "30/11/2024" in found[0].message and "05/12/2024" in found[0].message
    assert found[0].found.endswith("trước ngày 30 tháng 11 năm 2024”")


def test_a_deadline_in_the_documents_own_month_is_not_before_it() -> None:
    """A draft dated "tháng 11 năm 2024" (day blank) asking for a report by 30/11/2024 is not late."""
    assert _run(check_deadlines, _plan(KON_TUM, "2024-11")) == []
    assert _run(check_deadlines, _plan(KON_TUM, "2024")) is None


def test_one_document_cited_with_two_days_is_found(tmp_path: Path) -> None:
    text = NINH_HAI.read_text(encoding="utf-8")
    second = text.index("840/QĐ-UBND ngày 11/7/2024", text.index("840/QĐ-UBND") + 1)
    edited = tmp_path / "000.txt"
    edited.write_text(text[:second] + text[second:].replace("ngày 11/7/2024", "ngày 11/8/2024", 1), encoding="utf-8")
    assert _run(check_citation_agreement, _plan(NINH_HAI)) == []
    found = _run(check_citation_agreement, _plan(edited))
    assert [(f.found, f.expected) for f in found] == [("“ngày 11/8/2024”", "ngày 11/7/2024")]
    assert "Quyết định số 840/QĐ-UBND" in found[0].message


@pytest.mark.parametrize("name", ["wild/192068354fd1ffe5.md", "wild/f004d93b21e7fc5f.md", "wild/ad5aff6c13929815.md",
                                  "realdocx/pdf_vbai_BC_329_CCHC_nam2025_UBND_LamDong.pdf"])
def test_documents_cited_alike_or_apart_are_no_finding(name: str) -> None:
    """Plans citing 57-NQ/TW, 71/NQ-CP … several times alike; "71/NQ-CP của Chính phủ, Kế hoạch 469-KH/TU ngày
    16/5/2025" (the day is the next document's); two plans of 25/02/2025 with two numbers."""
    assert _run(check_citation_agreement, _plan(CORPUS / name)) == []


def test_a_consolidated_text_keeps_its_originals_bases() -> None:
    """92/VBHN-BQP (24/11/2025) repeats the bases of the decree it consolidates, the 2001 law among them."""
    plan = _plan(CORPUS / "portal" / "8180ae11188469fd.md")
    assert _run(check_superseded_bases, plan)  # the rule alone would name them …
    assert content_findings(plan, []) == []  # … a văn bản hợp nhất is left as it is


def test_check_json_carries_the_content_findings_with_their_place() -> None:
    report = check_docx(LAM_DONG_REPORT)
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert not [f for f in data["findings"] if f["rule"].startswith("ND-")]


@pytest.mark.parametrize(("date", "since", "expected"), [
    ("2025-07-01", "2025-07-01", True), ("2025-06-30", "2025-07-01", False), ("2025-07", "2025-07-01", True),
    ("2025-07", "2025-07-15", None), ("2025", "2025-07-01", None), ("2026", "2025-07-01", True),
    (None, "2025-07-01", None),
])
def test_a_partial_date_is_compared_only_as_far_as_it_goes(date: str | None, since: str, expected: bool | None) -> None:
    assert on_or_after(date, since) is expected


def test_dates_are_shown_the_clerks_way() -> None:
    assert [shown("2025-07-01"), shown("2026-01-05"), shown("2026-12")] == ["01/7/2025", "05/01/2026", "tháng 12/2026"]


def test_one_document_cited_with_two_numbers_is_found_once(tmp_path: Path) -> None:
    """Đồng Tháp's plan cites 57-NQ/TW of 22/12/2024 "về đột phá phát triển khoa học, công nghệ …" three times;
    the second written 75-NQ/TW is the one finding (the third, written as the first, is none)."""
    source = CORPUS / "wild" / "192068354fd1ffe5.md"
    text = source.read_text(encoding="utf-8")
    second = text.index("57-NQ/TW", text.index("57-NQ/TW") + 1)
    edited = tmp_path / "plan.md"
    edited.write_text(text[:second] + "75-NQ/TW" + text[second + len("57-NQ/TW"):], encoding="utf-8")
    found = _run(check_citation_agreement, _plan(edited))
    assert [(f.found, f.expected) for f in found] == [("“Nghị quyết số 75-NQ/TW”", "Nghị quyết số 57-NQ/TW")]
    assert "22/12/2024" in found[0].message


def test_a_word_file_with_no_plan_in_it_is_still_checked(tmp_path: Path) -> None:
    """A bare list the parser finds no document structure in: before the content rules `check` reported its
    format; it still does, and the content rules are simply not run (no "không có cấu trúc" error)."""
    from docx import Document

    document = Document()
    document.add_paragraph("Danh sách cán bộ tham dự")
    document.add_paragraph("Nguyễn Văn A")
    document.save(str(tmp_path / "danh-sach.docx"))
    report = check_docx(tmp_path / "danh-sach.docx")
    assert report.findings and not [f for f in report.findings if f.rule.startswith("ND-")]
