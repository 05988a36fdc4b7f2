"""The Decree 30 format checker (drafting.check).

A Kế hoạch built with python-docx from a real 2025 plan of UBND tỉnh Bắc Ninh (corpus/wild,
141/KH-UBND) follows every rule and gives no finding; each variant breaks one rule the way clerks
do and must give exactly that rule. The clerks' own Word files (corpus/realdocx) are checked too:
the checker never crashes on them, and deviations verified by reading their XML are pinned.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from drafting.check import WARNING, CheckReport, Finding, check_docx
from drafting.check.docx_edit import add_bottom_border
from drafting.errors import DraftingError, InputError
from drafting.readers import read_document
from drafting.render.findings import findings_to_json, findings_to_text

from corpus import CORPUS

WILD_PLAN = CORPUS / "wild" / "09daab284f92e2dd.md"  # Kế hoạch 141/KH-UBND, UBND tỉnh Bắc Ninh, 20/11/2025
REAL = CORPUS / "realdocx"
REAL_DOCX = sorted(REAL.glob("*.docx"))
FONT = "Times New Roman"


# --------------------------------------------------------------------------------------------
# Building a Kế hoạch in Word, with knobs for the mistakes clerks make


@dataclass(frozen=True)
class Plan:
    """How the fixture is laid out; the defaults follow Decree 30 everywhere."""

    paper_mm: tuple[float, float] = (210, 297)
    margins_mm: tuple[float, float, float, float] = (25, 20, 35, 20)  # top, bottom, left, right
    body_font: str = FONT
    body_size: float = 14
    number: str = "Số: 141/KH-UBND"
    date: str = "Bắc Ninh, ngày 20 tháng 11 năm 2025"
    motto: bool = True
    slogan: bool = True
    issuer: tuple[str, ...] = ("ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH")
    swap_columns: bool = False  # the motto typed in the left column, the issuer in the right one
    heading: str | None = "KẾ HOẠCH"
    subject: str = ("Nâng cao năng lực cho đội ngũ cán bộ, công chức xây dựng chính sách, pháp luật "
                    "trên địa bàn tỉnh giai đoạn 2026 - 2030")
    cong_van: str | None = None  # a "V/v …" line: the document is a Công văn
    recipient_to: str | None = None
    recipients: tuple[str, ...] = ()
    archive: str | None = "- Lưu: VT, NC."
    page_number: str = "from_page_2"  # "none", "every_page"
    signature: tuple[str, ...] = ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    signer: str = "Phạm Văn Thịnh"
    extra_body: tuple[str, ...] = ()
    # Lengths in mm of the lines under the issuer (C6), the Tiêu ngữ (Q3) and the trích yếu (T4),
    # drawn as paragraph bottom borders like templates/*.docx; 0 draws none.
    rule_lines_mm: tuple[float, float, float] = (18, 60, 60)


def wild_plan() -> tuple[list[list[tuple[str, bool]]], list[str]]:
    """The body paragraphs of the wild plan as runs (text, bold), and its recipient lines."""
    text = WILD_PLAN.read_text(encoding="utf-8")
    body = text[text.index("Thực hiện Kế hoạch số 14-KH/TU"):text.index("\n* *\n")]
    paragraphs = [" ".join(block.split()) for block in body.split("\n\n") if block.strip()]
    recipients = [line for line in text.split("Nơi nhận:", 1)[1].splitlines() if line.startswith("- ")]
    return [_md_runs(paragraph) for paragraph in paragraphs], recipients


def _md_runs(paragraph: str) -> list[tuple[str, bool]]:
    """ "**1. **100% đội ngũ …" → [("1. ", True), ("100% đội ngũ …", False)]: Markdown bold as runs."""
    runs = []
    for index, part in enumerate(paragraph.split("**")):
        if part.replace("*", ""):
            runs.append((part.replace("*", ""), index % 2 == 1))
    return runs


def _paragraph(target: Paragraph, runs: list[tuple[str, bool]], size: float, *, font: str = FONT,
               italic: bool = False, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
               first_line: Cm | None = None, before: float = 0) -> Paragraph:
    fmt = target.paragraph_format
    fmt.alignment = align
    fmt.space_before, fmt.space_after = Pt(before), Pt(0)
    fmt.line_spacing = 1.0 if first_line is None else 1.15
    if first_line is not None:
        fmt.first_line_indent = first_line
    for text, bold in runs:
        run = target.add_run(text)
        run.font.name, run.font.size, run.font.bold, run.font.italic = font, Pt(size), bold, italic
    return target


def _cell_lines(cell: _Cell, lines: list[tuple[str, float, bool, bool]],
                align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER) -> None:
    for index, (text, size, bold, italic) in enumerate(lines):
        target = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        _paragraph(target, [(text, bold)], size, italic=italic, align=align)


def _rule_line(paragraph: Paragraph, length_mm: float, available_mm: float) -> None:
    """A bottom border as long as ``length_mm``: the paragraph indented evenly on both sides."""
    if not length_mm:
        return
    margin = Mm((available_mm - length_mm) / 2)
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = margin
    add_bottom_border(paragraph._p)


CELL_MARGINS_MM = 2 * 108 / 1440 * 25.4  # Word's default cell margins, left and right


def _page_field(paragraph: Paragraph) -> None:
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        run = paragraph.add_run()
        run.font.name, run.font.size = FONT, Pt(14)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = text
            run._r.append(code)
        else:
            run.text = text


def _page_setup(document: DocxDocument, plan: Plan) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(plan.paper_mm[0]), Mm(plan.paper_mm[1])
    top, bottom, left, right = plan.margins_mm
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance = Mm(10)
    if plan.page_number == "none":
        return
    section.different_first_page_header_footer = plan.page_number == "from_page_2"
    header = section.header.paragraphs[0]
    header.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(header)


def _header(document: DocxDocument, plan: Plan) -> None:
    table = _table(document, 1 + 1, (Mm(67.5), Mm(100)))  # Mẫu 1.4: 3829 : 5670 twips
    left, right = (1, 0) if plan.swap_columns else (0, 1)
    _cell_lines(table.cell(0, left), [(line, 13, True, False) for line in plan.issuer])
    motto = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True, False)] if plan.motto else []
    motto += [("Độc lập - Tự do - Hạnh phúc", 14, True, False)] if plan.motto and plan.slogan else []
    _cell_lines(table.cell(0, right), motto or [("", 13, False, False)])
    c6, q3, _ = plan.rule_lines_mm
    _rule_line(table.cell(0, left).add_paragraph(), c6, (100 if plan.swap_columns else 67.5) - CELL_MARGINS_MM)
    _rule_line(table.cell(0, right).add_paragraph(), q3, (67.5 if plan.swap_columns else 100) - CELL_MARGINS_MM)
    number = [(plan.number, 13, False, False)] + ([(plan.cong_van, 12, False, False)] if plan.cong_van else [])
    _cell_lines(table.cell(1, left), number)
    _cell_lines(table.cell(1, right), [(plan.date, 14, False, True)])


def _table(document: DocxDocument, rows: int, widths: tuple[Mm, Mm]):  # type: ignore[no-untyped-def]
    """A borderless two-column layout table; widths go on the grid too (LibreOffice lays out by it)."""
    table = document.add_table(rows=rows, cols=2)
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    return table


def _title(document: DocxDocument, plan: Plan) -> None:
    if plan.heading:
        _paragraph(document.add_paragraph(), [(plan.heading, True)], 14, before=12)
        _paragraph(document.add_paragraph(), [(plan.subject, True)], 14)
        _rule_line(document.add_paragraph(), plan.rule_lines_mm[2], 210 - plan.margins_mm[2] - plan.margins_mm[3])
    if plan.recipient_to:
        _paragraph(document.add_paragraph(), [(plan.recipient_to, False)], 14, before=12)


def _body(document: DocxDocument, plan: Plan, paragraphs: list[list[tuple[str, bool]]]) -> None:
    for runs in paragraphs + [[(text, False)] for text in plan.extra_body]:
        _paragraph(document.add_paragraph(), runs, plan.body_size, font=plan.body_font,
                   align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line=Cm(1), before=6)


def _closing(document: DocxDocument, plan: Plan, recipients: list[str]) -> None:
    table = _table(document, 1, (Mm(52.8), Mm(110.9)))  # Mẫu 1.4: 2994 : 6290 twips
    items = list(plan.recipients or recipients)
    items = [item for item in items if not item.startswith("- Lưu")] + ([plan.archive] if plan.archive else [])
    lines = [("Nơi nhận:", 12, True, True)] + [(item, 11, False, False) for item in items]
    _cell_lines(table.cell(0, 0), lines, WD_ALIGN_PARAGRAPH.LEFT)
    signature = [(line, 14, True, False) for line in plan.signature]
    signature += [("", 14, False, False)] * 3 + [(plan.signer, 14, True, False)]
    _cell_lines(table.cell(0, 1), signature)


def build_plan(target: Path, plan: Plan = Plan()) -> Path:
    paragraphs, recipients = wild_plan()
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    _page_setup(document, plan)
    _header(document, plan)
    _title(document, plan)
    _body(document, plan, paragraphs)
    _closing(document, plan, recipients)
    document.save(str(target))
    return target


def check(tmp_path: Path, name: str, plan: Plan) -> CheckReport:
    return check_docx(build_plan(tmp_path / f"{name}.docx", plan))


def rules(report: CheckReport) -> set[str]:
    return {finding.rule for finding in report.findings}


def of_rule(report: CheckReport, rule: str) -> list[Finding]:
    return [finding for finding in report.findings if finding.rule == rule]


def assert_filled(finding: Finding) -> None:
    assert finding.where and finding.found and finding.expected and finding.message.endswith(".")


# --------------------------------------------------------------------------------------------
# (1) the compliant plan


@pytest.fixture(scope="module")
def compliant(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_plan(tmp_path_factory.mktemp("check") / "ke_hoach_dung_the_thuc.docx")


def test_a_plan_that_follows_every_rule_has_no_finding(compliant: Path) -> None:
    report = check_docx(compliant)
    assert report.findings == [], findings_to_text(report)
    assert report.ok


def test_a_cong_van_that_follows_every_rule_has_no_finding(tmp_path: Path) -> None:
    plan = Plan(heading=None, number="Số: 141/UBND-NC", cong_van="V/v nâng cao năng lực xây dựng chính sách, pháp luật",
                recipient_to="Kính gửi: Sở Tư pháp tỉnh Bắc Ninh",
                recipients=("- Như trên;", "- CT, các PCT UBND tỉnh;"), signature=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"))
    report = check(tmp_path, "cong_van", plan)
    assert report.findings == [], findings_to_text(report)


def test_the_compliant_plan_opens_in_libreoffice(compliant: Path, tmp_path: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    command = [office, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
               "--convert-to", "pdf", "--outdir", str(tmp_path), str(compliant)]
    subprocess.run(command, capture_output=True, timeout=180, check=True)
    pdf = tmp_path / f"{compliant.stem}.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    pages = PdfReader(str(pdf)).pages
    # P6 as LibreOffice lays it out: no number on page 1, "2" at the top of page 2.
    assert len(pages) > 1
    assert pages[0].extract_text().startswith("ỦY BAN NHÂN DÂN") and pages[1].extract_text().startswith("2")


# --------------------------------------------------------------------------------------------
# (2) one rule broken the way clerks break it


BROKEN = {
    "letter_paper": (Plan(paper_mm=(215.9, 279.4)), {"P1"}),
    "word_default_margins": (Plan(margins_mm=(25.4, 25.4, 25.4, 25.4)), {"P3"}),
    "arial_body": (Plan(body_font="Arial"), {"P4"}),
    "body_12pt": (Plan(body_size=12), {"B1"}),
    "number_without_zero": (Plan(number="Số: 5/KH-UBND"), {"N4"}),
    "symbol_with_spaces": (Plan(number="Số: 05/KH - UBND"), {"N4"}),
    "day_and_month_without_zero": (Plan(date="Bắc Ninh, ngày 5 tháng 2 năm 2024"), {"D3"}),
    "march_with_zero": (Plan(date="Bắc Ninh, ngày 20 tháng 03 năm 2024"), {"D3"}),
    "report_symbol_on_a_plan": (Plan(number="Số: 141/BC-UBND"), {"N3"}),
    "recipients_without_archive": (Plan(archive=None), {"R5"}),
    "archive_without_full_stop": (Plan(archive="- Lưu: VT, NC"), {"R6"}),
    "motto_missing": (Plan(motto=False), {"Q1", "Q2"}),
    "slogan_missing": (Plan(slogan=False), {"Q2"}),
    "columns_swapped": (Plan(swap_columns=True), {"Q1", "C4", "N4", "D4"}),
    "district_after_the_reform": (Plan(issuer=("ỦY BAN NHÂN DÂN", "HUYỆN NINH HẢI")), {"H3"}),
    "no_page_number": (Plan(page_number="none"), {"P6"}),
    "page_number_on_page_1": (Plan(page_number="every_page"), {"P6"}),
    "deputy_without_position": (Plan(signature=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")), {"S5"}),
    "deputy_without_collective": (Plan(signature=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")), {"S5"}),
    "plan_symbol_on_a_cong_van": (Plan(heading=None, number="Số: 141/KH-UBND", cong_van="V/v nâng cao năng lực",
                                       recipient_to="Kính gửi: Sở Tư pháp",
                                       recipients=("- Như trên;", "- CT, các PCT UBND tỉnh;")), {"N3"}),
    "legacy_signature_prefix": (Plan(signature=("T/M ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")), {"S1"}),
    "no_closing_mark": (Plan(extra_body=("Các cơ quan, đơn vị triển khai thực hiện Kế hoạch này",)), {"B2"}),
    "no_line_under_the_issuer": (Plan(rule_lines_mm=(0, 60, 60)), {"C6"}),
    "issuer_line_as_long_as_the_name": (Plan(rule_lines_mm=(43, 60, 60)), {"C6"}),
    "short_line_under_the_motto": (Plan(rule_lines_mm=(18, 30, 60)), {"Q3"}),
    "no_line_under_the_title": (Plan(rule_lines_mm=(18, 60, 0)), {"T4"}),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_rule_is_found_and_nothing_else(name: str, tmp_path: Path) -> None:
    plan, expected = BROKEN[name]
    report = check(tmp_path, name, plan)
    assert rules(report) == expected, findings_to_text(report)
    for finding in report.findings:
        assert_filled(finding)
    assert not report.ok


def test_margins_name_each_side_with_its_range(tmp_path: Path) -> None:
    report = check(tmp_path, "margins", BROKEN["word_default_margins"][0])
    found = {(f.found, f.expected) for f in of_rule(report, "P3")}
    assert found == {("lề trên 25,4 mm", "lề trên 20–25 mm"), ("lề dưới 25,4 mm", "lề dưới 20–25 mm"),
                     ("lề trái 25,4 mm", "lề trái 30–35 mm"), ("lề phải 25,4 mm", "lề phải 15–20 mm")}
    assert all(f.where == "lề trang" and f.paragraph is None for f in report.findings)


def test_the_number_and_date_findings_say_what_to_write(tmp_path: Path) -> None:
    number = of_rule(check(tmp_path, "n", Plan(number="Số: 5/KH-UBND")), "N4")
    assert [(f.where, f.paragraph, f.found) for f in number] == [("phần đầu (ô số 3)", 7, "số “5”")]
    spaced = of_rule(check(tmp_path, "s", Plan(number="Số: 05/KH - UBND")), "N4")
    assert [(f.found, f.expected) for f in spaced] == [("ký hiệu “KH - UBND”", "ký hiệu “KH-UBND” (không có dấu cách)")]
    dates = of_rule(check(tmp_path, "d", Plan(date="Bắc Ninh, ngày 5 tháng 2 năm 2024")), "D3")
    assert [(f.found, f.expected) for f in dates] == [("ngày 5", "ngày 05"), ("tháng 2", "tháng 02")]
    march = of_rule(check(tmp_path, "m", Plan(date="Bắc Ninh, ngày 20 tháng 03 năm 2024")), "D3")
    assert [(f.found, f.expected, f.excerpt) for f in march] == [
        ("tháng 03", "tháng 3", "Bắc Ninh, ngày 20 tháng 03 năm 2024")]


def test_the_type_abbreviation_follows_the_heading(tmp_path: Path) -> None:
    finding, = of_rule(check(tmp_path, "bc", Plan(number="Số: 141/BC-UBND")), "N3")
    assert (finding.found, finding.expected) == ("ký hiệu “BC”", "ký hiệu “KH”")
    report = check(tmp_path, "cv", BROKEN["plan_symbol_on_a_cong_van"][0])
    assert "Công văn" in of_rule(report, "N3")[0].message


def test_a_body_in_12pt_is_reported_once_for_the_run_of_paragraphs(tmp_path: Path) -> None:
    finding, = of_rule(check(tmp_path, "b12", Plan(body_size=12)), "B1")
    assert (finding.found, finding.expected) == ("cỡ chữ 12 pt", "cỡ chữ 13–14 pt")
    assert re.fullmatch(r"đoạn \d+–\d+ \(\d+ đoạn\)", finding.where)


def test_page_number_findings(tmp_path: Path) -> None:
    none, = of_rule(check(tmp_path, "none", Plan(page_number="none")), "P6")
    assert none.found == "không có số trang"
    first, = of_rule(check(tmp_path, "every", Plan(page_number="every_page")), "P6")
    assert (first.found, first.expected) == ("có số trang ở trang 1", "không hiện số trang ở trang thứ nhất")


def test_kt_without_position_names_the_line(tmp_path: Path) -> None:
    finding, = of_rule(check(tmp_path, "kt", BROKEN["deputy_without_position"][0]), "S5")
    assert finding.excerpt == "KT. CHỦ TỊCH" and finding.where == "chữ ký (ô số 7a)"


def test_a_draft_without_signer_name_gets_a_warning_only(tmp_path: Path) -> None:
    report = check(tmp_path, "draft", Plan(number="Số:       /KH-UBND", date="Bắc Ninh, ngày      tháng 11 năm 2025",
                                           signer=""))
    assert [(f.rule, f.severity) for f in report.findings] == [("S3", WARNING)]
    assert report.ok


def test_word_automatic_numbering_reads_like_typed_labels(seed_docx: dict[tuple[str, str], Path]) -> None:
    # The seeds as Word files twice: labels typed ("1. Mục đích") or made by Word's numbering.xml.
    # "1. Mục đích" is a titled khoản set in regular weight in both: §2.6.1 must see it in both.
    for seed in sorted({name for name, _ in seed_docx}):
        typed, automatic = (check_docx(seed_docx[(seed, shape)]) for shape in ("manual", "auto"))
        # The text rules (X) read the characters typed: a typed "2 . Xây dựng" has a space Word's own
        # label has not, so they may differ; every format rule must not.
        assert _format_counts(typed) == _format_counts(automatic), seed
        assert of_rule(automatic, "§2.6.1"), seed


def _format_counts(report: CheckReport) -> dict[str, int]:
    return {rule: count for rule, count in report.counts().items() if not rule.startswith("X")}


def test_findings_render_as_text_and_json(tmp_path: Path) -> None:
    report = check(tmp_path, "render", Plan(number="Số: 5/KH-UBND", archive=None))
    text = findings_to_text(report)
    assert "[N4]" in text and "[R5]" in text and "số “5” → số nhỏ hơn 10" in text and "«Số: 5/KH-UBND»" in text
    data = json.loads(findings_to_json(report))
    assert data["ok"] is False and data["counts"] == {"N4": 1, "R5": 1}
    assert set(data["findings"][0]) == {"rule", "where", "paragraph", "excerpt", "found", "expected", "message",
                                        "severity"}
    assert "không phát hiện" in findings_to_text(CheckReport("x.docx", []))


# --------------------------------------------------------------------------------------------
# Files that cannot be checked


def test_unreadable_files_raise_input_errors(tmp_path: Path) -> None:
    doc = tmp_path / "old.docx"
    doc.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 600)
    with pytest.raises(InputError, match="Word 97"):
        check_docx(doc)
    not_zip = tmp_path / "text.docx"
    not_zip.write_text("Kế hoạch", encoding="utf-8")
    with pytest.raises(InputError, match="ZIP"):
        check_docx(not_zip)
    empty_zip = tmp_path / "empty.docx"
    with zipfile.ZipFile(empty_zip, "w") as package:
        package.writestr("hello.txt", "x")
    with pytest.raises(InputError, match="document.xml"):
        check_docx(empty_zip)
    with pytest.raises(DraftingError):
        check_docx(tmp_path / "missing.docx")


# --------------------------------------------------------------------------------------------
# (3) the clerks' real files


@pytest.mark.parametrize("path", REAL_DOCX, ids=lambda p: p.name)
def test_every_real_file_is_checked_without_crashing(path: Path) -> None:
    report = check_docx(path)
    json.loads(findings_to_json(report))
    assert findings_to_text(report)
    for finding in report.findings:
        assert re.fullmatch(r"[PQCNDTBSRAHX]\d[a-z]?|BG\d|§2\.6\.1", finding.rule), finding
        assert_filled(finding)


@pytest.mark.parametrize("path", sorted(REAL.glob("*.doc")), ids=lambda p: p.name)
def test_real_word_97_files_are_checked_through_libreoffice(path: Path) -> None:
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    report = check_docx(path)
    json.loads(findings_to_json(report))
    for finding in report.findings:
        assert_filled(finding)


@pytest.mark.parametrize("path", REAL_DOCX, ids=lambda p: p.name)
def test_finding_paragraphs_are_the_parsers_line_numbers(path: Path) -> None:
    # "đoạn 12" in a finding is line 12 of `drafting parse`: table cells in reading order, text boxes
    # after their anchor, a "DỰ THẢO" stamp box left out, Word's automatic labels in front.
    lines: dict[int, str] = {}
    for block in read_document(path).blocks:
        lines.setdefault(block.line, " ".join(block.text.split()))
    for finding in check_docx(path).findings:
        if finding.paragraph is not None and finding.excerpt:
            assert lines.get(finding.paragraph, "")[:20] == finding.excerpt[:20], finding


def real(name: str) -> CheckReport:
    return check_docx(REAL / name)


def test_real_report_signer_position_set_in_14_5_pt() -> None:
    # <w:sz w:val="29"/> on "PHÓ CHỦ TỊCH" (paragraph 173) of the Báo cáo CCHC năm 2025.
    report = real("vbai_BC_CCHC_nam2025_LamDong.docx")
    assert [(f.paragraph, f.found) for f in of_rule(report, "S2")] == [(173, "cỡ chữ 14,5 pt")]


def test_real_report_appendices_on_letter_paper() -> None:
    # Sections 2–8 of the same report: <w:pgSz w:w="15840" w:h="12240" w:orient="landscape"/>.
    report = real("vbai_BC_CCHC_nam2025_LamDong.docx")
    letter = of_rule(report, "P1")
    assert [f.where for f in letter] == [f"khổ giấy (phần {n})" for n in range(2, 9)]
    assert all(f.found.startswith("Letter") for f in letter)


def test_real_archive_lines_without_full_stop() -> None:
    # "- Lưu: VT, NC.Châu": drafting unit and drafter, but no final "." (also in the signed PDF 329/BC-UBND).
    finding, = of_rule(real("vbai_BC_CCHC_nam2025_LamDong.docx"), "R6")
    assert (finding.paragraph, finding.excerpt) == (171, "- Lưu: VT, NC.Châu")


def test_real_to_trinh_on_letter_paper() -> None:
    # <w:pgSz w:w="12240" w:h="15840"/>: the whole Tờ trình of Sở Nội vụ is on US Letter.
    report = real("vbai2_793f57e5_1._To_trinh_CT_UBND_de_nghi_ban_hanh_Quyet_dinh_thanh_lap_BVSTBCPN.docx")
    assert [(f.where, f.found) for f in of_rule(report, "P1")] == [("khổ giấy", "Letter (215,9 mm x 279,4 mm)")]
    assert [f.found for f in of_rule(report, "R3")] == ["“Nơi nhận :”"]


def test_real_decision_with_theme_font_in_its_charter() -> None:
    # The attached Điều lệ runs use <w:rFonts w:asciiTheme="majorHAnsi" …/>; the theme's major font is
    # "Aptos Display": Word shows the charter in Aptos Display, not Times New Roman.
    finding, = of_rule(real("vbai_QD_pheduyet_DieuLe_HHDuLich.docx"), "P4")
    assert (finding.paragraph, finding.found) == (48, "phông Aptos Display")
    assert finding.where == "đoạn 48–343 (291 đoạn)"


def test_real_decision_with_no_top_margin() -> None:
    # <w:pgMar w:top="0" …/>
    report = real("vbai2_e9d0a868_Quuyet_dinh_phe_duyet_dieu_le.docx")
    assert [f.found for f in of_rule(report, "P3")] == ["lề trên 0,0 mm"]


def test_real_signature_prefix_without_space() -> None:
    # Runs "TL." + "CHỦ TỊCH" with no space between.
    finding, = of_rule(real("vbai_TB_ketluan_hoinghi_CCHC.docx"), "S1")
    assert finding.found == "“TL.CHỦ TỊCH”"


def test_real_drafts_blank_number_and_day_are_not_findings() -> None:
    # "Số:           /QĐ-UBND", "Lâm Đồng, ngày        tháng     năm 2025", signature "CHỦ TỊCH" with no name.
    report = real("vbai2_cafc8e81_2-Du-thao-QD-thanh-lap-Ban-VSTBPN_2.docx")
    assert not of_rule(report, "D3") and not of_rule(report, "D6")
    assert not [f for f in of_rule(report, "N4") if f.found.startswith(("số", "ký hiệu", "“"))]
    name, = of_rule(report, "S3")
    assert name.severity == WARNING and name.found == "chưa có họ tên người ký"
    blank_day = real("vbai_BC_CCHC_nam2025_LamDong.docx")  # "Lâm Đồng, ngày       tháng 12 năm 2025"
    assert not of_rule(blank_day, "D3") and not of_rule(blank_day, "D6") and not of_rule(blank_day, "D4")
