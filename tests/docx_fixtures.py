"""Build clerk-style Word documents (.docx) from the seed plan TXT files.

The fixtures imitate how a Vietnamese clerk's Word file of a plan (Kế hoạch) looks:

* every non-empty TXT line is one paragraph, style "Normal", Times New Roman 14 pt, in order and
  with its text kept as typed (noise such as ``[bookmark: _GoBack]`` included);
* the header lines before "KẾ HOẠCH" go into a borderless 2x2 table (issuing body / national
  motto on the first row, "Số: …" / place and date on the second row);
* a closing "Nơi nhận:" list plus signature block goes into a borderless 1x2 table.

Two shapes are produced: ``numbering="manual"`` keeps the typed labels ("I.", "1.", "a)"), while
``numbering="auto"`` removes them and gives the paragraph Word automatic numbering (``w:numPr``)
pointing to one multi-level list added to ``word/numbering.xml``.

Usage: ``python tests/docx_fixtures.py OUT_DIR`` builds both shapes for every seed.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Length, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

NumberingShape = Literal["manual", "auto"]
LabelKind = Literal["roman", "arabic", "letter"]

SEEDS_DIR = Path(__file__).resolve().parent.parent / "corpus" / "seeds"
SHAPES: tuple[NumberingShape, ...] = ("manual", "auto")

FONT_NAME = "Times New Roman"
FONT_SIZE = Pt(14)
TYPE_HEADING = "KẾ HOẠCH"

#: ilvl of each label kind in the automatic multi-level list.
LABEL_ILVL: dict[LabelKind, int] = {"roman": 0, "arabic": 1, "letter": 2}
#: (numFmt, lvlText) of each ilvl of the automatic multi-level list.
LIST_LEVELS: tuple[tuple[str, str], ...] = (
    ("upperRoman", "%1."),
    ("decimal", "%2."),
    ("lowerLetter", "%3)"),
)

# Letters used by Vietnamese list labels "a)", "b)", … (no f, j, w, z; "đ" after "d").
_VI_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN = r"(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
# A label at the start of a line: "I. ", "1. ", "a) " (a stray space before the mark, as in
# "2 . ", is tolerated).  The label must be followed by blanks or the end of the line, so decimal
# labels such as "2.1." never match.
_LABEL_RE = re.compile(
    rf"\s*(?:(?P<roman>{_ROMAN}) ?\.|(?P<arabic>\d+) ?\.|(?P<letter>[{_VI_LETTERS}]) ?\))"
    r"(?:[ \t]+|$)"
)
# Conversion noise that may precede a label, e.g. "[bookmark: _GoBack]a) …".
_NOISE_PREFIX_RE = re.compile(r"(?:\[bookmark: [^\]]*\])*")

_MOTTO_RE = re.compile(
    r"^(?:CỘNG HÒA|CỘNG HOÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM$"
    r"|^Độc lập\s*[-\u2013\u2014]\s*Tự do\s*[-\u2013\u2014]\s*Hạnh phúc$",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(r"^Số\s*:")
_PLACE_DATE_RE = re.compile(r"^\S[^,]*,\s*ngày(?:\s|$)")
_DATE_CONTINUATION_RE = re.compile(r"^(?:ngày|tháng|năm)(?:\s|$)|^\d")
_FULL_DATE_RE = re.compile(r"năm\s+\d{4}")
_RECIPIENTS_RE = re.compile(r"^\s*Nơi nhận\s*:")
_SIGNATURE_MAX_CHARS = 60

_TABLE_BORDER_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
# Children of w:tblPr that must come after w:tblBorders (CT_TblPr sequence).
_TBLPR_AFTER_BORDERS = ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")


@dataclass(frozen=True)
class Label:
    """A typed list label found at the start of a line."""

    kind: LabelKind
    start: int  # where the label (with any leading blanks) starts, after conversion noise
    end: int  # just after the label and the blanks that follow it


@dataclass
class _Header:
    """Header lines found before the "KẾ HOẠCH" line, sorted into the clerk's table cells."""

    misfits: list[str] = field(default_factory=list)
    issuer: list[str] = field(default_factory=list)
    motto: list[str] = field(default_factory=list)
    number: list[str] = field(default_factory=list)
    place_date: list[str] = field(default_factory=list)

    @property
    def has_table(self) -> bool:
        return bool(self.issuer or self.motto or self.number or self.place_date)


@dataclass
class _Closing:
    """The "Nơi nhận:" block and the signature block at the end of the plan."""

    recipients_title: str
    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    misfits: list[str] = field(default_factory=list)


def find_label(line: str) -> Label | None:
    """Return the roman / arabic / letter label that starts ``line`` (after any noise)."""
    noise = _NOISE_PREFIX_RE.match(line)
    start = noise.end() if noise else 0
    match = _LABEL_RE.match(line, start)
    if match is None:
        return None
    kind: LabelKind
    if match.group("roman"):
        kind = "roman"
    elif match.group("arabic"):
        kind = "arabic"
    else:
        kind = "letter"
    return Label(kind=kind, start=start, end=match.end())


