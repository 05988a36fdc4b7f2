"""The JSON API (documented in the README's "Web page" section). Every endpoint reads its form, saves the uploads
in the request's own folder, runs the library in a worker thread and answers; a `DraftingError` becomes the CLI's
Vietnamese message with HTTP 400 (422 for a usage error such as an unknown unit)."""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from drafting.batch.filenames import slug
from drafting.errors import DraftingError
from drafting.render.json_out import to_json
from drafting.render.outline import to_outline
from drafting.web import forms, jobs
from drafting.web.guard import UploadTooLarge
from drafting.web.messages import message
from drafting.web.responses import DOCX, XLSX, ZIP, download, error
from drafting.web.search import provinces, search_units
from drafting.web.uploads import WebError, Workspace

log = logging.getLogger("drafting.web")
Work = Callable[[Request, Workspace], Awaitable[Response]]


def endpoint(work: Work) -> Callable[[Request], Awaitable[Response]]:
    """The request's folder around ``work``, and every failure turned into a 4xx (or 500) with a message."""

    async def handler(request: Request) -> Response:
        with Workspace() as workspace:
            try:
                return await work(request, workspace)
            except WebError as failure:
                return error(str(failure), failure.status)
            except DraftingError as failure:
                return error(workspace.clerk_message(failure), 422 if failure.exit_code == 2 else 400)
            except UploadTooLarge:
                return error(message("too_large"), 413)
            except (MultiPartException, HTTPException):  # Starlette says a bad multipart body as an HTTPException
                return error(message("bad_form"))
            except Exception:  # noqa: BLE001 - one bad file must not take the server down
                log.exception("web request %s failed", request.url.path)
                names = ", ".join(workspace.shown.values()) or "?"
                return error(message("internal", name=names), 500)

    return handler


async def _saved(request: Request, workspace: Workspace, *fields: str) -> tuple[dict[str, Path], dict[str, str]]:
    """The uploads of ``fields`` (``name?`` when optional) saved in the folder, and the text fields."""
    async with request.form(max_files=4, max_fields=40) as form:
        saved: dict[str, Path] = {}
        for field in fields:
            name = field.rstrip("?")
            upload = forms.file(form, name)
            if upload is None and field.endswith("?"):
                continue
            saved[name] = await workspace.save(upload, f"tep-{len(saved) + 1}", name)
        values = {key: value for key, value in form.items() if isinstance(value, str)}
    return saved, values


def _form(values: dict[str, str]) -> FormData:
    return FormData(list(values.items()))


# --- units ------------------------------------------------------------------------------------------------------


async def api_provinces(request: Request) -> Response:
    return JSONResponse([{"name": name, "full": full} for name, full in provinces()])


@endpoint
async def api_units(request: Request, workspace: Workspace) -> Response:
    province = request.query_params.get("province", "").strip() or None
    query = request.query_params.get("q", "")[:100]
    found = await run_in_threadpool(search_units, province, query)
    return JSONResponse(found)


# --- parse, draft -----------------------------------------------------------------------------------------------


@endpoint
async def api_parse(request: Request, workspace: Workspace) -> Response:
    saved, _ = await _saved(request, workspace, "file")
    plan = await run_in_threadpool(jobs.parse, saved["file"])
    plan.source.path = workspace.shown_name(saved["file"])
    if request.query_params.get("format") == "outline":
        return PlainTextResponse(await run_in_threadpool(to_outline, plan))
    return Response(await run_in_threadpool(to_json, plan), media_type="application/json")


async def _draft_request(request: Request, workspace: Workspace) -> tuple[jobs.DraftRequest, Path]:
    saved, values = await _saved(request, workspace, "file")
    form = _form(values)
    draft = jobs.DraftRequest(saved["file"], forms.required(form, "unit", "đơn vị (unit)"),
                              forms.text(form, "province") or None, forms.draft_options(form))
    return draft, workspace.path("du-thao.docx")


@endpoint
async def api_draft(request: Request, workspace: Workspace) -> Response:
    draft, output = await _draft_request(request, workspace)
    done = await run_in_threadpool(jobs.draft, draft, output)
    name, ascii_name = jobs.draft_file_names(done.unit)
    return download(output.read_bytes(), DOCX, name, ascii_name)


