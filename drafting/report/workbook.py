"""The unit's results workbook: written from the plan (``report --sheet-template``) and read back (``report --data``).

One row per target of the plan (target, done, unit of measure, note), one per task (status, result), and a sheet
for the documents the unit issued. The rates are never typed: the toolkit computes them. Every problem of a sheet
is listed at once, naming sheet, row and column, and nothing is drafted until the sheet is right."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from decimal import Decimal
from typing import Any

from drafting.model import Plan
from drafting.parsing.text import fold
from drafting.report.errors import ReportInputError, message, words
from drafting.report.model import IssuedDocument, PlanItems, Results, TargetResult, TaskResult
from drafting.report.naming import plan_citation
from drafting.report.numbers import parse_number

MAX_PROBLEMS = 30  # a sheet wrong in every row is told in its first thirty problems


def plan_key(plan: Plan) -> str:
    """What ties a sheet to its plan: number, symbol, date and a digest of the title."""
    digest = hashlib.sha1(" ".join((plan.meta.title or "").split()).encode()).hexdigest()[:8]
    return f"{plan.meta.number or ''}/{plan.meta.symbol or ''}|{plan.meta.date or ''}|{digest}"


def sheet_template(plan: Plan, items: PlanItems, unit: str, period: str | None) -> bytes:
    """The workbook a unit fills for its report on ``plan``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet_words = words()["sheet"]
    book = Workbook()
    about = book.active
    about.title = sheet_words["about_sheet"]
    rows = sheet_words["about_rows"]
    for label, value in ((rows["plan"], plan_citation(plan)), (rows["unit"], unit), (rows["period"], period or ""),
                         (rows["key"], plan_key(plan))):
        about.append([label, value])
    about.append([])
    for line in sheet_words["guide"]:
        about.append([line])
    about.column_dimensions["A"].width = 28
    about.column_dimensions["B"].width = 90

    targets = book.create_sheet(sheet_words["targets_sheet"])
    targets.append(sheet_words["targets_columns"])
    for number, target in enumerate(items.targets, start=1):
        targets.append([number, target.key, target.text, target.unit,
                        float(target.planned) if target.planned is not None else None, None, None])
    tasks = book.create_sheet(sheet_words["tasks_sheet"])
    tasks.append(sheet_words["tasks_columns"])
    for number, task in enumerate(items.tasks, start=1):
        tasks.append([number, task.key, task.text, task.lead or "", task.due or "", None, None, None])
    statuses = list(words()["status_words"].values())
    validation = DataValidation(type="list", formula1='"' + ",".join(statuses) + '"', allow_blank=True)
    tasks.add_data_validation(validation)
    if items.tasks:
        validation.add(f"F2:F{len(items.tasks) + 1}")
    documents = book.create_sheet(sheet_words["documents_sheet"])
    documents.append(sheet_words["documents_columns"])
    kinds = DataValidation(type="list", formula1='"' + ",".join(words()["document_types"]) + '"', allow_blank=True)
    documents.add_data_validation(kinds)
    kinds.add("B2:B200")

    widths = {"STT": 6, "Mục": 10, "Chỉ tiêu": 70, "Nhiệm vụ": 70, "Kết quả thực hiện": 50, "Trích yếu": 70}
    for sheet in (targets, tasks, documents):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            sheet.column_dimensions[cell.column_letter].width = widths.get(str(cell.value), 16)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_results(data: bytes, name: str, items: PlanItems, plan: Plan) -> Results:
    """The unit's results from its filled workbook; raises `ReportInputError` listing every problem."""
    try:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except Exception as error:  # noqa: BLE001 - zip, XML and openpyxl errors alike: not a workbook
        raise ReportInputError("sheet_unreadable", path=name, detail=type(error).__name__) from error
    sheet_words = words()["sheet"]
    for key in ("targets_sheet", "tasks_sheet", "documents_sheet"):
        if sheet_words[key] not in book.sheetnames:
            raise ReportInputError("sheet_missing", path=name, sheet=sheet_words[key])
    problems: list[str] = []
    _check_plan(book, name, plan)
    results = Results(
        targets=_targets(_rows(book[sheet_words["targets_sheet"]]), sheet_words["targets_sheet"],
                         sheet_words["targets_columns"], items, problems),
        tasks=_tasks(_rows(book[sheet_words["tasks_sheet"]]), sheet_words["tasks_sheet"],
                     sheet_words["tasks_columns"], items, problems),
        documents=_documents(_rows(book[sheet_words["documents_sheet"]]), sheet_words["documents_sheet"],
                             sheet_words["documents_columns"], problems),
    )
    book.close()
    if problems:
        shown = problems[:MAX_PROBLEMS] + ([f"… và {len(problems) - MAX_PROBLEMS} lỗi nữa"]
                                           if len(problems) > MAX_PROBLEMS else [])
        raise ReportInputError("sheet_problems", path=name, count=len(problems),
                               problems="\n".join(f"  - {line}" for line in shown))
    return results


def _rows(sheet: Any) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def _check_plan(book: Any, name: str, plan: Plan) -> None:
    """A sheet made for another plan is refused: its rows would be matched to the wrong targets."""
    about_name = words()["sheet"]["about_sheet"]
    if about_name not in book.sheetnames:
        return
    label = words()["sheet"]["about_rows"]["key"]
    for row in _rows(book[about_name]):
        if row and row[0] == label and len(row) > 1 and row[1]:
            found = str(row[1])
            if found != plan_key(plan):
                raise ReportInputError("other_plan", path=name, found=found, expected=plan_key(plan))


