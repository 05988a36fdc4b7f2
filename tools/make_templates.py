"""Builds the Decree 30 templates in templates/ with python-docx: python tools/make_templates.py

The templates are ordinary Word files holding docxtpl (Jinja) tags; a clerk may open one in Word or
LibreOffice, restyle it and save a copy (`drafting render --template COPY.docx`). This script is how
the shipped ones are made, so every size, margin and indent below is traceable to
shared/spec/decree30.md (rule IDs in the comments).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.table import _Cell
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parent.parent
FONT = "Times New Roman"  # P4
CENTER, LEFT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY
# §3.2: header about 40 / 60 and closing about 35 / 65 of a 160 mm table, set 2.5 mm into the left
# margin as Mẫu 1.4 does (the text area is 155 mm).
HEADER_WIDTHS = (Mm(64), Mm(96))
CLOSING_WIDTHS = (Mm(56), Mm(104))
TABLE_INDENT = Twips(-142)


def _style_defaults(document: Document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def _page(document: Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT  # P2
    section.page_width, section.page_height = Mm(210), Mm(297)  # P1: A4
    # P3 / P3b: top 25, bottom 20, left 35, right 20 mm (the decree's own appendix files).
    section.top_margin, section.bottom_margin = Mm(25), Mm(20)
    section.left_margin, section.right_margin = Mm(35), Mm(20)
    section.header_distance = Mm(10)
    section.different_first_page_header_footer = True  # P6: no number on page 1
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = CENTER
    _field(paragraph, "PAGE", size=14)


def _field(paragraph: Paragraph, instruction: str, size: int) -> None:
    """A Word field (PAGE) built from fldChar runs, the form Word itself writes."""
    for kind, text in (("begin", None), (None, f" {instruction} "), ("separate", None), (None, "2"), ("end", None)):
        run = paragraph.add_run()
        _font(run, size)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text.startswith(" "):
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text


def _font(run, size: float, bold: bool = False, italic: bool = False) -> None:  # type: ignore[no-untyped-def]
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def _para(container, text: str, size: float = 14, *, bold: bool = False, italic: bool = False,  # type: ignore[no-untyped-def]
          align=CENTER, first_line: int | None = None, before: float = 0, keep: bool = False) -> Paragraph:
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(before), Pt(0), 1.0
    if first_line is not None:
        fmt.first_line_indent = Twips(first_line)
    if keep:
        fmt.keep_with_next = True
    if text:
        _font(paragraph.add_run(text), size, bold, italic)
    return paragraph


def _tag(container, tag: str) -> None:  # type: ignore[no-untyped-def]
    """A paragraph holding only a {%p … %} tag: docxtpl removes it when rendering."""
    _para(container, tag, 11, align=LEFT)


def _rule(container, left_cm: float, right_cm: float) -> None:  # type: ignore[no-untyped-def]
    """A short solid line: an empty paragraph with a bottom border, narrowed by indents (C6, Q3, T4)."""
    paragraph = _para(container, "")
    paragraph.paragraph_format.left_indent = Mm(left_cm * 10)
    paragraph.paragraph_format.right_indent = Mm(right_cm * 10)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    run = paragraph.add_run()
    _font(run, 2)


def _widths(table, widths) -> None:  # type: ignore[no-untyped-def]
    """Column widths in the grid, the cells and the table, and a fixed layout: Word and LibreOffice
    read different ones of these."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    properties = table._tbl.tblPr
    for tag in ("w:tblW", "w:tblInd", "w:tblLayout"):
        for old in properties.findall(qn(tag)):
            properties.remove(old)
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(sum(int(w.twips) for w in widths)))
    total.set(qn("w:type"), "dxa")
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), str(int(TABLE_INDENT.twips)))
    indent.set(qn("w:type"), "dxa")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    for element in (total, indent, layout):
        properties.append(element)


def _borderless(table) -> None:  # type: ignore[no-untyped-def]
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)
    table.autofit = False


def _first_paragraph(cell: _Cell) -> Paragraph:
    return cell.paragraphs[0]


def _two_columns(document: Document, widths) -> tuple[_Cell, _Cell]:  # type: ignore[no-untyped-def]
    """A borderless one-row table of two empty cells (the header and the closing are laid out so)."""
    table = document.add_table(rows=1, cols=2)
    _borderless(table)
    _widths(table, widths)
    left, right = table.rows[0].cells
    for cell in (left, right):
        _first_paragraph(cell)._p.getparent().remove(_first_paragraph(cell)._p)
    return left, right


def _header(document: Document) -> None:
    left, right = _two_columns(document, HEADER_WIDTHS)
    _tag(left, "{%p for line in superior_lines %}")
    _para(left, "{{ line }}", 13)  # C5: governing body, not bold
    _tag(left, "{%p endfor %}")
    _tag(left, "{%p for line in issuer_lines %}")
    _para(left, "{{ line }}", 13, bold=True)  # C4
    _tag(left, "{%p endfor %}")
    _rule(left, 2.2, 2.2)  # C6: 1/3 to 1/2 of the name's width
    _tag(left, "{%p if number_line %}")
    _para(left, "{{ number_line }}", 13, before=6)  # N4
    _tag(left, "{%p endif %}")
    _tag(left, "{%p if summary %}")
    _para(left, "{{ summary }}", 12, before=6)  # T6: "V/v …" of a Công văn
    _tag(left, "{%p endif %}")
    _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)  # Q1: 12–13 pt; 12 keeps it on one line
    _para(right, "Độc lập - Tự do - Hạnh phúc", 14, bold=True)  # Q2
    _rule(right, 1.6, 1.6)  # Q3: as long as the motto
    _tag(right, "{%p if place_date %}")
    _para(right, "{{ place_date }}", 14, italic=True, before=6)  # D4
    _tag(right, "{%p endif %}")


