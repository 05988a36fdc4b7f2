"""The closing: "Nơi nhận" list, "Lưu:" line, signature block; what follows is an appendix."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from drafting.data_files import load
from drafting.document import Block
from drafting.model import Signature
from drafting.parsing.text import UPPER, fold, is_upper

_RECIPIENTS = re.compile(r"^\s*Nơi\s+nhận\s*:?\s*", re.IGNORECASE)
_ARCHIVE = re.compile(r"^[-–+•]?\s*Lưu\s*:?\s*(?P<archive>.*)$", re.IGNORECASE)
_ITEM_MARK = re.compile(r"^[-–•]\s*")
_APPENDIX = re.compile(r"^(PHỤ\s+LỤC|Phụ\s+lục)(\s+(số\s+)?[IVX\d]+)?\b")
# A signer's name, or the highlighted blank a draft leaves for it ("[Họ và tên]").
_NAME = re.compile(rf"^(?:[{UPPER}][\wÀ-ỹ]*(?:\s+[{UPPER}][\wÀ-ỹ]*){{1,5}}|\[[{UPPER}][^\[\]]{{2,40}}\])$")


@cache
def _vocabulary() -> dict:
    return load("vocabulary")


def is_recipients_heading(text: str) -> bool:
    return bool(_RECIPIENTS.match(text))


def is_signature_start(text: str) -> bool:
    key = fold(text)
    prefixes = _vocabulary()["signature_authority"] + _vocabulary()["signature_delegation"]
    return is_upper(text) and len(text) < 60 and any(key.startswith(fold(p)) for p in prefixes)


@dataclass
class Closing:
    recipients: list[str] = field(default_factory=list)
    archive: str | None = None
    signature: Signature = field(default_factory=Signature)
    extra: list[str] = field(default_factory=list)  # signed marks, stray lines of the closing
    rest: list[Block] = field(default_factory=list)  # what follows the signature, in document order


def read_closing(blocks: list[Block]) -> Closing:
    """Recipients are read from whole blocks (a wrapped item stays one), the signature from the
    physical lines (a Markdown copy runs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / name" into one block)."""
    closing = Closing()
    ordered = _recipients_column_first(blocks)
    texts = [_archive_line(block, closing) for block in ordered]
    consumed = 0
    if texts and is_recipients_heading(texts[0]):
        first = _RECIPIENTS.sub("", texts[0]).strip()
        rest = ([first] if first else []) + texts[1:]
        consumed = _read_recipients(rest, closing) + (0 if first else 1)
    owned = [(index, line) for index in range(consumed, len(ordered)) for line in ordered[index].lines()]
    joined = _join_wrapped(owned)
    stop = _read_signature([line for _, line in joined], closing)
    if stop < len(joined):
        owner = joined[stop][0]
        if stop > 0 and joined[stop - 1][0] == owner:  # the block runs on past the name: keep its lines
            closing.extra.extend(line for index, line in joined[stop:] if index == owner)
            owner += 1
        taken = {id(block) for block in ordered[:owner]}
        closing.rest = [block for block in blocks if id(block) not in taken]
    return closing


def _recipients_column_first(blocks: list[Block]) -> list[Block]:
    """In a closing table, the "Nơi nhận" column is read first, then the signature column, whatever
    the rows interleave ("Nơi nhận:" | signature, then "- Như trên;" under it)."""
    if not blocks or blocks[0].cell is None:
        return blocks
    table, _, column = blocks[0].cell
    left = [b for b in blocks if b.cell is not None and b.cell[0] == table and b.cell[2] == column]
    rest = [b for b in blocks if not (b.cell is not None and b.cell[0] == table and b.cell[2] == column)]
    return left + rest


def _archive_line(block: Block, closing: Closing) -> str:
    """A "Lưu:" block keeps its first line; a stray line wrapped under it ("09 KH") is kept apart."""
    lines = block.lines()
    if len(lines) > 1 and _ARCHIVE.match(lines[0]):
        closing.extra.extend(lines[1:])
        return lines[0]
    return block.text


def _join_wrapped(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Upper-case lines that are no known position or prefix continue the line above (each line
    keeps the index of the block it came from)."""
    positions = {fold(p) for p in _vocabulary()["signature_positions"]}
    prefixes = [fold(p) for p in _vocabulary()["signature_authority"] + _vocabulary()["signature_delegation"]]
    joined: list[tuple[int, str]] = []
    for owner, line in lines:
        key = fold(line)
        if (
            joined
            and joined[-1][0] == owner
            and is_upper(line)
            and is_upper(joined[-1][1])
            and key not in positions
            and not any(key.startswith(p) for p in prefixes)
            and fold(joined[-1][1]) not in positions
        ):
            joined[-1] = (owner, f"{joined[-1][1]} {line}")
        else:
            joined.append((owner, line))
    return joined


def _read_recipients(lines: list[str], closing: Closing) -> int:
    """An unmarked line continues the item above when it starts in lower case or when the item above
    broke off after a comma ("- Ủy ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng," / "VP Đảng uỷ;")."""
    previous_raw = ""
    for index, line in enumerate(lines):
        broke_off, previous_raw = previous_raw.rstrip().endswith(","), line
        archive = _ARCHIVE.match(line)
        if archive:
            closing.archive = archive.group("archive").strip().rstrip(".").strip() or None
            return index + 1
        if is_signature_start(line):
            return index
        if line.startswith("+") and closing.recipients:
            item = _clean_item(line.lstrip("+ "))
            previous = closing.recipients[-1]
            closing.recipients[-1] = f"{previous} {item}" if previous.endswith(":") else f"{previous}, {item}"
            continue
        if (
            not _ITEM_MARK.match(line)
            and closing.recipients
            and not is_upper(line)
            and (line[:1].islower() or broke_off)
            and not _ARCHIVE.match(line)
        ):
            closing.recipients[-1] += (", " if broke_off else " ") + _clean_item(line)
            continue
        if not _ITEM_MARK.match(line) and closing.recipients and _looks_like_signature(line):
            return index
        closing.recipients.append(_clean_item(line))
    return len(lines)


def _looks_like_signature(line: str) -> bool:
    positions = {fold(p) for p in _vocabulary()["signature_positions"]}
    return fold(line) in positions


def _clean_item(line: str) -> str:
    item = _ITEM_MARK.sub("", line.strip())
    return item.rstrip(" ;,.").strip() if not item.endswith("(b/c).") else item.rstrip(".")


def _read_signature(lines: list[str], closing: Closing) -> int:
    """Fill the signature from the closing's lines; returns where what follows it begins."""
    signature = closing.signature
    signed = {fold(mark) for mark in _vocabulary()["signed_marks"]}
    authority = [fold(p) for p in _vocabulary()["signature_authority"]]
    delegation = [fold(p) for p in _vocabulary()["signature_delegation"]]
    for index, line in enumerate(lines):
        key = fold(line)
        if signature.name is not None:
            return index
        prefixed = is_upper(line) and any(key.startswith(p) for p in authority + delegation)
        following = index + 1 < len(lines) and is_signature_start(lines[index + 1])
        if key in signed:
            closing.extra.append(line)
        elif prefixed and signature.authority is None and signature.delegation is None and (
            any(key.startswith(p) for p in authority) or following
        ):
            signature.authority = line  # TM. …, or the outer of two ("TL. CHỦ TỊCH" over "KT. CHÁNH VĂN PHÒNG")
        elif prefixed and signature.delegation is None and signature.position is None:
            signature.delegation = line
        elif is_upper(line) and signature.position is None and len(line) < 60 and _is_position(line):
            signature.position = line
        elif _NAME.match(line) and (signature.position or signature.authority or signature.delegation):
            signature.name = line
        elif signature.position or signature.authority or signature.delegation or starts_appendix(line):
            return index
        else:
            closing.extra.append(line)
    return len(lines)


def starts_appendix(line: str) -> bool:
    """ "PHỤ LỤC I", "Phụ lục số 02: …", "BIỂU MẪU": an appendix begins."""
    return bool(_APPENDIX.match(line.strip()))


def _is_position(line: str) -> bool:
    return not any(char.isdigit() for char in line)