def _header(rows: list[tuple[Any, ...]], sheet: str, expected: list[str], problems: list[str]) -> dict[str, int] | None:
    """Column positions by name; a missing header row (or one missing a column) is one problem."""
    found = [str(cell).strip() if cell is not None else "" for cell in (rows[0] if rows else ())]
    positions = {fold(name): index for index, name in enumerate(found) if name}
    missing = [column for column in expected if fold(column) not in positions]
    if missing:
        problems.append(message("header_missing", sheet=sheet, expected=", ".join(expected),
                                found=", ".join(name for name in found if name) or "(trống)"))
        return None
    return {column: positions[fold(column)] for column in expected}


def _cell(row: tuple[Any, ...], index: int) -> Any:
    value = row[index] if index < len(row) else None
    return value.strip() if isinstance(value, str) else value


def _blank(row: tuple[Any, ...]) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in row)


def _number(value: Any, sheet: str, row: int, column: str, problems: list[str]) -> Decimal | None:
    if isinstance(value, str) and fold(value) in {fold(word) for word in words()["blank_values"]}:
        return None
    try:
        return parse_number(value)
    except ValueError:
        problems.append(message("not_a_number", sheet=sheet, row=row, column=column, value=value))
        return None


def _keyed_rows(rows: list[tuple[Any, ...]], sheet: str, columns: dict[str, int], known: dict[str, Any],
                problems: list[str]) -> list[tuple[int, tuple[Any, ...], Any]]:
    """(row number, row, plan item) for each filled row; an unknown or repeated "Mục" is a problem."""
    seen: dict[str, int] = {}
    found = []
    for number, row in enumerate(rows[1:], start=2):
        if _blank(row):
            continue
        key = str(_cell(row, columns["Mục"]) or "").strip()
        if key not in known:
            problems.append(message("unknown_item", sheet=sheet, row=number, value=key))
            continue
        if key in seen:
            problems.append(message("duplicate_item", sheet=sheet, row=number, value=key, first=seen[key]))
            continue
        seen[key] = number
        found.append((number, row, known[key]))
    return found


def _targets(rows: list[tuple[Any, ...]], sheet: str, expected: list[str], items: PlanItems,
             problems: list[str]) -> list[TargetResult]:
    columns = _header(rows, sheet, expected, problems)
    if columns is None:
        return []
    results = {}
    for number, row, target in _keyed_rows(rows, sheet, columns, {t.key: t for t in items.targets}, problems):
        planned = _number(_cell(row, columns["Kế hoạch"]), sheet, number, "Kế hoạch", problems)
        done = _number(_cell(row, columns["Thực hiện"]), sheet, number, "Thực hiện", problems)
        note = str(_cell(row, columns["Ghi chú"]) or "")
        results[target.key] = TargetResult(target, planned if planned is not None else target.planned, done, note)
    return [results.get(t.key) or TargetResult(t, t.planned, None) for t in items.targets]


def status_of(value: str) -> str | None:
    """ "Hoàn thành" → done; "đang triển khai" → ongoing; None when it is no status."""
    key = fold(" ".join(value.split()))
    for status, spellings in words()["statuses"].items():
        if key in {fold(spelling) for spelling in spellings}:
            return str(status)
    return None


def _tasks(rows: list[tuple[Any, ...]], sheet: str, expected: list[str], items: PlanItems,
           problems: list[str]) -> list[TaskResult]:
    columns = _header(rows, sheet, expected, problems)
    if columns is None:
        return []
    allowed = ", ".join(words()["status_words"].values())
    results = {}
    for number, row, task in _keyed_rows(rows, sheet, columns, {t.key: t for t in items.tasks}, problems):
        written = str(_cell(row, columns["Tình trạng"]) or "")
        status = status_of(written) if written else None
        if written and status is None:
            problems.append(message("bad_status", sheet=sheet, row=number, column="Tình trạng", value=written,
                                    allowed=allowed))
        results[task.key] = TaskResult(task, status, str(_cell(row, columns["Kết quả thực hiện"]) or ""),
                                       str(_cell(row, columns["Ghi chú"]) or ""))
    return [results.get(t.key) or TaskResult(t, None) for t in items.tasks]


_DAY = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$")


def _day(value: Any, sheet: str, row: int, column: str, problems: list[str]) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    match = _DAY.match(str(value).strip())
    if match:
        try:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1))).isoformat()
        except ValueError:
            pass
    problems.append(message("bad_date", sheet=sheet, row=row, column=column, value=value))
    return None


def _documents(rows: list[tuple[Any, ...]], sheet: str, expected: list[str], problems: list[str]
               ) -> list[IssuedDocument]:
    columns = _header(rows, sheet, expected, problems)
    if columns is None:
        return []
    found = []
    for number, row in enumerate(rows[1:], start=2):
        if _blank(row) or all(_cell(row, columns[c]) in (None, "") for c in expected[1:]):
            continue
        day = _day(_cell(row, columns["Ngày ban hành"]), sheet, number, "Ngày ban hành", problems)
        found.append(IssuedDocument(str(_cell(row, columns["Loại văn bản"]) or ""),
                                    str(_cell(row, columns["Số, ký hiệu"]) or ""), day,
                                    str(_cell(row, columns["Trích yếu"]) or "")))
    return found


