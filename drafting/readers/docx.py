"""DOCX → blocks. The only module that knows WordprocessingML.

Reads word/document.xml with lxml in document order: paragraphs, tables (cell by cell, nested
tables flattened into their cell), content controls, text boxes. Automatic numbering is resolved
to the label Word displays and put in front of the paragraph text, as if it had been typed.
Deleted text of tracked changes, field codes and the Fallback copy of text boxes are skipped.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from io import BytesIO

from lxml import etree

from drafting.document import Block, RawDocument
from drafting.errors import InputError
from drafting.readers.docx_numbering import Numbering
from drafting.readers.encoding import convert_tcvn3, normalise

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = f"{{{W}}}"
_SKIP = {_W + "del", _W + "instrText", _W + "delText", f"{{{MC}}}Fallback", _W + "pPr", _W + "rPr"}
_TEXTBOX = _W + "txbxContent"
_DRAFT_STAMP = re.compile(r"^\s*D[ỰƯ]\s*TH[ẢA]O\b", re.IGNORECASE)
_ITEM_START = re.compile(r"^\s*([-+•–]\s|[IVX]+\.\s|\d+(\.\d+)*[.)]\s|[a-zđ]\)\s)")

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # a real plan is < 5 MB inflated; refuse zip bombs early
MAX_RATIO = 200


def open_package(data: bytes, path: str) -> zipfile.ZipFile:
    """The DOCX zip, refused with a clear message when encrypted, corrupt or a zip bomb."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
            raise InputError("encrypted_docx", path=path)
        raise InputError("corrupt_docx", path=path, detail="tệp là Word 97–2003 (.doc) đổi đuôi")
    try:
        package = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile as error:
        raise InputError("corrupt_docx", path=path, detail="không phải tệp nén ZIP") from error
    infos = package.infolist()
    total = sum(info.file_size for info in infos)
    compressed = sum(info.compress_size for info in infos) or 1
    if total > MAX_UNCOMPRESSED or (total > 20 * 1024 * 1024 and total / compressed > MAX_RATIO):
        raise InputError("zip_bomb", path=path, limit_mb=MAX_UNCOMPRESSED // (1024 * 1024))
    if "word/document.xml" not in package.namelist():
        raise InputError("corrupt_docx", path=path, detail="thiếu phần word/document.xml")
    return package


def _read_part(package: zipfile.ZipFile, name: str, path: str) -> bytes | None:
    if name not in package.namelist():
        return None
    try:
        return package.read(name)
    except (zipfile.BadZipFile, OSError, EOFError) as error:  # zlib errors are wrapped too
        raise InputError("corrupt_docx", path=path, detail=f"phần {name} hỏng") from error
    except Exception as error:  # noqa: BLE001 - zlib.error and friends: report as corrupt
        raise InputError("corrupt_docx", path=path, detail=f"phần {name} hỏng") from error


def _xml(data: bytes, name: str, path: str) -> etree._Element:
    try:
        return etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, huge_tree=False))
    except etree.XMLSyntaxError as error:
        raise InputError("corrupt_docx", path=path, detail=f"XML của {name} lỗi") from error


class _StyleNumbering:
    """Numbering that paragraphs inherit from their style (w:style/w:pPr/w:numPr)."""

    def __init__(self, styles: etree._Element | None) -> None:
        self.num: dict[str, tuple[str, int]] = {}
        self.heading: dict[str, int] = {}
        if styles is None:
            return
        for style in styles.iter(_W + "style"):
            style_id = style.get(_W + "styleId", "")
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                num_id = num_pr.find(_W + "numId")
                ilvl = num_pr.find(_W + "ilvl")
                if num_id is not None:
                    level = int(ilvl.get(_W + "val", "0")) if ilvl is not None else 0
                    self.num[style_id] = (num_id.get(_W + "val", "0"), level)
            name = style.find(_W + "name")
            match = re.match(r"heading\s*(\d)", (name.get(_W + "val", "") if name is not None else "").lower())
            if match:
                self.heading[style_id] = int(match.group(1))


