"""Format checker: a DOCX against the format rules of Decree 30/2020/NĐ-CP (shared/spec/decree30.md).

``check_docx(path)`` opens the package safely (zip bombs, encrypted and corrupt files are refused
with a Vietnamese message), reads its formatting (`docx_format`), locates the elements (`anatomy`)
and runs the checks (`rules`). Nothing here prints or exits: the CLI does.
"""

from __future__ import annotations

from pathlib import Path

from drafting.check.anatomy import read_anatomy
from drafting.check.content import ContentContext, content_checks, plan_texts
from drafting.check.docx_format import DocxFormat, read_format
from drafting.check.drawn_rules import DRAWN_CHECKS
from drafting.check.findings import ERROR, WARNING, CheckReport, Finding
from drafting.check.registry import counted, run_checks
from drafting.check.rules import RULES, Context, evaluate
from drafting.check.table_rules import TABLE_CHECKS
from drafting.check.text_rules import TEXT_CHECKS
from drafting.errors import InputError
from drafting.parsing.plan import parse_blocks
from drafting.readers import convert_doc, read_bytes
from drafting.readers.docx import open_package
from drafting.readers.docx import read_docx as read_docx_blocks

__all__ = ["CHECKS", "ERROR", "RULES", "WARNING", "CheckReport", "Finding", "check_docx"]

# The format rules of the spec, then the house text rules, the drawn lines and the body tables.
CHECKS = [*RULES, *TEXT_CHECKS, *DRAWN_CHECKS, *TABLE_CHECKS]


def check_docx(path: Path | str) -> CheckReport:
    """Every deviation of the DOCX at ``path`` from Decree 30; raises `InputError` (or `UsageError`
    for a missing file or a directory) with a clerk's message when the file cannot be read.

    A Word 97–2003 ``.doc`` is first converted by LibreOffice, as the parser does: page setup, fonts,
    sizes and fields survive the conversion, so its findings are those of the original."""
    name, data, document = read_docx(path)
    return check_content(check_format(document, name), data, document)


def read_docx(path: Path | str) -> tuple[str, bytes, DocxFormat]:
    """The file's name, its DOCX bytes (a .doc converted) and its formatting facts."""
    path = Path(path)
    name = str(path)
    data = read_bytes(path)
    if path.suffix.lower() in (".txt", ".md", ".markdown", ".pdf", ".json", ".text"):
        raise InputError("check_needs_word", path=name, suffix=path.suffix.lower())
    if path.suffix.lower() == ".doc":
        data = convert_doc(path)
    with open_package(data, name) as package:
        document = read_format(package, name)
    return name, data, document


def check_content(report: CheckReport, data: bytes, document: DocxFormat) -> CheckReport:
    """The content rules (data/content_rules.json) added to a format report: they read the plan the parser
    makes of the same bytes (structure only, no NLP). A file with no plan in it (a list, a form) keeps its
    format findings; its content rules are not evaluated."""
    try:
        plan = parse_blocks(read_docx_blocks(data, report.path))
    except InputError:
        plan = None
    context = ContentContext(plan, plan_texts(plan, document.paragraphs) if plan else [])
    findings, results = run_checks(context, content_checks())
    report.findings += findings
    report.results += counted(results, findings)
    return report

def check_format(document: DocxFormat, name: str) -> CheckReport:
    findings, results = evaluate(Context(document, read_anatomy(document)), CHECKS)
    return CheckReport(path=name, findings=findings, results=results)
