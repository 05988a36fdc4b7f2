"""Cited documents read whole (parsing/cited.py): a law's name and year, a joint resolution's year, every
cited document's subject — on the citations of the corpus as the clerks wrote them."""

from __future__ import annotations

import json

import pytest

from drafting.api import parse_file
from drafting.model import LegalRef, plan_from_dict
from drafting.parsing.bases import split_basis
from drafting.render.json_out import to_json

from corpus import CORPUS


def _bases(name: str) -> list[LegalRef]:
    return parse_file(CORPUS / name, extract=False).legal_bases


def _by_name(name: str, law: str) -> LegalRef:
    return next(ref for ref in _bases(name) if ref.name == law)


def test_a_law_cited_by_name_and_year() -> None:
    """Đắk Lắk's aquaculture plan: "Căn cứ Luật Thủy sản năm 2017;"."""
    ref = _bases("wild/d5ffa6afac124d52.md")[0]
    assert (ref.doc_type, ref.name, ref.year, ref.number, ref.date) == ("Luật", "Luật Thủy sản", "2017", None, None)


def test_a_law_cited_by_name_and_day() -> None:
    """"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;" (a 2025 decision of the corpus)."""
    ref = _bases("realdocx/vbai2_e9d0a868_Quuyet_dinh_phe_duyet_dieu_le.docx")[0]
    assert (ref.name, ref.date, ref.number) == ("Luật Tổ chức chính quyền địa phương", "2025-06-16", None)


def test_a_law_cited_by_name_and_number_keeps_both() -> None:
    """Hà Nội's resolution: "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;" and a law whose name
    holds commas ("Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15" elsewhere in the portal)."""
    ref = _by_name("portal/f1e9ca38ca659c82.md", "Luật Tổ chức chính quyền địa phương")
    assert (ref.number, ref.symbol, ref.year) == ("72", "QH15", "2025")
    budget = _by_name("portal/f1e9ca38ca659c82.md", "Luật Ngân sách nhà nước")
    assert (budget.number, budget.symbol, budget.year) == ("83", "QH13", "2015")


def test_an_amending_laws_number_is_not_the_amended_ones() -> None:
    """"Căn cứ Luật Giao thông đường thủy nội địa ngày 15 tháng 6 năm 2004 được sửa đổi, bổ sung bởi Luật số
    48/2014/QH13 …": the number is the amending law's, and no subject is said."""
    refs = [ref for path in sorted((CORPUS / "portal").glob("*.md")) if path.name != "INDEX.md"
            for ref in parse_file(path, extract=False).legal_bases if ref.name == "Luật Giao thông đường thủy nội địa"]
    assert refs and all((r.number, r.date, r.subject) == (None, "2004-06-15", None) for r in refs)


def test_a_joint_resolution_keeps_its_year() -> None:
    """The issue's example (no joint resolution is in the corpus yet): the year between number and symbol."""
    ref = split_basis("Căn cứ Nghị quyết liên tịch số 102/2025/NQLT-UBTVQH15-ĐCTUBTƯMTTQVN ngày 24 tháng 6 năm 2025 "
                      "của Ủy ban Thường vụ Quốc hội và Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam "
                      "quy định chi tiết việc phối hợp;")[0]
    assert (ref.doc_type, ref.number, ref.year, ref.date) == ("Nghị quyết liên tịch", "102", "2025", "2025-06-24")
    assert ref.symbol.startswith("NQLT-") and ref.subject == "quy định chi tiết việc phối hợp"


@pytest.mark.parametrize(("name", "number", "subject"), [
    # "về ban hành …", the quotes kept inside
    ("seeds/002_0eb59aa12a805793.txt", "539", "ban hành Kế hoạch triển khai phong trào thi đua"),
    # "“về …”, UBND tỉnh ban hành Kế hoạch …": the quotes and the acting body are no part of it
    ("wild/0a97eb9c3c536047.md", "32", "tăng cường công tác bảo vệ bí mật nhà nước trong tình hình mới"),
    # "của Bộ Nông nghiệp và PTNT (nay là Bộ Nông nghiệp và Môi trường) về quy định …"
    ("wild/d5ffa6afac124d52.md", "32", "quy định hoạt động quan trắc, cảnh báo môi trường ngành nông nghiệp"),
    # "của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn …": an issuer with a comma
    ("portal/80bb1f677e7d4d75.md", "02", "hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính"),
])
def test_the_subject_is_what_follows_ve_up_to_the_citations_end(name: str, number: str, subject: str) -> None:
    ref = next(ref for ref in _bases(name) if ref.number == number)
    assert ref.subject is not None and ref.subject.startswith(subject), ref.subject
    assert not ref.subject.endswith((";", ".", "”")) and "UBND tỉnh ban hành" not in ref.subject


def test_the_json_contract_gains_two_optional_keys_only() -> None:
    """Backward compatible: every key of legal_bases stays; name and subject are added, and a JSON written
    before them still loads."""
    data = json.loads(to_json(parse_file(CORPUS / "wild" / "d5ffa6afac124d52.md", extract=False)))
    basis = data["legal_bases"][0]
    assert {"text", "doc_type", "number", "symbol", "date", "issuer"} <= set(basis)
    assert (basis["name"], basis["year"], basis["subject"]) == ("Luật Thủy sản", "2017", None)
    for entry in data["legal_bases"]:
        del entry["name"], entry["subject"]
    assert plan_from_dict(data).legal_bases[0].name is None
