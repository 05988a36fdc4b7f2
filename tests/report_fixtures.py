"""Build a unit's report as a clerk types it in Word: a figures table with a header over two rows
(merged cells), units as rows under group rows, a "Tổng cộng" row. Used by the figures tests and
``benchmarks/bench_figures.py``."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.table import Table

from drafting.units import communes

HEADER = ("STT", "Đơn vị", "Kết quả thực hiện", "", "Ghi chú")
SUBHEADER = ("", "", "Số lượng", "Tỷ lệ (%)", "")


def commune_names(province: str, count: int, kind: str | None = None) -> list[str]:
    """Real communes of ``province`` (vietnam-provinces), of ``kind`` ("xã", "phường") when given."""
    return [unit.full for unit in communes(province) if kind in (None, unit.kind)][:count]


def _vn(number: int) -> str:
    """1234 → "1.234", as a clerk writes it."""
    return f"{number:,}".replace(",", ".")


def figures_rows(names: list[str]) -> list[tuple[str, str, int, str]]:
    """(numbering, name, count, rate) per unit: counts that grow with the row, rates written "12,5"."""
    return [(str(k + 1), name, 1000 + 37 * k, f"{80 + k % 20},{k % 10}") for k, name in enumerate(names)]


def _merge_header(table: Table) -> None:
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).merge(table.cell(1, 1))
    table.cell(0, 2).merge(table.cell(0, 3))
    table.cell(0, 4).merge(table.cell(1, 4))


def unit_report(names: list[str], groups: tuple[str, ...] = (), title: str = "Biểu 1. Kết quả thực hiện") -> bytes:
    """A report whose table lists ``names`` (under ``groups``, split evenly, when given) and their total."""
    rows = figures_rows(names)
    document = Document()
    document.add_paragraph("Kính gửi: Ủy ban nhân dân tỉnh.")
    document.add_paragraph(title)
    chunks = _split(rows, len(groups)) if groups else [rows]
    body = len(rows) + len(groups) + 1
    table = document.add_table(rows=2 + body, cols=5)
    for col, text in enumerate(HEADER):
        table.cell(0, col).text = text
    for col, text in enumerate(SUBHEADER):
        table.cell(1, col).text = text
    _merge_header(table)
    r = 2
    for position, chunk in enumerate(chunks):
        if groups:
            table.cell(r, 0).text = _roman(position + 1)
            table.cell(r, 1).text = groups[position]
            r += 1
        for number, name, count, rate in chunk:
            for col, text in enumerate((number, name, _vn(count), rate, "")):
                table.cell(r, col).text = text
            r += 1
    table.cell(r, 1).text = "Tổng cộng"
    table.cell(r, 2).text = _vn(sum(count for _, _, count, _ in rows))
    document.add_paragraph("Nơi nhận: - Như trên; - Lưu: VT.")
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _split(rows: list[tuple[str, str, int, str]], parts: int) -> list[list[tuple[str, str, int, str]]]:
    size = -(-len(rows) // parts)
    return [rows[k : k + size] for k in range(0, len(rows), size)]


def _roman(number: int) -> str:
    return ("I", "II", "III", "IV", "V", "VI")[number - 1]
