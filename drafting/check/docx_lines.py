"""The short horizontal lines a paragraph draws, read from its XML: the DOCX half of C6, Q3, T4.

Real files draw them four ways: a DrawingML shape (``prst="line"`` or a straight connector, with
its VML copy in ``mc:Fallback``, skipped), a VML ``v:line`` or connector ``v:shape`` in older files,
a bottom border of the paragraph, or a bottom border of the table cell. Lengths are in twips.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from drafting.check.docx_edit import ordered_child
from drafting.check.docx_format import _W, MC

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"
EMU_PER_TWIP = 635
LINE_SHAPES = ("line", "straightConnector1")
FLAT_TWIPS = 60  # a "line" taller than 3 pt is a box or a slanted stroke, not a rule line
CELL_MARGIN_TWIPS = 108  # Word's default left and right cell margins (0.19 cm)
_UNITS = {"pt": 20.0, "in": 1440.0, "cm": 1440 / 2.54, "mm": 144 / 2.54, "px": 15.0, "": 20.0}


@dataclass(frozen=True)
class DrawnLine:
    length: int  # twips
    x: int | None  # horizontal offset of the left end, twips from what it is anchored to; None if unknown
    form: str  # "shape", "vml", "border", "cell_border"
    # What draws it (w:drawing, v:line, v:shape, the w:p with the border, the w:tc), for `--fix`.
    element: etree._Element | None = field(default=None, compare=False, repr=False)


def lines_in(p: etree._Element, text_area: int | None) -> tuple[list[DrawnLine], bool]:
    """The horizontal lines drawn in the paragraph, and whether it holds a drawing that is no
    measurable line (a picture, a text box): then a missing line cannot be told from a hidden one.
    ``text_area`` (twips) is the page's width between the margins, for a border outside a table."""
    lines: list[DrawnLine] = []
    other = False
    for drawing in _outside_fallback(p, _W + "drawing"):
        line = _drawingml_line(drawing)
        if line:
            lines.append(line)
        else:
            other = True
    for shape in _outside_fallback(p, f"{{{V}}}line") + _outside_fallback(p, f"{{{V}}}shape"):
        line = _vml_line(shape)
        if line:
            lines.append(line)
        elif shape.tag == f"{{{V}}}shape":
            other = True
    border = _paragraph_border(p, text_area)
    if border:
        lines.append(border)
    return lines, other


def _outside_fallback(p: etree._Element, tag: str) -> list[etree._Element]:
    found = []
    for element in p.iter(tag):
        ancestor = element.getparent()
        while ancestor is not None and ancestor is not p and ancestor.tag != f"{{{MC}}}Fallback":
            ancestor = ancestor.getparent()
        if ancestor is p or ancestor is None:
            found.append(element)
    return found


