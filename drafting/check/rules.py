"""The Decree 30 format checks, one small function per rule or group of close rules.

Each check takes the `Context` (formatting facts + where the elements are) and yields `Finding`s.
Every number, regex, text and table lives in ``drafting/data/decree30_rules.json``; rule IDs are
those of shared/spec/decree30.md. Rules tagged [UNCONFIRMED] there are not checked; [PRACTICE],
[DERIVED] and [ND30-mẫu] ones say so in their message (``rule_tags`` in the data file).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from drafting.check.anatomy import (
    LEFT,
    RIGHT,
    Anatomy,
    Piece,
    label_of,
    pieces_of,
    signature_prefix,
)
from drafting.check.docx_format import DocxFormat, PageNumber, Paragraph, Section
from drafting.check.findings import WARNING, Finding, RuleResult, Unchecked, not_applicable, not_evaluated
from drafting.check.registry import counted, declares, run_checks
from drafting.check.values import rules_data
from drafting.parsing.labels import Label
from drafting.parsing.text import fold, is_upper

TWIPS_PER_MM = 1440 / 25.4
MARGINS_WHERE = "lề trang"
ALIGN_NAMES = {"left": "căn trái", "both": "căn đều hai lề", "distribute": "căn đều hai lề",
               "center": "canh giữa", "right": "căn phải"}


@dataclass
class Context:
    document: DocxFormat
    anatomy: Anatomy

    @property
    def data(self) -> dict[str, Any]:
        return rules_data()


Check = Callable[[Context], Iterable[Finding | Unchecked]]
NO_HEADER = "văn bản là phụ lục, không có phần đầu riêng"
NOT_OWN_ISSUE = "văn bản ban hành kèm theo văn bản khác (hoặc là phụ lục): không có số, ngày, nơi nhận, chữ ký riêng"


def expects_header(context: Context) -> bool:
    """A file that is itself a Phụ lục has no header of its own (A2, A3 give its top lines)."""
    return context.anatomy.kind != "appendix"


def expects_own_issue(context: Context) -> bool:
    """Number, date, recipients and signature: a text issued with a decision, or an appendix,
    takes them from the decision."""
    return context.anatomy.kind == "document"


# --------------------------------------------------------------------------------------------
# Building findings


def _unchecked(kind: Callable[[str, str], Unchecked], reason: str, *rules: str) -> Iterator[Unchecked]:
    for rule in rules:
        yield kind(rule, reason)


def finding(rule: str, where: str, piece: Piece | Paragraph | None, found: str, expected: str, message: str,
            severity: str = "error") -> Finding:
    paragraph = piece.paragraph if isinstance(piece, Piece) else piece
    note = rules_data()["tag_notes"].get(rules_data()["rule_tags"].get(rule, ""), "")
    if note:
        message = message.rstrip(".") + note + "."
    return Finding(rule=rule, where=where, paragraph=paragraph.number if paragraph else None,
                   excerpt=excerpt(paragraph), found=found, expected=expected, message=message,
                   severity=severity)


def excerpt(paragraph: Paragraph | None) -> str:
    # NFC, as the parser reads it: an excerpt of a decomposed (X3) paragraph is still searchable.
    return " ".join(unicodedata.normalize("NFC", paragraph.text).split())[:60] if paragraph else ""


def whole(paragraph: Paragraph) -> Piece:
    """A whole paragraph as one piece (list items, body paragraphs: soft line breaks are wraps)."""
    pieces = pieces_of(paragraph)
    runs = [run for piece in pieces for run in piece.runs]
    return Piece(paragraph, " ".join(piece.raw for piece in pieces), runs)


def points(value: float | None) -> str:
    if value is None:
        return "không rõ"
    return f"{value:g}".replace(".", ",") + " pt"


def point_range(low: float, high: float) -> str:
    return points(low) if low == high else f"{low:g}–{high:g} pt".replace(".", ",")


def millimetres(twips: int) -> str:
    return f"{twips / TWIPS_PER_MM:.1f}".replace(".", ",") + " mm"


def _message(name: str, found: str, expected: str) -> str:
    return f"{name}: cần {expected}, văn bản đang là {found}."


# --------------------------------------------------------------------------------------------
# The look of an element: size, bold, italic, case, alignment (spec in the data file)


def look(piece: Piece | None, key: str) -> list[Finding]:
    if piece is None or not piece.visible_runs:
        return []
    spec = rules_data()["elements"][key]
    found: list[Finding] = []
    for aspect in (_size, _bold, _italic, _case, _align):
        result = aspect(piece, spec)
        if result:
            rule = spec.get("align_rule", spec["rule"]) if aspect is _align else spec["rule"]
            found.append(finding(rule, spec["where"], piece, result[0], result[1],
                                 _message(spec["name"], result[0], result[1])))
    return found


def _size(piece: Piece, spec: dict[str, Any]) -> tuple[str, str] | None:
    if "size" not in spec:
        return None
    low, high = spec["size"]
    sizes = sorted({run.format.size or 0 for run in piece.visible_runs})
    if all(low <= size <= high for size in sizes):
        return None
    return "cỡ chữ " + ", ".join(points(size) for size in sizes), "cỡ chữ " + point_range(low, high)


def _bold(piece: Piece, spec: dict[str, Any]) -> tuple[str, str] | None:
    if "bold" not in spec:
        return None
    flags = [run.format.bold for run in piece.visible_runs]
    if spec["bold"] and not all(flags):
        return ("in đậm một phần" if any(flags) else "không in đậm"), "in đậm"
    if not spec["bold"] and any(flags):
        return "in đậm", "không in đậm"
    return None


def _italic(piece: Piece, spec: dict[str, Any]) -> tuple[str, str] | None:
    if "italic" not in spec:
        return None
    flags = [run.format.italic for run in piece.visible_runs]
    if spec["italic"] and not all(flags):
        return ("nghiêng một phần" if any(flags) else "chữ đứng"), "chữ nghiêng"
    if not spec["italic"] and any(flags):
        return ("chữ nghiêng" if all(flags) else "có chữ nghiêng"), "chữ đứng"
    return None


def _case(piece: Piece, spec: dict[str, Any]) -> tuple[str, str] | None:
    case = spec.get("case")
    if case == "upper" and not is_upper(piece.text):
        return "có chữ thường", "chữ in hoa"
    if case == "not_upper" and is_upper(piece.text) and sum(c.isalpha() for c in piece.text) > 3:
        return "chữ in hoa toàn bộ", "chữ in thường (chỉ viết hoa chữ đầu)"
    return None


def _align(piece: Piece, spec: dict[str, Any]) -> tuple[str, str] | None:
    wanted = spec.get("align")
    if wanted is None or (piece.side is not None and piece.paragraph.cell is None):
        return None  # a column laid out with spaces or tabs has no alignment of its own
    actual = piece.paragraph.format.alignment
    if wanted == "center" and actual != "center":
        return ALIGN_NAMES.get(actual, actual), "canh giữa"
    if wanted == "flush_left" and actual not in ("left", "both", "distribute"):
        return ALIGN_NAMES.get(actual, actual), "sát lề trái"
    return None


# --------------------------------------------------------------------------------------------
# Page setup: P1, P2, P3


@declares("P1")
def check_paper(context: Context) -> Iterator[Finding | Unchecked]:
    paper = context.data["paper"]
    if not any(section.width and section.height for section in context.document.sections):
        yield not_evaluated("P1", "tệp không ghi khổ giấy")
    for section in context.document.sections:
        if section.width is None or section.height is None:
            continue
        short, long = sorted((section.width, section.height))
        tolerance = paper["tolerance_mm"] * TWIPS_PER_MM
        if abs(short - paper["width_mm"] * TWIPS_PER_MM) > tolerance or \
                abs(long - paper["height_mm"] * TWIPS_PER_MM) > tolerance:
            found = f"{_paper_name(short, long, paper)} ({millimetres(short)} x {millimetres(long)})"
            yield finding("P1", _section_where("khổ giấy", section, context), None, found, paper["name"],
                          f"Khổ giấy phải là {paper['name']}; {_section_name(section, context)} đang dùng {found}.")


def _paper_name(short: int, long: int, paper: dict[str, Any]) -> str:
    """ "Letter" for the US size Word installs by default: the name clerks see in Page Setup."""
    for name, (width, height) in paper["known"].items():
        if abs(short / TWIPS_PER_MM - width) <= paper["tolerance_mm"] and \
                abs(long / TWIPS_PER_MM - height) <= paper["tolerance_mm"]:
            return str(name)
    return "khổ khác"


def _section_where(base: str, section: Section, context: Context) -> str:
    return base if len(context.document.sections) == 1 else f"{base} (phần {section.index + 1})"


def _section_name(section: Section, context: Context) -> str:
    if len(context.document.sections) == 1:
        return "văn bản"
    return f"phần {section.index + 1} của văn bản (đoạn {section.first_paragraph}–{section.last_paragraph})"


@declares("P2")
def check_orientation(context: Context) -> Iterator[Finding | Unchecked]:
    for section in context.document.sections:
        if section.landscape and not section.has_table:
            yield finding("P2", _section_where("hướng giấy", section, context), None, "khổ ngang", "khổ dọc",
                          f"{_section_name(section, context).capitalize()} để khổ ngang mà không có bảng biểu; "
                          "chỉ được để khổ ngang khi có bảng, biểu.")


@declares("P3")
def check_margins(context: Context) -> Iterator[Finding | Unchecked]:
    limits = context.data["margins_mm"]
    if not any(section.top is not None for section in context.document.sections):
        yield not_evaluated("P3", "tệp không ghi lề trang")
    for section in context.document.sections:
        for side in ("top", "bottom", "left", "right"):
            value = getattr(section, side)
            if value is None:
                continue
            if side == "left":
                value += section.gutter  # the binding gutter widens the left margin
            low, high = limits[side]
            if not low - limits["tolerance_mm"] <= value / TWIPS_PER_MM <= high + limits["tolerance_mm"]:
                yield _margin_finding(context, section, side, value)


def _margin_finding(context: Context, section: Section, side: str, value: int) -> Finding:
    low, high = context.data["margins_mm"][side]
    name, expected, found = context.data["margin_names"][side], f"{low}–{high} mm", millimetres(value)
    return finding("P3", _section_where(MARGINS_WHERE, section, context), None, f"{name} {found}",
                   f"{name} {expected}",
                   f"{name.capitalize()} phải từ {expected}; {_section_name(section, context)} đang để {found}.")


# --------------------------------------------------------------------------------------------
# Font: P4


@declares("P4")
def check_fonts(context: Context) -> Iterator[Finding | Unchecked]:
    for paragraph in context.document.paragraphs:
        yield from _font_findings(paragraph, context.data["font"])


def _paragraph_where(paragraph: Paragraph) -> str:
    return f"đoạn {paragraph.number}"


def _font_findings(paragraph: Paragraph, spec: dict[str, Any]) -> Iterator[Finding]:
    wanted = spec["name"]
    runs = paragraph.visible_runs
    fonts = {font for run in runs for font in run.fonts if font and font != wanted}
    if fonts:
        found = ", ".join(sorted(fonts))
        yield finding("P4", _paragraph_where(paragraph), paragraph, f"phông {found}", f"phông {wanted}",
                      f"Văn bản phải dùng phông {wanted}; đoạn này đang dùng phông {found}.")
    colours = {run.format.color for run in runs if run.format.color and not _is_black(run.format.color, spec)}
    if colours:
        found = ", ".join(sorted(str(colour) for colour in colours))
        yield finding("P4", _paragraph_where(paragraph), paragraph, f"màu chữ {found}", "màu đen",
                      f"Chữ trong văn bản phải màu đen; đoạn này có chữ màu {found}.")


def _is_black(colour: str, spec: dict[str, Any]) -> bool:
    """Black, or a near-black Word offers as "Text 1, lighter 5%" (0D0D0D): no reader sees a colour."""
    if colour in spec["black"]:
        return True
    try:
        channels = [int(colour[i:i + 2], 16) for i in (0, 2, 4)]
    except ValueError:
        return False
    return len(colour) == 6 and max(channels) <= spec["black_max_channel"]


# --------------------------------------------------------------------------------------------
# Header: Quốc hiệu, Tiêu ngữ (Q1–Q4), issuing body (C1, C4, C5, C7), Số (N3, N4), date (D3, D4, D6)


@declares("Q1", "Q2")
def check_motto(context: Context) -> Iterator[Finding | Unchecked]:
    if not expects_header(context):
        yield from _unchecked(not_applicable, NO_HEADER, "Q1", "Q2")
        return
    anatomy, motto = context.anatomy, context.data["motto"]
    national, slogan = anatomy.quoc_hieu, anatomy.tieu_ngu
    where = context.data["elements"]["quoc_hieu"]["where"]
    if national is None:
        yield finding("Q1", where, None, "không có Quốc hiệu", motto["national"],
                      f"Thiếu Quốc hiệu “{motto['national']}” ở phía trên, bên phải trang đầu.")
    else:
        if fold(national.text) != fold(motto["national"]):
            yield _motto_text(national, "Q1", "Quốc hiệu", motto["national"], "chữ in hoa, đủ các từ")
        if national.side == LEFT:
            yield finding("Q1", where, national, "bên trái phần đầu", "bên phải phần đầu",
                          "Quốc hiệu phải đặt ở phía trên, bên phải trang đầu (cột phải của phần đầu).")
        yield from look(national, "quoc_hieu")
    if slogan is None:
        yield finding("Q2", where, None, "không có Tiêu ngữ", motto["slogan"],
                      f"Thiếu Tiêu ngữ “{motto['slogan']}” dưới Quốc hiệu.")
        return
    if slogan.text != motto["slogan"]:
        yield _motto_text(slogan, "Q2", "Tiêu ngữ", motto["slogan"], "gạch nối có dấu cách hai bên")
    if national is not None and (slogan.number < national.number or slogan.side != national.side):
        yield finding("Q2", where, slogan, "không nằm ngay dưới Quốc hiệu", "canh giữa dưới Quốc hiệu",
                      "Tiêu ngữ phải đặt canh giữa, ngay dưới Quốc hiệu.")
    yield from look(slogan, "tieu_ngu")


def _motto_text(piece: Piece, rule: str, name: str, expected: str, hint: str) -> Finding:
    return finding(rule, "phần đầu (ô số 1)", piece, f"“{piece.text}”", f"“{expected}”",
                   f"{name} phải viết đúng “{expected}” ({hint}); văn bản đang viết “{piece.text}”.")


@declares("Q4", "C7")
def check_single_spacing(context: Context) -> Iterator[Finding | Unchecked]:
    """Q4, C7: the motto lines and the body-name lines are set at single spacing."""
    anatomy = context.anatomy
    groups = (("Q4", "Quốc hiệu và Tiêu ngữ", "phần đầu (ô số 1)", [anatomy.quoc_hieu, anatomy.tieu_ngu]),
              ("C7", "Tên cơ quan", "phần đầu (ô số 2)", anatomy.superior + anatomy.issuer))
    for rule, name, where, pieces in groups:
        if not any(pieces):
            kind = not_evaluated if expects_header(context) else not_applicable
            yield kind(rule, f"không tìm thấy {name.lower()}" if expects_header(context) else NO_HEADER)
        for paragraph in _unique_paragraphs(p for p in pieces if p is not None):
            spacing = paragraph.format
            if spacing.line_rule == "auto" and spacing.line > 240:
                found = f"giãn dòng {spacing.line / 240:.2f} dòng".replace(".", ",")
                yield finding(rule, where, paragraph, found, "giãn dòng đơn (1 dòng)",
                              f"{name} phải trình bày cách dòng đơn; văn bản đang để {found}.")


def _unique_paragraphs(pieces: Iterable[Piece]) -> list[Paragraph]:
    seen: dict[int, Paragraph] = {}
    for piece in pieces:
        seen.setdefault(piece.number, piece.paragraph)
    return list(seen.values())


@declares("C1", "C4", "C5")
def check_issuer(context: Context) -> Iterator[Finding | Unchecked]:
    anatomy = context.anatomy
    if not expects_header(context):
        yield from _unchecked(not_applicable, NO_HEADER, "C1", "C4", "C5")
        return
    if not anatomy.superior:
        yield not_applicable("C5", "không có cơ quan chủ quản")
    if not anatomy.issuer:
        yield not_evaluated("C4", "không tìm thấy tên cơ quan ban hành")
        yield finding("C1", "phần đầu (ô số 2)", None, "không có tên cơ quan ban hành",
                      "tên cơ quan ban hành ở góc trên bên trái",
                      "Thiếu tên cơ quan ban hành văn bản ở phía trên, bên trái trang đầu.")
        return
    if anatomy.issuer[0].side == RIGHT:
        yield finding("C4", "phần đầu (ô số 2)", anatomy.issuer[0], "bên phải phần đầu", "bên trái phần đầu",
                      "Tên cơ quan ban hành phải đặt ở phía trên, bên trái trang đầu.")
    for piece in anatomy.superior:
        yield from look(piece, "superior")
    for piece in anatomy.issuer:
        yield from look(piece, "issuer")


@declares("N3", "N4")
def check_number(context: Context) -> Iterator[Finding | Unchecked]:
    anatomy, spec = context.anatomy, context.data["number"]
    piece = anatomy.number
    if piece is None and not expects_own_issue(context):
        yield from _unchecked(not_applicable, NOT_OWN_ISSUE, "N3", "N4")
        return
    if piece is None or not re.match(spec["line"], piece.text):
        yield not_evaluated("N3", "không đọc được số, ký hiệu")
    if piece is None:
        yield finding("N4", "phần đầu (ô số 3)", None, "không có dòng “Số:”", spec["example"],
                      "Thiếu dòng số, ký hiệu văn bản (“Số: …/…”) dưới tên cơ quan ban hành.")
        return
    if piece.side == RIGHT or (anatomy.issuer and piece.side == anatomy.issuer[-1].side
                               and piece.number < anatomy.issuer[-1].number):
        yield finding("N4", "phần đầu (ô số 3)", piece, "không nằm dưới tên cơ quan ban hành",
                      "canh giữa dưới tên cơ quan ban hành",
                      "Số, ký hiệu phải đặt canh giữa ngay dưới tên cơ quan ban hành (cột trái).")
    match = re.match(spec["line"], piece.text)
    if match:
        yield from _number_form(piece, match, spec)
        yield from _symbol_type(context, piece, match.group("symbol"))
    yield from look(piece, "number")


def _number_form(piece: Piece, match: re.Match[str], spec: dict[str, Any]) -> Iterator[Finding]:
    where = "phần đầu (ô số 3)"
    if match.group("label") != spec["label"] or match.group("colon") != ":":
        found = f"{match.group('label')}{match.group('colon')}"
        yield finding("N4", where, piece, f"“{found}”", "“Số:”",
                      f"Chữ “Số” viết in thường, theo sau là dấu hai chấm (“Số:”); văn bản đang viết “{found}”.")
    number = match.group("number")
    if not re.match(spec["blank_number"], number) and not re.match(spec["number_ok"], number):
        yield finding("N4", where, piece, f"số “{number}”", "số nhỏ hơn 10 có số 0 phía trước (“05”)",
                      f"Số văn bản nhỏ hơn 10 phải ghi thêm số 0 phía trước (ví dụ {spec['example']}); "
                      f"văn bản đang ghi “{number}”.")
    symbol = match.group("symbol")
    if not re.match(spec["symbol_ok"], symbol):
        fixed = re.sub(r"\s+", "", symbol)
        yield finding("N4", where, piece, f"ký hiệu “{symbol}”", f"ký hiệu “{fixed}” (không có dấu cách)",
                      f"Giữa số và ký hiệu dùng “/”, giữa các nhóm chữ của ký hiệu dùng “-”, không có dấu cách; "
                      f"văn bản đang viết “{symbol}”.")


def _symbol_type(context: Context, piece: Piece, symbol: str) -> Iterator[Finding]:
    """N3 with the §4 table: the symbol opens with the abbreviation of the type heading; a Công văn's
    symbol has no type abbreviation at all."""
    anatomy, table = context.anatomy, context.data["type_abbreviations"]
    first = re.sub(r"\s+", "", symbol).split("-")[0]
    abbreviations = {value.upper(): value for value in table.values()}
    doc_type = anatomy.doc_type
    if doc_type is not None and doc_type in table:
        wanted = table[doc_type]
        if first.upper() != wanted.upper():
            yield finding("N3", "phần đầu (ô số 3)", piece, f"ký hiệu “{first}”", f"ký hiệu “{wanted}”",
                          f"Văn bản là {doc_type.capitalize()} nên ký hiệu phải bắt đầu bằng “{wanted}” "
                          f"(Phụ lục III); văn bản đang ghi “{first}”.")
    elif anatomy.type_heading is None and first.upper() in abbreviations and anatomy.subject_vv:
        yield finding("N3", "phần đầu (ô số 3)", piece, f"ký hiệu “{first}”",
                      "ký hiệu không có tên loại (ví dụ UBND-VX)",
                      f"Công văn không có chữ viết tắt tên loại trong ký hiệu; văn bản đang ghi “{first}”.")


@declares("D3", "D4", "D6")
def check_place_date(context: Context) -> Iterator[Finding | Unchecked]:
    anatomy, spec = context.anatomy, context.data["date"]
    piece = anatomy.place_date
    where = "phần đầu (ô số 4)"
    if piece is None and not expects_own_issue(context):
        yield from _unchecked(not_applicable, NOT_OWN_ISSUE, "D3", "D4", "D6")
        return
    if piece is None:
        yield not_evaluated("D3", "không tìm thấy địa danh, ngày tháng")
        yield not_evaluated("D6", "không tìm thấy địa danh, ngày tháng")
        yield finding("D4", where, None, "không có địa danh, ngày tháng", spec["example"],
                      "Thiếu địa danh và ngày, tháng, năm ban hành dưới Tiêu ngữ.")
        return
    national = anatomy.tieu_ngu or anatomy.quoc_hieu
    if piece.side == LEFT or (national is not None and piece.number < national.number):
        yield finding("D4", where, piece, "không nằm dưới Quốc hiệu, Tiêu ngữ", "canh giữa dưới Tiêu ngữ",
                      "Địa danh và ngày tháng phải đặt canh giữa dưới Quốc hiệu và Tiêu ngữ (cột phải).")
    match = re.match(spec["line"], piece.text)
    if match is None:
        yield not_evaluated("D3", "không đọc được ngày tháng")
        yield finding("D6", where, piece, f"“{piece.text}”", f"dạng “{spec['example']}”",
                      f"Địa danh, ngày tháng phải viết đầy đủ dạng “{spec['example']}”; văn bản đang viết "
                      f"“{piece.text}”.")
    else:
        yield from _date_parts(piece, match, spec)
    yield from look(piece, "place_date")


def _date_parts(piece: Piece, match: re.Match[str], spec: dict[str, Any]) -> Iterator[Finding]:
    where = "phần đầu (ô số 4)"
    place = match.group("place")
    if not place or not place[0].isupper() or not match.group("comma"):
        yield finding("D4", where, piece, f"“{place}{match.group('comma')}”", "Địa danh viết hoa, theo sau là dấu phẩy",
                      "Chữ cái đầu của địa danh phải viết hoa và sau địa danh có dấu phẩy (ví dụ “Kon Tum, ngày …”).")
    day, month, year = match.group("day"), match.group("month"), match.group("year")
    if not re.match(spec["blank"], day) and not re.match(spec["day_ok"], day):
        wanted = f"{int(day):02d}" if day.isdigit() else "01–31"
        yield finding("D3", where, piece, f"ngày {day}", f"ngày {wanted}",
                      f"Ngày nhỏ hơn 10 phải ghi thêm số 0 phía trước (“ngày {wanted}”); văn bản đang ghi "
                      f"“ngày {day}”.")
    if not re.match(spec["blank"], month) and not re.match(spec["month_ok"], month):
        wanted = _month(month)
        yield finding("D3", where, piece, f"tháng {month}", f"tháng {wanted}",
                      f"Tháng 1, 2 ghi thêm số 0 phía trước, tháng 3 đến 9 không có số 0 (“tháng {wanted}”); "
                      f"văn bản đang ghi “tháng {month}”.")
    if not re.match(spec["year_ok"], year):
        yield finding("D6", where, piece, f"năm “{year}”", "năm ghi đủ 4 chữ số",
                      f"Năm ban hành phải ghi đủ bốn chữ số; văn bản đang ghi “{year}”.")


def _month(month: str) -> str:
    if not month.isdigit() or not 1 <= int(month) <= 12:
        return "01–12"
    value = int(month)
    return f"{value:02d}" if value <= 2 else str(value)


# --------------------------------------------------------------------------------------------
# Title: T1–T3, T6


@declares("T1", "T2", "T3", "T6")
def check_title(context: Context) -> Iterator[Finding | Unchecked]:
    anatomy = context.anatomy
    if not expects_header(context):
        yield from _unchecked(not_applicable, NO_HEADER, "T1", "T2", "T3", "T6")
        return
    if anatomy.type_heading is not None:
        yield not_applicable("T6", "văn bản có tên loại, không phải công văn")
    for piece in anatomy.attached_note:
        yield from look(piece, "appendix_attached")
    if anatomy.type_heading is None:
        yield from _missing_heading(context)
        return
    yield from look(anatomy.type_heading, "type_heading")
    if anatomy.doc_type not in context.data["type_abbreviations"]:
        # Điều lệ, Phiếu trình, Tham luận …: the decree gives their title no form
        yield not_applicable("T3", "tên loại này không có trích yếu theo Nghị định")
        return
    if anatomy.summary_in_heading:
        yield finding("T3", "trích yếu (ô số 5a)", anatomy.type_heading, "trích yếu chung dòng với tên loại",
                      "trích yếu ở dòng riêng, ngay dưới tên loại",
                      "Trích yếu nội dung phải đặt ở dòng riêng, ngay dưới tên loại văn bản, bằng chữ in thường.")
    elif not anatomy.summary:
        yield finding("T3", "trích yếu (ô số 5a)", anatomy.type_heading, "không có trích yếu",
                      "trích yếu ngay dưới tên loại", "Thiếu trích yếu nội dung ngay dưới tên loại văn bản.")
    for piece in anatomy.summary:
        yield from look(piece, "summary")


def _missing_heading(context: Context) -> Iterator[Finding | Unchecked]:
    """No type heading: a Công văn (T6: its "V/v" line), or a document that lost its heading."""
    anatomy, table = context.anatomy, context.data["type_abbreviations"]
    kind = not_applicable if anatomy.subject_vv else not_evaluated
    reason = "công văn không có tên loại" if anatomy.subject_vv else "không tìm thấy tên loại văn bản"
    yield from _unchecked(kind, reason, "T1", "T2", "T3")
    match = re.match(context.data["number"]["line"], anatomy.number.text) if anatomy.number else None
    first = re.sub(r"\s+", "", match.group("symbol")).split("-")[0].upper() if match else ""
    named = {value.upper(): name for name, value in table.items()}
    if first in named and not anatomy.subject_vv:
        yield finding("T2", "tên loại (ô số 5a)", anatomy.number, "không có tên loại văn bản", named[first],
                      f"Ký hiệu “{first}” cho biết văn bản là {named[first].capitalize()} nhưng thiếu dòng tên loại "
                      f"“{named[first]}” canh giữa dưới phần đầu.")
        return
    if anatomy.number is not None and not anatomy.subject_vv:
        yield finding("T6", "phần đầu (ô số 5b)", anatomy.number, "không có trích yếu “V/v …”",
                      "“V/v …” dưới số, ký hiệu", "Công văn phải có trích yếu “V/v …” đặt canh giữa dưới số, ký hiệu.")
    for piece in anatomy.subject_vv:
        yield from look(piece, "subject_vv")


# --------------------------------------------------------------------------------------------
# Body: B1, B2, B3, §2.6.1


def _text_paragraphs(anatomy: Anatomy) -> list[Paragraph]:
    """Body paragraphs a clerk typed as running text: not in a table or a text box, not blank."""
    return [p for p in anatomy.body if p.cell is None and not p.in_text_box and p.text.strip()]


def _is_heading(paragraph: Paragraph) -> bool:
    piece = whole(paragraph)
    label = label_of(piece)
    if paragraph.format.alignment in ("center", "right"):
        return True
    if label is not None and label.kind in ("part", "chapter", "roman"):
        return True
    return label is not None and label.kind in ("arabic", "decimal") and _is_clause_title(piece)


def _is_clause_title(piece: Piece) -> bool:
    words = piece.text.split()
    limit = rules_data()["headings"]["clause_title_max_words"]
    return len(words) <= limit and not piece.text.rstrip().endswith((".", ";", ",", ":"))


@declares("B1")
def check_body(context: Context) -> Iterator[Finding | Unchecked]:
    spec = context.data["body"]
    previous: Paragraph | None = None
    if not _text_paragraphs(context.anatomy):
        yield not_evaluated("B1", "không tìm thấy phần nội dung")
    for paragraph in _text_paragraphs(context.anatomy):
        yield from _body_look(paragraph, spec)
        if not _is_heading(paragraph):
            yield from _body_layout(paragraph, spec, context.document.default_tab_stop)
            if previous is not None:
                yield from _body_gap(previous, paragraph, spec)
        previous = paragraph


def _body_look(paragraph: Paragraph, spec: dict[str, Any]) -> Iterator[Finding]:
    sizes = sorted({run.format.size or 0 for run in paragraph.visible_runs})
    low, high = spec["size"]
    if sizes and not all(low <= size <= high for size in sizes):
        found = "cỡ chữ " + ", ".join(points(size) for size in sizes)
        yield finding("B1", _paragraph_where(paragraph), paragraph, found, "cỡ chữ " + point_range(low, high),
                      _message("Nội dung văn bản", found, "cỡ chữ " + point_range(low, high)))
    runs = paragraph.visible_runs
    if runs and all(run.format.italic for run in runs) and not _is_basis(whole(paragraph)) \
            and not _is_note(paragraph.text):
        yield finding("B1", _paragraph_where(paragraph), paragraph, "chữ nghiêng", "chữ đứng",
                      "Nội dung văn bản phải viết kiểu chữ đứng; cả đoạn này đang để chữ nghiêng.")


def _is_note(text: str) -> bool:
    """ "(Số liệu cụ thể tại phụ lục kèm theo)": a note in brackets, set in italics by custom."""
    stripped = text.strip()
    return stripped.startswith("(") and stripped.rstrip(".").endswith(")")


def _body_layout(paragraph: Paragraph, spec: dict[str, Any], tab_stop: int) -> Iterator[Finding]:
    fmt, where = paragraph.format, _paragraph_where(paragraph)
    if fmt.alignment not in spec["justified"]:
        found = ALIGN_NAMES.get(fmt.alignment, fmt.alignment)
        yield finding("B1", where, paragraph, found, "căn đều hai lề",
                      _message("Nội dung văn bản", found, "căn đều hai lề"))
    low, high = spec["first_line_twips"]
    slack = spec["first_line_tolerance_twips"]
    indent = _first_line_indent(paragraph, tab_stop)
    if not low - slack <= indent <= high + slack:
        found = "thụt đầu dòng " + _centimetres(indent)
        yield finding("B1", where, paragraph, found, "thụt đầu dòng 1 cm hoặc 1,27 cm",
                      _message("Dòng đầu đoạn văn", found, "thụt vào 1 cm đến 1,27 cm"))
    if fmt.line_rule == "auto" and not spec["line_auto"][0] <= fmt.line <= spec["line_auto"][1]:
        found = f"giãn dòng {fmt.line / 240:.2f} dòng".replace(".", ",")
        yield finding("B1", where, paragraph, found, "giãn dòng từ 1 đến 1,5 dòng",
                      _message("Khoảng cách giữa các dòng", found, "từ dòng đơn đến 1,5 dòng"))


def _first_line_indent(paragraph: Paragraph, tab_stop: int) -> int:
    """How far the first line starts from the margin. Clerks often indent with a Tab key instead of
    a first-line indent: the line then starts at the next tab stop, which is what the reader sees."""
    fmt = paragraph.format
    start = fmt.left + fmt.first_line
    if not paragraph.text.startswith("\t"):
        return start - fmt.left
    stops = [stop for stop in fmt.tabs if stop > start]
    target = stops[0] if stops else (start // tab_stop + 1) * tab_stop
    return target - fmt.left


def _body_gap(previous: Paragraph, paragraph: Paragraph, spec: dict[str, Any]) -> Iterator[Finding]:
    # Word adds the space after one paragraph to the space before the next.
    gap = previous.format.after + paragraph.format.before
    if gap < spec["min_gap_twips"]:
        found = f"cách đoạn trên {points(gap / 20)}"
        yield finding("B1", _paragraph_where(paragraph), paragraph, found, "cách đoạn trên tối thiểu 6 pt",
                      _message("Khoảng cách giữa các đoạn văn", found, "tối thiểu 6 pt"))


def _centimetres(twips: int) -> str:
    return f"{twips / TWIPS_PER_MM / 10:.2f}".replace(".", ",") + " cm"


@declares("B2")
def check_closing_mark(context: Context) -> Iterator[Finding | Unchecked]:
    paragraphs = _text_paragraphs(context.anatomy)
    mark = context.data["closing_mark"]
    last = next((p for p in reversed(paragraphs) if not _is_heading(p)), None)
    if last is None or not (context.anatomy.recipients_heading or context.anatomy.signature):
        yield not_evaluated("B2", "không xác định được đoạn cuối của nội dung")
    if last is not None and (context.anatomy.recipients_heading or context.anatomy.signature) \
            and not last.text.rstrip().endswith(mark):
        yield finding("B2", _paragraph_where(last), last, "không có “./.”", f"kết thúc bằng “{mark}”",
                      f"Đoạn cuối của nội dung văn bản kết thúc bằng dấu “{mark}”.")


def _is_basis(piece: Piece) -> bool:
    return piece.key.startswith(tuple(fold(opener) for opener in rules_data()["basis_openers"]))


@declares("B3")
def check_bases(context: Context) -> Iterator[Finding | Unchecked]:
    """B3: the "Căn cứ …" lines before the first numbered part: italic, 13–14 pt, ";" or "." at the end.

    Only for the types that carry a "căn cứ ban hành" (Quyết định, Nghị quyết): in a Kế hoạch, Báo
    cáo or Công văn a sentence opening with "Căn cứ" is running text, set upright in practice."""
    if context.anatomy.doc_type not in context.data["basis_types"]:
        yield not_applicable("B3", "chỉ áp dụng cho văn bản có căn cứ ban hành (quyết định, nghị quyết)")
        return
    for paragraph in _text_paragraphs(context.anatomy):
        piece = whole(paragraph)
        if label_of(piece) is not None or re.match(context.data["basis_end"], piece.text):
            return  # "QUYẾT ĐỊNH:" or "Điều 1.": the bases are over
        if not _is_basis(piece):
            continue
        yield from look(piece, "basis")
        if not piece.text.rstrip().endswith((";", ".")):
            yield finding("B3", "căn cứ ban hành", paragraph, f"kết thúc bằng “{piece.text.rstrip()[-1:]}”",
                          "kết thúc bằng “;” (dòng cuối bằng “.”)",
                          "Mỗi căn cứ viết trên một dòng, kết thúc bằng dấu chấm phẩy, căn cứ cuối cùng kết thúc "
                          "bằng dấu chấm.")


@declares("§2.6.1")
def check_headings(context: Context) -> Iterator[Finding | Unchecked]:
    """§2.6.1 phần–mục–khoản–điểm; not for texts set out in articles ("Điều 1."), scheme 6.a."""
    anatomy = context.anatomy
    if anatomy.doc_type in context.data["article_types"]:
        yield not_applicable("§2.6.1", "văn bản bố cục theo điều")
        return
    part_word = re.compile(context.data["headings"]["part_word"], re.IGNORECASE)
    after_part = False
    for paragraph in _text_paragraphs(anatomy):
        piece = whole(paragraph)
        label = label_of(piece)
        if part_word.match(piece.text):
            yield from look(piece, "part_word")
            after_part = True
            continue
        if after_part:
            yield from look(piece, "part_title")
        after_part = False
        yield from _labelled_heading(piece, label)


def _labelled_heading(piece: Piece, label: Label | None) -> Iterator[Finding]:
    if label is None:
        return
    if label.kind == "roman":
        yield from look(piece, "section_heading")
    elif label.kind in ("arabic", "decimal") and _is_clause_title(piece) and not any(
            run.format.bold for run in piece.visible_runs):
        yield from look(piece, "clause_heading")
    elif label.kind == "letter" and all(run.format.italic for run in piece.visible_runs):
        yield from look(piece, "point")


# --------------------------------------------------------------------------------------------
# Recipients: R1–R6


@declares("R3", "R4", "R5", "R6")
def check_recipients(context: Context) -> Iterator[Finding | Unchecked]:
    anatomy, spec = context.anatomy, context.data["recipients"]
    heading = anatomy.recipients_heading
    if heading is None and not expects_own_issue(context):
        yield from _unchecked(not_applicable, NOT_OWN_ISSUE, "R3", "R4", "R5", "R6")
        return
    if heading is None:
        yield from _unchecked(not_evaluated, "không tìm thấy phần “Nơi nhận”", "R4", "R5", "R6")
        yield finding("R3", "nơi nhận (ô số 9b)", None, "không có “Nơi nhận:”", spec["heading_example"],
                      "Thiếu phần “Nơi nhận:” ở cuối văn bản, bên trái, ngang dòng chức vụ người ký.")
        return
    if not re.match(spec["heading"], heading.text):
        yield finding("R3", "nơi nhận (ô số 9b)", heading, f"“{heading.text}”", f"“{spec['heading_example']}”",
                      f"Viết đúng “{spec['heading_example']}” (chữ “Nơi nhận” liền dấu hai chấm); văn bản đang "
                      f"viết “{heading.text}”.")
    yield from look(heading, "recipients_heading")
    items = recipient_items(anatomy.recipients, heading)
    yield from _recipient_items(items, spec)
    yield from _archive(heading, items, spec)


def recipient_items(paragraphs: list[Paragraph], heading: Piece | None) -> list[Piece]:
    """One piece per recipient line: a manual line break inside a paragraph starts a new item when
    the next line opens with "-", "+" or "Lưu"; otherwise it only wraps a long item."""
    items: list[Piece] = []
    for paragraph in paragraphs:
        for piece in pieces_of(paragraph):
            if heading is not None and piece.number == heading.number and piece.text == heading.text:
                continue
            starts = piece.text.startswith(tuple(rules_data()["recipients"]["item_marks"]))
            if items and not starts and items[-1].number == piece.number:
                last = items[-1]
                items[-1] = Piece(last.paragraph, f"{last.raw} {piece.raw}", last.runs + piece.runs)
            else:
                items.append(piece)
    return items


def _recipient_items(items: list[Piece], spec: dict[str, Any]) -> Iterator[Finding]:
    archive = re.compile(spec["archive_line"])
    for piece in items:
        text = piece.text
        if archive.match(text):
            yield from look(piece, "recipient_item")
            continue
        if not text.startswith(spec["item_start"]):
            yield finding("R4", "nơi nhận (ô số 9b)", piece, f"“{text[:20]}”", "dòng bắt đầu bằng “-”",
                          "Mỗi nơi nhận viết trên một dòng, bắt đầu bằng gạch đầu dòng “-” sát lề trái.")
        elif not text.endswith(spec["item_end"]) and not text.endswith(":"):
            yield finding("R4", "nơi nhận (ô số 9b)", piece, f"kết thúc bằng “{text[-1:]}”", "kết thúc bằng “;”",
                          "Mỗi dòng nơi nhận kết thúc bằng dấu chấm phẩy “;”.")
        yield from look(piece, "recipient_item")


def _archive(heading: Piece, items: list[Piece], spec: dict[str, Any]) -> Iterator[Finding]:
    archive = re.compile(spec["archive_line"])
    lines = [piece for piece in items if archive.match(piece.text)]
    where = "nơi nhận (ô số 9b)"
    if not lines:
        last = items[-1] if items else heading
        yield finding("R5", where, last, "không có dòng “Lưu”", spec["archive_example"],
                      f"Dòng cuối của nơi nhận phải là “{spec['archive_example']}” (lưu văn thư và đơn vị soạn thảo).")
        return
    line = lines[0]
    if line is not items[-1]:
        yield finding("R5", where, line, "dòng “Lưu” không ở cuối", "dòng “Lưu” là dòng cuối cùng",
                      "Dòng “- Lưu: VT, …” phải là dòng cuối cùng của nơi nhận.")
    if not re.match(spec["archive_ok"], line.text):
        yield finding("R6", where, line, f"“{line.text}”", f"dạng “{spec['archive_example']}”",
                      f"Dòng lưu viết “- Lưu: VT, <đơn vị soạn thảo>.” và kết thúc bằng dấu chấm; văn bản đang "
                      f"viết “{line.text}”.")


@declares("R1", "R2")
def check_recipient_to(context: Context) -> Iterator[Finding | Unchecked]:
    """R1, R2: "Kính gửi:" (a Báo cáo sent upward, a Tờ trình) and the "Như trên" it calls for."""
    anatomy, spec = context.anatomy, context.data["recipients"]
    if not anatomy.recipient_to:
        yield from _unchecked(not_applicable, "văn bản không có phần “Kính gửi”", "R1", "R2")
        return
    first = anatomy.recipient_to[0]
    if anatomy.doc_type in context.data["no_recipient_to_types"]:
        yield finding("R1", "kính gửi (ô số 9a)", first, "có “Kính gửi”", "chỉ có “Nơi nhận”",
                      f"{str(anatomy.doc_type).capitalize()} không có phần “Kính gửi”; các nơi nhận ghi ở phần "
                      "“Nơi nhận:”.")
    if not re.match(spec["recipient_to_ok"], first.text):
        yield finding("R2", "kính gửi (ô số 9a)", first, f"“{first.text[:20]}”", "“Kính gửi:”",
                      "Sau chữ “Kính gửi” phải có dấu hai chấm.")
    for piece in anatomy.recipient_to:
        yield from look(piece, "recipient_to")
    items = recipient_items(anatomy.recipients, anatomy.recipients_heading)
    if items and not re.match(spec["first_item_upward"], items[0].text):
        yield finding("R1", "nơi nhận (ô số 9b)", items[0], f"“{items[0].text[:30]}”",
                      f"“{spec['upward_example']}”",
                      f"Văn bản có “Kính gửi” thì dòng đầu của nơi nhận là “{spec['upward_example']}”.")


# --------------------------------------------------------------------------------------------
# Signature: S1, S2, S3, S5


@declares("S1", "S2", "S3", "S5")
def check_signature(context: Context) -> Iterator[Finding | Unchecked]:
    anatomy = context.anatomy
    signature = anatomy.signature
    if (signature is None or not signature.lines) and not expects_own_issue(context):
        yield from _unchecked(not_applicable, NOT_OWN_ISSUE, "S1", "S2", "S3", "S5")
        return
    if signature is None or not signature.lines:
        yield from _unchecked(not_evaluated, "không tìm thấy khối chữ ký", "S1", "S3", "S5")
        yield finding("S2", "chữ ký (ô số 7a)", None, "không có quyền hạn, chức vụ người ký",
                      "quyền hạn, chức vụ người ký (ví dụ “TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH”)",
                      "Thiếu quyền hạn, chức vụ của người ký ở cuối văn bản, bên phải.")
        return
    for piece in signature.lines:
        yield from _prefix_form(piece)
        yield from look(piece, "authority")
    yield from _position_under_delegation(signature.lines)
    yield from _collective(context, signature.lines)
    yield from _signer_name(signature.name, signature.lines[-1])


def _prefix_form(piece: Piece) -> Iterator[Finding]:
    canonical = signature_prefix(piece.text)
    if canonical and not piece.text.startswith(canonical + " ") and piece.text != canonical:
        yield finding("S1", "chữ ký (ô số 7a)", piece, f"“{piece.text}”", f"“{canonical} …”",
                      f"Viết tắt thẩm quyền ký là “{canonical}” (chữ in hoa, dấu chấm, rồi một dấu cách); văn bản "
                      f"đang viết “{piece.text}”.")


def _position_under_delegation(lines: list[Piece]) -> Iterator[Finding]:
    """ "KT. CHỦ TỊCH" (or TL., TUQ.) is followed by the signer's own position ("PHÓ CHỦ TỊCH")."""
    needs = rules_data()["signature"]["needs_position"]
    delegated = [i for i, piece in enumerate(lines) if signature_prefix(piece.text) in needs]
    if not delegated:
        return
    last = delegated[-1]
    prefix = signature_prefix(lines[last].text) or ""
    if last + 1 >= len(lines) or signature_prefix(lines[last + 1].text):
        rule = "S5" if prefix == "KT." else "S1"
        example = rules_data()["signature"]["deputy_example"] if prefix == "KT." else f"{prefix} … / CHỨC VỤ"
        yield finding(rule, "chữ ký (ô số 7a)", lines[last], f"“{lines[last].text}” không có chức vụ bên dưới",
                      f"chức vụ người ký dưới dòng “{lines[last].text}”",
                      f"Dưới dòng “{lines[last].text}” phải ghi chức vụ của người ký (ví dụ {example}).")


