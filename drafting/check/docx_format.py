"""DOCX → formatting facts. The only module of the checker that knows WordprocessingML.

It reads what a format check needs and nothing else: the page size and margins of each section,
the headers (first page / other pages) and whether they hold a PAGE field, and for every paragraph
its text with the EFFECTIVE properties of each run and of the paragraph. Effective means resolved
the way Word resolves them: direct formatting → character style → paragraph style (with its
w:basedOn chain) → table style → numbering level (indents only) → w:docDefaults.

Paragraphs are numbered 1, 2, … in the order the parser's DOCX reader numbers them (body
paragraphs and table-cell paragraphs in reading order, a text box's paragraphs right after the
paragraph that anchors it), so a finding's "đoạn 12" is the parser's line 12 too.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from functools import cached_property
from posixpath import dirname, join, normpath

from lxml import etree

from drafting.errors import InputError
from drafting.readers.docx_numbering import Numbering

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = f"{{{W}}}"
_PAGE_FIELD = re.compile(r"(?<![A-Z])PAGE\b")  # PAGE, not NUMPAGES or SECTIONPAGES
# A "DỰ THẢO" stamp in a text box: the parser's reader leaves the box out of its paragraph count,
# so the checker does too (its paragraph numbers must be the parser's line numbers).
_DRAFT_STAMP = re.compile(r"^\s*D[ỰƯ]\s*TH[ẢA]O\b", re.IGNORECASE)
_FALSE = ("0", "false", "off", "none")
# Containers whose runs are shown as part of the paragraph (links, insertions, fields, controls).
_RUN_CONTAINERS = {_W + name for name in ("hyperlink", "ins", "smartTag", "fldSimple", "sdt", "sdtContent",
                                         "customXml", "moveTo", "bdo", "dir")}
_HIDDEN_CONTAINERS = {_W + "del", _W + "moveFrom", f"{{{MC}}}Fallback", _W + "pPr", _W + "rPr", _W + "sdtPr"}
_BLOCK_CONTAINERS = {_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "smartTag"}
HALF_POINTS = 2
DEFAULT_SIZE_PT = 10.0  # Word's size when no level of the style hierarchy sets one (ECMA-376 §17.3.2.38)


# --------------------------------------------------------------------------------------------
# What the rules see


@dataclass(frozen=True)
class RunFormat:
    """Effective properties of one run. Fonts are None when no level of the hierarchy names one."""

    ascii_font: str | None = None
    hansi_font: str | None = None
    size: float | None = None  # points
    bold: bool = False
    italic: bool = False
    caps: bool = False
    color: str | None = None  # "auto", "000000", "FF0000" …
    hidden: bool = False


@dataclass(frozen=True)
class Run:
    text: str
    format: RunFormat

    @property
    def visible(self) -> bool:
        """A run whose look matters: it shows a letter or a digit (not only blanks or punctuation)."""
        return not self.format.hidden and any(char.isalnum() for char in self.text)

    @property
    def fonts(self) -> set[str | None]:
        """The fonts Word draws this run with: the ASCII font for ASCII letters, the hAnsi font for
        the others (every Vietnamese letter with a diacritic lies outside ASCII)."""
        fonts: set[str | None] = set()
        if any(char.isalnum() and ord(char) < 128 for char in self.text):
            fonts.add(self.format.ascii_font)
        if any(char.isalnum() and ord(char) >= 128 for char in self.text):
            fonts.add(self.format.hansi_font)
        return fonts


@dataclass(frozen=True)
class ParagraphFormat:
    """Effective paragraph properties; lengths in twips (1/20 pt), line in 240ths of a line when
    line_rule is "auto", else in twips."""

    alignment: str = "left"
    left: int = 0
    first_line: int = 0  # negative for a hanging indent
    before: int = 0
    after: int = 0
    line: int = 240
    line_rule: str = "auto"
    tabs: tuple[int, ...] = ()  # custom tab stop positions, twips from the paragraph's left indent


@dataclass
class Paragraph:
    number: int  # 1-based, document order
    runs: list[Run]  # a label of Word's automatic numbering ("I.", "1.", "-") comes first, as shown
    format: ParagraphFormat
    cell: tuple[int, int, int] | None = None  # (table, row, column) of the outermost table
    in_text_box: bool = False
    section: int = 0  # index into DocxFormat.sections
    has_drawing: bool = False
    # The w:p itself, in the tree read_format parsed: `--fix` edits that tree and writes it back.
    element: etree._Element | None = field(default=None, repr=False, compare=False)

    @cached_property
    def text(self) -> str:
        return "".join(run.text for run in self.runs if not run.format.hidden)

    @cached_property
    def shown_text(self) -> str:
        """The text as displayed: runs with "All caps" show in capitals."""
        return "".join(run.text.upper() if run.format.caps else run.text
                       for run in self.runs if not run.format.hidden)

    @property
    def visible_runs(self) -> list[Run]:
        return [run for run in self.runs if run.visible]


@dataclass(frozen=True)
class PageNumber:
    """A PAGE field found in a header or footer part."""

    alignment: str
    sizes: tuple[float | None, ...]
    italic: bool
    fonts: tuple[str | None, ...]
    fmt: str | None = None  # the field switch (\\* ROMAN …), if any


@dataclass(frozen=True)
class HeaderPart:
    """One header or footer part: its text and the PAGE fields it holds."""

    name: str
    text: str
    page_numbers: tuple[PageNumber, ...]


@dataclass
class Section:
    index: int
    width: int | None  # twips
    height: int | None
    landscape: bool
    top: int | None
    bottom: int | None
    left: int | None
    right: int | None
    gutter: int
    title_page: bool
    page_format: str | None  # w:pgNumType/@w:fmt
    page_start: int | None  # w:pgNumType/@w:start
    headers: dict[str, HeaderPart] = field(default_factory=dict)  # "default" / "first" / "even", inherited
    footers: dict[str, HeaderPart] = field(default_factory=dict)
    first_paragraph: int = 1
    last_paragraph: int = 0
    has_table: bool = False


@dataclass
class DocxFormat:
    paragraphs: list[Paragraph]
    sections: list[Section]
    even_and_odd_headers: bool = False
    draft_stamp: bool = False  # a "DỰ THẢO" text box
    pages: int | None = None  # docProps/app.xml, as last saved (may be stale)
    default_tab_stop: int = 720  # w:defaultTabStop, twips


# --------------------------------------------------------------------------------------------
# Reading properties from rPr / pPr elements (one level of the hierarchy)


def _on(element: etree._Element | None) -> bool | None:
    """A toggle (w:b, w:i, w:caps …): None when absent, else its value (no w:val means on)."""
    if element is None:
        return None
    return element.get(_W + "val", "true").lower() not in _FALSE


def _int(element: etree._Element | None, attribute: str) -> int | None:
    if element is None:
        return None
    value = element.get(_W + attribute)
    try:
        return int(float(value)) if value is not None else None
    except ValueError:
        return None


class _Theme:
    """The theme's major/minor Latin fonts, for w:asciiTheme="minorHAnsi" and friends."""

    def __init__(self, root: etree._Element | None) -> None:
        self.fonts: dict[str, str] = {}
        if root is None:
            return
        for kind in ("major", "minor"):
            latin = root.find(f".//{{{A}}}{kind}Font/{{{A}}}latin")
            if latin is not None and latin.get("typeface"):
                self.fonts[kind] = latin.get("typeface", "")

    def resolve(self, theme_name: str | None) -> str | None:
        if not theme_name:
            return None
        return self.fonts.get("major" if theme_name.startswith("major") else "minor")


