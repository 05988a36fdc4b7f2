"""House text rules (family X): spacing around punctuation (X1), doubled spaces (X2), decomposed
Unicode (X3), two tone placements in one file (X4), capitalisation of Phụ lục II (X5) and a Công
văn's "V/v" summary typed in capitals (X6).

Patterns and word lists, each with its source, live in ``drafting/data/text_rules.json``. The
pure functions that find the spans (`spacing_edits`, `tone_edits`) are shared with ``fix.py``, so
what `--fix` changes is exactly what the check reports.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from drafting.check.anatomy import Anatomy
from drafting.check.docx_format import Paragraph
from drafting.check.findings import Finding, Unchecked, not_applicable, not_evaluated
from drafting.check.registry import declares
from drafting.check.rules import Context
from drafting.check.rules import finding as format_finding
from drafting.data_files import load
from drafting.parsing.text import TONE_PLACEMENTS, is_upper

SHOWN_HITS = 3  # a finding quotes the first few places of a paragraph, then counts the rest
TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}  # huyền, sắc, hỏi, ngã, nặng


@cache
def text_data() -> dict[str, Any]:
    return load("text_rules")  # type: ignore[no-any-return]


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with ``new``; ``rule`` is the finding it answers."""

    start: int
    end: int
    new: str
    rule: str


def finding(rule: str, where: str, piece: Any, found: str, expected: str, message: str) -> Finding:
    """A finding with the severity the data file gives the rule."""
    return format_finding(rule, where, piece, found, expected, message,
                          severity=text_data()["rules"][rule]["severity"])


def typed_paragraphs(anatomy: Anatomy) -> list[Paragraph]:
    """What a clerk types as running text: the trích yếu, "Kính gửi" and the body with its tables.
    The header stays out: "Số:      /KH-UBND" and "ngày   tháng" keep blanks to fill by hand."""
    chosen: dict[int, Paragraph] = {}
    for piece in [*anatomy.summary, *anatomy.subject_vv, *anatomy.recipient_to]:
        chosen.setdefault(piece.number, piece.paragraph)
    for paragraph in anatomy.body:
        chosen.setdefault(paragraph.number, paragraph)
    return [chosen[number] for number in sorted(chosen) if chosen[number].text.strip()]


# --------------------------------------------------------------------------------------------
# X1, X2: spacing


def spacing_edits(text: str) -> list[Edit]:
    """Spaces to delete: before , . ; : and inside ( ), and all but one of doubled spaces."""
    data = text_data()
    edits = [Edit(m.start(), m.end(), "", "X1") for key in
             ("space_before_punctuation", "space_inside_open", "space_inside_close")
             for m in _regex(data[key]).finditer(text)]
    taken = {index for edit in edits for index in range(edit.start, edit.end)}
    for m in _regex(data["double_space"]).finditer(text):
        if not taken.intersection(range(m.start(), m.end())):
            edits.append(Edit(m.start() + 1, m.end(), "", "X2"))
    return sorted(edits, key=lambda edit: edit.start)


def _context(text: str, edit: Edit) -> str:
    left = text[max(0, edit.start - 12):edit.start].lstrip()
    return f"“…{left}{text[edit.start:edit.end]}{text[edit.end:edit.end + 8]}…”"


@declares("X1", "X2")
def check_spacing(context: Context) -> Iterator[Finding | Unchecked]:
    paragraphs = typed_paragraphs(context.anatomy)
    if not paragraphs:
        yield from (not_evaluated(rule, "không tìm thấy phần nội dung") for rule in ("X1", "X2"))
    for paragraph in paragraphs:
        edits = spacing_edits(paragraph.text)
        for rule in ("X1", "X2"):
            mine = [edit for edit in edits if edit.rule == rule]
            if mine:
                yield _spacing_finding(paragraph, rule, mine)


