"""Renders a plan through a Decree 30 DOCX template with docxtpl, and (optionally) a PDF with
LibreOffice. Files are written to a temporary name and renamed: never a half-written output."""

from __future__ import annotations

import errno
import os
import re
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docxtpl import DocxTemplate, RichText
from jinja2 import TemplateError

from drafting.errors import InputError, UsageError
from drafting.model import Plan
from drafting.office import convert
from drafting.render.docx_context import BodyItem, document_values

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"
ADDRESSED_TYPES = {"BÁO CÁO", "TỜ TRÌNH", "CÔNG VĂN", "PHIẾU TRÌNH"}


def default_template(plan: Plan) -> Path:
    """The Báo cáo template for documents sent upward with "Kính gửi", else the Kế hoạch one."""
    addressed = plan.meta.recipient_to or (plan.meta.doc_type or "") in ADDRESSED_TYPES
    return TEMPLATES / ("bao_cao_tpl.docx" if addressed else "ke_hoach_tpl.docx")


def render_docx(plan: Plan, target: Path, template: Path | None = None) -> Path:
    template = template or default_template(plan)
    if not template.is_file():
        raise UsageError("template_missing", path=str(template))
    try:
        document = DocxTemplate(_normalised_package(template))
        document.init_docx()
    except Exception as error:  # noqa: BLE001 - zip, XML and package errors alike: not a template
        raise InputError("template_unreadable", path=str(template), detail="không phải tệp .docx hợp lệ") from error
    values = document_values(plan)
    context = values.as_context()
    context["body"] = [_prepared(document, item) for item in values.body]
    context["after"] = [_prepared(document, item) for item in values.after]
    context["signer_rich"] = _rich("", values.signer_name, bold=True) if _has_placeholder(values.signer_name) else None
    try:
        document.render(context, autoescape=True)
    except TemplateError as error:
        raise InputError("template_error", path=str(template), detail=str(error)) from error
    _write_atomically(target, lambda temporary: document.save(str(temporary)))
    return target


# LibreOffice writes the core-properties relationship with the ISO/IEC 29500 transitional type;
# python-docx does not know it and would add a second docProps/core.xml when saving.
_LIBREOFFICE_CORE = b"http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"
_CORE = b"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"


def _normalised_package(template: Path) -> BytesIO:
    """The template's bytes, with the one relationship type python-docx misreads put right."""
    source = BytesIO(template.read_bytes())
    with zipfile.ZipFile(source) as package:
        rels = package.read("_rels/.rels") if "_rels/.rels" in package.namelist() else b""
        if _LIBREOFFICE_CORE not in rels:
            source.seek(0)
            return source
        patched = BytesIO()
        with zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as out:
            for item in package.infolist():
                data = package.read(item.filename)
                out.writestr(item, rels.replace(_LIBREOFFICE_CORE, _CORE) if item.filename == "_rels/.rels" else data)
    patched.seek(0)
    return patched


PLACEHOLDER = re.compile(r"\[\[(?P<key>[\w.-]+)\|(?P<label>[^\]]*)\]\]")


def _has_placeholder(text: str | None) -> bool:
    return bool(text and PLACEHOLDER.search(text))


def _rich(head: str, rest: str | None, bold: bool = False) -> RichText:
    """Text with its [[key|label]] placeholders shown as their label, highlighted in yellow."""
    rich = RichText()
    if head:
        rich.add(head, bold=True, font="Times New Roman", size=28)
    position = 0
    rest = rest or ""
    for match in PLACEHOLDER.finditer(rest):
        if match.start() > position:
            rich.add(rest[position : match.start()], bold=bold, font="Times New Roman", size=28)
        rich.add(f"[{match.group('label')}]", bold=bold, font="Times New Roman", size=28, highlight="yellow")
        position = match.end()
    if position < len(rest):
        rich.add(rest[position:], bold=bold, font="Times New Roman", size=28)
    return rich


def _prepared(document: DocxTemplate, item: BodyItem) -> dict[str, object]:
    prepared: dict[str, object] = {"style": item.style, "head": item.head, "rest": item.rest, "rich": None}
    if _has_placeholder(item.head) or _has_placeholder(item.rest):
        prepared["rich"] = _rich(item.head, item.rest)
    if item.table is not None:
        prepared["table"] = _table_subdoc(document, item.table)
    return prepared


def _table_subdoc(document: DocxTemplate, rows: list[list[str]]):  # type: ignore[no-untyped-def]
    """A body table with single borders and 12 pt text, written into a docxtpl sub-document."""
    subdoc = document.new_subdoc()
    width = max((len(row) for row in rows), default=1)
    table = subdoc.add_table(rows=len(rows), cols=width)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        borders.append(element)
    table._tbl.tblPr.append(borders)
    for row, cells in zip(table.rows, rows, strict=False):
        for cell, text in zip(row.cells, cells, strict=False):
            lines = text.split("\n")
            paragraph = cell.paragraphs[0]
            for index, line in enumerate(lines):
                if index:
                    paragraph = cell.add_paragraph()
                run = paragraph.add_run(line)
                run.font.name = "Times New Roman"
                run.font.size = Pt(12)
    return subdoc


def _write_atomically(target: Path, write) -> None:  # type: ignore[no-untyped-def]
    if len(target.name.encode("utf-8")) > 240:
        raise UsageError("output_unwritable", path=str(target), detail="tên tệp quá dài")
    if target.is_dir():
        raise UsageError("output_is_directory", path=str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".drafting-", suffix=".part", dir=target.parent)
    except OSError as error:  # a file where a folder should be, no permission, a name too long
        raise UsageError("output_unwritable", path=str(target), detail=_why(error)) from error
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private; the output is an ordinary file
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


_NOT_A_FOLDER = "một phần đường dẫn là tệp, không phải thư mục"
_OS_ERRORS = {errno.ENAMETOOLONG: "tên tệp quá dài", errno.EACCES: "không có quyền ghi vào thư mục",
              errno.EPERM: "không có quyền ghi vào thư mục", errno.EEXIST: _NOT_A_FOLDER, errno.ENOTDIR: _NOT_A_FOLDER,
              errno.EROFS: "ổ đĩa chỉ đọc", errno.ENOSPC: "ổ đĩa đã đầy"}


def _why(error: OSError) -> str:
    return _OS_ERRORS.get(error.errno or 0, "lỗi hệ thống tệp")


def write_text_atomically(target: Path, text: str) -> Path:
    _write_atomically(target, lambda temporary: temporary.write_text(text, encoding="utf-8"))
    return target


def convert_to_pdf(source: Path, target: Path) -> Path:
    """DOCX → PDF through LibreOffice headless; a clear message says how to install it when absent."""
    data = convert(source, "pdf", "pdf_needs_libreoffice", "pdf_conversion_failed")
    _write_atomically(target, lambda temporary: temporary.write_bytes(data))
    return target