def read_plan_lines(txt_path: Path) -> list[str]:
    """Return the non-empty lines of a seed TXT, each kept exactly as typed."""
    text = txt_path.read_text(encoding="utf-8").removeprefix("\ufeff")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line for line in lines if line.strip()]


def _is_type_heading(line: str) -> bool:
    return unicodedata.normalize("NFC", line.strip()).upper() == TYPE_HEADING


def _split_header(lines: list[str]) -> _Header:
    header = _Header()
    for line in lines:
        text = line.strip()
        if _MOTTO_RE.match(text):
            header.motto.append(line)
        elif _NUMBER_RE.match(text):
            header.number.append(line)
        elif _PLACE_DATE_RE.match(text):
            header.place_date.append(line)
        elif (
            header.place_date
            and _DATE_CONTINUATION_RE.match(text)
            and not _FULL_DATE_RE.search(header.place_date[-1])
        ):
            # A place/date line split in two ("Nguyễn Bình, ngày" / "tháng 11 năm 2022").
            header.place_date[-1] = f"{header.place_date[-1].strip()} {text}"
        elif text.upper() == text and any(ch.isalpha() for ch in text):
            header.issuer.append(line)
        else:
            header.misfits.append(line)
    return header


def _split_closing(lines: list[str]) -> _Closing | None:
    """Parse the lines from the last "Nơi nhận:" line to the end, or None if not a closing."""
    if not lines or not _RECIPIENTS_RE.match(lines[0]):
        return None
    closing = _Closing(recipients_title=lines[0])
    rest = lines[1:]
    while rest and rest[0].strip().startswith("-"):
        closing.recipients.append(rest.pop(0))
    for line in rest:
        text = line.strip().replace("**", "")
        fits = not text.startswith("-") and len(text) <= _SIGNATURE_MAX_CHARS
        if fits and not closing.misfits:
            closing.signature.append(line)
        else:
            closing.misfits.append(line)
    return closing


def _format_run_font(element: BaseOxmlElement) -> None:
    """Give a w:rPr-holding run / style the Times New Roman font for every script."""
    r_pr = element.get_or_add_rPr()
    r_fonts = r_pr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        r_fonts.set(qn(attr), FONT_NAME)


def _add_runs(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    md_bold: bool = False,
) -> bool:
    """Add ``text`` as runs, turning Markdown "**" marks into bold runs.

    ``md_bold`` is the Markdown bold state at the start of the text; the state at the end is
    returned so that a bold span may continue on the next line.
    """
    for index, chunk in enumerate(text.split("**")):
        if index:
            md_bold = not md_bold
        if not chunk:
            continue
        run = paragraph.add_run(chunk)
        _format_run_font(run._r)
        run.font.size = FONT_SIZE
        if bold or md_bold:
            run.bold = True
        if italic:
            run.italic = True
    return md_bold