def _spacing_finding(paragraph: Paragraph, rule: str, edits: list[Edit]) -> Finding:
    places = ", ".join(_context(paragraph.text, edit) for edit in edits[:SHOWN_HITS])
    more = f" và {len(edits) - SHOWN_HITS} chỗ khác" if len(edits) > SHOWN_HITS else ""
    if rule == "X1":
        return finding("X1", f"đoạn {paragraph.number}", paragraph, f"dấu cách thừa ở {places}{more}",
                       "dấu câu viết liền chữ trước; ngoặc viết liền chữ bên trong",
                       f"Bỏ dấu cách trước dấu câu (, . ; :) và ngay trong ngoặc đơn ({len(edits)} chỗ: "
                       f"{places}{more}).")
    return finding("X2", f"đoạn {paragraph.number}", paragraph, f"hai dấu cách liền nhau ở {places}{more}",
                   "một dấu cách giữa hai từ",
                   f"Giữa hai từ chỉ để một dấu cách ({len(edits)} chỗ: {places}{more}).")


# --------------------------------------------------------------------------------------------
# X3: decomposed Unicode


def is_decomposed(text: str) -> bool:
    return unicodedata.normalize("NFC", text) != text


@declares("X3")
def check_unicode_form(context: Context) -> Iterator[Finding]:
    paragraphs = [p for p in context.document.paragraphs if is_decomposed(p.text)]
    if paragraphs:
        first = paragraphs[0]
        yield finding("X3", f"đoạn {first.number}", first, f"{len(paragraphs)} đoạn gõ chữ tổ hợp (Unicode NFD)",
                      "chữ dựng sẵn (Unicode NFC, TCVN 6909:2001)",
                      f"Văn bản có {len(paragraphs)} đoạn gõ dấu bằng chữ tổ hợp (đoạn đầu tiên: {first.number}); "
                      "chuyển sang Unicode dựng sẵn để tìm kiếm, sắp xếp và chữ ký số đọc đúng.")


# --------------------------------------------------------------------------------------------
# X4: old ("hoá", "uỷ") and new ("hóa", "ủy") tone placement in one file


def tone_style(word: str) -> str | None:
    """ "old" when the tone sits on the second vowel of a final oa/oe/uy ("hoá"), "new" when on
    the first ("hóa"); None for every other word (a final consonant fixes the place: "hoàn")."""
    lower = word.lower()
    for old, new in TONE_PLACEMENTS:
        if lower.startswith("qu") and old.startswith("u"):
            continue  # "quý": the u belongs to "qu", the tone sits on y in both styles
        if lower.endswith(old):
            return "old"
        if lower.endswith(new):
            return "new"
    return None


def restyle(word: str, style: str) -> str:
    """The word with its final cluster's tone moved to ``style`` ("hoá" → "hóa"), case kept."""
    pairs = TONE_PLACEMENTS if style == "new" else [(new, old) for old, new in TONE_PLACEMENTS]
    lower = word.lower()
    for source, target in pairs:
        if lower.endswith(source):
            tail = "".join(t.upper() if s.isupper() else t for s, t in zip(word[-2:], target, strict=True))
            return word[:-2] + tail
    return word


def tone_words(text: str) -> Iterator[re.Match[str]]:
    return _regex(text_data()["tone_word"]).finditer(text)


