"""`drafting check --fix`: the fixes that cannot change what a document says, applied to a copy.

Fixed here: spacing around punctuation and doubled spaces (X1, X2), decomposed Unicode (X3), the
minority tone placement (X4), fonts that are not Times New Roman (P4), the body's size and
justification (B1), margins (P3), a long table's header row not repeated on each page (BG4), a
rule line too short or too long (C6, Q3, T4: resized about its middle) or missing where the width
under its text is known (drawn as a bottom border). Everything else (wording, numbering, the
header's layout, signatures) is left for a person and listed.
Edits go through `docx_edit`, which keeps each run's formatting; the copy is written atomically and
checked again.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from drafting.check import check_docx, check_format, read_docx
from drafting.check.anatomy import Anatomy, Piece, read_anatomy
from drafting.check.docx_edit import (
    apply_edits,
    clamp_margins,
    normalise_text,
    runs,
    set_alignment,
    set_font,
    set_size,
    text_slots,
    write_docx,
)
from drafting.check.docx_format import DocxFormat, Paragraph
from drafting.check.docx_lines import insert_line_after, resize
from drafting.check.docx_tables import outer_table, repeats_header, set_repeat_header
from drafting.check.drawn_rules import Measure, measures
from drafting.check.findings import CheckReport, Finding
from drafting.check.rules import (
    ALIGN_NAMES,
    TWIPS_PER_MM,
    Context,
    _is_heading,
    _text_paragraphs,
    recipient_items,
)
from drafting.check.table_rules import body_tables, table_data
from drafting.check.text_rules import majority_style, spacing_edits, tone_edits, typed_paragraphs
from drafting.check.values import rules_data
from drafting.errors import UsageError
from drafting.parsing.text import aligned_key
from drafting.readers import read_document

FIXED_RULES = ("X1", "X2", "X3", "X4", "P3", "P4", "B1", "BG4", "C6", "Q3", "T4")
SIZED_RULES = ("Q1", "Q2", "C4", "C5", "N4", "D4", "T2", "T3", "T6", "R2", "R3", "R4", "S2", "S3")
SYMBOL_FONTS = ("Symbol", "Wingdings", "Webdings")  # bullets drawn from these are glyphs, not letters


@dataclass
class FixResult:
    source: str
    output: Path
    before: CheckReport
    after: CheckReport
    changes: list[str] = field(default_factory=list)
    # Paragraphs whose header or closing sizes were left alone: two elements share the paragraph
    # (columns laid out with tabs), so a run's element is not known.
    declined: set[int] = field(default_factory=set)

    @property
    def left(self) -> list[Finding]:
        """What a person still has to do."""
        return self.after.findings


def fix_docx(path: Path | str, output: Path | str) -> FixResult:
    output = Path(output)
    if output.resolve() == Path(path).resolve():
        raise UsageError("fix_same_file", path=str(path))
    name, data, document = read_docx(path)
    before = check_format(document, name)
    root = _document_root(document)
    changes: list[str] = []
    declined: set[int] = set()
    if root is not None:
        changes, declined = _fix(document, root)
    write_docx(data, {"word/document.xml": root} if root is not None else {}, output)
    return FixResult(source=name, output=output, before=before, after=check_docx(output), changes=changes,
                     declined=declined)


def _document_root(document: DocxFormat) -> etree._Element | None:
    element = next((p.element for p in document.paragraphs if p.element is not None), None)
    return element.getroottree().getroot() if element is not None else None


def _fix(document: DocxFormat, root: etree._Element) -> tuple[list[str], set[int]]:
    context = Context(document, read_anatomy(document))
    changes: list[str] = []
    decomposed = normalise_text(root)  # first: the other edits are computed on NFC text
    if decomposed:
        changes.append(f"X3: chuyển {decomposed} đoạn chữ tổ hợp (NFD) sang Unicode dựng sẵn (NFC)")
    changes += _fix_spacing(typed_paragraphs(context.anatomy))
    changes += _fix_tones(document.paragraphs)
    changes += _fix_fonts(document.paragraphs)
    changes += _fix_body(context)
    changes += _fix_margins(root)
    changes += _fix_table_headers(context)
    changes += _fix_lines(context)
    sizes, declined = _fix_element_sizes(context)
    return changes + sizes, declined


def _element_pieces(anatomy: Anatomy) -> list[tuple[str, Piece]]:
    """(key of ``elements`` in decree30_rules.json, piece) for every header and closing element."""
    pairs: list[tuple[str, Piece | None]] = [
        ("quoc_hieu", anatomy.quoc_hieu), ("tieu_ngu", anatomy.tieu_ngu), ("number", anatomy.number),
        ("place_date", anatomy.place_date), ("type_heading", anatomy.type_heading),
        ("recipients_heading", anatomy.recipients_heading)]
    for key, pieces in (("issuer", anatomy.issuer), ("superior", anatomy.superior), ("summary", anatomy.summary),
                        ("subject_vv", anatomy.subject_vv), ("recipient_to", anatomy.recipient_to),
                        ("recipient_item", recipient_items(anatomy.recipients, anatomy.recipients_heading)),
                        ("authority", anatomy.signature.lines if anatomy.signature else [])):
        pairs += [(key, piece) for piece in pieces]
    if anatomy.signature:
        pairs.append(("signer_name", anatomy.signature.name))
    return [(key, piece) for key, piece in pairs if piece is not None]


def _fix_element_sizes(context: Context) -> tuple[list[str], set[int]]:
    """Header and closing elements set into their size range (Q1, Q2, C4, C5, N4, D4, T2, T3, R2–R4, S2,
    S3); a paragraph that holds two elements of different ranges is declined."""
    elements = context.data["elements"]
    ranges: dict[int, set[tuple[float, float]]] = {}
    paragraphs: dict[int, Paragraph] = {}
    for key, piece in _element_pieces(context.anatomy):
        if "size" in elements[key]:
            ranges.setdefault(piece.number, set()).add(tuple(elements[key]["size"]))  # type: ignore[arg-type]
            paragraphs[piece.number] = piece.paragraph
    declined = {number for number, found in ranges.items() if len(found) > 1}
    changed = []
    for number, found in ranges.items():
        paragraph = paragraphs[number]
        if number in declined or paragraph.element is None:
            continue
        if _clamp_sizes(paragraph, *next(iter(found))):
            changed.append(number)
    return ([f"Cỡ chữ phần đầu và phần cuối: đưa về cỡ quy định ở {len(changed)} đoạn ({_numbers(changed)})"]
            if changed else []), declined


def _fix_lines(context: Context) -> list[str]:
    """Resize a line out of its range; draw a missing one under its text when the width it stands in
    is known (a header cell, or the page for the trích yếu outside a table)."""
    changes = []
    for item in measures(context):
        if not isinstance(item, Measure) or not item.wrong:
            continue
        new = f"{item.target / TWIPS_PER_MM:.1f}".replace(".", ",")
        if item.line is not None and resize(item.line, item.target):
            old = f"{item.line.length / TWIPS_PER_MM:.1f}".replace(".", ",")
            changes.append(f"{item.rule}: đường kẻ dài {old} mm → {new} mm")
        elif item.line is None and item.room and item.pieces[-1].paragraph.element is not None:
            insert_line_after(item.pieces[-1].paragraph.element, item.target, item.room)
            changes.append(f"{item.rule}: kẻ đường kẻ {new} mm dưới “{item.pieces[-1].text[:30]}”")
    return changes


def _fix_table_headers(context: Context) -> list[str]:
    long_rows = table_data()["long_table_rows"]
    changed = []
    for paragraphs in body_tables(context).values():
        rows = max(p.cell[1] for p in paragraphs if p.cell) + 1
        element = paragraphs[0].element
        table = outer_table(element) if element is not None else None
        if rows > long_rows and table is not None and not repeats_header(table) and set_repeat_header(table):
            changed.append(paragraphs[0].number)
    return [f"BG4: lặp lại dòng tiêu đề ở mỗi trang cho {len(changed)} bảng (từ đoạn {_numbers(changed)})"] \
        if changed else []


def _fix_spacing(paragraphs: list[Paragraph]) -> list[str]:
    changes = []
    for paragraph in paragraphs:
        if paragraph.element is None:
            continue
        text, _ = text_slots(paragraph.element)
        edits = spacing_edits(text)
        done = apply_edits(paragraph.element, edits)
        if done:
            rules = "/".join(sorted({edit.rule for edit in edits}))
            changes.append(f"{rules} đoạn {paragraph.number}: bỏ {done} chỗ dấu cách thừa")
    return changes


def _fix_tones(paragraphs: list[Paragraph]) -> list[str]:
    texts = {p.number: text_slots(p.element)[0] for p in paragraphs if p.element is not None}
    result = majority_style(list(texts.values()))
    if result is None:
        return []
    style = result[0]
    changes = []
    for paragraph in paragraphs:
        if paragraph.element is None:
            continue
        edits = tone_edits(texts[paragraph.number], style)
        if apply_edits(paragraph.element, edits):
            words = ", ".join(dict.fromkeys(edit.new for edit in edits))
            changes.append(f"X4 đoạn {paragraph.number}: viết thống nhất kiểu bỏ dấu {style_name(style)} ({words})")
    return changes


def style_name(style: str) -> str:
    return "mới (“hóa”)" if style == "new" else "cũ (“hoá”)"


def _xml_runs(paragraph: Paragraph) -> list[tuple[etree._Element, int]]:
    """Each XML run of the paragraph with the index of its `Run` (after a numbering label, if any)."""
    assert paragraph.element is not None
    elements = runs(paragraph.element)
    shift = len(paragraph.runs) - len(elements)
    return [(element, index + shift) for index, element in enumerate(elements)] if shift in (0, 1) else []


def _fix_fonts(paragraphs: list[Paragraph]) -> list[str]:
    wanted = rules_data()["font"]["name"]
    changed = []
    for paragraph in paragraphs:
        if paragraph.element is None:
            continue
        count = 0
        for element, index in _xml_runs(paragraph):
            run = paragraph.runs[index]
            fonts = {font for font in run.fonts if font}
            if not run.visible or not fonts - {wanted} or fonts & set(SYMBOL_FONTS) or _private_use(run.text):
                continue
            set_font(element, wanted)
            count += 1
        if count:
            changed.append(paragraph.number)
    return [f"P4: đổi phông sang {wanted} ở {len(changed)} đoạn ({_numbers(changed)})"] if changed else []


def _private_use(text: str) -> bool:
    return any(0xE000 <= ord(char) <= 0xF8FF for char in text)


def _clamp_sizes(paragraph: Paragraph, low: float, high: float) -> int:
    """Runs of the paragraph sized outside [low, high] set to the nearer bound; how many were."""
    count = 0
    for element, index in _xml_runs(paragraph):
        size = paragraph.runs[index].format.size
        if paragraph.runs[index].visible and size is not None and not low <= size <= high:
            set_size(element, high if size > high else low)
            count += 1
    return count


def _fix_body(context: Context) -> list[str]:
    spec = context.data["body"]
    low, high = spec["size"]
    sized, aligned = [], []
    for paragraph in _text_paragraphs(context.anatomy):
        if paragraph.element is None:
            continue
        if _clamp_sizes(paragraph, low, high):
            sized.append(paragraph.number)
        if not _is_heading(paragraph) and paragraph.format.alignment not in spec["justified"]:
            set_alignment(paragraph.element, "both")
            aligned.append(paragraph.number)
    changes = []
    if sized:
        changes.append(f"B1: đưa cỡ chữ nội dung về {low:g}–{high:g} pt ở {len(sized)} đoạn ({_numbers(sized)})")
    if aligned:
        changes.append(f"B1: căn đều hai lề {len(aligned)} đoạn nội dung ({_numbers(aligned)})")
    return changes


def _fix_margins(root: etree._Element) -> list[str]:
    limits = rules_data()["margins_mm"]
    names = rules_data()["margin_names"]
    twips = {side: (math.ceil(limits[side][0] * TWIPS_PER_MM), math.floor(limits[side][1] * TWIPS_PER_MM))
             for side in ("top", "bottom", "left", "right")}
    slack = math.floor(limits["tolerance_mm"] * TWIPS_PER_MM)  # what the check lets pass is left alone
    return [f"P3: {names[side]} {old / TWIPS_PER_MM:.1f} mm → {new / TWIPS_PER_MM:.1f} mm".replace(".", ",")
            for side, old, new in clamp_margins(root, twips, slack)]


def _numbers(numbers: list[int]) -> str:
    shown = ", ".join(str(number) for number in numbers[:8])
    return shown + (f", … ({len(numbers) - 8} đoạn nữa)" if len(numbers) > 8 else "")


# --------------------------------------------------------------------------------------------
# Checking a fix: the fixed rules pass, the text is the same apart from the fixes


def unfixed(result: FixResult) -> list[Finding]:
    """Findings of the kinds `--fix` repairs that the fixed copy still has (should be none)."""
    aligned = {name for name in ALIGN_NAMES.values()}
    left = []
    for item in result.after.findings:
        if item.rule == "B1" and not (item.found.startswith("cỡ chữ") or item.found in aligned):
            continue  # indents, spacing between paragraphs, italics: left for a person
        if item.rule == "P4" and (item.paragraph is None or item.found.startswith("màu")):
            continue  # page-number fonts and colours are not fixed
        if item.rule in ("C6", "Q3", "T4") and item.found == "không có đường kẻ":
            continue  # a missing line is drawn by a person
        if item.rule in SIZED_RULES and item.found.startswith("cỡ chữ") and item.paragraph not in result.declined:
            left.append(item)
            continue
        if item.rule in FIXED_RULES:
            left.append(item)
    return left


def comparable_text(path: Path) -> list[str]:
    """The document's lines as `drafting parse` reads them, with what the fixes may change made
    uniform: Unicode form, spaces, tone placement."""
    lines = []
    for block in read_document(path).blocks:
        text = unicodedata.normalize("NFC", block.text)
        text = re.sub(r"\s+([,.;:)])", r"\1", re.sub(r"\(\s+", "(", text))
        text = " ".join(text.split())
        if text:
            # Tone placement made uniform in lower case, and the case of every letter kept apart.
            lines.append(aligned_key(text) + " | " + "".join("U" if c.isupper() else "." for c in text))
    return lines