def _collective(context: Context, lines: list[Piece]) -> Iterator[Finding | Unchecked]:
    """S5: a Kế hoạch or Báo cáo of an Ủy ban nhân dân is signed for the collective ("TM.")."""
    anatomy, data = context.anatomy, context.data
    if anatomy.doc_type not in data["signed_by_collective_types"]:
        yield not_applicable("S5", "chỉ áp dụng cho kế hoạch, báo cáo của Ủy ban nhân dân")
        return
    issuer = fold(anatomy.issuer[0].text) if anatomy.issuer else ""
    bodies = tuple(fold(body) for body in data["signature"]["collective_bodies"])
    if anatomy.superior or not issuer.startswith(bodies):
        # an office of the UBND (Sở, Phòng) signs for its head, not for a collective
        yield not_applicable("S5", "cơ quan ban hành không phải tập thể Ủy ban nhân dân")
        return
    if not any(signature_prefix(piece.text) == data["signature"]["collective"] for piece in lines):
        yield finding("S5", "chữ ký (ô số 7a)", lines[0], f"“{lines[0].text}”",
                      f"“{data['signature']['collective_example']}” ở dòng đầu",
                      "Ủy ban nhân dân làm việc theo chế độ tập thể: người ký ghi “TM. ỦY BAN NHÂN DÂN” ở dòng đầu "
                      f"(ví dụ {data['signature']['deputy_example']}).")