def _rpr_values(rpr: etree._Element | None, theme: _Theme) -> dict[str, object]:
    """The properties one rPr sets. A theme font counts as that level's font: Word lets the theme
    attribute win over the plain one on the same element, and a higher level replace both."""
    values: dict[str, object] = {}
    if rpr is None:
        return values
    fonts = rpr.find(_W + "rFonts")
    if fonts is not None:
        for key, plain, themed in (("ascii_font", "ascii", "asciiTheme"), ("hansi_font", "hAnsi", "hAnsiTheme")):
            name = theme.resolve(fonts.get(_W + themed)) or fonts.get(_W + plain)
            if name:
                values[key] = name
    size = _int(rpr.find(_W + "sz"), "val")
    if size is not None:
        values["size"] = size / HALF_POINTS
    for key, tag in (("bold", "b"), ("italic", "i"), ("caps", "caps"), ("hidden", "vanish")):
        flag = _on(rpr.find(_W + tag))
        if flag is not None:
            values[key] = flag
    color = rpr.find(_W + "color")
    if color is not None and color.get(_W + "val"):
        values["color"] = color.get(_W + "val")
    return values


def _ppr_values(ppr: etree._Element | None) -> dict[str, object]:
    values: dict[str, object] = {}
    if ppr is None:
        return values
    jc = ppr.find(_W + "jc")
    if jc is not None and jc.get(_W + "val"):
        values["alignment"] = {"start": "left", "end": "right"}.get(jc.get(_W + "val", ""), jc.get(_W + "val"))
    values.update(_indent_values(ppr.find(_W + "ind")))
    spacing = ppr.find(_W + "spacing")
    for key in ("before", "after", "line"):
        number = _int(spacing, key)
        if number is not None:
            values[key] = number
    if spacing is not None and spacing.get(_W + "lineRule"):
        values["line_rule"] = spacing.get(_W + "lineRule")
    tabs = ppr.find(_W + "tabs")
    if tabs is not None:
        stops = (_int(tab, "pos") for tab in tabs.findall(_W + "tab") if tab.get(_W + "val") != "clear")
        values["tabs"] = tuple(sorted(stop for stop in stops if stop is not None))
    return values


