"""Where each element of a Decree 30 document sits: header, title, body, closing, appendices.

Elements are found from the text, the way a clerk reads the page (the same vocabulary as the
parser), never from style names. The result holds "pieces": one line of a paragraph (a manual line
break starts a new piece) with the runs that draw it, and the column of the two-column header or
signature layout it stands in when that is known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from drafting.check.docx_format import DocxFormat, Paragraph, Run
from drafting.check.values import rules_data
from drafting.data_files import load
from drafting.parsing.bases import opener_of
from drafting.parsing.closing import is_recipients_heading, is_signature_start, starts_appendix
from drafting.parsing.issuer import starts_with_body, starts_with_unit
from drafting.parsing.labels import Label, read_label
from drafting.parsing.text import fold, is_upper

LEFT, RIGHT = "left", "right"
HEADER_SEARCH = 60  # the type heading is within the first pieces of page 1
SUMMARY_MAX = 4
SIGNATURE_MAX = 12


@cache
def _vocabulary() -> dict[str, Any]:
    return load("vocabulary")  # type: ignore[no-any-return]


@cache
def _regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


@dataclass
class Piece:
    """One line of a paragraph, or one column of a line laid out with spaces or tabs."""

    paragraph: Paragraph
    raw: str  # the shown text (capitals for "All caps" runs), not stripped
    runs: list[Run]
    side: str | None = None

    @property
    def text(self) -> str:
        return " ".join(self.raw.split())

    @property
    def number(self) -> int:
        return self.paragraph.number

    @property
    def visible_runs(self) -> list[Run]:
        return [run for run in self.runs if run.visible]

    @property
    def key(self) -> str:
        return fold(self.text)


@dataclass
class Signature:
    lines: list[Piece] = field(default_factory=list)  # authority, delegation and position lines
    name: Piece | None = None
    notes: list[Piece] = field(default_factory=list)  # "(Đã ký)", "(Chữ ký, dấu)" …


@dataclass
class Anatomy:
    pieces: list[Piece]
    header: list[Piece] = field(default_factory=list)
    quoc_hieu: Piece | None = None
    tieu_ngu: Piece | None = None
    superior: list[Piece] = field(default_factory=list)
    issuer: list[Piece] = field(default_factory=list)
    number: Piece | None = None
    place_date: Piece | None = None
    subject_vv: list[Piece] = field(default_factory=list)
    type_heading: Piece | None = None
    doc_type: str | None = None  # "KẾ HOẠCH", "BÁO CÁO" … None for a Công văn
    summary: list[Piece] = field(default_factory=list)
    summary_in_heading: bool = False
    # "document"; "attached": a text issued with a decision, "(Kèm theo Quyết định số …)" under its
    # title (no number, date, recipients of its own); "appendix": a file that is itself a Phụ lục.
    kind: str = "document"
    attached_note: list[Piece] = field(default_factory=list)
    recipient_to: list[Piece] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)
    recipients_heading: Piece | None = None
    recipients: list[Paragraph] = field(default_factory=list)
    signature: Signature | None = None
    appendices: list[list[Piece]] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Pieces


def _split_lines(runs: list[Run]) -> list[list[Run]]:
    lines: list[list[Run]] = [[]]
    for run in runs:
        if run.format.hidden:
            continue
        parts = run.text.split("\n")
        for index, part in enumerate(parts):
            if index:
                lines.append([])
            if part:
                lines[-1].append(Run(part, run.format))
    return lines


def _shown(run: Run) -> str:
    return run.text.upper() if run.format.caps else run.text


def pieces_of(paragraph: Paragraph) -> list[Piece]:
    pieces = []
    for runs in _split_lines(paragraph.runs):
        raw = "".join(_shown(run) for run in runs)
        if raw.strip():
            pieces.append(Piece(paragraph, raw, runs))
    return pieces


def slice_piece(piece: Piece, start: int, end: int, side: str | None) -> Piece:
    """The part of a piece between two character offsets of its text, with its runs cut there."""
    runs: list[Run] = []
    offset = 0
    for run in piece.runs:
        shown = _shown(run)
        lo, hi = max(start, offset), min(end, offset + len(shown))
        if lo < hi:
            runs.append(Run(run.text[lo - offset:hi - offset], run.format))
        offset += len(shown)
    return Piece(piece.paragraph, piece.raw[start:end], runs, side)


def all_pieces(document: DocxFormat) -> list[Piece]:
    return [piece for paragraph in document.paragraphs for piece in pieces_of(paragraph)]


# --------------------------------------------------------------------------------------------
# Recognisers


def type_names() -> list[str]:
    data = rules_data()
    names = list(data["type_abbreviations"]) + list(data["copy_abbreviations"]) + data["other_type_headings"]
    names += [name for name in _vocabulary()["doc_types"] if name not in names]
    return sorted(names, key=len, reverse=True)


def heading_type(piece: Piece) -> str | None:
    """ "KẾ HOẠCH" for a type heading line ("KẾ HOẠCH", "BÁO CÁO CÔNG TÁC TUẦN …"), else None."""
    text = piece.text.strip(" :.\t")
    if not text or not is_upper(text) or piece.paragraph.cell is not None and piece.side == LEFT:
        return None
    key = fold(text)
    for name in type_names():
        if key == fold(name) or key.startswith(fold(name) + " "):
            return name
    return None


def is_national(text: str) -> bool:
    return fold(rules_data()["motto"]["national"]) in fold(text)


def is_slogan(text: str) -> bool:
    return _regex(rules_data()["motto"]["slogan_loose"]).search(fold(text)) is not None


def is_number_line(text: str) -> bool:
    return _regex(rules_data()["number"]["line"]).match(text) is not None


def is_place_date(text: str) -> bool:
    key = fold(text)
    return "ngày" in key and "tháng" in key and "năm" in key and not is_number_line(text)


def is_separator(text: str) -> bool:
    return _regex(rules_data()["separator"]).match(text) is not None


def is_draft_stamp(text: str) -> bool:
    return _regex(rules_data()["draft_stamp"], re.IGNORECASE).match(text) is not None


def is_subject_vv(text: str) -> bool:
    return fold(text).startswith(fold(rules_data()["markers"]["subject"]))


def is_recipient_to(text: str) -> bool:
    return fold(text).startswith(fold(rules_data()["markers"]["recipient_to"]))


def signature_prefix(text: str) -> str | None:
    """The canonical prefix ("TM.", "KT." …) a signature line starts with, in any form clerks type."""
    upper = text.strip().upper()
    for canonical, variants in rules_data()["signature"]["prefix_forms"].items():
        if upper.startswith(canonical) or any(upper.startswith(v) for v in variants):
            return str(canonical)
    return None


def is_position(text: str) -> bool:
    return fold(text) in {fold(p) for p in _vocabulary()["signature_positions"]}


def is_name(text: str) -> bool:
    return _regex(rules_data()["signature"]["name"]).match(_without_titles(text)) is not None and not is_upper(text)


def _without_titles(text: str) -> str:
    for title in rules_data()["signature"]["academic_titles"]:
        if text.startswith(title + " "):
            return text[len(title) + 1:]
    return text


def label_of(piece: Piece) -> Label | None:
    return read_label(piece.text)


# --------------------------------------------------------------------------------------------
# Reading the document


def read_anatomy(document: DocxFormat) -> Anatomy:
    anatomy = Anatomy(pieces=_columns(all_pieces(document)))
    pieces = anatomy.pieces
    heading = _find_heading(pieces)
    end = pieces.index(heading) if heading else _header_end(pieces)
    anatomy.header = [p for p in pieces[:end] if not is_draft_stamp(p.text)]
    _read_header(anatomy)
    after = end
    if heading:
        anatomy.type_heading, anatomy.doc_type = heading, heading_type(heading)
        anatomy.summary_in_heading = fold(heading.text.strip(" :.")) != fold(anatomy.doc_type or "")
        after = _read_attached_note(anatomy, pieces, _read_summary(anatomy, pieces, end + 1))
        if anatomy.doc_type == "PHỤ LỤC" and anatomy.quoc_hieu is None:
            anatomy.kind = "appendix"
            anatomy.appendices.append([heading, *anatomy.summary, *anatomy.attached_note])
        elif anatomy.attached_note:
            anatomy.kind = "attached"
    after = _read_recipient_to(anatomy, pieces, after)
    _read_body_and_closing(anatomy, pieces, after)
    return anatomy


def _columns(pieces: list[Piece]) -> list[Piece]:
    """Give header pieces a side: the table column they stand in, or the part of a line laid out
    with spaces/tabs before the national motto or the place and date."""
    result: list[Piece] = []
    for piece in pieces:
        result.extend(_split_columns(piece) if piece.paragraph.cell is None else [piece])
    tables: dict[int, list[int]] = {}
    for piece in result[:HEADER_SEARCH]:
        if piece.paragraph.cell is not None:
            tables.setdefault(piece.paragraph.cell[0], []).append(piece.paragraph.cell[2])
    for piece in result:
        cell = piece.paragraph.cell
        if cell is not None and piece.side is None:
            columns = tables.get(cell[0], [])
            if columns and min(columns) != max(columns):
                piece.side = LEFT if cell[2] == min(columns) else RIGHT if cell[2] == max(columns) else None
    return result


def _split_columns(piece: Piece) -> list[Piece]:
    """ "VĂN PHÒNG UBND TỈNH      CỘNG HÒA XÃ HỘI …": two columns typed on one line."""
    for pattern in rules_data()["motto"]["right_column_starts"]:
        match = _regex(pattern, re.IGNORECASE).search(piece.raw)
        if not match or match.start() == 0 or not piece.raw[:match.start()].strip():
            continue
        gap = _regex(rules_data()["markers"]["column_gap"])
        if "ngày" in pattern and not gap.search(piece.raw[:match.start() + 1]):
            continue  # "Số: 05/KH-UBND, ngày …" in running text: one column
        cut = match.start()
        return [slice_piece(piece, 0, cut, LEFT), slice_piece(piece, cut, len(piece.raw), RIGHT)]
    return [piece]


def _find_heading(pieces: list[Piece]) -> Piece | None:
    for piece in pieces[:HEADER_SEARCH]:
        if is_recipients_heading(piece.text) or is_signature_start(piece.text):
            return None
        if heading_type(piece) and not is_national(piece.text):
            return piece
    return None


def _header_end(pieces: list[Piece]) -> int:
    """Without a type heading (a Công văn): the header ends with the last of Số, place-date and
    V/v among the first pieces, and takes in the rest of the table those stand in."""
    last = -1
    for index, piece in enumerate(pieces[:HEADER_SEARCH // 3]):
        if is_number_line(piece.text) or is_place_date(piece.text) or is_subject_vv(piece.text) or \
                is_national(piece.text) or is_slogan(piece.text):
            last = index
    if last < 0:
        return 0
    cell = pieces[last].paragraph.cell
    while cell is not None and last + 1 < len(pieces) and _in_table(pieces[last + 1], cell[0]) \
            and not is_recipient_to(pieces[last + 1].text):
        last += 1
    while last + 1 < len(pieces) and is_subject_vv(pieces[last].text) and not _ends_header(pieces[last + 1]):
        last += 1  # a V/v wrapped over two paragraphs
    return last + 1


def _in_table(piece: Piece, table: int) -> bool:
    return piece.paragraph.cell is not None and piece.paragraph.cell[0] == table


def _ends_header(piece: Piece) -> bool:
    return is_recipient_to(piece.text) or piece.paragraph.format.alignment in ("both", "distribute")


def _read_header(anatomy: Anatomy) -> None:
    header = _join_national(anatomy.header)
    anatomy.header = header
    for piece in header:
        text = piece.text
        if is_national(text) and anatomy.quoc_hieu is None:
            anatomy.quoc_hieu = piece
        elif is_slogan(text) and anatomy.tieu_ngu is None:
            anatomy.tieu_ngu = piece
        elif is_number_line(text) and anatomy.number is None:
            anatomy.number = piece
        elif is_place_date(text) and anatomy.place_date is None:
            anatomy.place_date = piece
        elif is_subject_vv(text) or _continues_subject(anatomy, piece):
            anatomy.subject_vv.append(piece)
    names = [p for p in header if _is_body_name(p, anatomy)]
    split = _superior_split(names)
    anatomy.superior, anatomy.issuer = names[:split], names[split:]


def _continues_subject(anatomy: Anatomy, piece: Piece) -> bool:
    """A "V/v …" wrapped over several paragraphs of its cell."""
    if not anatomy.subject_vv or is_upper(piece.text) or is_recipient_to(piece.text):
        return False
    last = anatomy.subject_vv[-1].paragraph
    return piece.paragraph.cell == last.cell and piece.number <= last.number + 1


def _join_national(header: list[Piece]) -> list[Piece]:
    """ "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM" broken over two lines are one Quốc hiệu."""
    joined: list[Piece] = []
    for piece in header:
        previous = joined[-1] if joined else None
        if previous and not is_national(previous.text) and not is_national(piece.text) \
                and is_national(f"{previous.text} {piece.text}") and previous.side == piece.side:
            joined[-1] = Piece(previous.paragraph, f"{previous.raw} {piece.raw}", previous.runs + piece.runs,
                               previous.side)
        else:
            joined.append(piece)
    return joined


def _is_body_name(piece: Piece, anatomy: Anatomy) -> bool:
    """An upper-case line of the issuing body: the column facing the motto (or, without columns,
    any line before "Số")."""
    text = piece.text
    if not is_upper(text) or is_separator(text) or is_national(text) or is_slogan(text) or is_draft_stamp(text):
        return False
    if is_number_line(text) or is_place_date(text) or is_subject_vv(text):
        return False
    if piece.side is not None:
        return piece.side == _issuer_side(anatomy)
    return anatomy.number is None or piece.number <= anatomy.number.number


def _issuer_side(anatomy: Anatomy) -> str:
    """The column facing the Quốc hiệu (or holding "Số"): the left one when the clerk put things right."""
    if anatomy.quoc_hieu is not None and anatomy.quoc_hieu.side is not None:
        return RIGHT if anatomy.quoc_hieu.side == LEFT else LEFT
    if anatomy.number is not None and anatomy.number.side is not None:
        return anatomy.number.side
    return LEFT


def _superior_split(names: list[Piece]) -> int:
    """Index of the first line of the issuing body; lines above it name the governing body (C5).

    "UBND TỈNH LÂM ĐỒNG" / "SỞ NỘI VỤ": the second line names a new body, so the first is the
    governing body. "ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG": one name broken over two lines."""
    for index, piece in enumerate(names[1:], start=1):
        if starts_with_body(piece.text) and _names_a_place(names[index - 1].text):
            return index
    return _split_by_boldness(names)


def _split_by_boldness(names: list[Piece]) -> int:
    """ "PHÒNG VĂN HÓA - XÃ HỘI" (regular) / "CẢI CÁCH HÀNH CHÍNH, …" (bold): a unit under an office
    names no place, so the text cannot tell; the clerk's bold can, unless the bold line only goes
    on with a place ("TỈNH …"), where one name was broken over two lines."""
    bold = [_all_bold(piece) for piece in names]
    if True not in bold:
        return 0
    first = bold.index(True)
    if first == 0 or any(not flag for flag in bold[first:]) or starts_with_unit(names[first].text):
        return 0
    return first


def _names_a_place(text: str) -> bool:
    key = fold(text)
    return any(f" {fold(word)} " in f" {key} " for word in rules_data()["reform"]["province_words"]
               + rules_data()["reform"]["commune_words"] + rules_data()["reform"]["district_words"]) \
        or fold("VĂN PHÒNG") in key


def _read_summary(anatomy: Anatomy, pieces: list[Piece], start: int) -> int:
    index = start
    stops = rules_data()["summary_stops"]
    while index < len(pieces) and len(anatomy.summary) < SUMMARY_MAX:
        piece = pieces[index]
        text = piece.text
        stopped = any(piece.key.startswith(stop) for stop in stops)
        if stopped and piece.key.startswith(("thực hiện", "căn cứ")) and (not opener_of(text) or not anatomy.summary):
            # "Thực hiện Phong trào thi đua …", or a centred line right under the type that cites a document
            # ("Thực hiện Nghị quyết số 48/NQ-CP … trên địa bàn xã …"): a title; a basis is justified body text.
            stopped = piece.paragraph.format.alignment != "center"
        if is_separator(text) or stopped or label_of(piece):
            break
        if anatomy.summary and (piece.paragraph.format.alignment != "center" or _is_authority_line(piece)):
            break
        if not anatomy.summary and piece.paragraph.format.alignment != "center" and not _all_bold(piece):
            break
        if _is_authority_line(piece) or is_recipients_heading(text):
            break
        anatomy.summary.append(piece)
        index += 1
    while index < len(pieces) and is_separator(pieces[index].text):
        index += 1
    return index


def _read_attached_note(anatomy: Anatomy, pieces: list[Piece], start: int) -> int:
    """ "(Kèm theo Quyết định số … ngày … của …)" under the title, possibly over two lines."""
    index = start
    if index < len(pieces) and _regex(rules_data()["appendix"]["attached"]).match(pieces[index].text):
        while index < len(pieces) and len(anatomy.attached_note) < SUMMARY_MAX:
            anatomy.attached_note.append(pieces[index])
            index += 1
            if anatomy.attached_note[-1].text.rstrip(" .").endswith(")"):
                break
    while index < len(pieces) and is_separator(pieces[index].text):
        index += 1
    return index


def _is_authority_line(piece: Piece) -> bool:
    """ "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" above the bases of a Quyết định."""
    return is_upper(piece.text) and any(piece.key.startswith(fold(word)) for word in _vocabulary()["authority_lines"])


def _all_bold(piece: Piece) -> bool:
    runs = piece.visible_runs
    return bool(runs) and all(run.format.bold for run in runs)


def _read_recipient_to(anatomy: Anatomy, pieces: list[Piece], start: int) -> int:
    """The "Kính gửi:" block under the title (Báo cáo sent upward, Tờ trình, Công văn)."""
    for index in range(start, min(start + 3, len(pieces))):
        if is_recipient_to(pieces[index].text):
            anatomy.recipient_to.append(pieces[index])
            end = index + 1
            while end < len(pieces) and pieces[end].text.startswith(("-", "–")) and \
                    not is_recipients_heading(pieces[end].text):
                anatomy.recipient_to.append(pieces[end])
                end += 1
            return end
    return start


def _read_body_and_closing(anatomy: Anatomy, pieces: list[Piece], start: int) -> None:
    closing = _closing_start(pieces, start)
    seen: set[int] = set()
    for piece in pieces[start:closing]:
        if piece.number not in seen:
            seen.add(piece.number)
            anatomy.body.append(piece.paragraph)
    rest = pieces[closing:]
    _read_recipients(anatomy, rest)
    after = _read_signature(anatomy, rest)
    _read_appendices(anatomy, pieces[closing + after:] if after else [])


def _closing_start(pieces: list[Piece], start: int) -> int:
    for index in range(start, len(pieces)):
        piece = pieces[index]
        if is_recipients_heading(piece.text) or _starts_signature(piece, index > start):
            return index
    return len(pieces)


def _starts_signature(piece: Piece, after_body: bool) -> bool:
    text = piece.text
    if not after_body or not is_upper(text) or len(text) > 60:
        return False
    placed = piece.paragraph.cell is not None or piece.paragraph.format.alignment in ("center", "right")
    return placed and (is_signature_start(text) or signature_prefix(text) is not None or is_position(text))


def _read_recipients(anatomy: Anatomy, rest: list[Piece]) -> None:
    heading = next((p for p in rest if is_recipients_heading(p.text)), None)
    if heading is None:
        return
    anatomy.recipients_heading = heading
    start = rest.index(heading)
    cell = heading.paragraph.cell
    seen = {heading.number}
    for piece in rest[start + 1:]:
        same_column = cell is None or (piece.paragraph.cell is not None and piece.paragraph.cell[0] == cell[0]
                                       and piece.paragraph.cell[2] == cell[2])
        if cell is not None and not same_column:
            continue
        if cell is None and (_starts_signature(piece, True) or not piece.text.startswith(("-", "–", "+", "Lưu"))):
            if not _is_archive(piece.text) or anatomy.recipients:
                break
        if piece.number not in seen:
            seen.add(piece.number)
            anatomy.recipients.append(piece.paragraph)
        if cell is None and _is_archive(piece.text):
            break


def _is_archive(text: str) -> bool:
    return _regex(rules_data()["recipients"]["archive_line"]).match(text) is not None


def _read_signature(anatomy: Anatomy, rest: list[Piece]) -> int:
    """The signature block; returns the index in ``rest`` just after it (0 when there is none)."""
    start = next((i for i, p in enumerate(rest) if _starts_signature(p, True)), None)
    if start is None:
        return 0
    signature = Signature()
    cell = rest[start].paragraph.cell
    end = start
    for index in range(start, min(start + SIGNATURE_MAX, len(rest))):
        piece = rest[index]
        if cell is not None and (piece.paragraph.cell is None or piece.paragraph.cell[0] != cell[0]):
            break
        if index > start and (is_recipients_heading(piece.text) or starts_appendix(piece.text)):
            break
        end = index + 1
        if cell is not None and piece.paragraph.cell is not None and piece.paragraph.cell[2] != cell[2]:
            continue
        if _signature_piece(signature, piece):
            break
    anatomy.signature = signature
    return end


def _signature_piece(signature: Signature, piece: Piece) -> bool:
    """File one piece of the signature block; True when the block is complete (the name)."""
    text = piece.text
    if is_upper(text) and (signature_prefix(text) or is_position(text) or not signature.lines or _is_title_line(text)):
        signature.lines.append(piece)
    elif is_name(text):
        signature.name = piece
        return True
    else:
        signature.notes.append(piece)
    return False


def _is_title_line(text: str) -> bool:
    return len(text) < 60 and not any(char.isdigit() for char in text)


def _read_appendices(anatomy: Anatomy, rest: Iterable[Piece]) -> None:
    for piece in rest:
        if starts_appendix(piece.text) and _regex(rules_data()["appendix"]["label"]).match(piece.text):
            anatomy.appendices.append([piece])
        elif anatomy.appendices and len(anatomy.appendices[-1]) < 4:
            anatomy.appendices[-1].append(piece)
