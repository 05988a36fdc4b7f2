"""Renders a plan through a Decree 30 DOCX template with docxtpl, and (optionally) a PDF with
LibreOffice. Files are written to a temporary name and renamed: never a half-written output."""

from __future__ import annotations

import errno
import os
import re
import tempfile
import zipfile
from collections.abc import Mapping
from copy import deepcopy
from html import escape
from io import BytesIO
from pathlib import Path

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Twips
from docxtpl import DocxTemplate, RichText
from jinja2 import TemplateError

from drafting.errors import InputError, UsageError
from drafting.model import Plan
from drafting.office import convert
from drafting.render.docx_context import BodyItem, document_values
from drafting.render.docx_table import DEFAULT_TEXT_WIDTH, fill_table

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"
ADDRESSED_TYPES = {"BÁO CÁO", "TỜ TRÌNH", "CÔNG VĂN", "PHIẾU TRÌNH"}


def default_template(plan: Plan) -> Path:
    """The Báo cáo template for documents sent upward with "Kính gửi", else the Kế hoạch one."""
    addressed = plan.meta.recipient_to or (plan.meta.doc_type or "") in ADDRESSED_TYPES
    return TEMPLATES / ("bao_cao_tpl.docx" if addressed else "ke_hoach_tpl.docx")


def render_docx(plan: Plan, target: Path, template: Path | None = None, images: Mapping[str, bytes] | None = None
                ) -> Path:
    """Writes ``plan`` through ``template``. ``images`` maps the text of a caption paragraph ("Biểu đồ 1. …") to
    the PNG drawn above it, the caption then centred in bold (an italic line would be body text in italics, B1)."""
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
    page = deepcopy(document.docx.element.body.sectPr)  # the template's page setup, before rendering
    context["body"] = [entry for item in values.body
                       for entry in _prepared_with_images(document, item, text_width(page), images or {})]
    context["after"], last_landscape = _prepared_after(document, values.after, page)
    context["signer_rich"] = _rich("", values.signer_name, bold=True) if _has_placeholder(values.signer_name) else None
    try:
        document.render(context, autoescape=True)
    except TemplateError as error:
        raise InputError("template_error", path=str(template), detail=str(error)) from error
    if any(item.style == "section" for item in values.after):
        _lay_out_section(document.docx.element.body.sectPr, last_landscape)
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
BODY_FONT = "Times New Roman"
BODY_HALF_POINTS = 28  # 14 pt (B1)


def _has_placeholder(text: str | None) -> bool:
    return bool(text and PLACEHOLDER.search(text))