class _Walker:
    def __init__(self, numbering: Numbering, styles: _StyleNumbering) -> None:
        self.numbering = numbering
        self.styles = styles
        self.blocks: list[Block] = []
        self.paragraph_number = 0
        self.table_number = 0
        self.draft_stamp = False

    def walk(self, container: etree._Element, cell: tuple[int, int, int] | None = None) -> None:
        for child in container:
            tag = child.tag
            if tag == _W + "p":
                self.paragraph(child, cell)
            elif tag == _W + "tbl":
                self.table(child, cell)
            elif tag in (_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "smartTag"):
                content = child.find(_W + "sdtContent") if tag == _W + "sdt" else child
                self.walk(content if content is not None else child, cell)

    def table(self, tbl: etree._Element, outer: tuple[int, int, int] | None) -> None:
        self.table_number += 1
        number = self.table_number
        for row_index, row in enumerate(tbl.iter(_W + "tr")):
            if row.getparent() is not tbl:
                continue
            column = 0
            for tc in row.findall(_W + "tc"):
                self.walk(tc, outer or (number, row_index, column))
                span = tc.find(f"{_W}tcPr/{_W}gridSpan")
                # A merged cell spans grid columns: the next cell's column counts them all.
                column += int(span.get(_W + "val", "1")) if span is not None else 1

    def paragraph(self, p: etree._Element, cell: tuple[int, int, int] | None) -> None:
        self.paragraph_number += 1
        parts: list[str] = []
        boxes: list[etree._Element] = []
        _collect(p, parts, boxes)
        text = "".join(parts)
        label = self._label(p)
        heading = self._heading(p)
        bold = _is_bold(p)
        center = _is_centered(p)
        for index, line in enumerate(_split_soft_lines(text)):
            if label and index == 0:
                line = f"{label} {line.lstrip()}"
            if line.strip():
                self.blocks.append(
                    Block(text=line, line=self.paragraph_number, bold=bold, heading_level=heading,
                          auto_label=label if index == 0 else None, cell=cell, center=center)
                )
        for box in boxes:
            self.text_box(box, cell)

    def text_box(self, box: etree._Element, cell: tuple[int, int, int] | None) -> None:
        texts = ["".join(_collect_text(p)) for p in box.iter(_W + "p")]
        if any(_DRAFT_STAMP.match(text) for text in texts):
            self.draft_stamp = True
            return
        self.walk(box, cell)

    def _label(self, p: etree._Element) -> str | None:
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        num_id: str | None = None
        ilvl = 0
        if num_pr is not None:
            num = num_pr.find(_W + "numId")
            lvl = num_pr.find(_W + "ilvl")
            num_id = num.get(_W + "val") if num is not None else None
            ilvl = int(lvl.get(_W + "val", "0")) if lvl is not None else 0
        style = p.find(f"{_W}pPr/{_W}pStyle")
        if num_id is None and style is not None:
            inherited = self.styles.num.get(style.get(_W + "val", ""))
            if inherited:
                num_id, ilvl = inherited
        if not num_id:
            return None
        return self.numbering.label(num_id, ilvl)

    def _heading(self, p: etree._Element) -> int | None:
        style = p.find(f"{_W}pPr/{_W}pStyle")
        return self.styles.heading.get(style.get(_W + "val", "")) if style is not None else None


def _collect(element: etree._Element, parts: list[str], boxes: list[etree._Element]) -> None:
    for child in element:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == _TEXTBOX:
            boxes.append(child)
        elif tag == _W + "t":
            parts.append(child.text or "")
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            if child.get(_W + "type") not in ("page", "column"):
                parts.append("\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
        elif tag == _W + "p":
            continue  # paragraphs inside a text box are read with the box
        else:
            _collect(child, parts, boxes)


def _collect_text(p: etree._Element) -> list[str]:
    parts: list[str] = []
    _collect(p, parts, [])
    return parts


def _split_soft_lines(text: str) -> list[str]:
    """Split at manual line breaks only where a new item starts; else the break is a wrap."""
    pieces = text.split("\n")
    lines = [pieces[0]]
    for piece in pieces[1:]:
        if _ITEM_START.match(piece) or not lines[-1].strip():
            lines.append(piece)
        else:
            lines[-1] = f"{lines[-1].rstrip()} {piece.lstrip()}"
    return lines


def _is_bold(p: etree._Element) -> bool:
    for run in p.iter(_W + "r"):
        texts = [t.text for t in run.findall(_W + "t") if t.text and t.text.strip()]
        if not texts:
            continue
        bold = run.find(f"{_W}rPr/{_W}b")
        return bold is not None and bold.get(_W + "val", "true") not in ("0", "false")
    return False


def _is_centered(p: etree._Element) -> bool:
    jc = p.find(f"{_W}pPr/{_W}jc")
    return jc is not None and jc.get(_W + "val") == "center"


def read_docx(data: bytes, path: str) -> RawDocument:
    package = open_package(data, path)
    document = _xml(_read_part(package, "word/document.xml", path) or b"", "document.xml", path)
    numbering = Numbering(_read_part(package, "word/numbering.xml", path))
    styles_xml = _read_part(package, "word/styles.xml", path)
    styles = _StyleNumbering(_xml(styles_xml, "styles.xml", path) if styles_xml else None)
    body = document.find(_W + "body")
    if body is None:
        raise InputError("corrupt_docx", path=path, detail="không có phần thân văn bản")
    walker = _Walker(numbering, styles)
    walker.walk(body)
    _, legacy = normalise("\n".join(block.text for block in walker.blocks), path)
    for block in walker.blocks:
        text = convert_tcvn3(block.text) if legacy == "TCVN3" else block.text
        block.text = unicodedata.normalize("NFC", text)
    encoding = f"utf-8+{legacy.lower()}" if legacy else "utf-8"
    return RawDocument(path, "docx", encoding, walker.blocks, draft_stamp=walker.draft_stamp)