def _drawingml_line(drawing: etree._Element) -> DrawnLine | None:
    geometry = drawing.find(f".//{{{A}}}prstGeom")
    extent = drawing.find(f".//{{{WP}}}extent")
    if geometry is None or geometry.get("prst") not in LINE_SHAPES or extent is None:
        return None
    width, height = int(extent.get("cx", "0")), int(extent.get("cy", "0"))
    if height > FLAT_TWIPS * EMU_PER_TWIP or width == 0:
        return None
    offset = drawing.find(f".//{{{WP}}}positionH/{{{WP}}}posOffset")
    x = int(offset.text) // EMU_PER_TWIP if offset is not None and (offset.text or "").lstrip("-").isdigit() else None
    return DrawnLine(width // EMU_PER_TWIP, x, "shape", drawing)


def _vml_line(shape: etree._Element) -> DrawnLine | None:
    if shape.tag == f"{{{V}}}line":
        start, end = _point(shape.get("from", "0,0")), _point(shape.get("to", "0,0"))
        if start is None or end is None or abs(end[1] - start[1]) > FLAT_TWIPS:
            return None
        return DrawnLine(round(abs(end[0] - start[0])), round(min(start[0], end[0])), "vml", shape) \
            if end[0] != start[0] else None
    style = _style(shape.get("style", ""))
    if shape.get(f"{{{'urn:schemas-microsoft-com:office:office'}}}connectortype") is None and \
            shape.get("type") != "#_x0000_t32":
        return None  # a connector (t32 is Word's straight arrow connector) is a line; other shapes are not
    width, height = _length(style.get("width", "")), _length(style.get("height", "0"))
    if width is None or not width or (height or 0) > FLAT_TWIPS:
        return None
    left = _length(style.get("margin-left", style.get("left", "")))
    return DrawnLine(round(width), round(left) if left is not None else None, "vml", shape)


def _style(text: str) -> dict[str, str]:
    return {key.strip(): value.strip() for key, _, value in (part.partition(":") for part in text.split(";"))}


def _length(text: str) -> float | None:
    match = re.fullmatch(r"\s*(-?[\d.]+)\s*([a-z]*)\s*", text)
    if not match or match.group(2) not in _UNITS:
        return None
    return float(match.group(1)) * _UNITS[match.group(2)]


def _point(text: str) -> tuple[float, float] | None:
    parts = [_length(part) for part in text.split(",")]
    return (parts[0], parts[1]) if len(parts) == 2 and None not in parts else None  # type: ignore[return-value]


def _paragraph_border(p: etree._Element, text_area: int | None) -> DrawnLine | None:
    """A bottom border spans the paragraph between its indents: measurable inside a cell of known width."""
    bottom = p.find(f"{_W}pPr/{_W}pBdr/{_W}bottom")
    if bottom is None or bottom.get(_W + "val") in (None, "nil", "none"):
        return None
    cell = cell_width(p)
    width = cell - 2 * CELL_MARGIN_TWIPS if cell else None if _cell(p) is not None else text_area
    if width is None:
        return None
    ind = p.find(f"{_W}pPr/{_W}ind")
    left = _twips(ind, "left") or _twips(ind, "start")
    right = _twips(ind, "right") or _twips(ind, "end")
    return DrawnLine(width - left - right, left, "border", p)


def cell_border(p: etree._Element) -> DrawnLine | None:
    """The bottom border of the table cell the paragraph stands in, as long as the cell."""
    tc = _cell(p)
    bottom = tc.find(f"{_W}tcPr/{_W}tcBorders/{_W}bottom") if tc is not None else None
    if bottom is None or bottom.get(_W + "val") in (None, "nil", "none"):
        return None
    width = cell_width(p)
    return DrawnLine(width, 0, "cell_border", tc) if width else None


def _cell(p: etree._Element) -> etree._Element | None:
    parent = p.getparent()
    while parent is not None and parent.tag != _W + "tc":
        parent = parent.getparent()
    return parent


def cell_width(p: etree._Element) -> int | None:
    tc = _cell(p)
    width = tc.find(f"{_W}tcPr/{_W}tcW") if tc is not None else None
    if width is None or width.get(_W + "type", "dxa") != "dxa":
        return None
    return _twips(width, "w") or None


def _twips(element: etree._Element | None, attribute: str) -> int:
    value = element.get(_W + attribute) if element is not None else None
    try:
        return int(float(value)) if value is not None else 0
    except ValueError:
        return 0


def resize(line: DrawnLine, length: int) -> bool:
    """Make the line ``length`` twips long about the same middle; False for a form that cannot be
    resized (a cell's border is as long as the cell). A DrawingML line's VML copy follows it."""
    element, change = line.element, length - line.length
    if element is None or line.form == "cell_border":
        return False
    if line.form == "border":
        ind = ordered_child(ordered_child(element, "pPr"), "ind")
        for side in ("left", "right"):
            ind.set(_W + side, str(_twips(ind, side) - change // 2))
        return True
    if line.form == "shape":
        for extent in (element.find(f".//{{{WP}}}extent"), element.find(f".//{{{A}}}xfrm/{{{A}}}ext")):
            if extent is not None:
                extent.set("cx", str(length * EMU_PER_TWIP))
        offset = element.find(f".//{{{WP}}}positionH/{{{WP}}}posOffset")
        if offset is not None and (offset.text or "").lstrip("-").isdigit():
            offset.text = str(int(offset.text or "0") - change // 2 * EMU_PER_TWIP)
        for shape in _fallback_shapes(element):
            _resize_vml(shape, change)
        return True
    _resize_vml(element, change)
    return True


def _fallback_shapes(drawing: etree._Element) -> list[etree._Element]:
    choice = drawing.getparent()
    while choice is not None and choice.tag != f"{{{MC}}}Choice":
        choice = choice.getparent()
    fallback = choice.getnext() if choice is not None else None
    if fallback is None or fallback.tag != f"{{{MC}}}Fallback":
        return []
    return [*fallback.iter(f"{{{V}}}line"), *fallback.iter(f"{{{V}}}shape")]


def _resize_vml(shape: etree._Element, change: int) -> None:
    """Widen a v:line (its ends) or a connector v:shape (its style) by ``change`` twips, centred."""
    half = change / 2 / 20  # points
    if shape.tag == f"{{{V}}}line":
        start, end = _point(shape.get("from", "0,0")), _point(shape.get("to", "0,0"))
        if start is None or end is None:
            return
        (left, y1), (right, y2) = sorted([start, end])
        shape.set("from", f"{left / 20 - half:g}pt,{y1 / 20:g}pt")
        shape.set("to", f"{right / 20 + half:g}pt,{y2 / 20:g}pt")
        return
    style = _style(shape.get("style", ""))
    width = _length(style.get("width", ""))
    if width is None:
        return
    style["width"] = f"{width / 20 + 2 * half:g}pt"
    key = "margin-left" if "margin-left" in style else "left" if "left" in style else None
    left = _length(style[key]) if key else None
    if key and left is not None:
        style[key] = f"{left / 20 - half:g}pt"
    shape.set("style", ";".join(f"{name}:{value}" for name, value in style.items() if name))


def insert_line_after(p: etree._Element, length: int, width: int) -> etree._Element:
    """A new empty paragraph after ``p`` drawing a centred ``length``-twip line as its bottom border
    in a space ``width`` twips wide (the cell's or the page's text width): the templates' form."""
    indent = str(max((width - length) // 2, 0))
    line = etree.Element(_W + "p")
    ppr = etree.SubElement(line, _W + "pPr")  # children in the schema's order: pBdr, spacing, ind, jc, rPr
    bottom = etree.SubElement(etree.SubElement(ppr, _W + "pBdr"), _W + "bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(_W + key, value)
    spacing = etree.SubElement(ppr, _W + "spacing")
    for key, value in (("before", "0"), ("after", "0"), ("line", "240"), ("lineRule", "auto")):
        spacing.set(_W + key, value)
    ind = etree.SubElement(ppr, _W + "ind")
    ind.set(_W + "left", indent)
    ind.set(_W + "right", indent)
    etree.SubElement(ppr, _W + "jc").set(_W + "val", "center")
    etree.SubElement(etree.SubElement(ppr, _W + "rPr"), _W + "sz").set(_W + "val", "4")  # a 2 pt mark: no blank line
    p.addnext(line)
    return line
