"""Checker v2 (issue 19): a result per rule with coverage, the house text rules (X), the drawn rule
lines (C6, Q3, T4), body tables (BG) and `check --fix`.

Every rule is pinned on the clerks' real files (corpus/realdocx): a place read in the file where it
is broken, and a file where it holds. The --fix round trip runs on every real DOCX.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from drafting.check import check_docx
from drafting.check.findings import FAIL, NOT_APPLICABLE, NOT_EVALUATED, PASS, CheckReport, Finding
from drafting.check.fix import comparable_text, fix_docx, unfixed
from drafting.check.registry import declares, run_checks
from drafting.check.text_rules import capitalisation_hits, restyle, spacing_edits, tone_style
from drafting.cli import main

from corpus import CORPUS

REAL = CORPUS / "realdocx"
REAL_DOCX = sorted(REAL.glob("*.docx"))


def report(name: str) -> CheckReport:
    return check_docx(REAL / name)


def status(result: CheckReport, rule: str) -> str:
    return next(r.status for r in result.results if r.rule == rule)


def found(result: CheckReport, rule: str) -> list[Finding]:
    return [f for f in result.findings if f.rule == rule]


# --------------------------------------------------------------------------------------------
# Results per rule, coverage


def test_a_rule_without_a_finding_passes_and_one_not_looked_at_does_not() -> None:
    @declares("Z1", "Z2", "Z3")
    def check(_: object):  # type: ignore[no-untyped-def]
        from drafting.check.findings import not_applicable, not_evaluated

        yield not_evaluated("Z2", "không có khối chữ ký")
        yield not_applicable("Z3", "công văn")

    _, results = run_checks(None, [check])
    assert [(r.rule, r.status, r.reason) for r in results] == [
        ("Z1", PASS, ""), ("Z2", NOT_EVALUATED, "không có khối chữ ký"), ("Z3", NOT_APPLICABLE, "công văn")]


def test_no_signature_block_leaves_the_signature_rules_not_evaluated() -> None:
    # The Phiếu trình of the Lâm Đồng business association ends with no signature block the checker reads.
    result = report("vbai2_01067591_Phieu_trinh_hoi_doanh_nhan.docx")
    assert {rule: status(result, rule) for rule in ("S1", "S3", "S5")} == dict.fromkeys(("S1", "S3", "S5"),
                                                                                            NOT_EVALUATED)
    assert status(result, "S2") == FAIL  # the missing block itself is the S2 finding


def test_a_report_with_a_signature_evaluates_it() -> None:
    result = report("vbai_BC_CCHC_nam2025_LamDong.docx")
    assert status(result, "S3") == PASS and status(result, "S2") == FAIL  # 14,5 pt position line
    assert result.coverage()["evaluated"] == result.coverage()["applicable"]


def test_an_appendix_file_has_no_header_rules_to_apply() -> None:
    result = report("vbai_PhuLuc_DS_DoiUCSC_numbered.docx")
    assert {status(result, rule) for rule in ("Q1", "C6", "Q3", "T4", "N4")} == {NOT_APPLICABLE}


def test_json_keeps_its_keys_and_adds_results_and_coverage() -> None:
    source = REAL / "vbai2_01067591_Phieu_trinh_hoi_doanh_nhan.docx"
    out = CliRunner().invoke(main, ["check", "--format", "json", str(source)])
    data = json.loads(out.output)
    assert list(data)[:5] == ["schema", "path", "ok", "counts", "findings"] and data["schema"] == "drafting.check/1"
    assert data["coverage"]["evaluated"] < data["coverage"]["applicable"]
    assert set(data["coverage"]["not_evaluated"]) >= {"S1", "S3", "S5"}
    assert {r["status"] for r in data["results"]} <= {PASS, FAIL, NOT_EVALUATED, NOT_APPLICABLE}


def test_text_output_ends_with_the_coverage() -> None:
    out = CliRunner().invoke(main, ["check", str(REAL / "vbai2_01067591_Phieu_trinh_hoi_doanh_nhan.docx")])
    lines = out.output.strip().splitlines()
    assert lines[-2].startswith("Đã kiểm tra ") and "quy tắc áp dụng" in lines[-2]
    assert lines[-1].startswith("Chưa kiểm tra được: ") and "S1 (không tìm thấy khối chữ ký)" in lines[-1]


# --------------------------------------------------------------------------------------------
# Text rules, each on a real hit and a clean file


def test_x1_space_before_punctuation_and_inside_brackets() -> None:
    hits = found(report("vbai2_faeb920a_04_Du_Thao_Ket_Luan_final.docx"), "X1")
    assert [(f.paragraph, f.found) for f in hits] == [(13, "dấu cách thừa ở “…hính; Nội vụ ; Văn ph…”")]
    bracket = found(report("pmb_BC_thang6_2026_PhongVHXH_xaPhuMyBac.docx"), "X1")
    assert [f.paragraph for f in bracket] == [91] and "( tháng 5/" in bracket[0].found
    assert not found(report("vbai_BC_CCHC_nam2025_LamDong.docx"), "X1")


def test_x2_doubled_spaces_but_not_blanks_left_to_fill() -> None:
    hits = found(report("pmb_BC_thang6_2026_PhongVHXH_xaPhuMyBac.docx"), "X2")
    assert 18 in [f.paragraph for f in hits] and all(f.severity == "warning" for f in hits)
    assert not found(report("vbai_BC_CCHC_nam2025_LamDong.docx"), "X2")
    assert spacing_edits("Số:      /KH-UBND") == [] and spacing_edits("ngày     tháng    năm 2025") == []
    assert [(e.start, e.end) for e in spacing_edits("nhiệm vụ  tháng 7")] == [(9, 10)]


def test_x3_decomposed_unicode() -> None:
    hits = found(report("vbai_TB_ketluan_hoinghi_CCHC.docx"), "X3")
    assert [(f.paragraph, f.found, f.severity) for f in hits] == [
        (1, "3 đoạn gõ chữ tổ hợp (Unicode NFD)", "error")]
    assert hits[0].excerpt == "ỦY BAN NHÂN DÂN"  # NFC, as the parser reads it
    assert not found(report("vbai_BC_SNV_cac_chi_so_tinh.docx"), "X3")


def test_x4_reports_the_minority_tone_placement() -> None:
    hits = found(report("vbai_BC_TTPVHCC_hop766.docx"), "X4")
    assert [f.paragraph for f in hits] == [67, 135, 307, 470, 621]
    assert all("“hoá” → “hóa”" in f.found for f in hits)
    assert not found(report("pmb_BC_tuan_thang6_2026_PhongVHXH_xaPhuMyBac.docx"), "X4")
    styles = (tone_style("hoàn"), tone_style("quý"), tone_style("Uỷ"), restyle("HOÀ", "new"))
    assert styles == (None, None, "old", "HÒA")


def test_x5_capitalisation_of_phu_luc_ii() -> None:
    body = found(report("vbai2_0e1840a4_Quyet_dinh_thanh_lap_Ban_chi_dao_ve_du_lieu.docx"), "X5")
    assert [(f.paragraph, f.found, f.expected) for f in body] == [
        (26, "“Viện Kiểm sát nhân dân”", "“Viện kiểm sát nhân dân” (Phụ lục II)")]
    people = found(report("vbai2_44efdd5f_10._UBND_TP._Ha_Noi.docx"), "X5")
    assert [f.paragraph for f in people] == [17, 23]  # "toàn thể nhân dân", "vận động nhân dân"
    assert not found(report("vbai_BC_SNV_cac_chi_so_tinh.docx"), "X5")
    # Names of bodies keep "nhân dân" in lower case; a heading in capitals is no finding.
    assert capitalisation_hits("Ủy ban nhân dân xã, Công an nhân dân, ỦY BAN NHÂN DÂN TỈNH") == []
    assert capitalisation_hits("kỷ niệm Cách mạng Tháng Tám") == [(8, 27, "Cách mạng tháng Tám")]


def _shouted_subject(tmp_path: Path) -> Path:
    document = Document(str(REAL / "vbai_CV_chidao_chiso_CCHC_2025.docx"))
    cells = [cell for table in document.tables for row in table.rows for cell in row.cells]
    subject = next(p for cell in cells for p in cell.paragraphs if p.text.startswith("V/v"))
    for run in subject.runs:
        run.text = run.text.upper().replace("V/V", "V/v")
    target = tmp_path / "cong_van_vv_in_hoa.docx"
    document.save(str(target))
    return target


def test_x6_a_cong_van_subject_typed_in_capitals(tmp_path: Path) -> None:
    assert status(report("vbai_CV_chidao_chiso_CCHC_2025.docx"), "X6") == PASS
    hits = found(check_docx(_shouted_subject(tmp_path)), "X6")
    assert [(f.rule, f.found) for f in hits] == [("X6", "trích yếu “V/v” in hoa toàn bộ")]
    assert status(report("vbai_BC_CCHC_nam2025_LamDong.docx"), "X6") == NOT_APPLICABLE


# --------------------------------------------------------------------------------------------
# Drawn lines: C6, Q3, T4


def test_c6_a_short_line_under_the_issuer() -> None:
    # A 10,4 mm DrawingML line under "ỦY BAN NHÂN DÂN / TỈNH LÂM ĐỒNG" (about 47 mm of bold 13 pt).
    hits = found(report("vbai2_18847be7_Bao_cao_nam_2025.docx"), "C6")
    assert [(f.paragraph, f.found) for f in hits] == [(2, "dài 10,4 mm (0,22 dòng chữ)")]
    clean = report("vbai_BC_CCHC_nam2025_LamDong.docx")
    assert (status(clean, "C6"), status(clean, "Q3"), status(clean, "T4")) == (PASS, PASS, PASS)


def test_c6_a_line_longer_than_half_the_name() -> None:
    hits = found(report("vbai_BC_TTPVHCC_hop766.docx"), "C6")
    assert [f.found for f in hits] == ["dài 35,7 mm (0,71 dòng chữ)"]
    # Q3 takes the line under the Tiêu ngữ, not the one anchored beside the Quốc hiệu.
    assert status(report("vbai_BC_TTPVHCC_hop766.docx"), "Q3") == PASS


def test_t4_a_short_line_under_a_one_line_summary() -> None:
    hits = found(report("pmb_BC_thang6_2026_PhongVHXH_xaPhuMyBac.docx"), "T4")
    assert [(f.paragraph, f.found) for f in hits] == [(11, "dài 29,4 mm (0,21 dòng chữ)")]


def test_lines_are_not_evaluated_when_the_header_is_not_found() -> None:
    # The Hà Nội speech has no issuer the checker reads: nothing to measure the lines against.
    result = report("vbai2_44efdd5f_10._UBND_TP._Ha_Noi.docx")
    assert (status(result, "C6"), status(result, "Q3")) == (NOT_EVALUATED, NOT_EVALUATED)


def test_a_cong_van_has_no_title_line() -> None:
    assert status(report("vbai_CV_chidao_chiso_CCHC_2025.docx"), "T4") == NOT_APPLICABLE


# --------------------------------------------------------------------------------------------
# Tables: BG1–BG4


def test_bg1_cells_in_12_pt() -> None:
    hits = found(report("vbai_BC_SNV_cac_chi_so_tinh.docx"), "BG1")
    assert hits and all(f.found == "cỡ chữ 12 pt" for f in hits)
    assert status(report("pmb_BC_thang6_2026_PhongVHXH_xaPhuMyBac.docx"), "BG1") == PASS


def test_bg2_a_cell_aligned_unlike_its_column() -> None:
    hits = found(report("vbai_BC_SNV_cac_chi_so_tinh.docx"), "BG2")
    assert [(f.paragraph, f.found) for f in hits] == [(547, "canh giữa (1 ô)")]
    assert status(report("vbai_BC_TTPVHCC_hop766.docx"), "BG2") == PASS


def test_bg3_header_row_not_bold() -> None:
    assert [f.paragraph for f in found(report("vbai2_bc617cc7_Phieu_trinh_TTr_321.docx"), "BG3")] == [15]
    assert status(report("vbai_BC_SNV_cac_chi_so_tinh.docx"), "BG3") == PASS


def test_bg4_a_long_table_repeats_its_header_row() -> None:
    hits = found(report("pmb_BC_thang6_2026_PhongVHXH_xaPhuMyBac.docx"), "BG4")
    assert [(f.paragraph, f.found) for f in hits] == [(140, "bảng 39 dòng không lặp lại dòng tiêu đề")]
    assert status(report("vbai_BC_SNV_cac_chi_so_tinh.docx"), "BG4") == PASS  # w:tblHeader set
    assert status(report("vbai_CV_chidao_chiso_CCHC_2025.docx"), "BG4") == NOT_APPLICABLE


# --------------------------------------------------------------------------------------------
# --fix


@pytest.mark.parametrize("path", REAL_DOCX, ids=lambda p: p.name)
def test_fix_round_trip_on_every_real_file(path: Path, tmp_path: Path) -> None:
    result = fix_docx(path, tmp_path / path.name)
    assert unfixed(result) == [], [f"{f.rule} {f.where}: {f.found}" for f in unfixed(result)]
    assert comparable_text(result.output) == comparable_text(path)
    assert len(result.after.findings) <= len(result.before.findings)
    assert _out_of_order(result.output) <= _out_of_order(path)  # Word refuses misordered properties


def _out_of_order(path: Path) -> int:
    """Property elements (w:pPr, w:rPr, w:pBdr) whose children break the schema's order."""
    from lxml import etree

    from drafting.check.docx_edit import ORDER

    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    count = 0
    for name, order in ORDER.items():
        for element in root.iter(W + name):
            places = [order.index(c.tag[len(W):]) for c in element
                      if isinstance(c.tag, str) and c.tag.startswith(W) and c.tag[len(W):] in order]
            count += places != sorted(places)
    return count


