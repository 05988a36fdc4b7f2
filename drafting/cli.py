"""The command line: validates, calls the library, prints. The only place that exits."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from drafting.model import Plan

from drafting.api import load_plan, load_values, parse_file
from drafting.check import check_docx
from drafting.check.fix import fix_docx
from drafting.data_files import load
from drafting.errors import DraftingError, UsageError
from drafting.parsing.dates import is_iso_day
from drafting.render.findings import findings_to_json, findings_to_text, fix_to_json, fix_to_text

# Each command imports what only it needs inside its body: `drafting check` must answer in a fraction of a
# second, and the NLP pipeline (spaCy), the DOCX writer, the derivation and the web server take most of a
# second to import (python -X importtime; benchmarks/bench_check_startup.py).
RENDERERS = ("json", "md", "outline")
log = logging.getLogger("drafting")


def _renderer(name: str) -> Callable[[Plan], str]:
    if name == "json":
        from drafting.render.json_out import to_json

        return to_json
    if name == "md":
        from drafting.render.markdown import to_markdown

        return to_markdown
    from drafting.render.outline import to_outline

    return to_outline


class ClerkGroup(click.Group):
    """click's usage errors, said the way every other error of the toolkit is: "Lỗi: …", exit 2."""

    def main(self, *args, **kwargs):  # type: ignore[no-untyped-def,override]
        kwargs["standalone_mode"] = False
        kwargs.setdefault("prog_name", "drafting")  # "python cli.py …" and the tests say the command's name too
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.Abort:
            click.echo("Lỗi: đã dừng.", err=True)
            sys.exit(1)
        except click.ClickException as error:
            # command_path is "drafting" for the group and "drafting check" for a command: never the name twice
            hint = f" Xem “{error.ctx.command_path} --help”." if getattr(error, "ctx", None) and error.ctx else ""
            text = _vietnamese(error.format_message()).rstrip()
            text += "" if text.endswith((".", "!", "?")) else "."
            click.echo(f"Lỗi: tham số không hợp lệ — {text}{hint}", err=True)
            sys.exit(error.exit_code)


def _vietnamese(message: str) -> str:
    words = load("click_messages")
    for english in sorted((k for k in words if not k.startswith("_")), key=len, reverse=True):
        message = message.replace(english, words[english])
    return message