def _indent_values(ind: etree._Element | None) -> dict[str, object]:
    values: dict[str, object] = {}
    left = _int(ind, "left") if _int(ind, "left") is not None else _int(ind, "start")
    if left is not None:
        values["left"] = left
    first, hanging = _int(ind, "firstLine"), _int(ind, "hanging")
    if hanging is not None:
        values["first_line"] = -hanging  # w:hanging wins over w:firstLine (ECMA-376 §17.3.1.12)
    elif first is not None:
        values["first_line"] = first
    return values


# --------------------------------------------------------------------------------------------
# Styles, numbering


@dataclass
class _Style:
    based_on: str | None
    rpr: dict[str, object]
    ppr: dict[str, object]
    numbering: tuple[str, int] | None


class _Styles:
    """styles.xml: docDefaults and every style, resolved along its w:basedOn chain."""

    def __init__(self, root: etree._Element | None, theme: _Theme) -> None:
        self.styles: dict[str, _Style] = {}
        self.defaults: dict[str, str] = {}  # style type → id of its default style
        self.run_defaults: dict[str, object] = {}
        self.paragraph_defaults: dict[str, object] = {}
        if root is None:
            return
        self.run_defaults = _rpr_values(root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr"), theme)
        self.paragraph_defaults = _ppr_values(root.find(f"{_W}docDefaults/{_W}pPrDefault/{_W}pPr"))
        for style in root.iter(_W + "style"):
            self._add(style, theme)

    def _add(self, style: etree._Element, theme: _Theme) -> None:
        style_id = style.get(_W + "styleId", "")
        based = style.find(_W + "basedOn")
        num_pr = style.find(f"{_W}pPr/{_W}numPr")
        self.styles[style_id] = _Style(
            based_on=based.get(_W + "val") if based is not None else None,
            rpr=_rpr_values(style.find(_W + "rPr"), theme),
            ppr=_ppr_values(style.find(_W + "pPr")),
            numbering=_num_pr(num_pr),
        )
        if style.get(_W + "default", "0").lower() in ("1", "true", "on"):
            self.defaults.setdefault(style.get(_W + "type", "paragraph"), style_id)

    def chain(self, style_id: str | None) -> list[_Style]:
        """The style and its ancestors, the root first; a basedOn loop is cut."""
        found: list[_Style] = []
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            found.append(self.styles[style_id])
            style_id = self.styles[style_id].based_on
        return found[::-1]

    def rpr(self, style_id: str | None) -> dict[str, object]:
        merged: dict[str, object] = {}
        for style in self.chain(style_id):
            merged.update(style.rpr)
        return merged

    def ppr(self, style_id: str | None) -> dict[str, object]:
        merged: dict[str, object] = {}
        for style in self.chain(style_id):
            merged.update(style.ppr)
        return merged

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        for style in reversed(self.chain(style_id)):
            if style.numbering:
                return style.numbering
        return None


def _num_pr(num_pr: etree._Element | None) -> tuple[str, int] | None:
    if num_pr is None:
        return None
    num_id = num_pr.find(_W + "numId")
    if num_id is None or num_id.get(_W + "val") in (None, "0"):
        return None
    return num_id.get(_W + "val", ""), _int(num_pr.find(_W + "ilvl"), "val") or 0


class _NumberingIndents:
    """The indents a list level gives its paragraphs (numbering.xml w:lvl/w:pPr/w:ind)."""

    def __init__(self, root: etree._Element | None) -> None:
        self.indents: dict[tuple[str, int], dict[str, object]] = {}
        if root is None:
            return
        abstract = {a.get(_W + "abstractNumId"): a for a in root.findall(_W + "abstractNum")}
        for num in root.findall(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            levels = abstract.get(ref.get(_W + "val")) if ref is not None else None
            if levels is None:
                continue
            for lvl in levels.findall(_W + "lvl"):
                self._add(num.get(_W + "numId", ""), lvl)
            for override in num.findall(f"{_W}lvlOverride/{_W}lvl"):
                self._add(num.get(_W + "numId", ""), override)

    def _add(self, num_id: str, lvl: etree._Element) -> None:
        level = _int(lvl, "ilvl") or 0
        self.indents[(num_id, level)] = _indent_values(lvl.find(f"{_W}pPr/{_W}ind"))

    def get(self, numbering: tuple[str, int] | None) -> dict[str, object]:
        return self.indents.get(numbering, {}) if numbering else {}


# --------------------------------------------------------------------------------------------
# The package


class _Package:
    """The parts of the DOCX zip the checker reads, parsed safely."""

    def __init__(self, package: zipfile.ZipFile, path: str) -> None:
        self.package = package
        self.path = path
        self.names = set(package.namelist())

    def data(self, name: str) -> bytes | None:
        if name not in self.names:
            return None
        try:
            return self.package.read(name)
        except Exception as error:  # noqa: BLE001 - zlib/zip errors alike: the part is corrupt
            raise InputError("corrupt_docx", path=self.path, detail=f"phần {name} hỏng") from error

    def xml(self, name: str) -> etree._Element | None:
        data = self.data(name)
        if data is None:
            return None
        try:
            return etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, huge_tree=False))
        except etree.XMLSyntaxError as error:
            raise InputError("corrupt_docx", path=self.path, detail=f"XML của {name} lỗi") from error

    def relationships(self, part: str) -> dict[str, str]:
        """r:id → part name for the relationships of ``part`` (e.g. word/document.xml)."""
        rels = self.xml(join(dirname(part), "_rels", part.rsplit("/", 1)[-1] + ".rels"))
        if rels is None:
            return {}
        targets = {}
        for rel in rels:
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                continue
            targets[rel.get("Id", "")] = target.lstrip("/") if target.startswith("/") else normpath(
                join(dirname(part), target))
        return targets


