"""Batch drafting (issue 14): a plan for every xã, phường and đặc khu of a province, or of the country, in one run.

``selection`` chooses the units, ``sheet`` writes and reads the clerk's workbook, ``skeleton`` derives once per
kind of unit and fills each unit in (the pure per-unit step), ``manifest`` keeps what was produced from what,
``runner`` runs the step in a process pool. The CLI's ``batch`` command calls ``sheet_template`` and ``batch``.
"""

from __future__ import annotations

from pathlib import Path

from drafting.api import load_plan
from drafting.batch.runner import Progress, Request, Result, run
from drafting.batch.selection import select_units
from drafting.batch.sheet import SheetData, read_rows, write_sheet
from drafting.batch.skeleton import Settings, placeholders_of, variant_of
from drafting.model import Plan
from drafting.units import Unit

__all__ = ["Request", "Result", "Settings", "batch", "select_units", "sheet_template"]


def _placeholders(parent: Path, units: list[Unit], settings: Settings) -> tuple[Plan, dict[str, str]]:
    plan = load_plan(parent)
    variants = list(dict.fromkeys(variant_of(unit, None, settings, plan.meta.issuer) for unit in units))
    return plan, placeholders_of(plan, variants, settings)


def sheet_template(parent: Path, units: list[Unit], target: Path, settings: Settings) -> int:
    """The workbook a clerk fills for these units; returns its number of value columns."""
    _, placeholders = _placeholders(parent, units, settings)
    return write_sheet(target, units, placeholders)


def batch(parent: Path, units: list[Unit], out: Path, settings: Settings, data: Path | None = None,
          force: bool = False, jobs: int = 0, make_zip: bool = False, pdf: bool = False,
          progress: Progress | None = None) -> tuple[Result, list[str]]:
    """Every unit's draft in ``out``; the result and the notes about the sheet (columns it left out)."""
    request = Request(parent, units, out, settings, force=force, jobs=jobs, make_zip=make_zip, pdf=pdf)
    notes: list[str] = []
    if data is not None:
        plan, placeholders = _placeholders(parent, units, settings)
        sheet: SheetData = read_rows(data, units, placeholders)
        request.rows, request.parent_plan, notes = sheet.rows, plan, sheet.notes
    return run(request, progress), notes
