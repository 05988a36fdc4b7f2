"""The bảng so sánh: the comparison table offices send with a revised draft (old | new | nhận xét), as a DOCX in the
Decree 30 format: Times New Roman 13, A4 landscape, margins 20–30 mm, bold repeated header row."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from drafting.diff.model import Change, DiffResult
from drafting.diff.render.text import where
from drafting.render.docx_writer import _write_atomically

FONT = "Times New Roman"
SIZE = Pt(13)


def _comment(change: Change) -> str:
    if change.spelling_only:
        return "Chỉ sửa chính tả."
    if change.kind == "kept":
        return "Đánh số lại."
    words = {"changed": "Sửa", "added": "Bổ sung", "dropped": "Bỏ", "moved": "Chuyển vị trí"}[change.kind]
    note = f" ({change.note})" if change.note else ""
    return f"{words}{note}; {where(change)}."


def _runs(paragraph, change: Change, side: str) -> None:  # type: ignore[no-untyped-def]
    node = change.old if side == "old" else change.new
    if node is None:
        return
    if not change.words:
        paragraph.add_run(node.text)
        return
    for op, text in change.words:
        if op == "=":
            paragraph.add_run(text)
        elif (op == "-" and side == "old") or (op == "+" and side == "new"):
            run = paragraph.add_run(text)
            run.bold = True
            if side == "old":
                run.font.strike = True


def build_table(result: DiffResult) -> docx.document.Document:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, SIZE
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading = title.add_run("BẢNG SO SÁNH")
    heading.bold = True
    heading.font.size = Pt(14)
    subject = document.add_paragraph()
    subject.alignment = WD_ALIGN_PARAGRAPH.CENTER
    old, new = result.old_meta, result.new_meta
    run = subject.add_run(f"{old.get('title') or old['path']} — bản {old.get('date') or 'cũ'} và bản "
                          f"{new.get('date') or 'mới'}")
    run.bold = True
    changes = [change for change in result.changes if change.kind != "kept" or change.spelling_only]
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    widths = (Mm(12), Mm(100), Mm(100), Mm(40))
    for cell, text, width in zip(table.rows[0].cells, ("TT", "Văn bản cũ", "Văn bản mới", "Nhận xét"), widths,
                                 strict=True):
        cell.width = width
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        cell.paragraphs[0].add_run(text).bold = True
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    for number, change in enumerate(changes, 1):
        cells = table.add_row().cells
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
        cells[0].paragraphs[0].add_run(str(number))
        cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _runs(cells[1].paragraphs[0], change, "old")
        _runs(cells[2].paragraphs[0], change, "new")
        cells[3].paragraphs[0].add_run(_comment(change))
        for cell in cells[1:]:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if not changes:
        document.add_paragraph("Hai văn bản không khác nhau về nội dung.")
    return document


def write_table(result: DiffResult, target: Path) -> Path:
    document = build_table(result)
    _write_atomically(target, lambda temporary: document.save(str(temporary)))
    return target