def _title(document: Document, with_addressees: bool) -> None:
    _tag(document, "{%p if doc_type %}")
    _para(document, "{{ doc_type }}", 14, bold=True, before=12, keep=True)  # T2
    _tag(document, "{%p endif %}")
    _tag(document, "{%p for line in title_lines %}")
    _para(document, "{{ line }}", 14, bold=True, keep=True)  # T3
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p if ref %}")
    _para(document, "({{ ref }})", 14, italic=True)  # A3 / K5
    _tag(document, "{%p endif %}")
    _rule(document, 6.0, 6.0)  # T4
    if with_addressees:
        _tag(document, "{%p if addressees|length == 1 %}")
        _para(document, "Kính gửi: {{ addressees[0] }}", 14, before=6)  # R2
        _tag(document, "{%p elif addressees %}")
        _para(document, "Kính gửi:", 14, before=6)
        _tag(document, "{%p for a in addressees %}")
        paragraph = _para(document, "- {{ a }}{{ ';' if not loop.last else '.' }}", 14, align=LEFT)
        paragraph.paragraph_format.left_indent = Mm(55)
        _tag(document, "{%p endfor %}")
        _tag(document, "{%p endif %}")


def _body_paragraph(document: Document, style: str) -> None:
    """One template paragraph per kind of body item: the clerk restyles each one in Word."""
    if style == "muc":
        paragraph = _para(document, "", 14, align=JUSTIFY, first_line=567, before=6, keep=True)
    elif style == "center":
        paragraph = _para(document, "", 14, align=CENTER, before=6, keep=True)
    elif style == "ref":
        paragraph = _para(document, "", 14, align=CENTER)  # A3 / K5: "(Kèm theo …)" centred, italic
    else:
        paragraph = _para(document, "", 14, align=JUSTIFY, first_line=567, before=6)  # B1
    _font(paragraph.add_run("{{ item.head }}"), 14, bold=True)
    _font(paragraph.add_run("{{ item.rest }}"), 14, italic=style in ("italic", "ref"))


def _body(document: Document, items: str) -> None:
    _tag(document, f"{{%p for item in {items} %}}")
    _tag(document, "{%p if item.style == 'table' %}")
    _para(document, "{{p item.table }}", 11, align=LEFT)
    _tag(document, "{%p elif item.style == 'section' %}")
    _para(document, "{{p item.section }}", 11, align=LEFT)  # a section break: an appendix's own pages
    _tag(document, "{%p elif item.rich %}")
    paragraph = _para(document, "{{r item.rich }}", 14, align=JUSTIFY, first_line=567, before=6)  # placeholders
    _tag(document, "{%p elif item.style == 'break' %}")
    paragraph = _para(document, "", 14)
    paragraph.paragraph_format.page_break_before = True
    _tag(document, "{%p elif item.style in ('muc', 'center', 'italic', 'ref') %}")
    _tag(document, "{%p if item.style == 'muc' %}")
    _body_paragraph(document, "muc")
    _tag(document, "{%p elif item.style == 'center' %}")
    _body_paragraph(document, "center")
    _tag(document, "{%p elif item.style == 'ref' %}")
    _body_paragraph(document, "ref")
    _tag(document, "{%p else %}")
    _body_paragraph(document, "italic")
    _tag(document, "{%p endif %}")
    _tag(document, "{%p else %}")
    _body_paragraph(document, "body")
    _tag(document, "{%p endif %}")
    _tag(document, "{%p endfor %}")


def _closing(document: Document) -> None:
    _para(document, "", 14)
    left, right = _two_columns(document, CLOSING_WIDTHS)
    _tag(left, "{%p if recipients or archive %}")
    _para(left, "Nơi nhận:", 12, bold=True, italic=True, align=LEFT)  # R3
    _tag(left, "{%p endif %}")
    _tag(left, "{%p for r in recipients %}")
    _para(left, "- {{ r }};", 11, align=LEFT)  # R4
    _tag(left, "{%p endfor %}")
    _tag(left, "{%p if archive %}")
    _para(left, "- Lưu: {{ archive }}.", 11, align=LEFT)  # R5
    _tag(left, "{%p endif %}")
    _tag(right, "{%p for line in signature_lines %}")
    _para(right, "{{ line }}", 14, bold=True)  # S2
    _tag(right, "{%p endfor %}")
    for _ in range(4):  # room for the signature and the seal (ô 7c, 8)
        _para(right, "", 14)
    _tag(right, "{%p if signer_rich %}")
    _para(right, "{{r signer_rich }}", 14, bold=True)  # a highlighted placeholder for the name
    _tag(right, "{%p elif signer_name %}")
    _para(right, "{{ signer_name }}", 14, bold=True)  # S3
    _tag(right, "{%p endif %}")


def build(target: Path, with_addressees: bool) -> None:
    document = Document()
    _style_defaults(document)
    _page(document)
    first = document.paragraphs[0] if document.paragraphs else None
    if first is not None:
        first._p.getparent().remove(first._p)
    _header(document)
    _title(document, with_addressees)
    _body(document, "body")
    _closing(document)
    _body(document, "after")
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))


def main() -> None:
    build(ROOT / "templates" / "ke_hoach_tpl.docx", with_addressees=False)
    build(ROOT / "templates" / "bao_cao_tpl.docx", with_addressees=True)
    print("templates/ke_hoach_tpl.docx, templates/bao_cao_tpl.docx")


if __name__ == "__main__":
    main()
