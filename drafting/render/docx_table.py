"""A plan's table (rows of cell strings, the first row the header) as a Word table: widths that follow
the content, the header bold and repeated on every page, single borders, 13 pt text.

Word and LibreOffice read different parts of a table's width (the grid, each cell's w:tcW, the
table's w:tblW), so all three are written, with a fixed layout so neither re-flows the columns.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
TEXT_SIZE = Pt(13)  # B1 allows 13–14 pt body text; 13 keeps a five-column task table readable
DEFAULT_TEXT_WIDTH = 8787  # twips: 155 mm, the A4 text width between 35 mm and 20 mm margins (P1, P3)
# Floors: a column never narrower than its longest word (header words in bold), nor than 1 cm; an
# "STT" column at least 1.4 cm. Widths of Times New Roman glyphs in ems, by kind (capitals about
# 0.72, lower case and digits about 0.5, narrow letters and punctuation about 0.33).
EM_TWIPS = 13 * 20  # one em at 13 pt
BOLD_FACTOR = 1.06
CELL_PADDING_TWIPS = 2 * 108  # Word's default left and right cell margins
MIN_COLUMN_TWIPS = 567
STT_COLUMN_TWIPS = 794
_NARROW = set("ijlrtf.,;:!'()[]-/ ")
_WIDE = set("mwMW&%")
STT_HEADERS = {"stt", "tt", "số tt", "số thứ tự"}
_NUMBER_CELL = re.compile(r"^[\d\s.,%/+-]{1,12}$")

Placeholders = Callable[[str], list[tuple[str, bool]]]


def is_stt_header(text: str) -> bool:
    return text.strip().strip(".").lower() in STT_HEADERS


def column_widths(rows: list[list[str]], total: int = DEFAULT_TEXT_WIDTH) -> list[int]:
    """Widths in twips summing to `total`.

    A wrapped cell takes about length / width lines; the widths that make the table shortest (the
    least sum of line counts) are proportional to the square root of each column's text length,
    so that is each column's share, never below its floor."""
    count = max((len(row) for row in rows), default=1)
    # A short row's last cell spans the rest (a group heading): it says nothing of any one column.
    full_rows = [row for row in rows if len(row) == count]
    columns = [[row[index] for row in full_rows] for index in range(count)]
    floors = [_floor(column) for column in columns]
    weights = [math.sqrt(_mean_length(column[1:] or column)) for column in columns]
    return _rounded(_shared(total, floors, weights), total)


def _floor(column: list[str]) -> float:
    words = [(word, True) for word in column[0].split()] if column else []
    words += [(word, False) for cell in column[1:] for word in cell.split()]
    longest = max((word_twips(word, bold) for word, bold in words), default=0.0)
    floor = max(MIN_COLUMN_TWIPS, longest + CELL_PADDING_TWIPS)
    return max(floor, STT_COLUMN_TWIPS) if column and is_stt_header(column[0]) else floor


def word_twips(word: str, bold: bool = False) -> float:
    """About how wide `word` is set in 13 pt Times New Roman."""
    ems = sum(0.33 if c in _NARROW else 0.9 if c in _WIDE else 0.72 if c.isupper() else 0.5 for c in word)
    return ems * EM_TWIPS * (BOLD_FACTOR if bold else 1.0)


def _mean_length(cells: list[str]) -> float:
    return max(1.0, sum(len(cell) for cell in cells) / max(1, len(cells)))


def _shared(total: int, floors: list[float], weights: list[float]) -> list[float]:
    """Shares of `total` by weight; a column whose share falls below its floor gets the floor and
    the others share what is left (repeated until no share is below its floor)."""
    if sum(floors) >= total:  # too many columns for the page: every one gets its floor, scaled down
        return [total * floor / sum(floors) for floor in floors]
    at_floor: set[int] = set()
    while True:
        free = total - sum(floors[i] for i in at_floor)
        weight = sum(w for i, w in enumerate(weights) if i not in at_floor)
        shares = [floors[i] if i in at_floor else free * w / weight for i, w in enumerate(weights)]
        short = {i for i, share in enumerate(shares) if i not in at_floor and share < floors[i]}
        if not short:
            return shares
        at_floor |= short