def _signer_name(name: Piece | None, last_line: Piece) -> Iterator[Finding]:
    if name is None:
        yield finding("S3", "chữ ký (ô số 7b)", last_line, "chưa có họ tên người ký", "họ tên người ký",
                      "Chưa ghi họ tên người ký (được phép khi còn là dự thảo, phải ghi trước khi ký ban hành).",
                      severity=WARNING)
        return
    titles = rules_data()["signature"]["academic_titles"]
    title = next((t for t in titles if name.text.startswith(t + " ")), None)
    if title:
        yield finding("S3", "chữ ký (ô số 7b)", name, f"“{title}” trước họ tên", "chỉ ghi họ tên",
                      f"Không ghi học hàm, học vị (“{title}”) trước họ tên người ký.")
    yield from look(name, "signer_name")


# --------------------------------------------------------------------------------------------
# Page numbers: P6, P6a


@declares("P6")
def check_page_numbers(context: Context) -> Iterator[Finding | Unchecked]:
    sections = context.document.sections
    if not sections:
        yield not_evaluated("P6", "tệp không có phần (section) nào")
        return
    first = sections[0]
    default = first.headers.get("default")
    opening = first.headers.get("first") if first.title_page else default
    where = context.data["elements"]["page_number"]["where"]
    if opening is not None and opening.page_numbers:
        yield finding("P6", where, None, "có số trang ở trang 1", "không hiện số trang ở trang thứ nhất",
                      "Không hiện số trang ở trang thứ nhất: chọn “Trang đầu khác” (Different First Page) "
                      "cho phần đầu trang.")
    if default is None or not default.page_numbers:
        if _multi_page(context):
            yield finding("P6", where, None, _missing_page_number(first), "số trang ở giữa lề trên, từ trang 2",
                          "Văn bản nhiều trang phải đánh số trang bằng chữ số Ả Rập, canh giữa ở lề trên (đầu "
                          "trang), từ trang thứ hai.")
    else:
        yield from _page_number_look(default.page_numbers[0])
    even = first.headers.get("even")
    if context.document.even_and_odd_headers and default and default.page_numbers and \
            (even is None or not even.page_numbers):
        yield finding("P6", where, None, "trang chẵn không có số trang", "số trang trên mọi trang từ trang 2",
                      "Văn bản để đầu trang chẵn, lẻ khác nhau nhưng đầu trang chẵn không có số trang.")
    if first.page_format not in (None, "decimal"):
        yield finding("P6", where, None, f"số trang dạng “{first.page_format}”", "chữ số Ả Rập (1, 2, 3)",
                      "Số trang phải đánh bằng chữ số Ả Rập.")