def majority_style(texts: list[str]) -> tuple[str, Counter[str]] | None:
    """The style most words of the file use (the decree's "new" on a tie), when both are present."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(style for m in tone_words(unicodedata.normalize("NFC", text))
                      if (style := tone_style(m.group(0))))
    if counts["old"] == 0 or counts["new"] == 0:
        return None
    return ("old" if counts["old"] > counts["new"] else "new"), counts


def tone_edits(text: str, style: str) -> list[Edit]:
    return [Edit(m.start(), m.end(), restyle(m.group(0), style), "X4") for m in tone_words(text)
            if tone_style(m.group(0)) not in (None, style)]


@declares("X4")
def check_tone_placement(context: Context) -> Iterator[Finding]:
    paragraphs = [p for p in context.document.paragraphs if p.text.strip()]
    result = majority_style([p.text for p in paragraphs])
    if result is None:
        return
    style, counts = result
    names = {"old": "kiểu cũ (“hoá”, “uỷ”)", "new": "kiểu mới (“hóa”, “ủy”)"}
    minority = "old" if style == "new" else "new"
    for paragraph in paragraphs:
        edits = tone_edits(paragraph.text, style)
        if not edits:
            continue
        words = ", ".join(dict.fromkeys(f"“{paragraph.text[e.start:e.end]}” → “{e.new}”" for e in edits))
        yield finding("X4", f"đoạn {paragraph.number}", paragraph, f"bỏ dấu {names[minority]}: {words}",
                      f"bỏ dấu {names[style]} như phần lớn văn bản",
                      f"Văn bản dùng hai kiểu bỏ dấu thanh ({counts['new']} từ kiểu mới, {counts['old']} từ kiểu cũ); "
                      f"viết thống nhất theo {names[style]}: {words}.")


# --------------------------------------------------------------------------------------------
# X5: capitalisation of Phụ lục II


@cache
def _name_patterns() -> list[tuple[re.Pattern[str], dict[str, Any]]]:
    patterns = []
    for entry in text_data()["names"]:
        words = [_tone_free(word) for word in entry["canonical"].split()]
        patterns.append((re.compile(r"(?<![\w])" + r"\s+".join(words) + r"(?![\w])", re.IGNORECASE), entry))
    return patterns


def _tone_free(word: str) -> str:
    """A regex for the word in either tone placement ("Ủy" matches "Uỷ" too)."""
    for old, new in TONE_PLACEMENTS:
        if word.lower().endswith(new) or word.lower().endswith(old):
            return re.escape(word[:-2]) + f"(?:{re.escape(word[-2:])}|{re.escape(restyle(word, 'old')[-2:])}|" \
                f"{re.escape(restyle(word, 'new')[-2:])})"
    return re.escape(word)


def capitalisation_hits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the form Phụ lục II writes) for every miscapitalised name or special noun."""
    hits: list[tuple[int, int, str]] = []
    for pattern, entry in _name_patterns():
        for m in pattern.finditer(text):
            written = " ".join(m.group(0).split())
            if is_upper(written):
                continue  # a heading in capitals
            wanted = entry["canonical"]
            if entry["free_first"]:
                wanted = (str.lower if written[:1].islower() else str.upper)(wanted[:1]) + wanted[1:]
            if _case_key(written) != _case_key(wanted):
                hits.append((m.start(), m.end(), wanted))
    for entry in text_data()["contexts"]:
        for m in _regex(entry["regex"]).finditer(text):
            hits.append((m.start("word"), m.end("word"), entry["fix"]))
    return sorted(hits)


def _case_key(text: str) -> str:
    """Only the case matters here: tone placement is X4's business."""
    return "".join("U" if char.isupper() else "l" if char.isalpha() else " " for char in " ".join(text.split()))


@declares("X5")
def check_capitalisation(context: Context) -> Iterator[Finding | Unchecked]:
    paragraphs = typed_paragraphs(context.anatomy)
    if not paragraphs:
        yield not_evaluated("X5", "không tìm thấy phần nội dung")
    for paragraph in paragraphs:
        hits = capitalisation_hits(paragraph.text)
        if not hits:
            continue
        pairs = dict.fromkeys((paragraph.text[s:e], w) for s, e, w in hits)
        written = ", ".join(f"“{text}”" for text, _ in pairs)
        wanted = ", ".join(f"“{w}”" for _, w in pairs)
        changes = ", ".join(f"“{text}” → “{w}”" for text, w in pairs)
        yield finding("X5", f"đoạn {paragraph.number}", paragraph, written, f"{wanted} (Phụ lục II)",
                      f"Viết hoa theo Phụ lục II của Nghị định 30/2020/NĐ-CP: {changes}.")


# --------------------------------------------------------------------------------------------
# X6: a Công văn's "V/v" summary is sentence case


@declares("X6")
def check_subject_case(context: Context) -> Iterator[Finding | Unchecked]:
    anatomy = context.anatomy
    if not anatomy.subject_vv:
        yield not_applicable("X6", "văn bản không có trích yếu “V/v”")
        return
    text = " ".join(piece.text for piece in anatomy.subject_vv)
    body = re.sub(r"^\s*V/v\s*", "", text, flags=re.IGNORECASE)
    if sum(char.isalpha() for char in body) > 3 and is_upper(body):
        yield finding("X6", "phần đầu (ô số 5b)", anatomy.subject_vv[0], "trích yếu “V/v” in hoa toàn bộ",
                      "chữ in thường, chỉ viết hoa chữ đầu",
                      "Trích yếu công văn (“V/v …”) trình bày bằng chữ in thường như trích yếu của văn bản có tên "
                      "loại; chỉ viết hoa chữ đầu và danh từ riêng.")


TEXT_CHECKS = [check_spacing, check_unicode_form, check_tone_placement, check_capitalisation, check_subject_case]