def _set_numbering(paragraph: Paragraph, num_id: int, ilvl: int) -> None:
    """Attach ``paragraph`` to list ``num_id`` at level ``ilvl`` (w:numPr placed in order)."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


def _add_plan_list(document: DocxDocument) -> int:
    """Add the I. / 1. / a) multi-level list to numbering.xml and return its w:numId."""
    numbering = document.part.numbering_part.element
    abstract_id = 1 + max(
        (int(v) for v in numbering.xpath("./w:abstractNum/@w:abstractNumId")), default=-1
    )
    num_id = 1 + max((int(v) for v in numbering.xpath("./w:num/@w:numId")), default=0)
    levels = "".join(
        f'<w:lvl w:ilvl="{ilvl}">'
        '<w:start w:val="1"/>'
        f'<w:numFmt w:val="{num_fmt}"/>'
        '<w:suff w:val="space"/>'
        f'<w:lvlText w:val="{lvl_text}"/>'
        '<w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr>'
        + ("<w:rPr><w:b/><w:bCs/></w:rPr>" if ilvl == 0 else "")
        + "</w:lvl>"
        for ilvl, (num_fmt, lvl_text) in enumerate(LIST_LEVELS)
    )
    abstract_num = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:nsid w:val="{0x4B480000 + abstract_id:08X}"/>'
        '<w:multiLevelType w:val="multilevel"/>'
        f"{levels}</w:abstractNum>"
    )
    num = parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    # CT_Numbering sequence: numPicBullet*, abstractNum*, num*, numIdMacAtCleanup?
    anchors = numbering.xpath("./w:numPicBullet | ./w:abstractNum")
    if anchors:
        anchors[-1].addnext(abstract_num)
    else:
        numbering.insert(0, abstract_num)
    nums = numbering.xpath("./w:num")
    (nums[-1] if nums else abstract_num).addnext(num)
    return num_id


def _make_borderless(table: Table, widths: tuple[Length, ...]) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in _TABLE_BORDER_EDGES:
        border = OxmlElement(f"w:{edge}")
        border.set(qn("w:val"), "nil")
        borders.append(border)
    successor = next(
        (child for child in tbl_pr if child.tag in {qn(f"w:{t}") for t in _TBLPR_AFTER_BORDERS}),
        None,
    )
    if successor is not None:
        successor.addprevious(borders)
    else:
        tbl_pr.append(borders)
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _cell_paragraph(cell: _Cell, first: bool) -> Paragraph:
    paragraph: Paragraph = cell.paragraphs[0] if first else cell.add_paragraph(style="Normal")
    paragraph.paragraph_format.first_line_indent = Cm(0)
    return paragraph


def _fill_cell(
    cell: _Cell,
    lines: list[str],
    *,
    align: WD_ALIGN_PARAGRAPH,
    bold: bool = False,
    italic: bool = False,
    blank_before_last: bool = False,
) -> None:
    """Write one paragraph per line into ``cell`` (Markdown bold may span lines)."""
    md_bold = False
    first = True
    for index, line in enumerate(lines):
        if blank_before_last and index == len(lines) - 1 and index > 0:
            _cell_paragraph(cell, first).alignment = align  # room for the handwritten signature
            first = False
        paragraph = _cell_paragraph(cell, first)
        first = False
        paragraph.alignment = align
        md_bold = _add_runs(paragraph, line, bold=bold, italic=italic, md_bold=md_bold)


def _add_header_table(document: DocxDocument, header: _Header) -> None:
    table = document.add_table(rows=2, cols=2)
    _make_borderless(table, (Cm(6.5), Cm(9.5)))
    center = WD_ALIGN_PARAGRAPH.CENTER
    _fill_cell(table.cell(0, 0), header.issuer, align=center, bold=True)
    _fill_cell(table.cell(0, 1), header.motto, align=center, bold=True)
    _fill_cell(table.cell(1, 0), header.number, align=center)
    _fill_cell(table.cell(1, 1), header.place_date, align=center, italic=True)


def _add_closing_table(document: DocxDocument, closing: _Closing) -> None:
    table = document.add_table(rows=1, cols=2)
    _make_borderless(table, (Cm(8), Cm(8)))
    left, right = table.cell(0, 0), table.cell(0, 1)
    _fill_cell(
        left, [closing.recipients_title], align=WD_ALIGN_PARAGRAPH.LEFT, bold=True, italic=True
    )
    for line in closing.recipients:
        paragraph = left.add_paragraph(style="Normal")
        paragraph.paragraph_format.first_line_indent = Cm(0)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        _add_runs(paragraph, line)
    _fill_cell(right, closing.signature, align=WD_ALIGN_PARAGRAPH.CENTER, blank_before_last=True)


def _add_body_paragraph(
    document: DocxDocument, line: str, numbering: NumberingShape, num_id: int | None
) -> None:
    paragraph = document.add_paragraph(style="Normal")
    if _is_type_heading(line):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.first_line_indent = Cm(0)
        _add_runs(paragraph, line, bold=True)
        return
    label = find_label(line)
    text = line
    if numbering == "auto" and label is not None and num_id is not None:
        text = line[: label.start] + line[label.end :]
        _set_numbering(paragraph, num_id, LABEL_ILVL[label.kind])
    _add_runs(paragraph, text, bold=label is not None and label.kind == "roman")


def _setup_document(document: DocxDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    normal = document.styles["Normal"]
    _format_run_font(normal.element)
    normal.font.size = FONT_SIZE
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Cm(1)
    fmt.space_after = Pt(6)


def build_plan_docx(txt_path: Path, out_path: Path, numbering: NumberingShape) -> None:
    """Build a clerk-style Word file of the plan in ``txt_path`` and save it to ``out_path``.

    ``numbering="manual"`` keeps the typed labels; ``numbering="auto"`` removes the roman,
    arabic and letter labels and numbers those paragraphs with a Word multi-level list instead.
    """
    if numbering not in SHAPES:
        raise ValueError(f"numbering must be one of {SHAPES}, not {numbering!r}")
    lines = read_plan_lines(txt_path)
    heading_at = next((i for i, line in enumerate(lines) if _is_type_heading(line)), None)
    header = _split_header(lines[:heading_at] if heading_at is not None else [])
    body = lines[heading_at:] if heading_at is not None else lines
    closing_at = next(
        (i for i in range(len(body) - 1, 0, -1) if _RECIPIENTS_RE.match(body[i])), None
    )
    closing = _split_closing(body[closing_at:]) if closing_at is not None else None
    if closing is not None:
        body = body[:closing_at]

    document = Document()
    _setup_document(document)
    num_id = _add_plan_list(document) if numbering == "auto" else None
    for line in header.misfits:
        _add_body_paragraph(document, line, numbering, num_id)
    if header.has_table:
        _add_header_table(document, header)
    for line in body:
        _add_body_paragraph(document, line, numbering, num_id)
    if closing is not None:
        _add_closing_table(document, closing)
        for line in closing.misfits:
            _add_body_paragraph(document, line, numbering, num_id)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out_path))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python tests/docx_fixtures.py OUT_DIR", file=sys.stderr)
        return 2
    out_dir = Path(args[0])
    for txt_path in sorted(SEEDS_DIR.glob("*.txt")):
        for shape in SHAPES:
            out_path = out_dir / f"{txt_path.stem}.{shape}.docx"
            build_plan_docx(txt_path, out_path, shape)
            print(out_path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
