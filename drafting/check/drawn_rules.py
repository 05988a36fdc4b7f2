"""The short horizontal lines of Decree 30 (C6 under the issuing body, Q3 under the Tiêu ngữ, T4 under
the trích yếu): present, and as long as the decree says against the text line above them.

The lines are read by `docx_lines`; which element a line belongs to is told by where it is
anchored (the header table's column, or the paragraphs between the title and the body) and, outside
a table, by its horizontal place. The text's length is estimated from Times New Roman's advance
widths (``data/font_widths.json``). A line that cannot be measured, or a region that holds a
drawing of another kind, leaves the rule NOT_EVALUATED rather than guessed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from drafting.check.anatomy import Piece
from drafting.check.docx_format import Paragraph
from drafting.check.docx_lines import CELL_MARGIN_TWIPS, DrawnLine, cell_border, cell_width, lines_in
from drafting.check.findings import Finding, Unchecked, not_applicable, not_evaluated
from drafting.check.registry import declares
from drafting.check.rules import Context, expects_header, finding, millimetres
from drafting.data_files import load

TWIPS_PER_POINT = 20


@cache
def line_data() -> dict[str, Any]:
    return load("drawn_lines")  # type: ignore[no-any-return]


@cache
def _widths() -> dict[str, Any]:
    return load("font_widths")  # type: ignore[no-any-return]


def text_width(piece: Piece) -> int:
    """The piece's printed length in twips: each letter's advance width at its run's size."""
    widths = _widths()
    total = 0.0
    for run in piece.runs:
        table = widths["bold" if run.format.bold else "regular"]
        size = run.format.size or 13.0
        text = run.text.upper() if run.format.caps else run.text
        for char in " ".join(text.split()) if run is piece.runs[0] else text:
            base = unicodedata.normalize("NFD", char)[:1] or char
            total += table.get(base, table["n"]) * size * TWIPS_PER_POINT / widths["units_per_em"]
    return round(total)


def _lines(context: Context, paragraphs: list[Paragraph]) -> tuple[list[tuple[Paragraph, DrawnLine]], bool]:
    found: list[tuple[Paragraph, DrawnLine]] = []
    other = False
    for paragraph in paragraphs:
        if paragraph.element is None:
            continue
        lines, unknown = lines_in(paragraph.element, _text_area(context))
        found += [(paragraph, line) for line in lines]
        other = other or unknown
    return found, other


def _between(context: Context, first: int, last: int) -> list[Paragraph]:
    return [p for p in context.document.paragraphs if first <= p.number <= last]


@dataclass(frozen=True)
class Measure:
    """One rule line set against its text: ``line`` None when there is none; lengths in twips.
    ``room`` is the width the text stands in (its cell's or the page's), None when unknown."""

    rule: str
    pieces: list[Piece]
    line: DrawnLine | None
    text: int
    low: float
    high: float
    room: int | None = None

    @property
    def ratio(self) -> float:
        return self.line.length / self.text if self.line else 0.0

    @property
    def wrong(self) -> bool:
        slack = line_data()["tolerance"]
        return self.line is None or not self.low * (1 - slack) <= self.ratio <= self.high * (1 + slack)

    @property
    def target(self) -> int:
        """The length a fix gives the line: the middle of the range (the full line for Q3)."""
        low = self.low or self.high * 2 / 3
        return round(self.text * (low + self.high) / 2)


@declares("C6", "Q3", "T4")
def check_drawn_lines(context: Context) -> Iterator[Finding | Unchecked]:
    for item in measures(context):
        if isinstance(item, Unchecked):
            yield item
        elif item.wrong:
            yield _finding(item)


def measures(context: Context) -> Iterator[Measure | Unchecked]:
    if not expects_header(context):
        for rule in ("C6", "Q3", "T4"):
            yield not_applicable(rule, "văn bản là phụ lục, không có phần đầu riêng")
        return
    yield from _header_lines(context)
    yield from _title_line(context)


def _header_lines(context: Context) -> Iterator[Measure | Unchecked]:
    anatomy = context.anatomy
    owners = {"C6": anatomy.issuer[-1] if anatomy.issuer else None, "Q3": anatomy.tieu_ngu}
    for rule, owner in owners.items():
        if owner is None:
            yield not_evaluated(rule, "không tìm thấy dòng chữ phía trên đường kẻ")
    if not anatomy.header:
        return
    last = anatomy.type_heading.number - 1 if anatomy.type_heading else max(
        [p.number for p in (anatomy.number, anatomy.place_date) if p is not None]
        + [p.number for p in anatomy.header]) + 1
    lines, unsure = _lines(context, _between(context, anatomy.header[0].number, last))
    owned: dict[str, list[DrawnLine]] = {rule: [] for rule in owners}
    for paragraph, line in lines:
        rule_id = _owner(context, owners, paragraph, line)
        if rule_id == "?":
            unsure = True
        elif rule_id:
            owned[rule_id].append(line)
    for rule, owner in owners.items():
        if owner is None:
            continue
        pieces = anatomy.issuer if rule == "C6" else [owner]
        mine = owned[rule] or [border for border in [_cell_border(owner)] if border]
        yield _measure(rule, pieces, mine, unsure, _cell_text_width(owner))


