"""HTML pages → blocks: a page saved from the browser (a legal portal's page) or Word's / LibreOffice's
"Save as web page".

Read with lxml.html in document order: each paragraph-like element (p, h1–h6, li, a div holding only
text) is a block, a <br> splits it into lines, a table's cells are read cell by cell with their
(table, row, column) as a DOCX table is, so the header and signature tables and the body's tables stay
tables. Scripts, styles and forms' controls are no text. A portal's chrome around the document is
cut by the same rules as a copied page (`portal.detect`), each cut reported.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from drafting.document import Block, RawDocument
from drafting.errors import InputError
from drafting.readers import portal

_SKIP = {"script", "style", "noscript", "head", "title", "meta", "link", "template", "svg", "button", "select",
         "option", "textarea", "iframe", "object"}
_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "caption"}
_CONTAINERS = {"div", "section", "article", "header", "footer", "main", "nav", "aside", "body", "html", "center",
               "blockquote", "ul", "ol", "dl", "form", "span", "font", "tbody", "thead", "tfoot", "fieldset"}
_BOLD = {"b", "strong"}
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BREAK = "\u2028"  # a <br>: the only line break inside a paragraph (source newlines are spaces)


def read_html(data: bytes, path: str) -> RawDocument:
    root = _parse(data, path)
    body = root.find("body")
    walker = _Walker()
    walker.walk(body if body is not None else root, None)
    blocks = walker.blocks
    page = portal.detect([_line_of(b) for b in blocks], [b.line for b in blocks])
    if page is not None:
        return RawDocument(path, "html", "utf-8", blocks[page.start:page.end], warnings=page.warnings,
                           portal=page.meta or None)
    return RawDocument(path, "html", "utf-8", blocks)


def _parse(data: bytes, path: str) -> etree._Element:
    try:
        try:
            text = _XML_DECLARATION.sub("", data.decode("utf-8-sig"))
            root = lxml_html.document_fromstring(text)
        except UnicodeDecodeError:
            root = lxml_html.document_fromstring(data)  # the page's <meta charset> decides
    except (etree.ParserError, ValueError) as error:
        raise InputError("corrupt_html", path=path, detail=str(error) or type(error).__name__) from error
    if root is None or not root.text_content().strip():
        raise InputError("empty", path=path)
    return root


def _line_of(block: Block) -> str:
    """The block as a copied page shows it (portal.detect reads both shapes)."""
    return f"## {block.text}" if block.heading_level else block.text


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.number = 0
        self.tables = 0

    def walk(self, element: etree._Element, cell: tuple[int, int, int] | None) -> None:
        pending: list[tuple[str, bool]] = []
        if element.text:
            pending.append((element.text, _is_bold(element)))
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _SKIP or not tag:
                pass
            elif tag == "table":
                self._flush(pending, cell, None)
                self.table(child, cell)
            elif tag in _PARAGRAPHS:
                self._flush(pending, cell, None)
                level = int(tag[1]) if re.fullmatch(r"h[1-6]", tag) else None
                self.paragraph(child, cell, level)
            elif tag in _CONTAINERS and _has_blocks(child):
                self._flush(pending, cell, None)
                self.walk(child, cell)
            elif tag == "br":
                pending.append((_BREAK, False))
            else:
                pending.append((_text(child), _is_bold(child) or _is_bold(element)))
            if child.tail:
                pending.append((_tail(child), _is_bold(element)))
        self._flush(pending, cell, None)

    def table(self, table: etree._Element, outer: tuple[int, int, int] | None) -> None:
        self.tables += 1
        number = self.tables
        rows = [row for row in table.iter("tr") if _owner_table(row) is table]
        for row_index, row in enumerate(rows):
            column = 0
            for td in row:
                if td.tag not in ("td", "th"):
                    continue
                self.walk(td, outer or (number, row_index, column))
                column += int(td.get("colspan", "1") or 1) if str(td.get("colspan", "1")).isdigit() else 1

    def paragraph(self, element: etree._Element, cell: tuple[int, int, int] | None, level: int | None) -> None:
        if _has_blocks(element):
            self.walk(element, cell)
            return
        self._flush([(_text(element), _is_bold(element))], cell, level, center=_centered(element))

    def _flush(self, pending: list[tuple[str, bool]], cell: tuple[int, int, int] | None, level: int | None,
               center: bool = False) -> None:
        if not pending:
            return
        text = "".join(piece for piece, _ in pending)
        bold = bool(pending) and all(is_bold for piece, is_bold in pending if piece.strip())
        pending.clear()
        lines = [" ".join(line.split()) for line in text.split(_BREAK)]
        if not any(lines):
            return
        self.number += 1
        for line in lines:
            if line:
                self.blocks.append(Block(text=line, line=self.number, bold=bold, heading_level=level, cell=cell,
                                         center=center))


def _text(element: etree._Element) -> str:
    parts: list[str] = []
    for node in element.iter():
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP:
            continue
        if tag == "br":
            parts.append(_BREAK)
        elif node.text:
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(_tail(node))
    return "".join(parts)


def _tail(node: etree._Element) -> str:
    """An image's tail starts with the source's line break, no space a reader sees ("T<img>\\nỈNH")."""
    tail = node.tail or ""
    return tail.lstrip() if node.tag == "img" else tail


def _has_blocks(element: etree._Element) -> bool:
    blocks = _PARAGRAPHS | {"table", "div"}
    return any(isinstance(d.tag, str) and d.tag in blocks for d in element.iterdescendants())


def _owner_table(row: etree._Element) -> etree._Element | None:
    parent = row.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _is_bold(element: etree._Element) -> bool:
    if element.tag in _BOLD:
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    if "font-weight:bold" in style or "font-weight:700" in style:
        return True
    children = [c for c in element if isinstance(c.tag, str)]
    return bool(children) and not (element.text or "").strip() and all(
        c.tag in _BOLD and not (c.tail or "").strip() for c in children)


def _centered(element: etree._Element) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return (element.get("align") or "").lower() == "center" or "text-align:center" in style
