"""The report and consolidate commands: validate, call drafting.report, write atomically, print."""

from __future__ import annotations

from pathlib import Path

import click

from drafting.errors import DraftingError, UsageError


@click.command()
@click.argument("plan_file", metavar="PLAN", type=click.Path(path_type=Path))
@click.option("--period", default=None, help='The period: "quý I/2026", "tháng 6/2026", "6 tháng đầu năm 2026", '
                                             '"năm 2026".')
@click.option("--data", "data_file", type=click.Path(path_type=Path), default=None,
              help="The filled results workbook (.xlsx) from --sheet-template.")
@click.option("--sheet-template", "sheet_template", is_flag=True,
              help="Write the workbook to fill (one row per target and task of PLAN) instead of the report.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="The .docx (or .xlsx) to write.")
@click.option("--json", "json_output", type=click.Path(path_type=Path), default=None,
              help="Also write the report's JSON.")
@click.option("--number", default="", help="Number, when known (else left blank for the văn thư).")
@click.option("--date", "date_", default=None, help="Date of signing, YYYY-MM-DD (else this month, day blank).")
@click.option("--signer", default=None, help="Name of the signer.")
@click.option("--position", default=None, help='Position of the signer (default: the plan\'s), "PHÓ CHỦ TỊCH" signs '
                                               '"KT. CHỦ TỊCH".')
@click.option("--to", "addressee", default=None, help="Kính gửi: the body the report goes to (default: the plan's).")
@click.pass_context
def report(ctx: click.Context, plan_file: Path, period: str | None, data_file: Path | None, sheet_template: bool,
           output: Path, json_output: Path | None, number: str, date_: str | None, signer: str | None,
           position: str | None, addressee: str | None) -> None:
    """Soạn báo cáo kết quả thực hiện kế hoạch PLAN trong một kỳ (hoặc bảng số liệu để điền, --sheet-template)."""
    from drafting.api import load_plan
    from drafting.cli import _fail, _iso_date, echo_todo
    from drafting.render.docx_writer import render_docx, write_bytes_atomically, write_text_atomically
    from drafting.render.json_out import to_json
    from drafting.report import ReportOptions
    from drafting.report import run as jobs
    from drafting.report.naming import issuer_named

    try:
        plan = load_plan(plan_file)
        if output.is_dir():
            raise UsageError("output_is_directory", path=str(output))
        if sheet_template:
            if output.suffix.lower() != ".xlsx":
                raise click.BadParameter("bảng số liệu ghi dạng .xlsx, ví dụ -o so-lieu.xlsx", param_hint="-o")
            made = jobs.workbook(plan, period)
            write_bytes_atomically(output, made.data)
            items = made.items
            click.echo(f"Đã ghi {output} — {len(items.targets)} chỉ tiêu, {len(items.tasks)} nhiệm vụ để điền.")
            return
        if not period:
            raise click.BadParameter('hãy ghi kỳ báo cáo, ví dụ --period "quý I/2026"', param_hint="--period")
        data = None
        if data_file is not None:
            from drafting.readers import read_bytes

            data = read_bytes(data_file)
        options = ReportOptions(number=number, date=_iso_date(date_), signer=signer, position=position,
                                addressee=addressee)
        chosen, drafted = jobs.report(plan, period, data, str(data_file), options)
        written = render_docx(drafted.plan, output, images=drafted.images)
        if json_output:
            write_text_atomically(json_output, to_json(drafted.plan))
    except DraftingError as error:
        _fail(ctx, error)
    click.echo(f"Đã ghi {written} — báo cáo {chosen.label} của {issuer_named(plan) or 'đơn vị'}.")
    echo_todo(drafted.todo)


@click.command()
@click.argument("reports", nargs=-1, type=click.Path(path_type=Path))
@click.option("--plan", "plan_file", type=click.Path(path_type=Path), required=True,
              help="The plan the units report on (the level above's plan).")
@click.option("--period", required=True, help='The period: "quý I/2026", "6 tháng đầu năm 2026", "năm 2026".')
@click.option("--province", default=None, help="The province whose units must report (default: the plan's).")
@click.option("--due", default=None, help="The reports' deadline, YYYY-MM-DD (default: the plan's, when it says).")
@click.option("--previous", type=click.Path(path_type=Path), default=None,
              help="The previous period's consolidated report (.docx), to compare with.")
@click.option("--previous-period", default=None, help='Its period, e.g. "quý IV/2025" (default: the one before).')
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="The .docx to write.")
@click.option("--number", default="", help="Number, when known (else left blank for the văn thư).")
@click.option("--date", "date_", default=None, help="Date of signing, YYYY-MM-DD (else this month, day blank).")
@click.option("--signer", default=None, help="Name of the signer.")
@click.option("--position", default=None, help="Position of the signer (default: the plan's).")
@click.option("--to", "addressee", default=None, help="Kính gửi: the body the report goes to.")
@click.pass_context
def consolidate(ctx: click.Context, reports: tuple[Path, ...], plan_file: Path, period: str, province: str | None,
                due: str | None, previous: Path | None, previous_period: str | None, output: Path, number: str,
                date_: str | None, signer: str | None, position: str | None, addressee: str | None) -> None:
    """Tổng hợp báo cáo của các đơn vị (REPORTS…) về kế hoạch --plan thành báo cáo của cấp trên."""
    import datetime as dt

    from drafting.api import load_plan
    from drafting.cli import _fail, _iso_date
    from drafting.render.docx_writer import render_docx
    from drafting.report import ReportOptions
    from drafting.report.run import consolidation as consolidate_reports

    try:
        plan = load_plan(plan_file)
        options = ReportOptions(number=number, date=_iso_date(date_), signer=signer, position=position)
        deadline = dt.date.fromisoformat(_iso_date(due)) if due else None  # type: ignore[arg-type]
        done = consolidate_reports(plan, period, list(reports), province, deadline, previous, previous_period,
                                   options, addressee)
        consolidation, todo = done.consolidation, done.todo
        written = render_docx(done.report, output, images=done.images)
    except DraftingError as error:
        _fail(ctx, error)
    click.echo(f"Đã ghi {written} — tổng hợp {len(consolidation.reported)} báo cáo"
               f" ({len(consolidation.missing)} đơn vị chưa báo cáo, {len(consolidation.late)} gửi muộn).")
    for line in todo:
        click.echo(f"  - {line}")