@endpoint
async def api_draft_explain(request: Request, workspace: Workspace) -> Response:
    draft, _ = await _draft_request(request, workspace)
    done = await run_in_threadpool(jobs.draft, draft, None)
    return JSONResponse(jobs.explanation(done))


# --- check ------------------------------------------------------------------------------------------------------


@endpoint
async def api_check(request: Request, workspace: Workspace) -> Response:
    from drafting.check import check_docx

    saved, _ = await _saved(request, workspace, "file")
    report = await run_in_threadpool(check_docx, saved["file"])
    report.path = workspace.shown_name(saved["file"])
    return JSONResponse(report.to_dict())


# --- batch ------------------------------------------------------------------------------------------------------


@endpoint
async def api_batch(request: Request, workspace: Workspace) -> Response:
    from drafting import batch as batches

    saved, values = await _saved(request, workspace, "file", "data?")
    form = _form(values)
    province = forms.required(form, "province", "tỉnh, thành phố (province)")
    settings = forms.batch_settings(form)

    def run() -> tuple[batches.Result, list[str]]:
        units = batches.select_units(province, None, False)
        return batches.batch(saved["file"], units, workspace.path("ban-du-thao"), settings, saved.get("data"),
                             jobs=1, make_zip=True)

    result, notes = await run_in_threadpool(run)
    assert result.zip_path is not None
    data = result.zip_path.read_bytes()
    if request.query_params.get("format") != "json":
        return download(data, ZIP, result.zip_path.name, result.zip_path.name)
    return JSONResponse({
        "drafted": result.count("drafted"), "failed": result.count("failed"), "seconds": round(result.seconds, 2),
        "notes": notes, "todo": result.todo, "entries": [asdict(entry) for entry in result.entries],
        "zip_name": result.zip_path.name, "zip_base64": base64.b64encode(data).decode("ascii"),
    })


@endpoint
async def api_batch_sheet(request: Request, workspace: Workspace) -> Response:
    from drafting import batch as batches

    saved, values = await _saved(request, workspace, "file")
    form = _form(values)
    province = forms.required(form, "province", "tỉnh, thành phố (province)")
    settings = forms.batch_settings(form)
    target = workspace.path("mau-so-lieu.xlsx")

    def run() -> None:
        batches.sheet_template(saved["file"], batches.select_units(province, None, False), target, settings)

    await run_in_threadpool(run)
    name = f"mau-so-lieu-{slug(province)}.xlsx"
    return download(target.read_bytes(), XLSX, name, name)


# --- diff -------------------------------------------------------------------------------------------------------


@endpoint
async def api_diff(request: Request, workspace: Workspace) -> Response:
    from drafting.diff import DiffResult, diff_plans
    from drafting.diff.render.text import to_json as diff_json

    saved, values = await _saved(request, workspace, "old", "new")
    mode = values.get("mode", "auto")
    mode_arg = mode if mode in ("review", "versions") else None

    def run() -> DiffResult:
        result = diff_plans(jobs.parse(saved["old"]), jobs.parse(saved["new"]), mode_arg)
        result.old_meta["path"] = workspace.shown_name(saved["old"])
        result.new_meta["path"] = workspace.shown_name(saved["new"])
        return result

    result = await run_in_threadpool(run)
    wanted = request.query_params.get("format", "json")
    if wanted == "html":
        from drafting.diff.render.html import to_html

        return HTMLResponse(await run_in_threadpool(to_html, result))
    if wanted == "table":
        from drafting.diff.render.table import write_table

        target = workspace.path("bang-so-sanh.docx")
        await run_in_threadpool(write_table, result, target)
        return download(target.read_bytes(), DOCX, "Bảng so sánh.docx", "bang-so-sanh.docx")
    return Response(json.dumps(json.loads(diff_json(result)), ensure_ascii=False), media_type="application/json")


ROUTES = [
    Route("/api/provinces", api_provinces),
    Route("/api/units", api_units),
    Route("/api/parse", api_parse, methods=["POST"]),
    Route("/api/draft", api_draft, methods=["POST"]),
    Route("/api/draft/explain", api_draft_explain, methods=["POST"]),
    Route("/api/check", api_check, methods=["POST"]),
    Route("/api/batch", api_batch, methods=["POST"]),
    Route("/api/batch/sheet", api_batch_sheet, methods=["POST"]),
    Route("/api/diff", api_diff, methods=["POST"]),
]