def _owner(context: Context, owners: dict[str, Piece | None], paragraph: Paragraph, line: DrawnLine) -> str | None:
    """The rule whose text the line sits under: the nearest of the issuer's last line and the Tiêu
    ngữ above it in the same table column; outside a table, the side of the page it lies on
    ("?" when that cannot be told)."""
    candidates = [(rule, piece) for rule, piece in owners.items() if piece is not None
                  and piece.number <= paragraph.number and _same_column(piece.paragraph, paragraph)]
    if paragraph.cell is not None:
        return max(candidates, key=lambda pair: pair[1].number)[0] if candidates else None
    if line.x is None:
        return "?"
    middle = (_text_area(context) or 0) // 2
    return "C6" if line.x + line.length // 2 < middle else "Q3"


def _same_column(first: Paragraph, second: Paragraph) -> bool:
    if first.cell is None or second.cell is None:
        return first.cell is None and second.cell is None
    return first.cell[0] == second.cell[0] and first.cell[2] == second.cell[2]


def _cell_border(piece: Piece) -> DrawnLine | None:
    return cell_border(piece.paragraph.element) if piece.paragraph.element is not None else None


def _cell_text_width(piece: Piece) -> int | None:
    """The widest a line of text can be in the piece's cell (a longer name wraps)."""
    width = cell_width(piece.paragraph.element) if piece.paragraph.element is not None else None
    return width - 2 * CELL_MARGIN_TWIPS if width else None


def _title_line(context: Context) -> Iterator[Measure | Unchecked]:
    anatomy = context.anatomy
    if anatomy.type_heading is None or anatomy.doc_type is None:
        yield not_applicable("T4", "văn bản không có tên loại và trích yếu (công văn)")
        return
    if anatomy.doc_type not in context.data["type_abbreviations"]:
        yield not_applicable("T4", "tên loại này không có trích yếu theo Nghị định")
        return
    pieces = anatomy.summary or ([anatomy.type_heading] if anatomy.summary_in_heading else [])
    if not pieces:
        yield not_evaluated("T4", "không tìm thấy trích yếu")
        return
    # A line is often anchored in the paragraph after the trích yếu, the body's first one.
    end = anatomy.body[0].number if anatomy.body else pieces[-1].number + 2
    lines, other = _lines(context, _between(context, anatomy.type_heading.number, max(end, pieces[-1].number)))
    yield _measure("T4", pieces, [line for _, line in lines], other, _text_area(context))


def _text_area(context: Context) -> int | None:
    section = context.document.sections[0] if context.document.sections else None
    if section is None or not section.width:
        return None
    return section.width - (section.left or 0) - (section.right or 0)


def _measure(rule: str, pieces: list[Piece], lines: list[DrawnLine], unsure: bool,
             cap: int | None = None) -> Measure | Unchecked:
    low, high = line_data()["rules"][rule]["ratio"]
    text = max(text_width(piece) for piece in pieces)
    if cap and text > cap:
        # The text wraps: where Word breaks it is not known here, so the line is held only to the
        # upper bound against the widest line the text can make.
        text, low = cap, 0.0
    if not lines and unsure:
        return not_evaluated(rule, "đường kẻ vẽ bằng hình không đo được")
    if text <= 0:
        return not_evaluated(rule, "không đo được độ dài dòng chữ")
    line = max(lines, key=lambda item: item.length) if lines else None
    return Measure(rule, pieces, line, text, low, high, cap)


def _finding(measure: Measure) -> Finding:
    spec = line_data()["rules"][measure.rule]
    piece = measure.pieces[-1]
    if measure.line is None:
        return finding(measure.rule, spec["where"], piece, "không có đường kẻ", f"đường kẻ nét liền {spec['words']}",
                       f"{spec['name']}: thiếu đường kẻ ngang nét liền, {spec['words']}.")
    found = f"dài {millimetres(measure.line.length)} ({measure.ratio:.2f} dòng chữ)".replace(".", ",")
    text, low, high = measure.text, measure.low, measure.high
    wanted = f"{millimetres(round(text * low))}–{millimetres(round(text * high))}" if 0 < low != high else \
        f"tối đa {millimetres(round(text * high))}" if not low else millimetres(text)
    return finding(measure.rule, spec["where"], piece, found, f"{spec['words']} (khoảng {wanted})",
                   f"{spec['name']} {found}; cần {spec['words']}, khoảng {wanted}.")


DRAWN_CHECKS = [check_drawn_lines]
