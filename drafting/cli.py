"""The command line: validates, calls the library, prints. The only place that exits."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from drafting.api import load_plan, parse_file
from drafting.check import check_docx
from drafting.errors import DraftingError
from drafting.render.docx_writer import convert_to_pdf, render_docx
from drafting.render.entities import render_entities
from drafting.render.findings import findings_to_json, findings_to_text
from drafting.render.json_out import to_json
from drafting.render.markdown import to_markdown
from drafting.render.outline import to_outline

RENDERERS = {"outline": to_outline, "json": to_json, "md": to_markdown}
log = logging.getLogger("drafting")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logs.")
@click.version_option(package_name="drafting")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Soạn thảo, đọc và kiểm tra kế hoạch của UBND theo Nghị định 30/2020/NĐ-CP."""
    ctx.obj = {"debug": debug}
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(message)s")


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(sorted(RENDERERS)), default="outline",
              show_default=True, help="outline: readable summary; json: the public contract; md: Markdown.")
@click.pass_context
def parse(ctx: click.Context, file: Path, output_format: str) -> None:
    """Đọc FILE (.docx, .doc, .txt, .md, .pdf) và in ra cấu trúc văn bản."""
    try:
        plan = parse_file(file)
    except DraftingError as error:
        _fail(ctx, error)
    log.debug("parsed %s: %d sections, %d warnings", file, len(plan.sections), len(plan.warnings))
    click.echo(RENDERERS[output_format](plan))


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def entities(ctx: click.Context, file: Path, output_format: str) -> None:
    """Liệt kê các thực thể nhận ra trong FILE: cơ quan, địa danh, văn bản, thời hạn, số lượng."""
    try:
        plan = parse_file(file, extract=False)
    except DraftingError as error:
        _fail(ctx, error)
    click.echo(render_entities(plan, output_format))


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def check(ctx: click.Context, file: Path, output_format: str) -> None:
    """Kiểm tra thể thức FILE (.docx, .doc) theo Nghị định 30/2020/NĐ-CP; mã thoát 1 nếu có lỗi."""
    try:
        report = check_docx(file)
    except DraftingError as error:
        _fail(ctx, error)
    click.echo(findings_to_json(report) if output_format == "json" else findings_to_text(report))
    if not report.ok:
        sys.exit(1)


@main.command()
@click.argument("plan_file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="The .docx to write.")
@click.option("--template", type=click.Path(path_type=Path), default=None,
              help="A copy of templates/ke_hoach_tpl.docx or bao_cao_tpl.docx, restyled by the clerk.")
@click.option("--pdf", is_flag=True, help="Also write a PDF next to the .docx (needs LibreOffice).")
@click.pass_context
def render(ctx: click.Context, plan_file: Path, output: Path, template: Path | None, pdf: bool) -> None:
    """Viết PLAN_FILE (JSON của “parse”, hoặc một văn bản) thành .docx theo Nghị định 30."""
    try:
        plan = load_plan(plan_file)
        written = render_docx(plan, output, template)
        click.echo(f"Đã ghi {written}")
        if pdf:
            click.echo(f"Đã ghi {convert_to_pdf(written, written.with_suffix('.pdf'))}")
    except DraftingError as error:
        _fail(ctx, error)


def _fail(ctx: click.Context, error: DraftingError) -> None:
    if ctx.obj and ctx.obj.get("debug"):
        raise error
    click.echo(f"Lỗi: {error}", err=True)
    sys.exit(error.exit_code)


if __name__ == "__main__":
    main()
