"""Units' reports for the consolidation tests: made by this toolkit from a real provincial plan (derive → sheet →
report), and the kinds a clerk types in Word — a figures table under a two-row merged header, and a broken one."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from openpyxl import load_workbook

from drafting.derive import derive_commune_plan
from drafting.draft import DraftOptions
from drafting.model import Plan
from drafting.render.docx_writer import render_docx
from drafting.report import ReportOptions, period_for, plan_items, report_on_plan
from drafting.report.workbook import read_results, sheet_template
from drafting.units import Unit


@dataclass
class Typed:
    """What a unit wrote in its sheet: the figures a consolidation must add up."""

    unit: Unit
    date: str
    planned: dict[str, Decimal]  # by the target's words
    done: dict[str, Decimal]
    measure: dict[str, str]


def toolkit_report(parent: Plan, unit: Unit, rank: int, date: str, folder: Path, period: str = "quý I/2026"
                   ) -> tuple[Path, Typed]:
    """The unit's plan derived from ``parent``, its sheet filled with figures that depend on ``rank``, its report."""
    plan = derive_commune_plan(parent, unit, DraftOptions(date="2026-01-10", today=dt.date(2026, 1, 5))).plan
    items = plan_items(plan)
    sheet = folder / f"{unit.code}.xlsx"
    sheet.write_bytes(sheet_template(plan, items, plan.meta.issuer or "", period))
    book = load_workbook(sheet)
    for row, target in zip(book["Chỉ tiêu"].iter_rows(min_row=2), items.targets, strict=True):
        if target.planned is None:
            row[4].value = 10 + rank  # the unit's own target where the plan left it blank
        planned = Decimal(row[4].value)
        row[5].value = float(planned - (rank % 3) * 5) if target.unit == "%" else rank + 1
    book.save(sheet)
    results = read_results(sheet.read_bytes(), str(sheet), items, plan)
    drafted = report_on_plan(plan, period_for(plan, period), results, ReportOptions(date=date), items)
    path = render_docx(drafted.plan, folder / f"bao-cao-{unit.code}.docx", images=drafted.images)
    typed = Typed(unit, date, {r.target.text: r.planned for r in results.targets if r.planned is not None},
                  {r.target.text: r.done for r in results.targets if r.done is not None},
                  {r.target.text: r.target.unit for r in results.targets})
    return path, typed


def _cell_text(cell, text: str, bold: bool = False, centre: bool = False) -> None:  # type: ignore[no-untyped-def]
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(13)
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _header(document, unit: Unit, number: str, day: dt.date) -> None:  # type: ignore[no-untyped-def]
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    _cell_text(left, "ỦY BAN NHÂN DÂN", centre=True)
    left.add_paragraph(unit.full.upper()).runs[0].bold = True
    left.add_paragraph(f"Số: {number}/BC-UBND")
    _cell_text(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, centre=True)
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc").runs[0].bold = True
    right.add_paragraph(f"{unit.name}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}").runs[0].italic = True


def clerk_report(unit: Unit, day: dt.date, rows: list[tuple[str, str, str, str]], broken: bool = False) -> bytes:
    """A report typed in Word: header table, title, a figures table whose header is two rows with merged cells
    ("Kết quả" over "Kế hoạch" | "Thực hiện"; STT, indicator and unit merged down), and the signature."""
    document = Document()
    _header(document, unit, "25", day)
    document.add_paragraph("BÁO CÁO").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("Kết quả thực hiện Kế hoạch quý I năm 2026").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("Kính gửi: Ủy ban nhân dân tỉnh Đồng Tháp")
    document.add_paragraph("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH")
    document.add_paragraph("Ủy ban nhân dân xã đã ban hành Kế hoạch triển khai thực hiện trên địa bàn xã.")
    document.add_paragraph("II. KẾT QUẢ THỰC HIỆN")
    document.add_paragraph("Bảng 1. Kết quả thực hiện các chỉ tiêu")
    table = document.add_table(rows=2 + len(rows), cols=5)
    table.style = "Table Grid"
    top, second = table.rows[0].cells, table.rows[1].cells
    for index, name in enumerate(("TT", "Nội dung chỉ tiêu", "ĐVT")):
        merged = top[index].merge(second[index])
        _cell_text(merged, name, bold=True, centre=True)
    merged = top[3].merge(top[4])
    _cell_text(merged, "Kết quả", bold=True, centre=True)
    _cell_text(second[3], "Kế hoạch", bold=True, centre=True)
    _cell_text(second[4], "Thực hiện", bold=True, centre=True)
    for number, (label, measure, planned, done) in enumerate(rows, start=1):
        cells = table.rows[1 + number].cells
        values = (str(number), label, measure, planned, "đang tổng hợp" if broken else done)
        for cell, value in zip(cells, values, strict=True):
            _cell_text(cell, value)
    document.add_paragraph("III. ĐÁNH GIÁ CHUNG")
    document.add_paragraph("Các chỉ tiêu cơ bản được thực hiện theo kế hoạch.")
    closing = document.add_table(rows=1, cols=2)
    _cell_text(closing.rows[0].cells[0], "Nơi nhận:", bold=True)
    closing.rows[0].cells[0].add_paragraph("- Như trên;")
    closing.rows[0].cells[0].add_paragraph("- Lưu: VT.")
    _cell_text(closing.rows[0].cells[1], "TM. ỦY BAN NHÂN DÂN", bold=True, centre=True)
    closing.rows[0].cells[1].add_paragraph("CHỦ TỊCH").runs[0].bold = True
    closing.rows[0].cells[1].add_paragraph("Nguyễn Văn An").runs[0].bold = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def written(value: Decimal) -> str:
    """As a clerk types it: "1.234", "12,5"."""
    from drafting.report.numbers import written_number

    return written_number(value)