def _missing_page_number(section: Section) -> str:
    if any(part.page_numbers for part in section.footers.values()):
        return "số trang ở chân trang"
    return "không có số trang"


def _page_number_look(number: PageNumber) -> Iterator[Finding]:
    spec = rules_data()["elements"]["page_number"]
    low, high = spec["size"]
    if any(size is None or not low <= size <= high for size in number.sizes):
        found = "cỡ chữ " + ", ".join(points(size) for size in number.sizes)
        yield finding("P6", spec["where"], None, found, "cỡ chữ " + point_range(low, high),
                      _message("Số trang", found, "cỡ chữ " + point_range(low, high)))
    if number.italic:
        yield finding("P6", spec["where"], None, "chữ nghiêng", "chữ đứng",
                      _message("Số trang", "chữ nghiêng", "chữ đứng"))
    if number.alignment != "center":
        found = ALIGN_NAMES.get(number.alignment, number.alignment)
        yield finding("P6", spec["where"], None, found, "canh giữa", _message("Số trang", found, "canh giữa"))
    wanted = rules_data()["font"]["name"]
    odd = [font for font in number.fonts if font and font != wanted]
    if odd:
        yield finding("P4", spec["where"], None, f"phông {', '.join(odd)}", f"phông {wanted}",
                      f"Số trang cũng phải dùng phông {wanted}; đang dùng phông {', '.join(odd)}.")


