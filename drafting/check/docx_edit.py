"""Edits to a DOCX's WordprocessingML that keep every run's formatting: the XML half of `--fix`.

Text edits work on a paragraph's shown text with a map from each character to its w:t element, so
a span that crosses run boundaries ("Ban Kiểm tra" in one run, " ;" in the next) is fixed in each
run it touches and every run keeps its own properties. Tabs and breaks are never edited.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable
from io import BytesIO
from pathlib import Path

from lxml import etree

from drafting.check.docx_format import _W, _paragraph_runs
from drafting.check.text_rules import Edit

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
Slot = tuple[etree._Element, int] | None


def text_slots(p: etree._Element) -> tuple[str, list[Slot]]:
    """The paragraph's text as its runs show it, and for each character its (w:t, offset)."""
    chars: list[str] = []
    slots: list[Slot] = []
    for r in _paragraph_runs(p):
        for child in r:
            if child.tag == _W + "t":
                for offset, char in enumerate(child.text or ""):
                    chars.append(char)
                    slots.append((child, offset))
            elif child.tag == _W + "tab":
                chars.append("\t")
                slots.append(None)
            elif child.tag in (_W + "br", _W + "cr"):
                chars.append("\n")
                slots.append(None)
    return "".join(chars), slots


def apply_edits(p: etree._Element, edits: Iterable[Edit]) -> int:
    """Apply deletions and same-length replacements; returns how many edits were made."""
    text, slots = text_slots(p)
    changed: dict[etree._Element, list[str]] = {}
    done = 0
    for edit in edits:
        span = slots[edit.start:edit.end]
        if any(slot is None for slot in span) or (edit.new and len(edit.new) != len(span)):
            continue  # a tab or a break inside, or a replacement that would shift the map
        for index, slot in enumerate(span):
            assert slot is not None
            element, offset = slot
            letters = changed.setdefault(element, list(element.text or ""))
            letters[offset] = edit.new[index] if edit.new else ""
        done += 1
    for element, letters in changed.items():
        _set_text(element, "".join(letters))
    return done


def _set_text(t: etree._Element, text: str) -> None:
    t.text = text
    if text != text.strip():
        t.set(XML_SPACE, "preserve")


def normalise_text(root: etree._Element) -> int:
    """NFC for every w:t of the part; returns how many were decomposed."""
    count = 0
    for t in root.iter(_W + "t"):
        if t.text and unicodedata.normalize("NFC", t.text) != t.text:
            _set_text(t, unicodedata.normalize("NFC", t.text))
            count += 1
    return count


# The order ECMA-376 gives the children of these elements (Word refuses a file that breaks it).
ORDER = {
    "pPr": ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
            "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"),
    "rPr": ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
            "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
            "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
            "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange"),
    "pBdr": ("top", "left", "bottom", "right", "between", "bar"),
}


def ordered_child(parent: etree._Element, tag: str) -> etree._Element:
    """The parent's child ``tag``, created in its schema place when missing (w:pPr and w:rPr first
    in their paragraph or run)."""
    found = parent.find(_W + tag)
    if found is not None:
        return found
    found = etree.Element(_W + tag)
    if tag in ("pPr", "rPr") and parent.tag in (_W + "p", _W + "r"):
        parent.insert(0, found)
        return found
    order = ORDER.get(parent.tag.rsplit("}", 1)[-1], ())
    later = order[order.index(tag) + 1:] if tag in order else ()
    successor = next((child for child in parent if child.tag.rsplit("}", 1)[-1] in later), None)
    if successor is not None:
        successor.addprevious(found)
    else:
        parent.append(found)
    return found


def run_properties(r: etree._Element) -> etree._Element:
    return ordered_child(r, "rPr")


def paragraph_properties(p: etree._Element) -> etree._Element:
    return ordered_child(p, "pPr")


def set_font(r: etree._Element, name: str) -> None:
    """Direct fonts for the run; theme fonts are dropped, since Word lets them win over the names."""
    fonts = ordered_child(run_properties(r), "rFonts")
    for attribute in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
        fonts.attrib.pop(_W + attribute, None)
    for attribute in ("ascii", "hAnsi", "cs"):
        fonts.set(_W + attribute, name)


def set_size(r: etree._Element, points: float) -> None:
    rpr = run_properties(r)
    for tag in ("sz", "szCs"):
        ordered_child(rpr, tag).set(_W + "val", str(round(points * 2)))


def set_alignment(p: etree._Element, value: str) -> None:
    ordered_child(paragraph_properties(p), "jc").set(_W + "val", value)


def runs(p: etree._Element) -> list[etree._Element]:
    return _paragraph_runs(p)


def clamp_margins(root: etree._Element, limits: dict[str, tuple[int, int]], slack: int) -> list[tuple[str, int, int]]:
    """Each section's margins outside [low - slack, high + slack] twips moved to the nearer bound
    (the left one with its binding gutter, as the checker reads it); returns (side, old, new)."""
    changes = []
    for margins in root.iter(_W + "pgMar"):
        gutter_value = margins.get(_W + "gutter", "0")
        gutter = abs(int(gutter_value)) if gutter_value.lstrip("-").isdigit() else 0
        for side, (low, high) in limits.items():
            value = margins.get(_W + side)
            if value is None or not value.lstrip("-").isdigit():
                continue
            extra = gutter if side == "left" else 0
            old = abs(int(value)) + extra
            if low - slack <= old <= high + slack:
                continue
            new = low if old < low else high
            margins.set(_W + side, str((new - extra) if int(value) >= 0 else -(new - extra)))
            changes.append((side, old, new))
    return changes


def write_docx(original: bytes, parts: dict[str, etree._Element], target: Path) -> None:
    """A copy of the package with ``parts`` replaced, written to a temporary file in the target's
    folder and renamed over it: a reader never sees a half-written file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".fix-", suffix=".docx", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream, zipfile.ZipFile(BytesIO(original)) as source, \
                zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in source.infolist():
                if info.filename in parts:
                    data = etree.tostring(parts[info.filename], xml_declaration=True, encoding="UTF-8",
                                          standalone=True)
                else:
                    data = source.read(info.filename)
                copy.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; the copy is an ordinary file
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise



def add_bottom_border(p: etree._Element) -> None:
    """A solid ½ pt bottom border on the paragraph: the short rule line the project's templates draw."""
    borders = ordered_child(paragraph_properties(p), "pBdr")
    bottom = ordered_child(borders, "bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(_W + key, value)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
