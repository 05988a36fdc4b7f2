"""Format checker: a DOCX against the format rules of Decree 30/2020/NĐ-CP (shared/spec/decree30.md).

``check_docx(path)`` opens the package safely (zip bombs, encrypted and corrupt files are refused
with a Vietnamese message), reads its formatting (`docx_format`), locates the elements (`anatomy`)
and runs the checks (`rules`). Nothing here prints or exits: the CLI does.
"""

from __future__ import annotations

from pathlib import Path

from drafting.check.anatomy import read_anatomy
from drafting.check.content import content_findings
from drafting.check.docx_format import read_format
from drafting.check.findings import ERROR, WARNING, CheckReport, Finding
from drafting.check.rules import RULES, Context, run_rules
from drafting.errors import InputError
from drafting.parsing.plan import parse_blocks
from drafting.readers import convert_doc, read_bytes
from drafting.readers.docx import open_package, read_docx

__all__ = ["ERROR", "RULES", "WARNING", "CheckReport", "Finding", "check_docx"]


def check_docx(path: Path | str) -> CheckReport:
    """Every deviation of the DOCX at ``path`` from Decree 30; raises `InputError` (or `UsageError`
    for a missing file or a directory) with a clerk's message when the file cannot be read.

    A Word 97–2003 ``.doc`` is first converted by LibreOffice, as the parser does: page setup, fonts,
    sizes and fields survive the conversion, so its findings are those of the original."""
    path = Path(path)
    name = str(path)
    data = read_bytes(path)
    if path.suffix.lower() in (".txt", ".md", ".markdown", ".pdf", ".json", ".text"):
        raise InputError("check_needs_word", path=name, suffix=path.suffix.lower())
    if path.suffix.lower() == ".doc":
        data = convert_doc(path)
    with open_package(data, name) as package:
        document = read_format(package, name)
    findings = run_rules(Context(document, read_anatomy(document)))
    # The content rules read the plan the parser makes of the same bytes (no NLP: structure only).
    try:
        findings += content_findings(parse_blocks(read_docx(data, name)), document.paragraphs)
    except InputError:
        pass  # no plan in it (a list, a form): its format is still checked, its content cannot be
    return CheckReport(path=name, findings=findings)


