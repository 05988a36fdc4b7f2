"""A legal portal's page around a document: told apart from the document, its metadata kept apart.

A clerk copies the page of a legal-information portal (or saves it as HTML): the document sits
between the portal's chrome — copyright notices, "Đang tải văn bản...", a metadata table ("Số hiệu |
… | Loại văn bản | … | Người ký | …"), a summary, then after the document the portal's own title line,
related documents, notices and login text. `detect` finds where the document starts and ends, reads
the metadata table and reports every part of the page it drops. `paragraph_starts` re-joins the
page's hard-wrapped lines into paragraphs ("THỰC\\nHIỆN QUYẾT ĐỊNH…", "ngày 18\\ntháng 11 năm 2025").

Patterns and labels live in ``data/portal.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from drafting.data_files import load
from drafting.model import Warning
from drafting.parsing.labels import read_label
from drafting.parsing.text import UPPER, fold, is_upper

_MARKS = re.compile(r"\*+|_{2,}")
_LETTER_LABEL = re.compile(r"^[a-zđ]\)\s")
_PAREN_LABEL = re.compile(r"^\(\d{1,2}\)\s")
_DASH_ITEM = re.compile(rf"^[-+•–]\s*[{UPPER}]")
_TERMINAL = (".", ";", ":", "!", "?")
_SHORT_HEADER = 40  # header cells ("BỘ TÀI CHÍNH" / "CỤC THUẾ") are short; titles wrap near 80


@cache
def _data() -> dict:
    return load("portal")


@cache
def _end_patterns() -> list[re.Pattern[str]]:
    data = _data()
    return [re.compile(p) for p in data["end_markers"]] + [re.compile(data["english_title"])]


@dataclass
class PortalPage:
    start: int  # index of the document's first line (a "|" that opens its header table, if any)
    end: int  # one past its last line
    meta: dict[str, str] = field(default_factory=dict)  # the portal's metadata: number, type, issuer, …
    warnings: list[Warning] = field(default_factory=list)


def plain(line: str) -> str:
    """A line without emphasis marks, heading marks and outer spaces."""
    return _MARKS.sub("", line).strip().lstrip("#").strip()


def detect(lines: list[str], numbers: list[int] | None = None) -> PortalPage | None:
    """The document inside a portal page, or None when the lines are no portal page."""
    numbers = numbers or list(range(1, len(lines) + 1))
    texts = [plain(line) for line in lines]
    whole = "\n".join(texts)
    markers = sum(1 for marker in _data()["markers"] if marker in whole)
    meta, first, table_end = _metadata(texts)
    if markers < _data()["min_markers"] and len(meta) < 3:
        return None
    start = _document_start(lines, texts, table_end) if meta else 0
    end = _document_end(texts, start, meta)
    page = PortalPage(start, end, meta)
    _report(page, texts, numbers, first, table_end)
    return page


def _metadata(texts: list[str]) -> tuple[dict[str, str], int, int]:
    """The portal's table "Số hiệu: | 11299/VPCP-KGVX | Loại văn bản: | Công văn | …" (first one only)."""
    labels = {fold(label): key for label, key in _data()["metadata_labels"].items()}

    def label_at(index: int) -> str | None:
        text = texts[index]
        return labels.get(fold(text[:-1])) if text.endswith(":") else None

    first = next((i for i in range(len(texts)) if label_at(i)), None)
    if first is None:
        return {}, 0, 0
    meta: dict[str, str] = {}
    index = first
    while True:
        key = label_at(index)
        value = _next_text(texts, index + 1)
        if key is None or value is None:
            return meta, first, index
        meta.setdefault(key, texts[value])
        following = _next_text(texts, value + 1)
        if following is None or label_at(following) is None:
            return meta, first, value + 1
        index = following


def _next_text(texts: list[str], index: int) -> int | None:
    while index < len(texts):
        if texts[index] and texts[index] != "|":
            return index
        index += 1
    return None


def _document_start(lines: list[str], texts: list[str], table_end: int) -> int:
    """After the metadata table and the portal's summary ("## Nguyên tắc …" up to the next "|")."""
    index = table_end
    summary = re.compile(_data()["summary_heading"])
    while True:
        found = _next_text(texts, index)
        if found is None:
            return table_end
        if summary.match(lines[found].strip()) and texts[found]:
            index = found + 1
            while index < len(texts) and texts[index] != "|":
                index += 1
            continue
        start = found
        break
    opens_table = start > 0 and texts[start - 1] == "|" and is_upper(texts[start])  # the header's first cell
    return start - 1 if opens_table else start


def _document_end(texts: list[str], start: int, meta: dict[str, str]) -> int:
    """The portal's own title line ("Công văn 11299/VPCP-KGVX năm 2025 …") or a footer marker."""
    title = f"{meta['type']} {meta['number']}" if meta.get("type") and meta.get("number") else None
    for index in range(start, len(texts)):
        text = texts[index]
        if title and text.startswith(title):
            return index
        if any(p.match(text) for p in _end_patterns()):
            return index
    return len(texts)