def test_fix_keeps_run_formatting_across_run_boundaries(tmp_path: Path) -> None:
    # "Ban Kiểm tra ; bầu bổ sung" of the Bóng bàn charter: the space before ";" is deleted in its run.
    source = REAL / "vbai2_330b499d_Dieu_le_lien_doan_Bong_ban_tinh_Lam_Dong.docx"
    result = fix_docx(source, tmp_path / "fixed.docx")
    before, after = (_runs_of(path, "Ban Kiểm tra") for path in (source, result.output))
    assert "".join(t for t, _ in after) == "".join(t for t, _ in before).replace(" ;", ";")
    assert [props for _, props in after] == [props for _, props in before]


def _runs_of(path: Path, words: str) -> list[tuple[str, bytes]]:
    from lxml import etree

    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    p = next(p for p in root.iter(W + "p") if words in "".join(t.text or "" for t in p.iter(W + "t"))
             and "bầu bổ" in "".join(t.text or "" for t in p.iter(W + "t")))
    return [("".join(t.text or "" for t in r.iter(W + "t")),
             etree.tostring(r.find(W + "rPr")) if r.find(W + "rPr") is not None else b"") for r in p.iter(W + "r")]


def test_fix_on_the_cli_says_what_it_changed_and_what_is_left(tmp_path: Path) -> None:
    target = tmp_path / "ban-da-sua.docx"
    source = REAL / "vbai_TB_ketluan_hoinghi_CCHC.docx"
    out = CliRunner().invoke(main, ["check", "--fix", str(source), "-o", str(target)])
    assert out.exit_code == 1  # findings remain for a person
    assert "X3: chuyển 3 đoạn chữ tổ hợp (NFD) sang Unicode dựng sẵn (NFC)" in out.output
    assert "Còn lại cho người soạn" in out.output and target.exists()
    assert not found(check_docx(target), "X3")