def _rounded(widths: list[float], total: int) -> list[int]:
    """Whole twips, the rounding's remainder given to the widest column so the sum is exact."""
    rounded = [int(width) for width in widths]
    widest = max(range(len(rounded)), key=lambda i: rounded[i])
    rounded[widest] += total - sum(rounded)
    return rounded


def fill_table(table: Table, rows: list[list[str]], total: int, placeholders: Placeholders) -> None:
    """Writes `rows` into `table` (made with as many rows and columns), laid out as the module says."""
    widths = column_widths(rows, total)
    stt_columns = {i for i, text in enumerate(rows[0] if rows else []) if is_stt_header(text)}
    _fixed_layout(table, widths)
    _single_borders(table)
    for row_index, (row, cells) in enumerate(zip(table.rows, rows, strict=False)):
        header = row_index == 0
        for column, cell in enumerate(_spanned(row.cells, len(cells))):
            text = cells[column] if column < len(cells) else ""
            centred = header or column in stt_columns or bool(_NUMBER_CELL.match(text))
            _write_cell(cell, text, bold=header, centred=centred, placeholders=placeholders)
    if rows:
        _repeat_as_header(table.rows[0]._tr)


def _spanned(cells: list[_Cell], count: int) -> list[_Cell]:
    """A row with fewer cells than the table (a group heading, "I. NÂNG CAO NHẬN THỨC …") has its last
    cell merged across the rest, as the source's merged cell was."""
    if 0 < count < len(cells):
        cells[count - 1].merge(cells[-1])
        return cells[:count]
    return cells


def _fixed_layout(table: Table, widths: list[int]) -> None:
    table.autofit = False  # w:tblLayout fixed
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Twips(width)  # w:gridCol
        for cell in column.cells:
            cell.width = Twips(width)  # w:tcW
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblW")):
        properties.remove(old)
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(sum(widths)))
    total.set(qn("w:type"), "dxa")
    properties.insert(_after_style(properties), total)


def _after_style(properties) -> int:  # type: ignore[no-untyped-def]
    """Where w:tblW goes in w:tblPr: after w:tblStyle, w:tblpPr and w:tblOverlap, before the rest."""
    leading = [child for child in properties if child.tag in {qn("w:tblStyle"), qn("w:tblpPr"), qn("w:tblOverlap")}]
    return len(leading)


def _single_borders(table: Table) -> None:
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblBorders")):
        properties.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            element.set(qn(key), value)
        borders.append(element)
    # w:tblBorders follows w:tblW, w:jc, w:tblCellSpacing and w:tblInd in the schema's order.
    before = {qn(tag) for tag in ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                                  "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd")}
    properties.insert(len([child for child in properties if child.tag in before]), borders)


def _repeat_as_header(tr) -> None:  # type: ignore[no-untyped-def]
    """w:tblHeader on the first row: Word and LibreOffice repeat it at the top of every page."""
    header = OxmlElement("w:tblHeader")
    tr.get_or_add_trPr().append(header)


def _write_cell(cell: _Cell, text: str, *, bold: bool, centred: bool, placeholders: Placeholders) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    for index, line in enumerate(text.split("\n")):
        if index:
            paragraph = cell.add_paragraph()
        _format_paragraph(paragraph, centred)
        for piece, is_placeholder in placeholders(line):
            run = paragraph.add_run(piece)
            run.font.name = FONT
            run.font.size = TEXT_SIZE
            run.font.bold = bold or None
            if is_placeholder:
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW  # w:highlight, not w:shd


def _format_paragraph(paragraph: Paragraph, centred: bool) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Twips(0)
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(2), Pt(2), 1.0