def _report(page: PortalPage, texts: list[str], numbers: list[int], first: int, table_end: int) -> None:
    """Every dropped part of the page is a warning with its lines, never a silent cut."""
    if page.meta:
        shown = "; ".join(f"{key}: {value}" for key, value in page.meta.items())
        last = numbers[max(table_end - 1, first)]
        page.warnings.append(Warning(
            "portal_metadata",
            f"Bảng thuộc tính của cổng thông tin pháp luật (dòng {numbers[first]}–{last}) "
            f"không phải nội dung văn bản; giữ riêng trong meta.portal ({shown}).",
            numbers[first],
        ))
    before = [i for i in range(page.start) if texts[i] and texts[i] != "|" and not first <= i < table_end]
    after = [i for i in range(page.end, len(texts)) if texts[i] and texts[i] != "|"]
    for kept, where in ((before, "trước"), (after, "sau")):
        if kept:
            sample = texts[kept[0]][:60]
            page.warnings.append(Warning(
                "portal_chrome",
                f"Bỏ {len(kept)} dòng của trang web {where} văn bản (dòng {numbers[kept[0]]}–{numbers[kept[-1]]}: "
                f"bản quyền, trình đơn, tóm tắt, văn bản liên quan, thông báo của cổng), bắt đầu “{sample}”.",
                numbers[kept[0]],
            ))


def table_ends(lines: list[str], start: int, end: int) -> set[int]:
    """Indexes of the "|" lines that close a flattened table: the header table after its place-and-date
    cell, the closing table after the signature cell. (A copy saved as text has no blank line there.)"""
    from drafting.parsing.closing import is_recipients_heading, is_signature_start
    from drafting.parsing.patterns import pattern

    place_date = pattern("place_date", re.IGNORECASE)
    ends: set[int] = set()
    texts = [plain(line) for line in lines]
    bars = [i for i in range(start, end) if texts[i] == "|"]

    def bar_after(index: int, skip: int = 0) -> int | None:
        later = [b for b in bars if b > index]
        return later[skip] if len(later) > skip else None

    starts = paragraph_starts(lines, start, end)
    date, joined = None, ""
    for index in range(start, min(end, start + 60)):
        joined = texts[index] if index in starts or texts[index] == "|" else f"{joined} {texts[index]}"
        if place_date.search(joined):
            date = index
            break
    if date is not None and (found := bar_after(date)) is not None:
        ends.add(found)
    heading = next((i for i in range(start, end) if is_recipients_heading(texts[i])), None)
    signature = bar_after(heading, 1) if heading is not None else None
    if heading is None:
        first = next((i for i in range(start, end) if texts[i] and is_signature_start(texts[i])), None)
        signature = bar_after(first) if first is not None else None
    if signature is not None:
        ends.add(signature)
    return ends


def paragraph_starts(lines: list[str], start: int, end: int) -> set[int]:
    """Indexes of the lines that open a new paragraph inside the document (cells are "|" lines).

    A copied page keeps the HTML source's wrapping: a paragraph runs over several lines with no
    blank line between paragraphs. A line continues the one before while emphasis is open, when it
    starts in lower case or with a number that is no label, or when the line before ends mid-phrase;
    it opens a paragraph after a closed bold or italic run, at a label, a "- Upper" item, an opener
    ("Căn cứ", "Kính gửi"), after a sentence's end, and between upper-case and normal text."""
    starts: set[int] = set()
    previous: int | None = None
    bold = italic = False
    for index in range(start, end):
        raw = lines[index].strip()
        if raw == "|":
            previous, bold, italic = None, False, False
            continue
        text = plain(raw)
        if previous is not None and text and _opens(lines[previous].strip(), raw, bold or italic):
            starts.add(index)
            bold = italic = False
        if previous is None:
            starts.add(index)
        bold, italic = _emphasis_after(raw, bold, italic)
        if text:
            previous = index
    return starts


def _emphasis_after(raw: str, bold: bool, italic: bool) -> tuple[bool, bool]:
    doubles = len(re.findall(r"\*\*", raw))
    singles = raw.replace("**", "").replace("(*)", "").count("*")
    return bold ^ (doubles % 2 == 1), italic ^ (singles % 2 == 1)


def _opens(before_raw: str, raw: str, emphasis_open: bool) -> bool:
    if emphasis_open:
        return False
    before, text = plain(before_raw), plain(raw)
    label = read_label(text)
    only_label = read_label(before)
    if only_label is not None and not only_label.rest and only_label.kind not in ("dash", "plus"):
        return label is not None and label.kind not in ("dash", "plus")  # "**Điều 1.**" / its text
    if _LETTER_LABEL.match(text) or _PAREN_LABEL.match(text):
        return True
    if raw.startswith("*") or before_raw.endswith("*"):
        return not text[:1].islower()
    first = text[:1]
    if first.islower():
        return False
    if _DASH_ITEM.match(text) or (label is not None and label.kind not in ("dash", "plus") and label.rest):
        return True
    if any(text.startswith(opener) for opener in _data()["paragraph_openers"]):
        return True
    if before.endswith(_TERMINAL) or before.endswith("./."):
        return not first.isdigit()
    if first.isdigit() or not first.isalpha():
        return False
    if is_upper(before) != is_upper(text):
        return True
    return is_upper(before) and len(before) < _SHORT_HEADER and _starts_body(text)


def _starts_body(text: str) -> bool:
    from drafting.parsing.issuer import starts_with_body

    return starts_with_body(text)