def test_fix_refuses_to_overwrite_the_original_or_to_run_without_output(tmp_path: Path) -> None:
    source = tmp_path / "goc.docx"
    source.write_bytes((REAL / "vbai_TB_ketluan_hoinghi_CCHC.docx").read_bytes())
    same = CliRunner().invoke(main, ["check", "--fix", str(source), "-o", str(source)])
    missing = CliRunner().invoke(main, ["check", "--fix", str(source)])
    assert (same.exit_code, missing.exit_code) == (2, 2)
    assert "không ghi đè tệp gốc" in same.output and "-o" in missing.output


def test_a_failed_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import drafting.check.docx_edit as docx_edit

    def broken(*_: object, **__: object) -> bytes:
        raise OSError("đĩa đầy")

    monkeypatch.setattr(docx_edit.etree, "tostring", broken)
    with pytest.raises(OSError):
        fix_docx(REAL / "vbai_TB_ketluan_hoinghi_CCHC.docx", tmp_path / "out.docx")
    assert list(tmp_path.iterdir()) == []


def test_fix_resizes_a_short_line_about_its_middle(tmp_path: Path) -> None:
    # The 10,4 mm DrawingML line under "ỦY BAN NHÂN DÂN / TỈNH LÂM ĐỒNG", and its VML copy.
    result = fix_docx(REAL / "vbai2_18847be7_Bao_cao_nam_2025.docx", tmp_path / "fixed.docx")
    assert "C6: đường kẻ dài 10,4 mm → 19,4 mm" in result.changes
    assert status(result.after, "C6") == PASS
    from drafting.check import read_docx
    from drafting.check.docx_lines import lines_in

    _, _, document = read_docx(result.output)
    lines = [line for p in document.paragraphs[:6] if p.element is not None for line in lines_in(p.element, None)[0]]
    issuer_line = next(line for line in lines if line.form == "shape" and line.length < 2000)
    assert issuer_line.x is not None and abs(issuer_line.length - 1100) <= 2  # 19,4 mm
    assert abs((issuer_line.x + issuer_line.length / 2) - (1245 + 588 / 2)) <= 2  # the same middle as before


