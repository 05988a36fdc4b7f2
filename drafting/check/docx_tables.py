"""The table facts the BG rules need that `docx_format` does not keep: which w:tbl a paragraph
stands in and whether its first row repeats on every page (w:tblHeader)."""

from __future__ import annotations

from lxml import etree

from drafting.check.docx_format import _W


def outer_table(p: etree._Element) -> etree._Element | None:
    """The outermost w:tbl around the paragraph (the checker numbers cells by it)."""
    found = None
    parent = p.getparent()
    while parent is not None:
        if parent.tag == _W + "tbl":
            found = parent
        parent = parent.getparent()
    return found


def first_row(tbl: etree._Element) -> etree._Element | None:
    return tbl.find(_W + "tr")


def repeats_header(tbl: etree._Element) -> bool:
    row = first_row(tbl)
    flag = row.find(f"{_W}trPr/{_W}tblHeader") if row is not None else None
    return flag is not None and flag.get(_W + "val", "true").lower() not in ("0", "false", "off")


def set_repeat_header(tbl: etree._Element) -> bool:
    """Mark the first row as a header row repeated on each page; False when there is no row."""
    row = first_row(tbl)
    if row is None:
        return False
    trpr = row.find(_W + "trPr")
    if trpr is None:
        trpr = etree.Element(_W + "trPr")
        row.insert(1 if row.find(_W + "tblPrEx") is not None else 0, trpr)
    flag = trpr.find(_W + "tblHeader")
    if flag is None:
        flag = etree.SubElement(trpr, _W + "tblHeader")
    flag.attrib.pop(_W + "val", None)
    return True
