"""The "Báo cáo" tab's endpoints: the workbook to fill, the unit's Báo cáo, and the consolidation of the units'
reports. Each runs, in a worker thread, the jobs of `drafting.report.run` that `drafting report` and `drafting
consolidate` run (drafting/cli_report.py), so the page and the CLI refuse and write the same things
(tests/test_web_report.py compares them); here only the uploads, the fields and the answers."""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from drafting.api import load_plan
from drafting.batch.filenames import slug
from drafting.report import Period, ReportDraft, ReportOptions, run
from drafting.report.consolidate import Consolidation, UnitReport
from drafting.web import forms
from drafting.web.api import _form, _saved, endpoint
from drafting.web.messages import message
from drafting.web.responses import DOCX, XLSX, download
from drafting.web.uploads import WebError, Workspace

MAX_REPORTS = 300  # a province has at most some 170 xã, phường and đặc khu


# --- the library calls (no HTTP) ---------------------------------------------------------------------------------


@dataclass
class Reported:
    period: Period
    unit: str | None
    draft: ReportDraft


def sheet(plan_file: Path, period: str | None) -> run.Workbook:
    """As `drafting report PLAN --sheet-template [--period …]`."""
    return run.workbook(load_plan(plan_file), period)


def report(plan_file: Path, period: str, data_file: Path | None, data_name: str, options: ReportOptions,
           output: Path) -> Reported:
    """As `drafting report PLAN --period … [--data …] -o output`."""
    from drafting.readers import read_bytes
    from drafting.render.docx_writer import render_docx
    from drafting.report.naming import issuer_named

    plan = load_plan(plan_file)
    data = read_bytes(data_file) if data_file is not None else None
    chosen, drafted = run.report(plan, period, data, data_name, options)
    render_docx(drafted.plan, output, images=drafted.images)
    return Reported(chosen, issuer_named(plan), drafted)


def consolidate(report_files: list[tuple[Path, str]], plan_file: Path, period: str, province: str | None,
                due: str | None, previous: Path | None, previous_period: str | None, options: ReportOptions,
                output: Path) -> run.Consolidated:
    """As `drafting consolidate REPORTS… --plan … --period … [--province --due --previous --previous-period]`;
    each report is told by the name the clerk gave it (``report_files``: saved path, shown name)."""
    from drafting.render.docx_writer import render_docx

    done = run.consolidation(load_plan(plan_file), period, [path for path, _ in report_files], province,
                             dt.date.fromisoformat(due) if due else None, previous, previous_period, options,
                             options.addressee, [shown for _, shown in report_files])
    render_docx(done.report, output, images=done.images)
    return done


# --- reading the forms -------------------------------------------------------------------------------------------


def report_options(form: FormData) -> ReportOptions:
    """The CLI's --number, --date, --signer, --position (blank: the plan's) and --to."""
    position = forms.text(form, "position").upper()
    return ReportOptions(number=forms.text(form, "number"), date=forms.iso_date(forms.text(form, "date")),
                         signer=forms.text(form, "signer") or None,
                         position=position if position in forms.POSITIONS else None,
                         addressee=forms.text(form, "to") or None)


def period_field(form: FormData) -> str:
    value = forms.text(form, "period")
    if not value:
        raise WebError(message("missing_period"))
    return value[:100]


def file_names(stem: str, period: Period | None, suffix: str) -> tuple[str, str]:
    """("Báo cáo quý I năm 2026.docx", "bao-cao-quy-i-nam-2026.docx")."""
    name = f"{stem} {period.label}" if period else stem
    return f"{name}{suffix}", f"{slug(name)}{suffix}"


def _attached(data: bytes, name: str) -> dict[str, str]:
    return {"file_name": name, "file_base64": base64.b64encode(data).decode("ascii")}


# --- the endpoints -----------------------------------------------------------------------------------------------


@endpoint
async def api_report_sheet(request: Request, workspace: Workspace) -> Response:
    saved, values = await _saved(request, workspace, "file")
    made = await run_in_threadpool(sheet, saved["file"], forms.text(_form(values), "period")[:100] or None)
    name, ascii_name = file_names("Số liệu báo cáo", made.period, ".xlsx")
    response = download(made.data, XLSX, name, ascii_name)
    response.headers["X-Targets"] = str(len(made.items.targets))
    response.headers["X-Tasks"] = str(len(made.items.tasks))
    return response