def test_fix_sets_the_signers_position_into_its_size_range(tmp_path: Path) -> None:
    # "PHÓ CHỦ TỊCH" (paragraph 173) of the Báo cáo CCHC năm 2025 is set in 14,5 pt.
    source = report("vbai_BC_CCHC_nam2025_LamDong.docx")
    assert [(f.paragraph, f.found) for f in found(source, "S2")] == [(173, "cỡ chữ 14,5 pt")]
    result = fix_docx(REAL / "vbai_BC_CCHC_nam2025_LamDong.docx", tmp_path / "fixed.docx")
    assert status(result.after, "S2") == PASS and 173 not in result.declined


def test_fix_draws_a_missing_line_under_the_issuer(tmp_path: Path) -> None:
    # The Báo cáo CCHC năm 2025 with the connector under "ỦY BAN NHÂN DÂN / TỈNH LÂM ĐỒNG" taken out.
    from drafting.check import read_docx
    from drafting.check.docx_edit import write_docx
    from drafting.check.docx_lines import lines_in

    source = REAL / "vbai_BC_CCHC_nam2025_LamDong.docx"
    _, data, document = read_docx(source)
    cell = next(p for p in document.paragraphs if p.text.strip() == "TỈNH LÂM ĐỒNG").cell
    anchored = [p for p in document.paragraphs if p.cell == cell and p.element is not None
                and lines_in(p.element, None)[0]]
    for paragraph in anchored:
        for drawing in lines_in(paragraph.element, None)[0]:
            run = drawing.element.getparent()
            while run.tag.rsplit("}", 1)[-1] != "r":
                run = run.getparent()
            run.getparent().remove(run)
    root = document.paragraphs[0].element.getroottree().getroot()
    broken = tmp_path / "khong-duong-ke.docx"
    write_docx(data, {"word/document.xml": root}, broken)
    assert [f.found for f in found(check_docx(broken), "C6")] == ["không có đường kẻ"]
    result = fix_docx(broken, tmp_path / "fixed.docx")
    assert any(change.startswith("C6: kẻ đường kẻ") for change in result.changes)
    assert status(result.after, "C6") == PASS
    assert comparable_text(result.output) == comparable_text(broken)


def test_fix_writes_an_ordinary_file_and_leaves_margins_the_check_accepts(tmp_path: Path) -> None:
    # Right margin 1134 twips = 20,003 mm: within P3's 0,1 mm tolerance, so not "fixed" to 1133.
    result = fix_docx(REAL / "vbai2_18847be7_Bao_cao_nam_2025.docx", tmp_path / "fixed.docx")
    assert result.output.stat().st_mode & 0o044  # readable by others, like any file the clerk saves
    assert not [change for change in result.changes if change.startswith("P3")]
    assert b'w:right="1134"' in zipfile.ZipFile(result.output).read("word/document.xml")
