"""The level above's consolidated report: the units' figures summed, who reported late or not at all, the change
since the previous period, drafted in the same outline as a unit's report (no I/O: `reading` reads the files)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from drafting.model import Meta, Plan, Section, Source
from drafting.parsing.text import fold
from drafting.report.chart import completion_chart
from drafting.report.compose import ReportOptions, _blank, _kind, sentence, signature, subject_of
from drafting.report.errors import ReportInputError, words
from drafting.report.model import percent
from drafting.report.naming import plan_citation
from drafting.report.numbers import written_number
from drafting.report.period import Period
from drafting.units import Unit


@dataclass(frozen=True)
class UnitFigure:
    label: str
    measure: str  # unit of measure: "%", "hộ"
    planned: Decimal | None
    done: Decimal | None

    @property
    def is_rate(self) -> bool:
        return self.measure.strip() == "%"


@dataclass
class UnitReport:
    path: str
    issuer: str | None
    unit: Unit | None
    date: str | None  # ISO day when the report has one
    figures: list[UnitFigure] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class ConsolidatedRow:
    label: str
    measure: str
    reporting: int  # units that gave the figure
    reached: int  # of those, units at or above their own target
    planned: Decimal | None  # a sum; for a rate, the units' average
    done: Decimal | None
    previous: Decimal | None = None

    @property
    def rate(self) -> Decimal | None:
        return percent(self.done, self.planned) if self.planned and self.done is not None else None

    @property
    def change(self) -> Decimal | None:
        return self.done - self.previous if self.done is not None and self.previous is not None else None


@dataclass
class Consolidation:
    rows: list[ConsolidatedRow]
    reported: list[UnitReport]
    late: list[UnitReport]
    undated: list[UnitReport]
    missing: list[Unit]
    malformed: list[UnitReport]
    due: dt.date | None


def consolidate(reports: Sequence[UnitReport], expected: Sequence[Unit], due: dt.date | None,
                previous: dict[str, Decimal] | None = None, province: str | None = None) -> Consolidation:
    """Sums the units' figures row by row (matched on the indicator's words), lists the late and the missing.

    A unit outside ``expected`` or reported twice is refused: its figures would be counted where they do not
    belong."""
    expected_codes = {_unit_key(unit) for unit in expected}
    seen: dict[str, UnitReport] = {}
    for report in reports:
        if report.unit is None:
            raise ReportInputError("unit_unknown", path=report.path, issuer=report.issuer or "(không có)")
        key = _unit_key(report.unit)
        if expected and key not in expected_codes:
            raise ReportInputError("unit_not_in_province", path=report.path, unit=report.unit.full,
                                   province=province or "tỉnh này")
        if key in seen:
            raise ReportInputError("duplicate_unit", unit=report.unit.full, first=seen[key].path, second=report.path)
        seen[key] = report
    rows: dict[str, ConsolidatedRow] = {}
    sums: dict[str, list[UnitFigure]] = {}
    for report in reports:
        for figure in report.figures:
            label = common_label(figure.label, report.unit)
            key = fold(label) + "|" + fold(figure.measure)
            sums.setdefault(key, []).append(UnitFigure(label, figure.measure, figure.planned, figure.done))
    for key, figures in sums.items():
        first = figures[0]
        rows[key] = ConsolidatedRow(first.label, first.measure, len(figures),
                                    sum(1 for f in figures if f.planned is not None and f.done is not None
                                        and f.done >= f.planned),
                                    _combine([f.planned for f in figures], first.is_rate),
                                    _combine([f.done for f in figures], first.is_rate))
    for row in rows.values():
        if previous is not None:
            row.previous = previous.get(fold(row.label))
    late = [r for r in reports if due and r.date and len(r.date) == 10 and dt.date.fromisoformat(r.date) > due]
    undated = [r for r in reports if not (r.date and len(r.date) == 10)]
    missing = [unit for unit in expected if _unit_key(unit) not in seen]
    malformed = [r for r in reports if r.problems]
    return Consolidation(list(rows.values()), list(reports), late, undated, missing, malformed, due)


def province_of(plan: Plan) -> str | None:
    """ "Ủy ban nhân dân tỉnh Đồng Nai" → "Đồng Nai": the province whose units report on its plan."""
    match = re.search(r"(?:tỉnh|thành phố|Thành phố)\s+(.+)$", plan.meta.issuer or "")
    return match.group(1).strip() if match else None


REPORT_WINDOW_DAYS = 75  # a deadline more than this after the period's end is another period's
REPORT_LEAD_DAYS = 60  # a yearly report is often due in mid-November ("trước ngày 15/11 hằng năm"), before the end


def report_due(plan: Plan, period: Period) -> dt.date | None:
    """The first report day the plan sets from two months before the period's end (within the period) to some
    weeks after it; None when the plan sets none there (then ``--due`` says it)."""
    from drafting.derive.reporting import reporting

    earliest = max(period.start, period.end - dt.timedelta(days=REPORT_LEAD_DAYS))
    latest = period.end + dt.timedelta(days=REPORT_WINDOW_DAYS)
    days = []
    for due in reporting(plan, period.end.year).dues:
        if len(due.date) != 10:
            continue
        day = dt.date.fromisoformat(due.date)
        if due.recurring:
            day = day.replace(year=period.end.year)
        if earliest <= day <= latest:
            days.append(day)
    return min(days) if days else None


def common_label(label: str, unit: Unit | None) -> str:
    """A unit's indicator said for all units: its plan, derived for it, names it ("… trên địa bàn phường Mỹ Tho")
    where the others name themselves."""
    text = " ".join(label.split())
    if unit is not None:
        text = re.sub(re.escape(unit.full), words()["units_in_label"], text, flags=re.IGNORECASE)
    return text


def _unit_key(unit: Unit) -> str:
    return str(unit.code) if unit.code is not None else fold(unit.full)


def _combine(values: list[Decimal | None], rate: bool) -> Decimal | None:
    """A count is summed; a rate is averaged over the units that gave it (a sum of percentages means nothing)."""
    known = [value for value in values if value is not None]
    if not known:
        return None
    total = sum(known, Decimal(0))
    return (total / len(known)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) if rate else total


def compose_consolidated(parent: Plan, consolidation: Consolidation, period: Period, options: ReportOptions,
                         addressee: str | None, issuer: str | None = None, previous_period: str | None = None
                         ) -> tuple[Plan, list[str], dict[str, str], dict[str, bytes]]:
    """The consolidated Báo cáo of ``issuer`` (the parent's issuer by default) on ``parent`` for ``period``."""
    placeholders: dict[str, str] = {}
    images: dict[str, bytes] = {}
    issuer = issuer or parent.meta.issuer or "[[co_quan|cơ quan báo cáo]]"
    upcoming = period.following()
    named = f"{_kind(parent)} {subject_of(parent)}" if parent.meta.title else _kind(parent)
    title = f"Kết quả thực hiện {named} {period.label} và phương hướng, nhiệm vụ {upcoming.label}"
    todo = []
    if not addressee:  # plain text in the template's "Kính gửi" line: the clerk's dotted blank
        addressee = sentence("addressee_blank")
        todo.append(words()["todo"]["addressee"])
    date = options.date or f"{options.today.year:04d}-{options.today.month:02d}"
    symbol = "BC-" + parent.meta.symbol.split("-", 1)[1] if parent.meta.symbol and "-" in parent.meta.symbol \
        else "BC-UBND"
    report = Plan(source=Source(path="", format="report"), meta=Meta(
        doc_type="BÁO CÁO", number=options.number, symbol=symbol, issuer=issuer, superior=parent.meta.superior,
        level=parent.meta.level, place=parent.meta.place, date=date, title=title, recipient_to=[addressee]))
    report.preamble = [sentence("opening_consolidated", plan=f"{plan_citation(parent)} về {subject_of(parent)}",
                                issuer=issuer, period=period.label)]
    outline = words()["outline"]
    direction = Section("I", "roman", outline["direction"], paragraphs=_reporting_lines(consolidation))
    results = Section("II", "roman", outline["results"])
    if consolidation.rows:
        targets = Section("1", "arabic", outline["targets"])
        targets.tables.append(consolidated_table(consolidation.rows))
        if any(row.measure.strip() == "%" for row in consolidation.rows):
            targets.paragraphs.append(sentence("rates_averaged"))
        if previous_period and any(row.previous is not None for row in consolidation.rows):
            targets.paragraphs.append(sentence("previous_column", period=previous_period))
        results.children.append(targets)
    units = Section(str(len(results.children) + 1), "arabic", outline["units"])
    units.tables.append(units_table(consolidation))
    chart = completion_chart([r.unit.full if r.unit else r.path for r in consolidation.reported],
                             [_reached_rate(r) for r in consolidation.reported])
    if chart:
        caption = sentence("chart_units", n=1)
        units.paragraphs.append(caption)
        images[caption] = chart
    results.children.append(units)
    weaknesses = Section("2", "arabic", outline["weaknesses"], paragraphs=[
        _blank("weaknesses_blank", placeholders), _blank("cause_blank", placeholders)])
    below = [row.label for row in consolidation.rows if row.rate is not None and row.rate < 100]
    if below:
        weaknesses.paragraphs.insert(0, sentence("below_target", items="; ".join(below)))
    report.sections = [
        direction, results,
        Section("III", "roman", outline["assessment"], children=[
            Section("1", "arabic", outline["strengths"], paragraphs=[_blank("strengths_blank", placeholders)]),
            weaknesses]),
        Section("IV", "roman", outline["next"].format(next=upcoming.label.upper()),
                paragraphs=[_blank("next_blank", placeholders)]),
        Section("V", "roman", outline["proposals"], paragraphs=[_blank("proposals_blank", placeholders)]),
    ]
    report.sections[-1].paragraphs.append(
        sentence("closing_consolidated", plan=named, period=period.label, issuer=issuer))
    report.recipients = ["Như trên"]
    report.archive = "VT"
    report.signature = signature(parent, options, placeholders)
    if consolidation.missing:
        todo.append(sentence("todo_missing", count=len(consolidation.missing)))
    if consolidation.malformed:
        todo.append(sentence("todo_malformed", count=len(consolidation.malformed)))
    if placeholders:
        todo.append(words()["todo"]["placeholders"].format(
            keys=", ".join(f"{key} ({label})" for key, label in placeholders.items())))
    return report, todo, placeholders, images


def _reached_rate(report: UnitReport) -> Decimal | None:
    judged = [f for f in report.figures if f.planned is not None and f.done is not None]
    if not judged:
        return None
    return percent(Decimal(sum(1 for f in judged if f.done >= f.planned)), Decimal(len(judged)))  # type: ignore[operator]


def _names(units: Sequence[str], most: int = 40) -> str:
    shown = list(units[:most])
    return ", ".join(shown) + (f" và {len(units) - most} đơn vị khác" if len(units) > most else "")


def _reporting_lines(consolidation: Consolidation) -> list[str]:
    expected = len(consolidation.reported) + len(consolidation.missing)
    late = ""
    if consolidation.late and consolidation.due:
        due = consolidation.due
        late = sentence("reported_late", count=len(consolidation.late), due=f"{due.day:02d}/{due.month:02d}/{due.year}",
                        units=_names([r.unit.full if r.unit else r.path for r in consolidation.late]))
    lines = [sentence("reported", reported=len(consolidation.reported), expected=expected, late=late)]
    if consolidation.missing:
        lines.append(sentence("not_reported", count=len(consolidation.missing),
                              units=_names([unit.full for unit in consolidation.missing])))
    if consolidation.malformed:
        lines.append(sentence("malformed", count=len(consolidation.malformed), items="; ".join(
            f"{r.unit.full if r.unit else r.path}: {', '.join(r.problems)}" for r in consolidation.malformed)))
    return lines


def consolidated_table(rows: Sequence[ConsolidatedRow]) -> list[list[str]]:
    """Indicators as rows; the previous period's columns only when there is a previous period to show."""
    compared = any(row.previous is not None for row in rows)
    headers = list(words()["table_headers"]["consolidated_targets"])
    table = [headers if compared else headers[:-2]]
    for number, row in enumerate(rows, start=1):
        cells = [str(number), row.label, row.measure, str(row.reporting), written_number(row.planned),
                 written_number(row.done), written_number(row.rate)]
        table.append(cells + [written_number(row.previous), _signed(row.change)] if compared else cells)
    return table


def _signed(value: Decimal | None) -> str:
    if value is None:
        return ""
    return ("+" if value > 0 else "") + written_number(value)


def units_table(consolidation: Consolidation) -> list[list[str]]:
    table = [list(words()["table_headers"]["units"])]
    late = {id(r) for r in consolidation.late}
    for number, report in enumerate(sorted(consolidation.reported, key=lambda r: r.unit.full if r.unit else r.path),
                                    start=1):
        judged = [f for f in report.figures if f.planned is not None and f.done is not None]
        reached = sum(1 for f in judged if f.done >= f.planned)  # type: ignore[operator]
        day = dt.date.fromisoformat(report.date) if report.date and len(report.date) == 10 else None
        on_time = "" if consolidation.due is None or day is None else ("Không" if id(report) in late else "Có")
        table.append([str(number), report.unit.full if report.unit else report.path,
                      f"{day.day:02d}/{day.month:02d}/{day.year}" if day else sentence("undated"), on_time,
                      f"{reached}/{len(judged)}" if judged else "", written_number(_reached_rate(report))])
    start = len(table)
    for unit in consolidation.missing:
        table.append([str(start), unit.full, sentence("unit_not_reported"), "", "", ""])
        start += 1
    return table