def _multi_page(context: Context) -> bool:
    """Whether the document runs past page 1: Word's saved page count, or the text's length."""
    characters = sum(len(p.text) for p in context.document.paragraphs)
    return (context.document.pages or 0) > 1 or characters > context.data["single_page_chars"]


@declares("P6a")
def check_appendix_numbering(context: Context) -> Iterator[Finding | Unchecked]:
    """P6a (A4): each appendix is numbered on its own: a new section whose numbering restarts."""
    anatomy, sections = context.anatomy, context.document.sections
    if not anatomy.appendices or not anatomy.body or anatomy.kind == "appendix":
        yield not_applicable("P6a", "văn bản không có phụ lục kèm theo")
        return
    main = anatomy.body[0].section
    for appendix in anatomy.appendices:
        start = appendix[0]
        section = sections[start.paragraph.section] if start.paragraph.section < len(sections) else None
        if section is None or (section.index != main and section.page_start == 1):
            continue
        yield finding("P6a", "phụ lục", start, "số trang nối tiếp văn bản chính",
                      "phụ lục đánh số trang riêng từ 1",
                      "Số trang của phụ lục phải đánh riêng: đặt phụ lục trong một phần (section) mới và bắt đầu "
                      "đánh số lại từ 1.")


# --------------------------------------------------------------------------------------------
# Appendices: A1, A2, A3


