"""The clerk's workbook: one row per unit, one column per value the drafts need (``--sheet-template``), read back
by ``--data`` (.xlsx or .csv). Every problem of a sheet is listed at once, naming sheet, row and column, and
nothing is drafted until the sheet is right: a unit is never guessed from a row."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafting.batch.errors import BatchInputError, BatchUsageError, message, words
from drafting.batch.filenames import clerk_file_name, file_name_problem
from drafting.batch.skeleton import SIGNER_KEY, Row
from drafting.parsing.text import strip_accents
from drafting.units import Unit, name_key

FIXED = ("ma", "ten", "loai")
AFTER = (SIGNER_KEY, "chuc_vu", "so", "ngay", "tep")
_KEY_IN_HEADER = re.compile(r"\[([\w.-]+)\]\s*$")
_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
MAX_PROBLEMS = 30  # a sheet wrong in every row is told in its first thirty problems


@dataclass
class Column:
    key: str
    header: str


def columns(placeholders: dict[str, str]) -> list[Column]:
    """The sheet's columns: the unit, the figures the drafts leave blank (header: what it is, the parent's
    figure, the key), then signer, position, number, date, file name."""
    named = words()["columns"]
    found = [Column(key, named[key]) for key in FIXED]
    header = words()["placeholder_header"]
    found += [Column(key, header.format(description=description[:1].upper() + description[1:], key=key))
              for key, description in placeholders.items() if key != SIGNER_KEY]
    found += [Column(key, named[key]) for key in AFTER]
    return found


def write_sheet(path: Path, units: Iterable[Unit], placeholders: dict[str, str]) -> int:
    """The workbook to fill (written atomically); returns the number of value columns."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from drafting.batch.runner import write_atomically

    if path.suffix.lower() != ".xlsx":
        raise BatchUsageError("sheet_exists_not_xlsx", path=str(path))
    book = Workbook()
    sheet = book.active
    sheet.title = words()["sheet_name"]
    found = columns(placeholders)
    sheet.append([column.header for column in found])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for unit in units:
        sheet.append([unit.code, unit.full, unit.kind] + [None] * (len(found) - len(FIXED)))
    for index, column in enumerate(found, 1):
        sheet.column_dimensions[get_column_letter(index)].width = 12 if column.key in ("ma", "loai") else 28
        if column.key in ("so", "ngay"):  # typed as text: Excel would drop the 0 of "05" and reformat dates
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = "@"
    sheet.freeze_panes = "D2"
    guide = book.create_sheet(words()["guide_sheet_name"])
    for line in words()["guide"]:
        guide.append([line])
    guide.column_dimensions["A"].width = 120
    buffer = io.BytesIO()
    book.save(buffer)
    write_atomically(path, buffer.getvalue())
    return len(found) - len(FIXED)


# --- reading --------------------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    return " ".join(strip_accents(text).lower().split())


def _column_key(header: str, known: set[str]) -> str | None:
    """The key a header stands for: "[key]" at its end, the key itself, or a fixed column's header."""
    match = _KEY_IN_HEADER.search(header)
    if match and match.group(1) in known:
        return match.group(1)
    folded = _fold(header)
    for key, text in words()["columns"].items():
        if folded in (key, _fold(text), _fold(text.split("(")[0])):
            return key
    return header.strip() if header.strip() in known else None


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _table(path: Path) -> tuple[str, list[list[Any]]]:
    """The sheet's name and its rows of cell values."""
    if not path.is_file():
        raise BatchUsageError("data_missing", path=str(path))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise BatchInputError("data_not_utf8", path=str(path), line=data[: error.start].count(b"\n") + 1) from error
        from drafting.batch.selection import _dialect

        return path.name, [list(row) for row in csv.reader(io.StringIO(text), _dialect(text))]
    if suffix not in (".xlsx", ".xlsm"):
        raise BatchUsageError("data_suffix", path=str(path))
    head = path.read_bytes()[:8]
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE container: an encrypted workbook, or an old .xls renamed
        raise BatchInputError("data_locked", path=str(path))
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - zip, XML and openpyxl errors alike: not a workbook
        raise BatchInputError("data_corrupt", path=str(path), detail=type(error).__name__) from error
    try:
        name = words()["sheet_name"]
        sheet = book[name] if name in book.sheetnames else book.worksheets[0]
        return sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


@dataclass
class SheetData:
    rows: dict[Unit, Row]
    notes: list[str]  # columns left out