class _Resolver:
    """Effective run and paragraph properties for paragraphs of any part (body, header, footer)."""

    def __init__(self, styles: _Styles, numbering: _NumberingIndents, theme: _Theme) -> None:
        self.styles = styles
        self.numbering = numbering
        self.theme = theme

    def paragraph_style(self, p: etree._Element) -> str | None:
        style = p.find(f"{_W}pPr/{_W}pStyle")
        return style.get(_W + "val") if style is not None else self.styles.defaults.get("paragraph")

    def paragraph_format(self, p: etree._Element, table_style: str | None) -> ParagraphFormat:
        style = self.paragraph_style(p)
        values: dict[str, object] = dict(self.styles.paragraph_defaults)
        values.update(self.styles.ppr(table_style))
        values.update(self.styles.ppr(style))
        numbering = _num_pr(p.find(f"{_W}pPr/{_W}numPr")) or self.styles.numbering(style)
        values.update(self.numbering.get(numbering))
        values.update(_ppr_values(p.find(_W + "pPr")))
        return ParagraphFormat(**values)  # type: ignore[arg-type]

    def run_format(self, r: etree._Element, paragraph_style: str | None, table_style: str | None) -> RunFormat:
        # Toggle properties (bold, italic) are taken from the most specific level that sets them:
        # ECMA-376's XOR of toggles across style levels changes nothing in the files clerks write.
        values: dict[str, object] = dict(self.styles.run_defaults)
        values.update(self.styles.rpr(table_style))
        values.update(self.styles.rpr(paragraph_style))
        rpr = r.find(_W + "rPr")
        char_style = rpr.find(_W + "rStyle") if rpr is not None else None
        if char_style is not None:
            values.update(self.styles.rpr(char_style.get(_W + "val")))
        values.update(_rpr_values(rpr, self.theme))
        values.setdefault("size", DEFAULT_SIZE_PT)
        return RunFormat(**values)  # type: ignore[arg-type]


