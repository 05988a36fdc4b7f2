"""TXT and Markdown files → blocks.

TXT: one paragraph a line. Markdown (web copies of plans): paragraphs are separated by blank lines
and hard-wrapped inside; "|" lines are the cell borders of a flattened table; "**" and "*" are
emphasis; "#" marks are heading hints that do not say the depth.
"""

from __future__ import annotations

import re

from drafting.document import Block, RawDocument
from drafting.errors import InputError
from drafting.parsing.text import UPPER
from drafting.readers import portal
from drafting.readers.encoding import decode

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HEADING_MARK = re.compile(r"^(#{1,6})\s*")
# "**" anywhere; a single "*" only where it opens or closes italics, so "(*)" footnotes survive.
_EMPHASIS = re.compile(r"\*{2,3}|(?:(?<=\s)|^)\*(?=\S)|(?<=[^\s(])\*(?=[\s,.;:)]|$)")
# A line inside a Markdown paragraph that starts a new logical line: a list item typed with an
# upper-case first letter ("- Bộ Nội vụ;"), never a wrapped "- xã hội" or "- 2025".
_ITEM_START = re.compile(rf"^[-+•–]\s+[{UPPER}]")


def read_text(data: bytes, path: str, markdown: bool) -> RawDocument:
    decoded = decode(data, path)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if len(_CONTROL.findall(text[:20000])) > 0.01 * max(len(text[:20000]), 1):
        raise InputError("binary", path=path)
    lines = text.split("\n")
    page = portal.detect(lines)
    if page is not None:  # a legal portal's page: the document only, its paragraphs re-joined
        kept = [line if page.start <= index < page.end else "" for index, line in enumerate(lines)]
        starts = portal.paragraph_starts(lines, page.start, page.end)
        blocks = _markdown_blocks(kept, starts, portal.table_ends(lines, page.start, page.end))
        return RawDocument(path, "md", decoded.encoding, blocks, warnings=page.warnings, portal=page.meta or None)
    blocks = _markdown_blocks(lines) if markdown else _text_blocks(lines)
    return RawDocument(path, "md" if markdown else "txt", decoded.encoding, blocks)


def _text_blocks(lines: list[str]) -> list[Block]:
    blocks = []
    for number, raw in enumerate(lines, start=1):
        block = _block(raw, number)
        if block is not None:
            blocks.append(block)
    return blocks


def _block(raw: str, number: int) -> Block | None:
    """A block from one physical line, with Markdown marks read as hints and removed."""
    text = raw.strip()
    heading = _HEADING_MARK.match(text)
    level = None
    if heading:
        level = len(heading.group(1))
        text = text[heading.end() :]
    bold = text.startswith("**")
    text = _EMPHASIS.sub("", text).strip()
    if not text:
        return None
    return Block(text=text, line=number, bold=bold, heading_level=level)


def _markdown_blocks(lines: list[str], starts: set[int] | None = None, ends: set[int] | None = None) -> list[Block]:
    """Paragraphs of a web copy. A line holding only "|" is a cell border of a flattened table: it
    opens a table, starts the next cell, or — followed by a blank line — closes the table. Blocks
    inside are marked (`table_text`, one number per cell), so a number in a cell is never taken for a
    page number; the rows are lost in such copies, so the cells stay paragraphs. `starts`: indexes of
    lines that open a paragraph though no blank line precedes them (a portal page's copy); `ends`: "|"
    lines that close a table though no blank line follows them."""
    blocks: list[Block] = []
    current: list[tuple[int, str]] = []
    table, column, in_table = 0, 0, False

    def flush() -> None:
        if current:
            merged = _merge(current)
            if merged is not None:
                merged.table_text = table * 1000 + column if in_table else None
                blocks.append(merged)
            current.clear()

    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if stripped == "|":
            flush()
            closes = number >= len(lines) or not lines[number].strip() or bool(ends and number - 1 in ends)
            if closes:
                in_table = False
            elif not in_table:
                table, column, in_table = table + 1, 0, True
            else:
                column += 1
            continue
        if not stripped or set(stripped) <= {"|", "-", ":", " "}:
            flush()
            continue
        opens = bool(starts and number - 1 in starts)
        if current and (_ITEM_START.match(stripped) or _HEADING_MARK.match(stripped) or opens):
            flush()
        current.append((number, stripped))
    flush()
    return blocks


def _merge(lines: list[tuple[int, str]]) -> Block | None:
    """Join the physical lines of one Markdown paragraph, mending bold marks split over lines."""
    joined = " ".join(text for _, text in lines)
    block = _block(joined, lines[0][0])
    if block is not None and len(lines) > 1:
        parts = [" ".join(_EMPHASIS.sub("", text).split()) for _, text in lines]
        block.parts = [part for part in parts if part]
    return block