@declares("A1", "A2", "A3")
def check_appendices(context: Context) -> Iterator[Finding | Unchecked]:
    appendices = context.anatomy.appendices
    if not appendices:
        yield from _unchecked(not_applicable, "văn bản không có phụ lục", "A1", "A2", "A3")
    label = re.compile(context.data["appendix"]["label"])
    numbers = [m.group("number") for m in (label.match(a[0].text) for a in appendices) if m and m.group("number")]
    if len(appendices) > 1 and any(not re.match(context.data["appendix"]["roman"], n) for n in numbers):
        yield finding("A1", "phụ lục", appendices[0][0], "phụ lục đánh số " + ", ".join(numbers),
                      "phụ lục đánh số La Mã (I, II, …)",
                      "Văn bản có từ hai phụ lục trở lên thì đánh số bằng số La Mã.")
    attached = re.compile(context.data["appendix"]["attached"])
    for appendix in appendices:
        yield from look(appendix[0], "appendix_label")
        rest = appendix[1:]
        if rest and not attached.match(rest[0].text):
            yield from look(rest[0], "appendix_title")
        yield from look(next((p for p in rest if attached.match(p.text)), None), "appendix_attached")


# --------------------------------------------------------------------------------------------
# 2025 reform: H1, H3


@declares("H1", "H3")
def check_reform(context: Context) -> Iterator[Finding | Unchecked]:
    anatomy, reform = context.anatomy, context.data["reform"]
    if not expects_header(context):
        yield from _unchecked(not_applicable, NO_HEADER, "H1", "H3")
        return
    if not _issued_after_reform(anatomy, reform["since"]):
        yield from _unchecked(not_applicable, "văn bản ban hành trước ngày 01/7/2025 (hoặc không rõ ngày)", "H1", "H3")
        return
    for piece in anatomy.superior + anatomy.issuer:
        words = [w for w in reform["district_words"] if re.search(rf"(?<!\w){w}(?!\w)", piece.text)]
        if words:
            yield finding("H3", "phần đầu (ô số 2)", piece, f"“{piece.text}”", "cấp tỉnh hoặc cấp xã",
                          f"Từ ngày 01/7/2025 không còn đơn vị hành chính cấp huyện (“{words[0]}”); tên cơ quan "
                          "phải là cấp tỉnh hoặc cấp xã.")
    issuer = anatomy.issuer
    commune = tuple(reform["commune_words"])
    if len(issuer) > 1 and fold(issuer[0].text) == fold("ỦY BAN NHÂN DÂN") and issuer[1].text.startswith(commune) \
            and anatomy.superior:
        yield finding("H1", "phần đầu (ô số 2)", anatomy.superior[0], f"“{anatomy.superior[0].text}”",
                      "không có dòng tên tỉnh phía trên",
                      "Ủy ban nhân dân xã, phường không ghi tên tỉnh phía trên tên cơ quan.")


