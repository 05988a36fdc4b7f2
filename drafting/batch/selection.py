"""Which units a batch drafts: a province's, the country's, or a clerk's list (.txt one name a line, or .csv)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from drafting.batch.errors import BatchInputError, BatchUsageError, message
from drafting.errors import DraftingError
from drafting.parsing.text import strip_accents
from drafting.units import Unit, communes, resolve_unit

# Headers a clerk's list may carry, compared without case or accents.
NAME_HEADERS = {"ten", "ten don vi", "don vi", "name", "unit"}
PROVINCE_HEADERS = {"tinh", "tinh, thanh pho", "tinh/thanh pho", "province"}
CODE_HEADERS = {"ma", "ma don vi", "code"}


def select_units(province: str | None, units_file: Path | None, everything: bool) -> list[Unit]:
    if everything and (province or units_file):
        raise BatchUsageError("selection_conflict")
    if everything:
        return communes()
    if units_file is not None:
        return units_from_file(units_file, province)
    if province:
        return communes(province)  # an unknown province raises resolve's own message with suggestions
    raise BatchUsageError("no_selection")


def _key(text: str) -> str:
    return " ".join(strip_accents(text).lower().split())


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    """(line number, cells) of a list file; blank lines and "#" comments dropped."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise BatchInputError("data_not_utf8", path=str(path), line=line) from error
    if path.suffix.lower() == ".txt":
        rows = [(number, [line]) for number, line in enumerate(text.splitlines(), 1)]
    else:
        dialect = _dialect(text)
        rows = [(number, cells) for number, cells in enumerate(csv.reader(io.StringIO(text), dialect), 1)]
    kept = []
    for number, cells in rows:
        cells = [cell.strip() for cell in cells]
        if any(cells) and not cells[0].startswith("#"):
            kept.append((number, cells))
    return kept


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """Excel writes "," or ";" (a Vietnamese locale uses ";" when "," is the decimal mark)."""
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _cell(cells: list[str], column: int | None) -> str:
    return cells[column] if column is not None and column < len(cells) else ""


def units_from_file(path: Path, province: str | None) -> list[Unit]:
    if not path.is_file():
        raise BatchUsageError("list_missing", path=str(path))
    if path.suffix.lower() not in (".csv", ".txt"):
        raise BatchUsageError("list_suffix", path=str(path))
    rows = _rows(path)
    columns = {"name": 0, "province": 1, "code": None}
    if rows and path.suffix.lower() == ".csv":
        headers = [_key(cell) for cell in rows[0][1]]
        if any(header in NAME_HEADERS | CODE_HEADERS for header in headers):
            columns = {
                "name": next((i for i, h in enumerate(headers) if h in NAME_HEADERS), None),
                "province": next((i for i, h in enumerate(headers) if h in PROVINCE_HEADERS), None),
                "code": next((i for i, h in enumerate(headers) if h in CODE_HEADERS), None),
            }
            rows = rows[1:]
    if not rows:
        raise BatchInputError("list_empty", path=str(path))
    by_code = {unit.code: unit for unit in communes()} if columns["code"] is not None else {}
    problems: list[str] = []
    found: dict[Unit, int] = {}
    for line, cells in rows:
        name, code = _cell(cells, columns["name"]), _cell(cells, columns["code"])
        home = _cell(cells, columns["province"]) or province
        if code:
            unit = by_code.get(int(code)) if code.isdigit() else None
            if unit is None:
                problems.append(message("list_unknown", line=line,
                                        detail=f"mã “{code}” không phải mã của xã, phường, đặc khu nào"))
                continue
        else:
            try:
                unit = resolve_unit(name, home, "commune")
            except DraftingError as error:
                problems.append(message("list_unknown", line=line, detail=str(error)))
                continue
        if unit in found:
            problems.append(message("list_duplicate", line=line, name=name or code, first=found[unit],
                                    unit=f"{unit.full}, {unit.province_full}"))
            continue
        found[unit] = line
    if problems:
        raise BatchInputError("list_problems", path=str(path), count=len(problems), problems="\n".join(problems))
    return list(found)
