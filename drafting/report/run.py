"""The report jobs from a plan and files to the drafts, in the order the checks are made: what `drafting report`,
`drafting consolidate` (drafting/cli_report.py) and the web page's "Báo cáo" tab (drafting/web/reports.py) all call,
so the page and the CLI refuse and write the same things. No output is written here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from drafting.model import Plan
from drafting.report import Period, PlanItems, ReportDraft, ReportOptions, period_for, plan_items, report_on_plan
from drafting.report.consolidate import Consolidation


@dataclass
class Workbook:
    data: bytes
    items: PlanItems
    period: Period | None


@dataclass
class Consolidated:
    period: Period
    consolidation: Consolidation
    report: Plan
    todo: list[str]
    images: dict[str, bytes] = field(default_factory=dict)


def workbook(plan: Plan, period: str | None) -> Workbook:
    """The workbook a unit fills for its report on ``plan`` (`report --sheet-template [--period …]`)."""
    from drafting.report.naming import issuer_named
    from drafting.report.workbook import sheet_template

    chosen = period_for(plan, period) if period else None
    items = plan_items(plan)
    return Workbook(sheet_template(plan, items, issuer_named(plan) or "", chosen.label if chosen else None), items,
                    chosen)


def report(plan: Plan, period: str, data: bytes | None, data_name: str, options: ReportOptions
           ) -> tuple[Period, ReportDraft]:
    """The unit's Báo cáo for ``period`` from its filled workbook ``data`` (told as ``data_name``), if any."""
    from drafting.report.workbook import read_results

    chosen = period_for(plan, period)
    items = plan_items(plan)
    results = read_results(data, data_name, items, plan) if data is not None else None
    return chosen, report_on_plan(plan, chosen, results, options, items)


def consolidation(plan: Plan, period: str, reports: Sequence[Path], province: str | None, due: dt.date | None,
                  previous: Path | None, previous_period: str | None, options: ReportOptions,
                  addressee: str | None, names: Sequence[str] | None = None) -> Consolidated:
    """The level above's Báo cáo from the units' ``reports`` (each told by its name in ``names``, else its path);
    the units expected are the province's (``province``, else the plan's), the deadline ``due`` or the plan's."""
    from drafting.report.consolidate import compose_consolidated, province_of, report_due
    from drafting.report.consolidate import consolidate as gather
    from drafting.report.errors import ReportInputError
    from drafting.report.period import parse_period
    from drafting.report.reading import previous_figures, read_unit_report
    from drafting.units import communes

    if not reports:
        raise ReportInputError("no_reports")
    chosen = period_for(plan, period)
    home = province or province_of(plan)
    expected = communes(home) if home else []
    gathered = []
    for index, path in enumerate(reports):
        unit_report = read_unit_report(path, home)
        if names is not None:
            unit_report.path = names[index]
        gathered.append(unit_report)
    deadline = due or report_due(plan, chosen)
    before = previous_figures(previous) if previous else None
    earlier = parse_period(previous_period) if previous_period else None
    consolidated = gather(gathered, expected, deadline, before, home)
    label = (earlier.label if earlier else chosen.preceding().label) if previous else None
    drafted, todo, _, images = compose_consolidated(plan, consolidated, chosen, options, addressee, None, label)
    return Consolidated(chosen, consolidated, drafted, todo, images)
