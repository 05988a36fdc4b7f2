"""Reads a unit's report (a DOCX this toolkit made, or one a clerk typed) into a `UnitReport`: who sent it, when,
and its figures, from the first table that has an indicator column and a done column — or, in a table with
units as rows, from its total row. A report whose table cannot be used is still a report: its problems are kept
and listed in the consolidation, never fatal."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

from drafting.errors import DraftingError
from drafting.parsing.text import fold
from drafting.readers.docx_tables import read_docx_tables
from drafting.report.consolidate import UnitFigure, UnitReport
from drafting.report.errors import message, words
from drafting.report.figures import FigureTable, Row, figure_tables
from drafting.units import Unit, resolve_unit


@cache
def _column_words() -> dict[str, list[str]]:
    return {role: [fold(word) for word in spellings] for role, spellings in words()["figure_columns"].items()
            if not role.startswith("_")}


def _leaf(name: str) -> str:
    return fold(name.split(" / ")[-1]).strip()


def _role_of(name: str) -> str | None:
    """label, unit, target, done or rate, from the last header cell of a column ("Kết quả / Thực hiện")."""
    leaf = _leaf(name)
    for role in ("unit", "rate", "target", "done", "label"):
        if any(leaf == word or leaf.startswith(word + " ") or (len(word) > 3 and word in leaf)
               for word in _column_words()[role]):
            return role
    return None


def read_unit_report(path: Path, province: str | None) -> UnitReport:
    """The report at ``path``; `DraftingError` only when the file is no document at all."""
    from drafting.api import parse_file
    from drafting.readers import read_bytes

    plan = parse_file(path, extract=False)
    report = UnitReport(path=str(path), issuer=plan.meta.issuer, unit=_unit(plan.meta.issuer, province),
                        date=plan.meta.date)
    if path.suffix.lower() != ".docx":
        report.problems.append(message("no_figures"))
        return report
    tables = figure_tables(read_docx_tables(read_bytes(path), str(path)))
    figures, problems = figures_of(tables)
    report.figures = figures
    report.problems = problems
    return report


def _unit(issuer: str | None, province: str | None) -> Unit | None:
    """ "Ủy ban nhân dân xã Xuân Lộc" → the xã, in the province when it is given."""
    if not issuer:
        return None
    name = issuer
    for opener in ("Ủy ban nhân dân ", "UBND ", "Uỷ ban nhân dân "):
        if name.startswith(opener):
            name = name[len(opener):]
    try:
        return resolve_unit(name, province)
    except DraftingError:
        return None


def figures_of(tables: list[FigureTable]) -> tuple[list[UnitFigure], list[str]]:
    """The unit's figures from its first usable table, and what was wrong when none could be used."""
    problems: list[str] = []
    for table in tables:
        if not table.has_figures:
            continue
        roles = {position: _role_of(column.name) for position, column in enumerate(table.columns)}
        done = [p for p, role in roles.items() if role == "done"]
        label = next((p for p, c in enumerate(table.columns) if c.role == "label"), None)
        if done and label is not None:
            found = _by_indicator_rows(table, roles, done[0])
            if found:
                return found, [message("bad_figures", problems="; ".join(p.message for p in table.problems))] \
                    if _serious(table) else []
        found = _by_total_row(table)
        if found:
            return found, []
        if table.problems:
            problems.append(message("bad_figures", problems="; ".join(p.message for p in table.problems)))
    return [], problems or [message("no_figures")]


def _serious(table: FigureTable) -> bool:
    return any(problem.code in ("text_in_figures", "ragged_row") for problem in table.problems)


def _by_indicator_rows(table: FigureTable, roles: dict[int, str | None], done: int) -> list[UnitFigure]:
    """Indicators as rows (this toolkit's table, most typed ones): label, unit of measure, target, done."""
    target = next((p for p, role in roles.items() if role == "target"), None)
    unit = next((p for p, role in roles.items() if role == "unit"), None)
    found = []
    for row in table.rows:
        if row.kind != "data" or not row.label:
            continue
        measure = row.cells[unit] if unit is not None else ("%" if _is_percent(row, done) else "")
        found.append(UnitFigure(row.label, measure.strip(), _value(row, target), _value(row, done)))
    return [figure for figure in found if figure.done is not None or figure.planned is not None]


def _is_percent(row: Row, position: int) -> bool:
    figure = row.figures[position]
    return bool(figure and figure.percent)


def _value(row: Row, position: int | None) -> Decimal | None:
    if position is None:
        return None
    figure = row.figures[position]
    return figure.value if figure else None


def _by_total_row(table: FigureTable) -> list[UnitFigure]:
    """Units (thôn, schools) as rows and a "Tổng" row: the unit's figure for each column is its total; a
    column pair "X / Kế hoạch", "X / Thực hiện" is one indicator."""
    totals = [row for row in table.totals if not row.subtotal]
    if not totals:
        return []
    total = totals[-1]
    indicators: dict[str, dict[str, Decimal | None]] = {}
    order: list[str] = []
    for position, column in enumerate(table.columns):
        if column.role != "figures":
            continue
        role = _role_of(column.name)
        name = " / ".join(column.path[:-1]) if role in ("target", "done") and len(column.path) > 1 else column.name
        if name not in indicators:
            indicators[name] = {}
            order.append(name)
        indicators[name]["planned" if role == "target" else "done"] = _value(total, position)
    return [UnitFigure(name, "", indicators[name].get("planned"), indicators[name].get("done")) for name in order
            if indicators[name].get("done") is not None]


def previous_figures(path: Path) -> dict[str, Decimal]:
    """The previous period's consolidated figures (its table's "Thực hiện" by indicator), for "Kỳ trước"."""
    from drafting.readers import read_bytes

    tables = figure_tables(read_docx_tables(read_bytes(path), str(path)))
    figures, _ = figures_of(tables)
    return {fold(" ".join(f.label.split())): f.done for f in figures if f.done is not None}
