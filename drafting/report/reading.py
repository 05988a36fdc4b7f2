"""Reads a unit's report (a DOCX this toolkit made, or one a clerk typed) into a `UnitReport`: who sent it, when,
and its figures, from the first table that has an indicator column and a done column — or, in a table with
units as rows, from its total row. A report whose table cannot be used is still a report: its problems are kept
and listed in the consolidation, never fatal."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

from drafting.errors import DraftingError
from drafting.parsing.text import fold, strip_accents
from drafting.readers.docx_tables import read_docx_tables
from drafting.report.consolidate import UnitFigure, UnitReport
from drafting.report.errors import message, words
from drafting.report.figures import FigureTable, Row, figure_tables
from drafting.units import Unit, resolve_unit


@cache
def _column_words() -> dict[str, list[str]]:
    return {role: [_plain(word) for word in spellings] for role, spellings in words()["figure_columns"].items()
            if not role.startswith("_")}


def _plain(text: str) -> str:
    """Lower case without tone marks: clerks' headers are typed with and without them ("Thuc hien")."""
    return " ".join(strip_accents(fold(text)).replace("đ", "d").split())


def _leaf(name: str) -> str:
    return _plain(name.split(" / ")[-1])


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

    data = read_bytes(path)  # read once: the plan and the figures tables come from the same bytes
    plan = parse_file(path, extract=False, data=data)
    report = UnitReport(path=str(path), issuer=plan.meta.issuer, unit=_unit(plan.meta.issuer, province),
                        date=plan.meta.date)
    if path.suffix.lower() != ".docx":
        report.problems.append(message("no_figures"))
        return report
    tables = figure_tables(read_docx_tables(data, str(path)))
    figures, problems = figures_of(tables)
    report.figures = figures
    report.problems = problems
    return report


def _unit(issuer: str | None, province: str | None) -> Unit | None:
    """ "Ủy ban nhân dân xã Xuân Lộc" → the xã, in the province when it is given, else wherever it is alone."""
    if not issuer:
        return None
    name = issuer
    for opener in ("Ủy ban nhân dân ", "UBND ", "Uỷ ban nhân dân "):
        if name.startswith(opener):
            name = name[len(opener):]
    for where in ([province, None] if province else [None]):  # a unit of another province is told as such
        try:
            return resolve_unit(name, where)
        except DraftingError:
            continue
    return None


def figures_of(tables: list[FigureTable]) -> tuple[list[UnitFigure], list[str]]:
    """The unit's figures: every table with indicators as rows (a statistics form runs over several tables, one per
    field), else the total row of the first table with units as rows; and what was wrong with the tables."""
    problems: list[str] = []
    found: list[tuple[FigureTable, UnitFigure]] = []
    by_totals: list[UnitFigure] = []
    for table in tables:
        if not table.has_figures:
            continue
        if _serious(table):  # half a table's figures summed with the others' would be a wrong total: none of them
            problems.append(message("bad_figures", problems="; ".join(p.message for p in table.problems)))
            continue
        roles = {position: _role_of(column.name) for position, column in enumerate(table.columns)}
        done = [p for p, role in roles.items() if role == "done"]
        label = next((p for p, c in enumerate(table.columns) if c.role == "label"), None)
        rows = _by_indicator_rows(table, roles, done[0]) if done and label is not None else []
        words_for_figures = _text_for_figures(table, [p for p, role in roles.items() if role in ("done", "target")])
        if words_for_figures:
            problems.append(message("bad_figures", problems="; ".join(words_for_figures)))
            continue
        found += [(table, figure) for figure in rows]
        if not rows and not by_totals:
            by_totals = _by_total_row(table)
    if found:
        return _distinct(found), problems
    if by_totals:
        return by_totals, problems
    return [], problems or [message("no_figures")]


def _distinct(found: list[tuple[FigureTable, UnitFigure]]) -> list[UnitFigure]:
    """A label that stands in two tables ("Kế hoạch được giao") is named with its table's title in each."""
    counts: dict[str, int] = {}
    for _, figure in found:
        counts[fold(figure.label)] = counts.get(fold(figure.label), 0) + 1
    return [UnitFigure(f"{table.title} / {figure.label}" if counts[fold(figure.label)] > 1 and table.title
                       else figure.label, figure.measure, figure.planned, figure.done) for table, figure in found]


def _text_for_figures(table: FigureTable, positions: list[int]) -> list[str]:
    """Words typed where the target or the result goes ("đang tổng hợp"): the table cannot be summed."""
    blanks = {_plain(word) for word in words()["blank_values"]}
    found = []
    for row in table.data_rows:
        for position in positions:
            text = row.cells[position].strip()
            if text and row.figures[position] is None and _plain(text) not in blanks:
                found.append(f"dòng “{row.label[:40]}”, cột “{table.columns[position].name}”: “{text}” không phải số")
    return found


def _serious(table: FigureTable) -> bool:
    return any(problem.code in ("text_in_figures", "ragged_row") for problem in table.problems)


def _by_indicator_rows(table: FigureTable, roles: dict[int, str | None], done: int) -> list[UnitFigure]:
    """Indicators as rows (this toolkit's table, most typed ones): label, unit of measure, target, done."""
    target = next((p for p, role in roles.items() if role == "target"), None)
    unit = next((p for p, role in roles.items() if role == "unit"), None)
    found = []
    seen: set[str] = set()
    measure = heading = ""
    for row in table.rows:
        if row.kind != "data" or not row.label:
            continue
        written = row.cells[unit].strip() if unit is not None else ("%" if _is_percent(row, done) else "")
        measure = measure if _plain(written) in _ditto() else written  # '"' under "Lượt" is "Lượt" again
        label = row.label
        if fold(label) in seen:  # "Trong đó: …" under two items: told by the item it details
            label = f"{heading} / {label}"
        elif not _is_detail(label):
            heading = label
        seen.add(fold(label))
        found.append(UnitFigure(label, measure, _value(row, target), _value(row, done)))
    return [figure for figure in found if figure.done is not None or figure.planned is not None]


@cache
def _ditto() -> set[str]:
    return {_plain(mark) for mark in words()["figure_rows"]["ditto"]}


def _is_detail(label: str) -> bool:
    """ "- Có thẻ BHYT", "Trong đó: …": a detail of the row above, not a row of its own."""
    key = fold(label.strip())
    return any(key.startswith(fold(opener)) for opener in words()["figure_rows"]["detail_openers"])


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
