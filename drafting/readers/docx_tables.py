"""DOCX → table grids with merged cells resolved, for reading figures out of reports.

``docx.py`` reads a table cell by cell into text blocks; a figures table needs more: which grid column
a cell really stands in and which cells one merge covers, or a header spread over two rows names the
wrong column and a merged number is counted twice. Every body table becomes a ``Grid`` (rows × grid
columns): ``w:gridSpan`` and the legacy ``w:hMerge`` merge across, ``w:vMerge`` down, and
``w:gridBefore``/``w:gridAfter`` leave fillers. A covered position holds a copy of its origin's text
that knows where the origin is, so a header path can be read column by column and a number summed once.
The interpretation (which rows are the header, what a number is) is ``drafting.report.figures``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from lxml import etree

from drafting.errors import InputError
from drafting.readers.docx import _W, _collect_text, _is_bold, _read_part, _xml, open_package
from drafting.readers.encoding import convert_tcvn3, normalise

__all__ = ["Cell", "Grid", "read_docx_tables"]

_WRAPPERS = {_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "smartTag"}

_CAPTION = re.compile(r"^(?:Biểu|Bảng|Phụ lục|Mẫu)(?: mẫu| số)?\s*[\w.\-/]{0,12}[.:]?$", re.IGNORECASE)
MAX_COLUMNS = 63  # Word's own limit on a table's columns
MAX_TITLE_PARAGRAPHS = 3  # a title is a line or two above the table ("Biểu mẫu 1" / "Cải cách thể chế")


@dataclass(frozen=True)
class Cell:
    """One grid position. ``filler`` is "" for a real cell, else why the position is empty:
    "before"/"after" (``w:gridBefore``/``w:gridAfter``) or "missing" (the row stops short)."""

    text: str
    row: int
    col: int
    rows: int = 1  # the merge's height, on the origin and on its copies alike
    cols: int = 1
    origin_row: int = -1  # where the merge starts; equal to (row, col) on the origin
    origin_col: int = -1
    bold: bool = False
    filler: str = ""

    @property
    def is_origin(self) -> bool:
        return (self.origin_row, self.origin_col) == (self.row, self.col)


@dataclass(frozen=True)
class Grid:
    """A table as rows × grid columns; ``before`` holds the paragraphs just above it (its title)."""

    name: str
    index: int  # document order among the grids, from 0
    rows: tuple[tuple[Cell, ...], ...]
    before: tuple[str, ...] = ()
    follows_table: bool = False  # no text since the previous table: a table split over pages
    depth: int = 0  # 1 for a table nested in a cell
    widths: tuple[int, ...] = ()  # each grid column's width (w:tblGrid); a header's misaligned merge is
    # resolved by the width it really covers (a 7-twip sliver under one heading belongs to the next)

    @property
    def title(self) -> str:
        """The paragraph just above; with the caption line above it when that is a "Biểu mẫu 1" alone."""
        if len(self.before) >= 2 and _CAPTION.match(self.before[-2]) and not _CAPTION.match(self.before[-1]):
            return f"{self.before[-2]}\n{self.before[-1]}"
        return self.before[-1] if self.before else ""

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0


@dataclass
class _Pending:
    """A cell as read, before the merges below it are known."""

    text: str
    col: int
    cols: int
    bold: bool
    vmerge: str | None  # "restart", "continue" or None
    hmerge: str | None  # "restart", "continue", or "joined" once its origin has taken it in
    filler: str = ""
    rows: int = 1
    origin: tuple[int, int] = (0, 0)


@dataclass
class _Reader:
    name: str
    grids: list[Grid] = field(default_factory=list)
    before: list[str] = field(default_factory=list)
    table_seen: bool = False

    def walk(self, container: etree._Element, depth: int = 0) -> None:
        for child in container:
            if child.tag == _W + "p" and depth == 0:
                text = _paragraph_text(child)
                if text:
                    self.before.append(text)
            elif child.tag == _W + "tbl":
                self.table(child, depth)
            elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
                content = child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child
                self.walk(content if content is not None else child, depth)

    def table(self, tbl: etree._Element, depth: int) -> None:
        before = tuple(self.before[-MAX_TITLE_PARAGRAPHS:]) if depth == 0 else ()
        follows = depth == 0 and self.table_seen and not self.before
        slot = len(self.grids)
        self.grids.append(Grid(self.name, slot, ()))  # keep document order: nested tables come after
        if depth == 0:
            self.before, self.table_seen = [], True
        rows = _resolve(_read_rows(tbl, self, depth))
        widths = _widths(tbl, len(rows[0]) if rows else 0)
        self.grids[slot] = Grid(self.name, slot, rows, before, follows, depth, widths)


def _widths(tbl: etree._Element, width: int) -> tuple[int, ...]:
    columns = tbl.findall(f"{_W}tblGrid/{_W}gridCol")
    read = [_twips(column.get(_W + "w", "")) for column in columns]
    if len(read) != width or not all(read):
        return (1,) * width  # no usable grid: every column counts the same
    return tuple(read)


def _twips(text: str) -> int:
    try:
        return max(0, int(float(text)))
    except ValueError:
        return 0


def _paragraph_text(p: etree._Element) -> str:
    return "".join(_collect_text(p)).strip()


def _cell_text(tc: etree._Element) -> str:
    # Only the cell's own paragraphs: a table nested in it is a grid of its own.
    return "\n".join(_paragraph_text(p) for p in _children(tc, _W + "p")).strip()


def _val(element: etree._Element | None, default: str) -> str:
    return default if element is None else element.get(_W + "val", default)


def _read_rows(tbl: etree._Element, reader: _Reader, depth: int) -> list[tuple[list[_Pending], int]]:
    """Each row's cells with their grid columns, and the grid columns the row's fillers add after."""
    rows: list[tuple[list[_Pending], int]] = []
    for tr in _children(tbl, _W + "tr"):
        tr_pr = tr.find(_W + "trPr")
        if tr_pr is not None and tr_pr.find(_W + "del") is not None:
            continue  # a row deleted with tracked changes is not in the table the reader sees
        col = _count(tr_pr.find(_W + "gridBefore") if tr_pr is not None else None, 0)
        after = _count(tr_pr.find(_W + "gridAfter") if tr_pr is not None else None, 0)
        cells = [_Pending("", 0, col, False, None, None, "before")] if col else []
        for tc in _children(tr, _W + "tc"):
            pr = tc.find(_W + "tcPr")
            span = max(1, _count(pr.find(_W + "gridSpan") if pr is not None else None, 1))
            vmerge = _merge(pr, "vMerge")
            hmerge = _merge(pr, "hMerge")
            first = next((p for p in _children(tc, _W + "p") if _paragraph_text(p)), None)
            bold = first is not None and _is_bold(first)
            cells.append(_Pending(_cell_text(tc), col, span, bold, vmerge, hmerge))
            col += span
            if depth == 0:
                for nested in _children(tc, _W + "tbl"):
                    if not nested.findall(f".//{_W}tbl"):
                        reader.table(nested, depth + 1)  # a simple nested table only
        rows.append((cells, after))
    return rows


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """``element``'s children of ``tag``, looking through content controls and custom XML that wrap
    rows, cells or paragraphs in forms made from templates."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _count(element: etree._Element | None, default: int) -> int:
    """A span or filler count; a value that is no number or past Word's 63 columns is taken as the default
    or the limit, so a broken or hostile file cannot make a grid of millions of cells."""
    try:
        return min(MAX_COLUMNS, max(0, int(_val(element, str(default)))))
    except ValueError:
        return default


