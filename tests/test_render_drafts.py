"""What the renderer writes for a draft: placeholders as a Word highlight, tables laid out (widths that
follow the content, a repeated bold header), appendices in sections of their own, and a file that
`drafting parse` reads back as written (title, first basis, sections, appendix)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from drafting import parse_file
from drafting.check import check_docx
from drafting.draft import DraftOptions, draft_plan
from drafting.model import Plan
from drafting.render.docx_writer import render_docx
from drafting.units import resolve_unit

from conftest import CORPUS, SEEDS

OPTIONS = DraftOptions(today=dt.date(2026, 11, 23))
# Đồng Tháp's plan on digital transformation of businesses: its Phụ lục is a five-column task table.
TASK_PARENT = CORPUS / "wild" / "8718801c503045f9.md"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode("utf-8")


def _task_rows(markdown: Path) -> list[list[str]]:
    """The Phụ lục's table as its web copy lays it out: each cell after a lone "|" line, each row
    after two (the markdown reader flattens such a table to one cell a row; the rows are rebuilt here)."""
    lines = markdown.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip("* ") == "PHỤ LỤC")
    start = next(i for i in range(start, len(lines)) if lines[i].strip() == "|")
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    for previous, line in zip(lines[start - 1 :], lines[start:], strict=False):
        if line.strip() != "|":
            if line.strip():
                cell.append(line.strip().replace("**", ""))
            continue
        if cell:
            row.append(" ".join(cell))
            cell = []
        if previous.strip() == "|" and row:
            rows.append(row)
            row = []
    row += [" ".join(cell)] if cell else []
    return rows + ([row] if row else [])


@pytest.fixture(scope="module")
def task_plan() -> Plan:
    """The real plan with its Phụ lục task table, label and title in the forms Decree 30 asks for."""
    plan = parse_file(TASK_PARENT)
    appendix = plan.appendices[0]
    appendix.tables = [_task_rows(TASK_PARENT)]
    appendix.label = "Phụ lục"  # A2; the parent writes "PHỤ LỤC"
    plan.meta.title = "Chuyển đổi số cho các doanh nghiệp, nhất là doanh nghiệp nhỏ và vừa, hợp tác xã, hộ kinh doanh"
    return plan


@pytest.fixture(scope="module")
def task_docx(task_plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_docx(task_plan, tmp_path_factory.mktemp("task") / "ke-hoach.docx")


def test_the_rebuilt_task_table_is_the_parents(task_plan: Plan) -> None:
    rows = task_plan.appendices[0].tables[0]
    assert rows[0] == ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
    assert rows[1] == ["I. NÂNG CAO NHẬN THỨC VÀ ĐỔI MỚI TƯ DUY"]
    assert rows[2][0] == "1" and rows[2][2] == "Sở KH&CN" and len(rows) == 16


def test_placeholders_are_a_word_highlight(tmp_path: Path) -> None:
    """A drafted plan's blanks show in yellow in Word and LibreOffice (w:highlight), never as a shading
    of the invalid colour "yellow" (w:shd w:fill), which LibreOffice paints black."""
    draft = draft_plan(parse_file(SEEDS[2]), resolve_unit("xã Ea Kar", "Đắk Lắk"), OPTIONS).plan
    paragraphs = next(section for section in draft.all_sections() if section.paragraphs).paragraphs
    paragraphs[0] = f"{paragraphs[0]} Hoàn thành trước ngày [[han_hoan_thanh|ngày hoàn thành]]."
    xml = _document_xml(render_docx(draft, tmp_path / "draft.docx"))
    highlighted = re.findall(r"<w:r>(?:(?!</w:r>).)*<w:highlight w:val=\"yellow\"/>(?:(?!</w:r>).)*</w:r>", xml)
    assert any("[ngày hoàn thành]" in run for run in highlighted)
    assert any("[Họ và tên]" in run for run in highlighted)  # the signer's name
    assert 'w:fill="yellow"' not in xml


def test_task_table_header_repeats_in_bold(task_docx: Path) -> None:
    from docx import Document

    table = Document(str(task_docx)).tables[-1]
    header = table.rows[0]
    assert header._tr.trPr is not None and header._tr.trPr.find(f"{W}tblHeader") is not None
    runs = [run for cell in header.cells for p in cell.paragraphs for run in p.runs]
    assert runs and all(run.bold for run in runs)
    assert not any(run.bold for cell in table.rows[2].cells for p in cell.paragraphs for run in p.runs)


def test_task_table_widths_follow_the_content(task_docx: Path) -> None:
    from docx import Document

    document = Document(str(task_docx))
    table = document.tables[-1]
    grid = [int(col.get(f"{W}w")) for col in table._tbl.tblGrid.findall(f"{W}gridCol")]
    stt, task, lead, partners, deadline = grid
    assert task > partners > lead > stt and task > deadline > stt
    assert stt >= 794  # 1.4 cm: "STT" in bold stays on one line
    section = document.sections[-1]
    text_width = (section.page_width - section.left_margin - section.right_margin) // 635
    assert abs(sum(grid) - text_width) <= 1
    cells = table.rows[2].cells
    assert [int(c._tc.tcPr.find(f"{W}tcW").get(f"{W}w")) for c in cells] == grid
    assert table._tbl.tblPr.find(f"{W}tblLayout").get(f"{W}type") == "fixed"
    borders = table._tbl.tblPr.find(f"{W}tblBorders")
    assert {b.get(f"{W}val") for b in borders} == {"single"} and len(borders) == 6
    # a task table's cells read from the left; the STT column is centred
    assert [c.paragraphs[0].alignment for c in cells][:3] == [1, 0, 0]
    assert {r.font.size.pt for c in cells for p in c.paragraphs for r in p.runs} == {13.0}


def test_appendix_is_a_landscape_section_numbered_from_one(task_docx: Path) -> None:
    from docx import Document

    sections = Document(str(task_docx)).sections
    assert len(sections) == 2
    main, appendix = sections
    assert main.page_width < main.page_height and appendix.page_width > appendix.page_height
    assert appendix._sectPr.find(f"{W}pgNumType").get(f"{W}start") == "1"


def test_rendered_plan_reads_back_as_written(task_plan: Plan, task_docx: Path) -> None:
    back = parse_file(task_docx)
    assert back.meta.title == task_plan.meta.title
    assert back.legal_bases[0].text == task_plan.legal_bases[0].text
    assert [s.title for s in back.all_sections()] == [s.title for s in task_plan.all_sections()]
    written, read = task_plan.appendices[0], back.appendices[0]
    assert (read.label, read.title, read.ref) == (written.label, written.title, written.ref)
    assert read.tables == written.tables


def test_rendered_plan_with_a_task_appendix_passes_the_checker(task_docx: Path) -> None:
    # The house text rules (X, warnings) read the wording, which is the parent's ("Uỷ ban" beside
    # "Ủy ban"): the renderer answers for the format rules only.
    assert [f for f in check_docx(task_docx).findings if not f.rule.startswith("X")] == []


@pytest.mark.parametrize("parent", [CORPUS / "wild" / "f069c23c942c1ec6.md", SEEDS[2]], ids=["wild-f069", "seed-002"])
def test_drafted_title_and_first_basis_read_back(parent: Path, tmp_path: Path) -> None:
    """A draft's title may open as a basis does ("Triển khai thực hiện Kế hoạch số …") and its first basis
    may cite the parent with a blank number ("Kế hoạch số …/… ngày 22/7/2024"): each reads back apart."""
    draft = draft_plan(parse_file(parent), resolve_unit("xã Lạc Dương", "Lâm Đồng"), OPTIONS).plan
    back = parse_file(render_docx(draft, tmp_path / "draft.docx"))
    assert back.meta.title == draft.meta.title
    assert back.legal_bases and back.legal_bases[0].text == draft.legal_bases[0].text
    assert [s.title for s in back.sections] == [s.title for s in draft.sections]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_task_plan(task_docx: Path, tmp_path: Path) -> None:
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(task_docx)], check=True, capture_output=True, timeout=180)
    from pypdf import PdfReader

    pages = PdfReader(str(tmp_path / "ke-hoach.pdf")).pages
    # pypdf splits Vietnamese letters from their marks: "STT" and "Kèm theo" are read whole
    appendix = [index for index, page in enumerate(pages) if "STT" in (page.extract_text() or "")]
    # every page of the appendix, to the end, opens with the header row again
    assert len(appendix) >= 2 and appendix == list(range(appendix[0], len(pages)))
    assert "Kèm theo" in (pages[appendix[0]].extract_text() or "")
    assert all(pages[i].mediabox.width > pages[i].mediabox.height for i in appendix)  # landscape
    assert pages[0].mediabox.width < pages[0].mediabox.height
