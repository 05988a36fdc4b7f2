"""Reports (Báo cáo) on a plan's results, and the consolidation of the units' reports.

``report_on_plan`` drafts a unit's report for a period from its plan and the results it filled in the workbook
``sheet_template`` wrote; ``consolidate`` (``drafting.report.consolidate``) reads the units' reports and drafts the
level above's. Readers and renderers do the I/O; this package turns models into models.
"""

from __future__ import annotations

import re

from drafting.model import Plan
from drafting.report.chart import completion_chart
from drafting.report.compose import ReportDraft, ReportOptions, compose_report
from drafting.report.errors import ReportInputError
from drafting.report.indicators import plan_items
from drafting.report.model import PlanItems, Results
from drafting.report.period import Period, covers, parse_period, plan_span

__all__ = ["Period", "PlanItems", "ReportDraft", "ReportOptions", "Results", "addressee_of", "period_for",
           "plan_items", "report_on_plan"]


def period_for(plan: Plan, text: str) -> Period:
    """The period the clerk wrote, checked against the plan's span; `ReportInputError` otherwise."""
    period = parse_period(text)
    if period is None:
        raise ReportInputError("bad_period", period=text)
    if not covers(plan, period):
        start, end = plan_span(plan)
        raise ReportInputError("period_not_covered", period=text, start=_day(period.start), end=_day(period.end),
                               plan=(plan.meta.title or plan.source.path)[:80], plan_start=_day(start),
                               plan_end=_day(end))
    return period


def _day(value: object) -> str:
    return value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else str(value)


def addressee_of(plan: Plan, year: int) -> tuple[str | None, str | None]:
    """Whom the plan says its reports go to (the body a report is for, else the one that gathers them), and the
    body it goes through ("báo cáo Ủy ban nhân dân tỉnh (qua Công an tỉnh)"), each with its province's name."""
    from drafting.derive.reporting import reporting

    found = reporting(plan, year)
    addressee = found.addressee or found.collector
    through = found.collector if found.addressee and found.collector else None
    return with_province(addressee, plan), with_province(through, plan)


_BARE = re.compile(r"(?:^|\s)(tỉnh|thành phố)$")
_NAMED = re.compile(r"(?<!\w)(tỉnh|thành phố) ((?:[A-ZĐ][\wÀ-ỹ]*)(?: [A-ZĐ][\wÀ-ỹ]*){0,3})")


def with_province(name: str | None, plan: Plan) -> str | None:
    """ "Ủy ban nhân dân tỉnh" → "Ủy ban nhân dân tỉnh Đồng Nai", the province the plan's bases name."""
    bare = _BARE.search(name or "")
    if not name or not bare:
        return name
    for text in [ref.text for ref in plan.legal_bases] + [plan.meta.issuer or ""]:
        for match in _NAMED.finditer(text):
            if match.group(1) == bare.group(1):
                return f"{name} {match.group(2)}"
    return name


def report_on_plan(plan: Plan, period: Period, results: Results | None, options: ReportOptions | None = None,
                   items: PlanItems | None = None) -> ReportDraft:
    options = options or ReportOptions()
    items = items or plan_items(plan)
    addressee, through = addressee_of(plan, period.start.year)
    addressee = options.addressee or addressee
    chart = None
    if results is not None and len(results.targets) >= 2:
        chart = completion_chart([r.target.text for r in results.targets], [r.rate for r in results.targets],
                                 None)
    return compose_report(plan, items, results, period, options, addressee, chart, through)