def _merge(pr: etree._Element | None, tag: str) -> str | None:
    element = pr.find(_W + tag) if pr is not None else None
    if element is None:
        return None
    return "restart" if element.get(_W + "val") == "restart" else "continue"


def _resolve(read: list[tuple[list[_Pending], int]]) -> tuple[tuple[Cell, ...], ...]:
    """Rows of grid cells: fillers placed, horizontal then vertical merges joined to their origins."""
    width = max((sum(c.cols for c in cells) + after for cells, after in read), default=0)
    placed: list[list[_Pending | None]] = []
    for r, (cells, after) in enumerate(read):
        row: list[_Pending | None] = [None] * width
        _join_hmerge(cells)
        for cell in cells:
            if cell.hmerge == "joined":
                continue
            cell.origin = (r, cell.col)
            for c in range(cell.col, min(width, cell.col + cell.cols)):
                row[c] = cell
        end = sum(c.cols for c in cells)
        for c in range(end, min(width, end + after)):
            row[c] = _Pending("", c, 1, False, None, None, "after", origin=(r, c))
        placed.append(row)
    _join_vmerge(placed)
    return tuple(tuple(_cell(placed, r, c) for c in range(width)) for r in range(len(placed)))


def _join_hmerge(cells: list[_Pending]) -> None:
    """Legacy ``w:hMerge``: each "continue" cell widens the "restart" cell before it."""
    origin: _Pending | None = None
    for cell in cells:
        if cell.hmerge == "continue" and origin is not None:
            origin.cols += cell.cols
            cell.hmerge = "joined"
        else:
            origin = cell if cell.hmerge == "restart" else None


def _join_vmerge(placed: list[list[_Pending | None]]) -> None:
    """A ``w:vMerge`` continue cell is covered by the cell above it in the same grid column."""
    for r in range(1, len(placed)):
        for c, cell in enumerate(placed[r]):
            if cell is None or cell.vmerge != "continue" or cell.col != c:
                continue
            above = placed[r - 1][c]
            if above is None or above.vmerge is None or above.col != c:
                continue  # a continue with nothing to continue stands alone
            origin = above
            origin.rows += 1
            for k in range(c, min(len(placed[r]), c + cell.cols)):
                if placed[r][k] is cell:
                    placed[r][k] = origin


def _cell(placed: list[list[_Pending | None]], r: int, c: int) -> Cell:
    cell = placed[r][c]
    if cell is None:
        return Cell("", r, c, origin_row=r, origin_col=c, filler="missing")
    o_row, o_col = cell.origin
    return Cell(cell.text, r, c, cell.rows, cell.cols, o_row, o_col, cell.bold, cell.filler)


def _normalised(grids: list[Grid]) -> list[Grid]:
    """NFC text, and TCVN3 mojibake converted the way the text reader converts it."""
    text = "\n".join(cell.text for grid in grids for row in grid.rows for cell in row)
    text += "\n".join(line for grid in grids for line in grid.before)
    _, legacy = normalise(text, grids[0].name if grids else "")

    def fix(value: str) -> str:
        return unicodedata.normalize("NFC", convert_tcvn3(value) if legacy == "TCVN3" else value)

    return [
        replace(grid, rows=tuple(tuple(replace(cell, text=fix(cell.text)) for cell in row) for row in grid.rows),
                before=tuple(fix(line) for line in grid.before))
        for grid in grids
    ]


def read_docx_tables(data: bytes, name: str) -> list[Grid]:
    """Every body table of the DOCX, in document order, as a grid with its merges resolved."""
    package = open_package(data, name)
    document = _xml(_read_part(package, "word/document.xml", name) or b"", "document.xml", name)
    body = document.find(_W + "body")
    if body is None:
        raise InputError("corrupt_docx", path=name, detail="không có phần thân văn bản")
    reader = _Reader(name)
    reader.walk(body)
    return _normalised(reader.grids)
