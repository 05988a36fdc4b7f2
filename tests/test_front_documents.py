"""A Fatherland Front office's documents (corpus/realdocx/lm_*): what the parser learnt from them.

The header "ỦY BAN MTTQ VIỆT NAM / XÃ LƯƠNG MINH / BAN THƯỜNG TRỰC" names the Front in full; a law is cited
by its name and then its own number; a recipient hard-wrapped after a comma stays one; a "PHỤ LỤC" run into
its "ban hành kèm theo …" line has that line as its reference; "Quy định" typed with a capital after the
issuer still ends it."""

from __future__ import annotations

from pathlib import Path

from drafting.parsing.appendix import read_appendices
from drafting.parsing.bases import split_basis
from drafting.parsing.closing import read_closing
from drafting.parsing.issuer import normal_case
from drafting.readers import read_document


def _blocks(tmp_path: Path, text: str) -> list:
    path = tmp_path / "closing.txt"
    path.write_text(text, encoding="utf-8")
    return read_document(path).blocks


def test_front_header_names_the_front_in_full() -> None:
    assert normal_case("ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH") == "Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh"
    assert normal_case("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH QUẢNG NINH") == (
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Ninh"
    )
    assert normal_case("/ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH") == "Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh"
    assert normal_case("BAN THƯỜNG TRỰC") == "Ban Thường trực"
    assert normal_case("UBND TỈNH LÂM ĐỒNG") == "Ủy ban nhân dân tỉnh Lâm Đồng"


def test_law_named_then_numbered_keeps_its_number() -> None:
    refs = split_basis(
        "Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13, ngày 25/6/2015 và "
        "được sửa đổi, bổ sung một số điều tại Luật số 83/2025/QH15, ngày 24/6/2025; Luật Mặt trận Tổ quốc Việt "
        "Nam số 75/2015/QH13, ngày 09/6/2015;"
    )
    assert [(r.doc_type, r.number, r.symbol, r.year, r.date) for r in refs] == [
        ("Luật", "85", "QH13", "2015", "2015-06-25"),
        ("Luật", "75", "QH13", "2015", "2015-06-09"),
    ]


def test_another_documents_number_after_a_law_is_not_the_laws() -> None:
    (ref,) = split_basis("Căn cứ Luật Luật sư, Điều 5 Quyết định số 2536/QĐ-UBND ngày 01/10/2025")
    assert ref.number is None


def test_capitalised_quy_dinh_ends_the_issuer() -> None:
    (ref,) = split_basis(
        "Căn cứ Nghị quyết 40/NQ-HĐBCQG ngày 29/9/2025 của Hội đồng Bầu cử quốc gia Quy định mẫu văn bản hồ sơ ứng cử;"
    )
    assert ref.issuer == "Hội đồng Bầu cử quốc gia"


def test_recipient_wrapped_after_a_comma_stays_one(tmp_path: Path) -> None:
    closing = read_closing(_blocks(tmp_path, (
        "Nơi nhận:\n\n- Thường trực Đảng ủy xã;\n\n- Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng,\n\nVP Đảng uỷ;\n\n"
        "- Bí thư Chi bộ, Trưởng thôn, Ban công\n\ntác MT thôn;\n\n- Lưu: MTTQ\n"
    )))
    assert closing.recipients == [
        "Thường trực Đảng ủy xã", "Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng, VP Đảng uỷ",
        "Bí thư Chi bộ, Trưởng thôn, Ban công tác MT thôn",
    ]
    assert closing.archive == "MTTQ"


def test_appendix_label_run_into_its_reference(tmp_path: Path) -> None:
    blocks = _blocks(
        tmp_path,
        "PHỤ LỤC ban hành kèm theo Kế hoạch tổ chức các hội nghị hiệp thương của BTT Ủy ban MTTQ xã\n\n"
        "Mẫu số 01/HNCT\n",
    )
    (appendix,) = read_appendices(blocks, [])
    assert appendix.label == "PHỤ LỤC"
    assert appendix.title is None
    assert appendix.ref == "ban hành kèm theo Kế hoạch tổ chức các hội nghị hiệp thương của BTT Ủy ban MTTQ xã"
