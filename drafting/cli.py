"""The command line: validates, calls the library, prints. The only place that exits."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from drafting.api import parse_file
from drafting.errors import DraftingError
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


def _fail(ctx: click.Context, error: DraftingError) -> None:
    if ctx.obj and ctx.obj.get("debug"):
        raise error
    click.echo(f"Lỗi: {error}", err=True)
    sys.exit(error.exit_code)


if __name__ == "__main__":
    main()