def _issued_after_reform(anatomy: Anatomy, since: str) -> bool:
    if anatomy.place_date is None:
        return False
    match = re.match(rules_data()["date"]["line"], anatomy.place_date.text)
    if not match or not match.group("year").isdigit():
        return False
    month = match.group("month")
    # A blank month (a draft) counts as January: only a later year is then surely after the reform.
    year, month_value = int(match.group("year")), int(month) if month.isdigit() else 1
    return (year, month_value) >= (int(since[:4]), int(since[5:7]))


RULES: list[Check] = [
    check_paper, check_orientation, check_margins, check_page_numbers,
    check_motto, check_single_spacing, check_issuer, check_number, check_place_date, check_reform,
    check_title, check_recipient_to, check_bases, check_body, check_headings, check_closing_mark,
    check_recipients, check_signature, check_appendices, check_appendix_numbering, check_fonts,
]


def run_rules(context: Context, checks: Iterable[Check] = RULES) -> list[Finding]:
    return evaluate(context, checks)[0]


def evaluate(context: Context, checks: Iterable[Check] = RULES) -> tuple[list[Finding], list[RuleResult]]:
    """The findings (page-level first, repeats merged) and one result per rule."""
    findings, results = run_checks(context, checks)
    page = [item for item in findings if item.paragraph is None]
    merged = page + merge_runs(context.document.paragraphs, [item for item in findings if item.paragraph is not None])
    return merged, counted(results, merged)