def _run_text(r: etree._Element) -> str:
    parts: list[str] = []
    for child in r:
        tag = child.tag
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr") and child.get(_W + "type") not in ("page", "column"):
            parts.append("\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _paragraph_runs(p: etree._Element) -> list[etree._Element]:
    """The w:r elements shown in a paragraph, in order (deleted text and Fallback copies skipped)."""
    runs: list[etree._Element] = []

    def visit(element: etree._Element) -> None:
        for child in element:
            if child.tag == _W + "r":
                runs.append(child)
            elif child.tag in _RUN_CONTAINERS:
                visit(child)

    visit(p)
    return runs


def _text_boxes(p: etree._Element) -> list[etree._Element]:
    """Text boxes anchored in the paragraph, outside Fallback copies (the reader reads them once)."""
    boxes: list[etree._Element] = []

    def visit(element: etree._Element) -> None:
        for child in element:
            if not isinstance(child.tag, str) or child.tag in _HIDDEN_CONTAINERS or child.tag == _W + "p":
                continue
            if child.tag == _W + "txbxContent":
                boxes.append(child)
            else:
                visit(child)

    visit(p)
    return boxes


def _has_drawing(p: etree._Element) -> bool:
    return p.find(f".//{_W}drawing") is not None or p.find(f".//{_W}pict") is not None


class _BodyWalker:
    """Walks document.xml in the reader's order, numbering paragraphs and cutting sections."""

    def __init__(self, resolver: _Resolver, labels: Numbering) -> None:
        self.resolver = resolver
        self.labels = labels
        self.paragraphs: list[Paragraph] = []
        self.draft_stamp = False
        self.section_ends: list[tuple[int, etree._Element]] = []  # (last paragraph number, sectPr)
        self.table_number = 0

    def walk(self, container: etree._Element, cell: tuple[int, int, int] | None = None,
             table_style: str | None = None, in_box: bool = False) -> None:
        for child in container:
            if child.tag == _W + "p":
                self.paragraph(child, cell, table_style, in_box)
            elif child.tag == _W + "tbl":
                self.table(child, cell, in_box)
            elif child.tag in _BLOCK_CONTAINERS:
                content = child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child
                self.walk(content if content is not None else child, cell, table_style, in_box)

    def table(self, tbl: etree._Element, outer: tuple[int, int, int] | None, in_box: bool) -> None:
        self.table_number += 1
        number = self.table_number
        style = tbl.find(f"{_W}tblPr/{_W}tblStyle")
        table_style = style.get(_W + "val") if style is not None else self.resolver.styles.defaults.get("table")
        rows = [row for row in tbl.iter(_W + "tr") if row.getparent() is tbl]
        for row_index, row in enumerate(rows):
            for col_index, tc in enumerate(row.findall(_W + "tc")):
                self.walk(tc, outer or (number, row_index, col_index), table_style, in_box)

    def paragraph(self, p: etree._Element, cell: tuple[int, int, int] | None, table_style: str | None,
                  in_box: bool) -> None:
        style = self.resolver.paragraph_style(p)
        runs = [Run(_run_text(r), self.resolver.run_format(r, style, table_style)) for r in _paragraph_runs(p)]
        label = self._label(p, style)
        if label:
            shown = next((run.format for run in runs if not run.format.hidden), RunFormat(size=DEFAULT_SIZE_PT))
            runs.insert(0, Run(f"{label} ", shown))  # drawn like the text it numbers
        number = len(self.paragraphs) + 1
        self.paragraphs.append(Paragraph(
            number=number, runs=runs, format=self.resolver.paragraph_format(p, table_style), cell=cell,
            in_text_box=in_box, section=len(self.section_ends), has_drawing=_has_drawing(p), element=p,
        ))
        for box in _text_boxes(p):
            if any(_DRAFT_STAMP.match("".join(t.text or "" for t in q.iter(_W + "t"))) for q in box.iter(_W + "p")):
                self.draft_stamp = True
                continue
            self.walk(box, cell, None, True)
        sect = p.find(f"{_W}pPr/{_W}sectPr")
        if sect is not None and not in_box:
            self.section_ends.append((number, sect))


    def _label(self, p: etree._Element, style: str | None) -> str | None:
        """The label Word's automatic numbering shows, counted in document order like the reader."""
        numbering = _num_pr(p.find(f"{_W}pPr/{_W}numPr")) or self.resolver.styles.numbering(style)
        return self.labels.label(*numbering) if numbering else None


# --------------------------------------------------------------------------------------------
# Sections, headers, page numbers


def _page_numbers(part: etree._Element, resolver: _Resolver) -> tuple[PageNumber, ...]:
    found: list[PageNumber] = []
    for p in part.iter(_W + "p"):
        result = _page_field_runs(p)
        if result is None:
            continue
        runs, fmt = result
        style = resolver.paragraph_style(p)
        formats = [resolver.run_format(r, style, None) for r in runs]
        found.append(PageNumber(
            alignment=resolver.paragraph_format(p, None).alignment,
            sizes=tuple(sorted({f.size for f in formats}, key=lambda s: s or 0)),
            italic=any(f.italic for f in formats),
            fonts=tuple(sorted({f.hansi_font or f.ascii_font or "" for f in formats})),
            fmt=fmt,
        ))
    return tuple(found)


def _page_field_runs(p: etree._Element) -> tuple[list[etree._Element], str | None] | None:
    """The runs showing a PAGE field's value in this paragraph (simple or complex field), with the
    field's format switch; None when the paragraph has no PAGE field."""
    for simple in p.iter(_W + "fldSimple"):
        instruction = simple.get(_W + "instr", "")
        if _PAGE_FIELD.search(instruction):
            return list(simple.iter(_W + "r")) or [simple], _switch(instruction)
    instruction, state, begin = "", "", None
    shown: list[etree._Element] = []
    for r in p.iter(_W + "r"):
        char = r.find(_W + "fldChar")
        kind = char.get(_W + "fldCharType") if char is not None else None
        if kind == "begin":
            instruction, state, begin, shown = "", "code", r, []
        elif kind == "separate":
            state = "result"
        elif kind == "end":
            if _PAGE_FIELD.search(instruction) and begin is not None:
                # A field never updated shows nothing yet: its look is then the begin run's.
                return shown or [begin], _switch(instruction)
            state = ""
        elif state == "code":
            instruction += "".join(t.text or "" for t in r.iter(_W + "instrText"))
        elif state == "result" and r.find(_W + "t") is not None:
            shown.append(r)
    return None


def _switch(instruction: str) -> str | None:
    match = re.search(r"\\\*\s*(\w+)", instruction)
    return match.group(1) if match and match.group(1).upper() != "MERGEFORMAT" else None


def _header_part(package: _Package, name: str, resolver: _Resolver) -> HeaderPart | None:
    root = package.xml(name)
    if root is None:
        return None
    text = "".join(t.text or "" for t in root.iter(_W + "t"))
    return HeaderPart(name=name, text=text, page_numbers=_page_numbers(root, resolver))


def _section(index: int, sect: etree._Element) -> Section:
    size = sect.find(_W + "pgSz")
    margins = sect.find(_W + "pgMar")
    numbering = sect.find(_W + "pgNumType")
    width, height = _int(size, "w"), _int(size, "h")
    orient = size.get(_W + "orient") if size is not None else None
    title = _on(sect.find(_W + "titlePg"))
    return Section(
        index=index, width=width, height=height,
        landscape=orient == "landscape" or (width is not None and height is not None and width > height),
        top=_abs(_int(margins, "top")), bottom=_abs(_int(margins, "bottom")),
        left=_int(margins, "left"), right=_int(margins, "right"), gutter=_int(margins, "gutter") or 0,
        title_page=bool(title), page_format=numbering.get(_W + "fmt") if numbering is not None else None,
        page_start=_int(numbering, "start"),
    )


def _abs(value: int | None) -> int | None:
    # A negative top/bottom margin means "fixed, do not move for the header": its size is the same.
    return abs(value) if value is not None else None


def _attach_headers(sections: list[Section], sects: list[etree._Element], package: _Package,
                    resolver: _Resolver) -> None:
    """Each section's headers and footers by type; a section without a reference of a type keeps
    the previous section's (Word's "Link to previous")."""
    rels = package.relationships("word/document.xml")
    inherited: dict[str, dict[str, HeaderPart]] = {"header": {}, "footer": {}}
    for section, sect in zip(sections, sects, strict=True):
        for kind in ("header", "footer"):
            for reference in sect.findall(f"{_W}{kind}Reference"):
                target = rels.get(reference.get(f"{{{R}}}id", ""))
                part = _header_part(package, target, resolver) if target else None
                if part is not None:
                    inherited[kind][reference.get(_W + "type", "default")] = part
            (section.headers if kind == "header" else section.footers).update(inherited[kind])


def _pages(package: _Package) -> int | None:
    app = package.xml("docProps/app.xml")
    if app is None:
        return None
    for element in app.iter():
        if isinstance(element.tag, str) and element.tag.endswith("}Pages"):
            try:
                return int((element.text or "").strip())
            except ValueError:
                return None
    return None


def read_format(package: zipfile.ZipFile, path: str) -> DocxFormat:
    """Formatting facts of an opened DOCX package (see `drafting.readers.docx.open_package`)."""
    parts = _Package(package, path)
    document = parts.xml("word/document.xml")
    body = document.find(_W + "body") if document is not None else None
    if body is None:
        raise InputError("corrupt_docx", path=path, detail="không có phần thân văn bản")
    theme = _Theme(parts.xml("word/theme/theme1.xml"))
    resolver = _Resolver(_Styles(parts.xml("word/styles.xml"), theme),
                         _NumberingIndents(parts.xml("word/numbering.xml")), theme)
    walker = _BodyWalker(resolver, Numbering(parts.data("word/numbering.xml")))
    walker.walk(body)
    final = body.find(_W + "sectPr")
    ends = walker.section_ends + ([(len(walker.paragraphs), final)] if final is not None else [])
    sections = [_section(index, sect) for index, (_, sect) in enumerate(ends)]
    _attach_headers(sections, [sect for _, sect in ends], parts, resolver)
    _place_paragraphs(sections, ends, walker.paragraphs, body)
    settings = parts.xml("word/settings.xml")
    even_odd = settings is not None and bool(_on(settings.find(_W + "evenAndOddHeaders")))
    tab_stop = _int(settings.find(_W + "defaultTabStop"), "val") if settings is not None else None
    return DocxFormat(paragraphs=walker.paragraphs, sections=sections, even_and_odd_headers=even_odd,
                      draft_stamp=walker.draft_stamp, pages=_pages(parts), default_tab_stop=tab_stop or 720)


def _place_paragraphs(sections: list[Section], ends: list[tuple[int, etree._Element]],
                      paragraphs: list[Paragraph], body: etree._Element) -> None:
    start = 1
    for section, (last, _) in zip(sections, ends, strict=True):
        section.first_paragraph, section.last_paragraph = start, last
        section.has_table = any(p.cell is not None for p in paragraphs[start - 1:last])
        start = last + 1
    for paragraph in paragraphs:
        paragraph.section = min(paragraph.section, max(len(sections) - 1, 0))