def placeholder_pieces(text: str) -> list[tuple[str, bool]]:
    """ "Giao [[co_quan|cơ quan]] chủ trì" → [("Giao ", False), ("[cơ quan]", True), (" chủ trì", False)]:
    each placeholder shown as its label in brackets, for the clerk to fill."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], False))
        pieces.append((f"[{match.group('label')}]", True))
        position = match.end()
    if position < len(text) or not pieces:
        pieces.append((text[position:], False))
    return pieces


def run_xml(text: str, bold: bool = False, highlight: bool = False) -> str:
    """One w:r with its properties in the schema's order (rFonts, b, sz, szCs, highlight).

    docxtpl's RichText(highlight=…) writes a cell shading, w:shd w:fill="yellow", which is no colour
    (fill takes hex) and LibreOffice paints black; w:highlight w:val="yellow" is the marker pen that
    Word and LibreOffice both show."""
    fonts = f'<w:rFonts w:ascii="{BODY_FONT}" w:hAnsi="{BODY_FONT}" w:cs="{BODY_FONT}" w:eastAsia="{BODY_FONT}"/>'
    properties = fonts + ("<w:b/><w:bCs/>" if bold else "")
    properties += f'<w:sz w:val="{BODY_HALF_POINTS}"/><w:szCs w:val="{BODY_HALF_POINTS}"/>'
    properties += '<w:highlight w:val="yellow"/>' if highlight else ""
    return f'<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _rich(head: str, rest: str | None, bold: bool = False) -> RichText:
    """Text with its [[key|label]] placeholders shown as their label, highlighted in yellow."""
    rich = RichText()
    if head:
        rich.xml += run_xml(head, bold=True)
    for piece, is_placeholder in placeholder_pieces(rest or ""):
        if piece:
            rich.xml += run_xml(piece, bold=bold, highlight=is_placeholder)
    return rich


def _prepared(document: DocxTemplate, item: BodyItem, width: int) -> dict[str, object]:
    prepared: dict[str, object] = {"style": item.style, "head": item.head, "rest": item.rest, "rich": None}
    if _has_placeholder(item.head) or _has_placeholder(item.rest):
        prepared["rich"] = _rich(item.head, item.rest)
    if item.table is not None:
        prepared["table"] = _table_subdoc(document, item.table, width)
    return prepared


def _prepared_with_images(document: DocxTemplate, item: BodyItem, width: int, images: Mapping[str, bytes]
                          ) -> list[dict[str, object]]:
    """A caption paragraph that has its image: the picture (through the table slot, a sub-document), then the
    caption centred; any other item as it is."""
    if item.style != "body" or item.head or item.rest not in images:
        return [_prepared(document, item, width)]
    subdoc = document.new_subdoc()
    paragraph = subdoc.add_paragraph()
    paragraph.alignment = 1  # centred
    paragraph.add_run().add_picture(BytesIO(images[item.rest]), width=Twips(width))
    return [{"style": "table", "head": "", "rest": "", "rich": None, "table": subdoc},
            _prepared(document, BodyItem("center", head=item.rest), width)]


def _prepared_after(document: DocxTemplate, items: list[BodyItem], page) -> tuple[list[dict[str, object]], bool]:  # type: ignore[no-untyped-def]
    """The items after the signature, each appendix opening a section; and whether the last one is
    landscape. Word ends a section with the w:sectPr of its last paragraph, so an appendix's
    section item carries the page setup of the part before it (the main text is portrait)."""
    prepared: list[dict[str, object]] = []
    landscape = False
    for item in items:
        entry = _prepared(document, item, text_width(page, landscape))
        if item.style == "section":
            entry["section"] = _section_end(document, page, landscape)
            landscape = item.landscape
        prepared.append(entry)
    return prepared, landscape


def _table_subdoc(document: DocxTemplate, rows: list[list[str]], width: int):  # type: ignore[no-untyped-def]
    """A body or appendix table (docx_table lays it out), written into a docxtpl sub-document."""
    subdoc = document.new_subdoc()
    columns = max((len(row) for row in rows), default=1)
    table = subdoc.add_table(rows=len(rows), cols=columns)
    fill_table(table, rows, width, placeholder_pieces)
    return subdoc


def _section_end(document: DocxTemplate, page, landscape: bool):  # type: ignore[no-untyped-def]
    """An empty paragraph ending a section laid out as the template's page, turned if `landscape`."""
    subdoc = document.new_subdoc()
    paragraph = subdoc.add_paragraph()
    setup = deepcopy(page)
    _lay_out_section(setup, landscape)
    paragraph._p.get_or_add_pPr().append(setup)
    return subdoc


def _lay_out_section(sect_pr, landscape: bool) -> None:  # type: ignore[no-untyped-def]
    """Page numbers from 1 (P6a: each appendix is numbered on its own), and the orientation."""
    section = Section(sect_pr, None)  # type: ignore[arg-type]
    width, height = section.page_width, section.page_height
    if width is not None and height is not None and (width > height) != landscape:
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    for old in sect_pr.findall(qn("w:pgNumType")):
        sect_pr.remove(old)
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    successors = {qn(f"w:{tag}") for tag in _AFTER_PAGE_NUMBERING}
    following = next((child for child in sect_pr if child.tag in successors), None)
    if following is None:
        sect_pr.append(numbering)
    else:
        following.addprevious(numbering)


# What follows w:pgNumType in a w:sectPr (ECMA-376 §17.6.17).
_AFTER_PAGE_NUMBERING = ("cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi",
                         "rtlGutter", "docGrid", "printerSettings", "sectPrChange")


def text_width(page, landscape: bool = False) -> int:  # type: ignore[no-untyped-def]
    """The text width of a page setup (the template's: a clerk's copy may change it), in twips."""
    if page is None:
        return DEFAULT_TEXT_WIDTH
    section = Section(page, None)  # type: ignore[arg-type]
    width, height = section.page_width, section.page_height
    left, right = section.left_margin, section.right_margin
    if None in (width, height, left, right):
        return DEFAULT_TEXT_WIDTH
    paper = max(width, height) if landscape else min(width, height)  # type: ignore[type-var]
    return int(paper - left - right) // 635  # EMU → twips


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


def write_bytes_atomically(target: Path, data: bytes) -> Path:
    _write_atomically(target, lambda temporary: temporary.write_bytes(data))
    return target


def convert_to_pdf(source: Path, target: Path) -> Path:
    """DOCX → PDF through LibreOffice headless; a clear message says how to install it when absent."""
    data = convert(source, "pdf", "pdf_needs_libreoffice", "pdf_conversion_failed")
    _write_atomically(target, lambda temporary: temporary.write_bytes(data))
    return target