def merge_runs(paragraphs: list[Paragraph], findings: list[Finding]) -> list[Finding]:
    """A finding repeated on consecutive paragraphs (a whole body set in 12 pt, every recipient line
    in 14 pt) is reported once for the run: the clerk fixes it by selecting those paragraphs together.
    Blank paragraphs do not break a run; a paragraph without the finding does."""
    by_paragraph: dict[int, list[Finding]] = {}
    for item in findings:
        by_paragraph.setdefault(item.paragraph or 0, []).append(item)
    merged: list[Finding] = []
    open_runs: dict[tuple[str, str, str, str], list[Finding]] = {}
    for paragraph in paragraphs:
        if not paragraph.text.strip() and paragraph.number not in by_paragraph:
            continue
        row = by_paragraph.get(paragraph.number, [])
        keys = [(item.rule, _place(item.where), item.found, item.expected) for item in row]
        for key in [key for key in open_runs if key not in keys]:
            merged.append(_merged(open_runs.pop(key)))
        for key, item in zip(keys, row, strict=True):
            if key in open_runs and open_runs[key][-1].paragraph == item.paragraph:
                merged.append(item)  # the same deviation twice in one paragraph (two lines): keep both
            else:
                open_runs.setdefault(key, []).append(item)
    merged.extend(_merged(run) for run in open_runs.values())
    return sorted(merged, key=lambda item: item.paragraph or 0)


def _place(where: str) -> str:
    return "đoạn" if where.startswith("đoạn ") else where


def _merged(run: list[Finding]) -> Finding:
    first = run[0]
    if len(run) == 1:
        return first
    span = f"đoạn {first.paragraph}–{run[-1].paragraph}"
    first.where = f"{span} ({len(run)} đoạn)" if first.where.startswith("đoạn ") else \
        f"{first.where}, {span} ({len(run)} đoạn)"
    first.message = first.message.rstrip(".") + f" (cùng lỗi ở {len(run)} đoạn liền nhau, {span})."
    return first