@click.group(cls=ClerkGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logs.")
@click.version_option(package_name="drafting")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Soạn thảo, đọc và kiểm tra kế hoạch của UBND theo Nghị định 30/2020/NĐ-CP."""
    ctx.obj = {"debug": debug}
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(message)s")


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(RENDERERS), default="outline",
              show_default=True, help="outline: readable summary; json: the public contract; md: Markdown.")
@click.pass_context
def parse(ctx: click.Context, file: Path, output_format: str) -> None:
    """Đọc FILE (.docx, .doc, .txt, .md, .pdf) và in ra cấu trúc văn bản."""
    try:
        plan = parse_file(file)
    except DraftingError as error:
        _fail(ctx, error)
    log.debug("parsed %s: %d sections, %d warnings", file, len(plan.sections), len(plan.warnings))
    click.echo(_renderer(output_format)(plan))


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def entities(ctx: click.Context, file: Path, output_format: str) -> None:
    """Liệt kê các thực thể nhận ra trong FILE: cơ quan, địa danh, văn bản, thời hạn, số lượng."""
    from drafting.render.entities import render_entities

    try:
        plan = parse_file(file, extract=False)
    except DraftingError as error:
        _fail(ctx, error)
    click.echo(render_entities(plan, output_format))


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fix", is_flag=True, help="Sửa những lỗi không làm đổi nội dung (dấu cách, Unicode, phông, cỡ chữ, "
              "căn lề, lề trang) vào một bản sao (-o).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="Tệp .docx ghi bản đã sửa (--fix).")
@click.pass_context
def check(ctx: click.Context, file: Path, output_format: str, fix: bool, output: Path | None) -> None:
    """Kiểm tra thể thức FILE (.docx, .doc) theo Nghị định 30/2020/NĐ-CP; mã thoát 1 nếu có lỗi."""
    try:
        if fix:
            if output is None:
                raise UsageError("fix_needs_output")
            result = fix_docx(file, output)
            click.echo(fix_to_json(result) if output_format == "json" else fix_to_text(result))
            report = result.after
        else:
            report = check_docx(file)
            click.echo(findings_to_json(report) if output_format == "json" else findings_to_text(report))
    except DraftingError as error:
        _fail(ctx, error)
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
    from drafting.render.blanks import with_blanks
    from drafting.render.docx_writer import convert_to_pdf, render_docx

    try:
        plan, left = with_blanks(load_plan(plan_file))
        written = render_docx(plan, output, template)
        click.echo(f"Đã ghi {written}")
        if left:
            click.echo("Còn để trống cho văn thư điền: " + "; ".join(left) + ".")
        if pdf:
            click.echo(f"Đã ghi {convert_to_pdf(written, written.with_suffix('.pdf'))}")
    except DraftingError as error:
        _fail(ctx, error)


@main.command()
@click.argument("parent", type=click.Path(path_type=Path))
@click.option("--unit", required=True, help='The unit the plan is for, e.g. "xã Tân Thành" (no accents needed).')
@click.option("--province", default=None, help='Its province, e.g. "Khánh Hòa": needed when the name is ambiguous.')
@click.option("--level", type=click.Choice(["commune", "district"]), default="commune", show_default=True,
              help="district: a pre-2025 chain (huyện, thị xã).")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="The .docx to write.")
@click.option("--json", "json_output", type=click.Path(path_type=Path), default=None,
              help="Also write the plan's JSON.")
@click.option("--number", default="", help="Number, when known (else left blank for the văn thư).")
@click.option("--date", "date_", default=None, help="Date of signing, YYYY-MM-DD (else this month, day blank).")
@click.option("--signer", default=None, help="Name of the signer.")
@click.option("--position", default="CHỦ TỊCH", show_default=True, help='"PHÓ CHỦ TỊCH" signs "KT. CHỦ TỊCH".')
@click.option("--days-earlier", default=5, show_default=True, type=click.IntRange(0, 60),
              help="How many working days earlier the unit's offices report.")
@click.option("--quota", nargs=2, type=int, default=(5, 5), show_default=True,
              help="Giấy khen of the unit's chairman: collectives, individuals.")
@click.option("--template", type=click.Path(path_type=Path), default=None, help="A restyled template copy.")
@click.option("--data", "data_file", type=click.Path(path_type=Path), default=None,
              help="values.yaml (or .json) filling the highlighted placeholders: key: value.")
@click.option("--explain", is_flag=True, help="Print every sentence the draft rewrote, with the rule.")
@click.pass_context
def draft(ctx: click.Context, parent: Path, unit: str, province: str | None, level: str, output: Path,
          json_output: Path | None, number: str, date_: str | None, signer: str | None, position: str,
          days_earlier: int, quota: tuple[int, int], template: Path | None, data_file: Path | None,
          explain: bool) -> None:
    """Soạn kế hoạch của UNIT triển khai kế hoạch cấp trên PARENT, theo thể thức Nghị định 30."""
    from drafting.draft import DraftOptions, draft_plan, fill_placeholders
    from drafting.render.docx_writer import render_docx, write_text_atomically
    from drafting.render.json_out import to_json
    from drafting.units import resolve_unit

    try:
        parent_plan = load_plan(parent)
        if level == "district" and re.match(r"(?i)\s*(xã|xa|phường|phuong|thị trấn|đặc khu)\s", unit):
            raise UsageError("level_mismatch", unit=unit)
        target = resolve_unit(unit, province, level)
        options = DraftOptions(number=number, date=_iso_date(date_), signer=signer, position=position,
                               days_earlier=days_earlier, quota=quota)
        if json_output is not None and json_output.is_dir():
            raise UsageError("output_is_directory", path=str(json_output))
        result = draft_plan(parent_plan, target, options)
        if data_file is not None:
            values = load_values(data_file)
            unknown = sorted(set(values) - set(result.placeholders))
            if unknown:
                result.todo.append("Khóa trong --data không có chỗ trống nào tương ứng (kiểm tra chính tả): "
                                   + ", ".join(unknown) + ".")
            left = fill_placeholders(result.plan, values)
            result.todo = [line for line in result.todo if "điền bằng --data" not in line]
            if left:
                result.todo.append("Còn chỗ trống chưa có giá trị trong --data: " + ", ".join(sorted(set(left))) + ".")
        written = render_docx(result.plan, output, template)
        if json_output:
            write_text_atomically(json_output, to_json(result.plan))
    except DraftingError as error:
        _fail(ctx, error)
    click.echo(f"Đã ghi {written} — kế hoạch của {target.full} ({target.province_full}).")
    if explain and result.outcomes:
        from drafting.derive import explain_outcomes

        click.echo(f"\nTrách nhiệm của cấp trên và nơi nhận ở cấp xã ({len(result.outcomes)}):")
        for line in explain_outcomes(result.outcomes):
            click.echo(f"  - {line}")
    if explain:
        click.echo(f"\nCác câu đã sửa ({len(result.changes)}):")
        for change in result.changes:
            click.echo(f"\n[{change.rule}] {change.where}\n  cấp trên: {change.before}\n  dự thảo:  {change.after}")
    echo_todo(result.todo)


def echo_todo(lines: list[str]) -> None:
    """What the clerk still has to fill or check, after a draft or a report."""
    if lines:
        click.echo("\nCòn phải điền hoặc kiểm tra:")
        for line in lines:
            click.echo(f"  - {line}")


@main.command()
@click.argument("parent", type=click.Path(path_type=Path))
@click.option("--province", default=None, help='Every xã, phường and đặc khu of this province, e.g. "Lâm Đồng".')
@click.option("--units", "units_file", type=click.Path(path_type=Path), default=None,
              help="A chosen set: .txt (one name a line) or .csv (columns Tên đơn vị [, Tỉnh] or Mã đơn vị).")
@click.option("--all", "everything", is_flag=True, help="Every unit of the country (3,321).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="The folder of the drafts.")
@click.option("--sheet-template", type=click.Path(path_type=Path), default=None,
              help="Write the workbook to fill (.xlsx: one row per unit, one column per value) and stop.")
@click.option("--data", "data_file", type=click.Path(path_type=Path), default=None,
              help="The filled workbook (.xlsx or .csv): each draft takes its unit's row.")
@click.option("--number", default="", help="Number for every draft (a sheet's column wins).")
@click.option("--date", "date_", default=None, help="Date of signing, YYYY-MM-DD (a sheet's column wins).")
@click.option("--signer", default=None, help="Name of the signer (a sheet's column wins).")
@click.option("--position", default="CHỦ TỊCH", show_default=True, help='"PHÓ CHỦ TỊCH" signs "KT. CHỦ TỊCH".')
@click.option("--days-earlier", default=5, show_default=True, type=click.IntRange(0, 60),
              help="How many working days earlier the units' offices report.")
@click.option("--quota", nargs=2, type=int, default=(5, 5), show_default=True,
              help="Giấy khen of each unit's chairman: collectives, individuals.")
@click.option("--template", type=click.Path(path_type=Path), default=None, help="A restyled template copy.")
@click.option("--force", is_flag=True, help="Redraft every unit, even those whose file is up to date.")
@click.option("--zip", "make_zip", is_flag=True, help="Also pack the drafts and the manifest in one .zip.")
@click.option("--pdf", is_flag=True, help="Also convert every draft to PDF (one LibreOffice process).")
@click.option("--jobs", default=0, type=click.IntRange(0, 256), help="Worker processes (0: one per core).")
@click.pass_context
def batch(ctx: click.Context, parent: Path, province: str | None, units_file: Path | None, everything: bool,
          output: Path | None, sheet_template: Path | None, data_file: Path | None, number: str, date_: str | None,
          signer: str | None, position: str, days_earlier: int, quota: tuple[int, int], template: Path | None,
          force: bool, make_zip: bool, pdf: bool, jobs: int) -> None:
    """Soạn kế hoạch cho mọi xã, phường, đặc khu của một tỉnh (hoặc một danh sách, hoặc cả nước) từ PARENT."""
    from drafting import batch as batches
    from drafting.batch.progress import ProgressLine
    from drafting.batch.runner import summary_words

    settings = batches.Settings(days_earlier=days_earlier, quota=quota, number=number, date=_iso_date(date_),
                                position=position, signer=signer, template=template)
    words = summary_words()
    try:
        units = batches.select_units(province, units_file, everything)
        if sheet_template is not None:
            columns = batches.sheet_template(parent, units, sheet_template, settings)
            click.echo(words["sheet"].format(path=sheet_template, rows=len(units), columns=columns,
                                             name=sheet_template.name))
            return
        if output is None:
            raise _batch_usage("needs_output")
        result, notes = batches.batch(parent, units, output, settings, data_file, force, jobs, make_zip, pdf,
                                      ProgressLine())
    except DraftingError as error:
        _fail(ctx, error)
    for note in notes:
        click.echo(f"Lưu ý: {note}", err=True)
    click.echo(words["done"].format(drafted=result.count("drafted"), up_to_date=result.count("up_to_date"),
                                    failed=result.count("failed"), folder=output,
                                    seconds=f"{result.seconds:.1f}".replace(".", ",")))
    click.echo(words["manifest"].format(csv=result.manifest_csv, json=result.manifest_json))
    if result.pdf_seconds is not None:
        click.echo(words["pdf"].format(count=result.pdf_count, seconds=f"{result.pdf_seconds:.1f}".replace(".", ",")))
    if result.zip_path:
        click.echo(words["zip"].format(path=result.zip_path))
    shared: dict[tuple[str, ...], list[str]] = {}  # the same list for xã and phường is said once
    for kind, lines in result.todo.items():
        shared.setdefault(tuple(lines), []).append(kind)
    for lines, kinds in shared.items():
        click.echo("\n" + words["todo"].format(kinds=", ".join(kinds)))
        for line in lines:
            click.echo(f"  - {line}")
    failed = [entry for entry in result.entries if entry.status == "failed"]
    if failed:
        click.echo("\n" + words["failed_units"], err=True)
        for entry in failed[:20]:
            click.echo(f"  - {entry.name} ({entry.province}): {entry.error}", err=True)
    if result.pdf_failed:
        from drafting.batch.errors import message

        click.echo(message("pdf_failed", count=len(result.pdf_failed), files=", ".join(result.pdf_failed[:10])),
                   err=True)
    if failed or result.pdf_failed:
        sys.exit(1)


def _batch_usage(key: str) -> DraftingError:
    from drafting.batch.errors import BatchUsageError

    return BatchUsageError(key)


@main.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--mode", type=click.Choice(["auto", "review", "versions"]), default="auto", show_default=True,
              help="review: NEW carries out OLD (a commune plan and its parent); versions: two versions of one "
                   "document; auto: decided from the two documents.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--all", "show_kept", is_flag=True, help="Also print the paragraphs kept as they were.")
@click.option("--html", "html_output", type=click.Path(path_type=Path), default=None,
              help="Also write one self-contained HTML page (coverage, findings, the two texts side by side).")
@click.option("--table", "table_output", type=click.Path(path_type=Path), default=None,
              help="Also write the bảng so sánh (old | new | nhận xét) as a Decree 30 .docx.")
@click.option("--docx", "docx_output", type=click.Path(path_type=Path), default=None,
              help="Also write NEW with the differences as Word tracked changes (both files .docx).")
@click.pass_context
def diff(ctx: click.Context, old: Path, new: Path, mode: str, output_format: str, show_kept: bool,
         html_output: Path | None, table_output: Path | None, docx_output: Path | None) -> None:
    """So sánh OLD với NEW: kế hoạch cấp dưới với kế hoạch cấp trên, hoặc hai phiên bản của một văn bản."""
    from drafting.diff import diff_plans
    from drafting.diff.render.text import to_json as diff_json
    from drafting.diff.render.text import to_text as diff_text
    from drafting.render.docx_writer import write_text_atomically

    try:
        result = diff_plans(load_plan(old), load_plan(new), None if mode == "auto" else mode)
        written = []
        if html_output is not None:
            from drafting.diff.render.html import to_html

            written.append(write_text_atomically(html_output, to_html(result)))
        if table_output is not None:
            from drafting.diff.render.table import write_table

            written.append(write_table(result, table_output))
        if docx_output is not None:
            from drafting.diff.render.redline import write_redline

            written.append(write_redline(old, new, docx_output))
    except DraftingError as error:
        _fail(ctx, error)
    click.echo(diff_json(result) if output_format == "json" else diff_text(result, show_kept))
    for path in written:
        click.echo(f"Đã ghi {path}", err=output_format == "json")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address (0.0.0.0: the office network).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token", default=None, help="Access token (8+ letters, digits, - or _); made up off localhost.")
def serve(host: str, port: int, token: str | None) -> None:
    """Mở trang web soạn, so sánh và kiểm tra kế hoạch cho cả cơ quan (Ctrl+C để dừng)."""
    from drafting.web import server

    try:
        token = server.settings(host, token)
    except ValueError:
        raise click.BadParameter("mã truy cập cần từ 8 đến 128 ký tự chữ, số, “-” hoặc “_”.",
                                 param_hint="--token") from None
    click.echo(f"Trang soạn thảo: {server.address(host, port, token)}")
    if host in ("0.0.0.0", "::"):
        click.echo(f"Từ máy khác trong cơ quan: {server.address(server.machine_name(), port, token)}")
    if token:
        click.echo(f"Mã truy cập: {token} (mọi yêu cầu đều phải kèm mã này).")
    server.serve(host, port, token)


def _iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    if not is_iso_day(value):
        raise click.BadParameter(f"“{value}” không phải một ngày có thật dạng YYYY-MM-DD, ví dụ 2026-03-05.",
                                 param_hint="--date")
    return value


def _fail(ctx: click.Context, error: DraftingError) -> None:
    if ctx.obj and ctx.obj.get("debug"):
        raise error
    click.echo(f"Lỗi: {error}", err=True)
    sys.exit(error.exit_code)


def _register_report_commands() -> None:
    from drafting.cli_report import consolidate, report

    main.add_command(report)
    main.add_command(consolidate)


_register_report_commands()

if __name__ == "__main__":
    main()