def read_rows(path: Path, units: list[Unit], placeholders: dict[str, str]) -> SheetData:
    """Each unit's row; a sheet with any problem raises one message listing them all."""
    sheet, table = _table(path)
    known = set(FIXED) | set(AFTER) | set(placeholders)
    header = table[0] if table else []
    keys = [_column_key(str(cell), known) if cell is not None else None for cell in header]
    if not ({"ma", "ten"} & set(keys)):
        raise BatchInputError("data_problems", path=str(path), count=1,
                              problems=message("data_no_header", sheet=sheet))
    # An extra column (the clerk's notes) is no reason to stop, but a misspelt header would silently leave its
    # values out: it is said.
    notes = [message("data_unknown_column", sheet=sheet, column=_letter(index), header=cell).strip(" -")
             for index, (cell, key) in enumerate(zip(header, keys, strict=True)) if key is None and _filled(cell)]
    by_code = {unit.code: unit for unit in units}
    by_name: dict[str, list[Unit]] = {}
    for candidate in units:
        for form in (candidate.full, candidate.name):
            by_name.setdefault(name_key(form), []).append(candidate)
    problems: list[str] = []
    rows: dict[Unit, Row] = {}
    seen_files: dict[str, Unit] = {}
    for number, cells in enumerate(table[1:], 2):
        cell = {key: cells[i] for i, key in enumerate(keys) if key and i < len(cells) and _filled(cells[i])}
        if not cell:
            continue
        place = {"sheet": sheet, "row": number}
        unit = _unit_of(cell, keys, by_code, by_name, place, problems)
        if unit is None:
            continue
        if unit in rows:
            problems.append(message("data_duplicate", **place, unit=unit.full, first=rows[unit].line))
            continue
        row = Row(line=number)
        for key, value in cell.items():
            if key in FIXED:
                continue
            where = {**place, "column": _letter(keys.index(key)), "header": _short(header[keys.index(key)]),
                     "value": value}
            _read_value(row, key, value, placeholders, where, problems)
        if row.file:
            if row.file.lower() in seen_files:
                why = message("file_name_why_duplicate", unit=seen_files[row.file.lower()].full)
                problems.append(message("data_bad_file_name", **place, column=_letter(keys.index("tep")),
                                        header=_short(header[keys.index("tep")]), value=row.file, why=why))
            seen_files[row.file.lower()] = unit
        rows[unit] = row
    if problems:
        shown = problems[:MAX_PROBLEMS] + (["  - …"] if len(problems) > MAX_PROBLEMS else [])
        raise BatchInputError("data_problems", path=str(path), count=len(problems), problems="\n".join(shown))
    return SheetData(rows, notes)


def _filled(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


def _short(header: Any) -> str:
    text = str(header)
    return text if len(text) <= 60 else text[:57] + "…"


def _unit_of(cell: dict[str, Any], keys: list[str | None], by_code: dict[int | None, Unit],
             by_name: dict[str, list[Unit]], place: dict[str, Any], problems: list[str]) -> Unit | None:
    code, name = cell.get("ma"), cell.get("ten")
    if code is None and name is None:
        problems.append(message("data_no_unit", **place))
        return None
    unit: Unit | None = None
    if code is not None:
        text = str(code).strip().removesuffix(".0")
        unit = by_code.get(int(text)) if text.isdigit() else None
        if unit is None:
            problems.append(message("data_unknown_unit", **place, column=_letter(keys.index("ma")), value=code,
                                    where=""))
            return None
        if name is not None and name_key(str(name)) not in (name_key(unit.full), name_key(unit.name)):
            problems.append(message("data_mismatch", **place, code=text, unit=unit.full, name=name))
            return None
        return unit
    found = by_name.get(name_key(str(name)), [])
    if len(found) != 1:  # none, or the same name in two provinces of an --all run: the code says which
        problems.append(message("data_unknown_unit", **place, column=_letter(keys.index("ten")), value=name,
                                where="" if not found else " một cách duy nhất (ghi thêm mã đơn vị)"))
        return None
    return found[0]


def _read_value(row: Row, key: str, value: Any, placeholders: dict[str, str], where: dict[str, Any],
                problems: list[str]) -> None:
    if key == SIGNER_KEY:
        row.values[key] = " ".join(str(value).split())
    elif key in placeholders:
        figure = figure_text(value)
        if figure is None:
            problems.append(message("data_not_number", **where))
        else:
            row.values[key] = figure
    elif key == "so":
        text = str(int(value)) if isinstance(value, int | float) and float(value).is_integer() else str(value).strip()
        if text.isdigit():
            row.number = text
        else:
            problems.append(message("data_not_digits", **where))
    elif key == "ngay":
        date = date_text(value)
        if date is None:
            problems.append(message("data_not_date", **where))
        else:
            row.date = date
    elif key == "chuc_vu":
        position = next((p for p in words()["positions"] if _fold(p) == _fold(str(value))), None)
        if position is None:
            problems.append(message("data_not_position", **where))
        else:
            row.position = position
    elif key == "tep":
        why = file_name_problem(str(value).strip())
        if why:
            problems.append(message("data_bad_file_name", **where, why=why))
        else:
            row.file = clerk_file_name(str(value))


def figure_text(value: Any) -> str | None:
    """A figure as a Vietnamese plan writes it: 3000 → "3.000", 1.5 → "1,5"; typed text kept as typed when it is a
    number ("3.000", "12,5"); anything else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if float(value).is_integer():
            return f"{int(value):,}".replace(",", ".")
        whole, _, fraction = f"{value}".partition(".")
        return f"{int(whole):,}".replace(",", ".") + "," + fraction
    text = str(value).strip()
    return text if _NUMBER.fullmatch(text) else None


def date_text(value: Any) -> str | None:
    """ISO date from an Excel date cell, "05/03/2026", "5-3-2026" or "2026-03-05"; None when it is no real day."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            year, month, day = (int(part) for part in text.split("-"))
        elif re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}", text):
            day, month, year = (int(part) for part in re.split(r"[/.-]", text))
        else:
            return None
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