@endpoint
async def api_report(request: Request, workspace: Workspace) -> Response:
    saved, values = await _saved(request, workspace, "file", "data?")
    form = _form(values)
    period, options = period_field(form), report_options(form)
    data = saved.get("data")
    output = workspace.path("bao-cao.docx")
    done = await run_in_threadpool(report, saved["file"], period, data,
                                   workspace.shown_name(data) if data else "", options, output)
    name, ascii_name = file_names("Báo cáo", done.period, ".docx")
    content = output.read_bytes()
    if request.query_params.get("format") != "json":
        return download(content, DOCX, name, ascii_name)
    return JSONResponse({
        "title": done.draft.plan.meta.title, "period": done.period.label, "unit": done.unit,
        "data": workspace.shown_name(data) if data else None, "todo": list(done.draft.todo),
        "placeholders": dict(done.draft.placeholders), **_attached(content, name),
    })


async def _reports(request: Request, workspace: Workspace) -> tuple[list[tuple[Path, str]], dict[str, Path],
                                                                      dict[str, str]]:
    """The units' reports (field ``reports``, several), the plan (``plan``), the previous report (``previous``,
    optional) and the text fields."""
    try:
        async with request.form(max_files=MAX_REPORTS + 2, max_fields=40) as form:
            reports = []
            for number, upload in enumerate(forms.files(form, "reports"), start=1):
                path = await workspace.save(upload, f"bao-cao-{number}", "reports")
                reports.append((path, workspace.shown_name(path)))
            saved = {"plan": await workspace.save(forms.file(form, "plan"), "ke-hoach", "plan")}
            previous = forms.file(form, "previous")
            if previous is not None:
                saved["previous"] = await workspace.save(previous, "ky-truoc", "previous")
            values = {key: value for key, value in form.items() if isinstance(value, str)}
    except (MultiPartException, HTTPException) as refused:
        if "too many files" in str(getattr(refused, "detail", refused)).lower():
            raise WebError(message("too_many_files", most=MAX_REPORTS), 413) from refused
        raise
    return reports, saved, values


@endpoint
async def api_consolidate(request: Request, workspace: Workspace) -> Response:
    reports, saved, values = await _reports(request, workspace)
    form = _form(values)
    period, options = period_field(form), report_options(form)
    due = forms.iso_date(forms.text(form, "due"))
    output = workspace.path("tong-hop.docx")
    done = await run_in_threadpool(
        consolidate, reports, saved["plan"], period, forms.text(form, "province") or None, due,
        saved.get("previous"), forms.text(form, "previous_period")[:100] or None, options, output)
    name, ascii_name = file_names("Báo cáo tổng hợp", done.period, ".docx")
    content = output.read_bytes()
    if request.query_params.get("format") != "json":
        return download(content, DOCX, name, ascii_name)
    return JSONResponse({"period": done.period.label, **counts(done.consolidation), "todo": done.todo,
                         **_attached(content, name)})


def counts(consolidation: Consolidation) -> dict[str, Any]:
    """Who reported, who did not, who was late, whose figures could not be summed."""
    def named(unit_report: UnitReport) -> str:
        return unit_report.unit.full if unit_report.unit else unit_report.path

    due = consolidation.due
    return {
        "reported": len(consolidation.reported), "missing": len(consolidation.missing),
        "late": len(consolidation.late), "expected": len(consolidation.reported) + len(consolidation.missing),
        "due": due.isoformat() if due else None,
        "units": {"reported": sorted(named(r) for r in consolidation.reported),
                  "missing": [unit.full for unit in consolidation.missing],
                  "late": [named(r) for r in consolidation.late],
                  "undated": [named(r) for r in consolidation.undated],
                  "malformed": [f"{named(r)} ({r.path}): {', '.join(r.problems)}" for r in consolidation.malformed]},
        "indicators": len(consolidation.rows),
    }


ROUTES = [
    Route("/api/report/sheet", api_report_sheet, methods=["POST"]),
    Route("/api/report", api_report, methods=["POST"]),
    Route("/api/consolidate", api_consolidate, methods=["POST"]),
]
