"""Tables of the body and the appendices (family BG): the cells' size (BG1, B1 applied to cells), one
alignment per column (BG2), a bold header row (BG3) repeated on each page when the table is long (BG4).
Values and sources in ``drafting/data/table_rules.json``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import Any

from drafting.check.docx_format import Paragraph
from drafting.check.docx_tables import outer_table, repeats_header
from drafting.check.findings import Finding, Unchecked, not_applicable, not_evaluated
from drafting.check.registry import declares
from drafting.check.rules import ALIGN_NAMES, Context, finding, point_range, points
from drafting.data_files import load

RULES = ("BG1", "BG2", "BG3", "BG4")


@cache
def table_data() -> dict[str, Any]:
    return load("table_rules")  # type: ignore[no-any-return]


def body_tables(context: Context) -> dict[int, list[Paragraph]]:
    """Table number → its non-blank paragraphs, for tables in the body or an appendix (not the
    header or signature layout tables)."""
    anatomy = context.anatomy
    inside = {p.number for p in anatomy.body} | {piece.number for part in anatomy.appendices for piece in part}
    tables: dict[int, list[Paragraph]] = {}
    for paragraph in context.document.paragraphs:
        if paragraph.cell and paragraph.number in inside and paragraph.text.strip():
            tables.setdefault(paragraph.cell[0], []).append(paragraph)
    return tables


def _bad(rule: str, paragraph: Paragraph, found: str, expected: str, message: str) -> Finding:
    return finding(rule, f"bảng, đoạn {paragraph.number}", paragraph, found, expected, message,
                   severity=table_data()["rules"][rule]["severity"])


@declares(*RULES)
def check_tables(context: Context) -> Iterator[Finding | Unchecked]:
    tables = body_tables(context)
    if not tables:
        for rule in RULES:
            yield not_applicable(rule, "nội dung không có bảng")
        return
    long_tables = 0
    for paragraphs in tables.values():
        yield from _sizes(paragraphs)
        yield from _alignment(paragraphs)
        rows = max(p.cell[1] for p in paragraphs if p.cell) + 1
        if rows > 1:
            yield from _header_bold(paragraphs)
        if rows > table_data()["long_table_rows"]:
            long_tables += 1
            yield from _header_repeated(paragraphs, rows)
    if not long_tables:
        yield not_applicable("BG4", "không có bảng dài sang trang")


def _sizes(paragraphs: list[Paragraph]) -> Iterator[Finding]:
    low, high = table_data()["size"]
    odd = [p for p in paragraphs if any(not low <= (run.format.size or 0) <= high for run in p.visible_runs)]
    if odd:
        sizes = sorted({run.format.size or 0 for p in odd for run in p.visible_runs})
        found = "cỡ chữ " + ", ".join(points(size) for size in sizes)
        yield _bad("BG1", odd[0], found, "cỡ chữ " + point_range(low, high),
                   f"Chữ trong bảng ({len(odd)} ô, từ đoạn {odd[0].number}) đang là {found}; nội dung văn bản, kể cả "
                   f"trong bảng, dùng cỡ chữ {point_range(low, high)}.")


def _alignment(paragraphs: list[Paragraph]) -> Iterator[Finding]:
    groups = {name: index for index, group in enumerate(table_data()["same_alignment"]) for name in group}
    columns: dict[int, list[Paragraph]] = {}
    for paragraph in paragraphs:
        # The header row, and bold group rows under it ("I. Khối sở, ngành"), are centred by custom.
        if paragraph.cell and paragraph.cell[1] > 0 and not all(r.format.bold for r in paragraph.visible_runs):
            columns.setdefault(paragraph.cell[2], []).append(paragraph)
    for column, cells in columns.items():
        kinds = Counter(groups.get(p.format.alignment, -1) for p in cells)
        if len(kinds) < 2:
            continue
        usual = kinds.most_common(1)[0][0]
        odd = [p for p in cells if groups.get(p.format.alignment, -1) != usual]
        wanted = next(p.format.alignment for p in cells if groups.get(p.format.alignment, -1) == usual)
        found = ALIGN_NAMES.get(odd[0].format.alignment, odd[0].format.alignment)
        yield _bad("BG2", odd[0], f"{found} ({len(odd)} ô)", ALIGN_NAMES.get(wanted, wanted),
                   f"Cột {column + 1} của bảng có {len(odd)} ô {found} giữa các ô "
                   f"{ALIGN_NAMES.get(wanted, wanted)} (từ đoạn {odd[0].number}); các ô cùng cột căn lề như nhau.")


def _header_bold(paragraphs: list[Paragraph]) -> Iterator[Finding]:
    head = [p for p in paragraphs if p.cell and p.cell[1] == 0]
    if head and not all(run.format.bold for p in head for run in p.visible_runs):
        yield _bad("BG3", head[0], "dòng tiêu đề không in đậm", "dòng tiêu đề in đậm",
                   "Dòng tiêu đề (dòng đầu) của bảng in đậm để phân biệt với số liệu.")


def _header_repeated(paragraphs: list[Paragraph], rows: int) -> Iterator[Finding | Unchecked]:
    element = paragraphs[0].element
    table = outer_table(element) if element is not None else None
    if table is None:
        yield not_evaluated("BG4", "không đọc được bảng")
        return
    if not repeats_header(table):
        yield _bad("BG4", paragraphs[0], f"bảng {rows} dòng không lặp lại dòng tiêu đề",
                   "dòng tiêu đề lặp lại ở đầu mỗi trang",
                   f"Bảng dài {rows} dòng sang nhiều trang: đặt dòng đầu là dòng tiêu đề lặp lại ở mỗi trang "
                   "(Word: chọn dòng đầu → Layout → Repeat Header Rows).")


TABLE_CHECKS = [check_tables]
