"""Removes what exports and page breaks leave in the text, and reports each removal.

- Word bookmark markers ("[bookmark: _GoBack]").
- Page numbers glued into a sentence ("đồng 4 bào"): a number that splits a pair of syllables
  that real plans write side by side (``data/compound_bigrams.json``).
- A paragraph cut by a page break: the next block starts with a lower-case letter and is not a
  numbered item, so it is joined back.
- Blocks that are only a page number ("2", "- 3 -").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from drafting.data_files import load
from drafting.document import Block
from drafting.model import Warning
from drafting.parsing.labels import read_label

_PAGE_ONLY = re.compile(r"^[-–\s]*\d{1,3}[-–\s]*$")
_GLUED = re.compile(r"(?<![\w/.,])(?P<left>[a-zà-ỹđ]+) (?P<number>[1-9]\d{0,2}) (?P<right>[a-zà-ỹđ]+)(?![\w/])")


@cache
def _bookmark() -> re.Pattern[str]:
    return re.compile(load("noise")["bookmark"])


@cache
def _pairs() -> frozenset[str]:
    return frozenset(load("compound_bigrams")["pairs"])


def clean_blocks(blocks: list[Block], warnings: list[Warning], paged: bool = True) -> list[Block]:
    """Cleaned copies of the blocks; the reader's blocks are left as they were.

    `paged`: the text comes from a paginated export (TXT, Markdown, PDF) where a lone number line is
    a page number; a Word file keeps its page numbers in the page header, so there it is text."""
    cleaned: list[Block] = []
    for original in blocks:
        block = replace(original)
        text = _remove_bookmarks(block, warnings)
        text = _remove_glued_numbers(text, block.line, warnings)
        if not text.strip():
            continue
        lone_number = paged and _PAGE_ONLY.match(text) and block.cell is None and block.table_text is None
        if lone_number:
            warnings.append(Warning("page_number", f"Bỏ số trang đứng riêng “{text.strip()}”.", block.line))
            continue
        if text != block.text:
            block.parts = None  # its physical lines no longer match the cleaned text
        block.text = text
        if cleaned and _continues(cleaned[-1], block):
            warnings.append(
                Warning("joined_page_break",
                        f"Nối đoạn bị ngắt trang: “…{cleaned[-1].text[-30:]}” + “{text[:30]}…”.", block.line)
            )
            cleaned[-1].parts = cleaned[-1].lines() + block.lines()
            cleaned[-1].text = f"{cleaned[-1].text.rstrip()} {text.lstrip()}"
            continue
        cleaned.append(block)
    return cleaned


def _remove_bookmarks(block: Block, warnings: list[Warning]) -> str:
    text, count = _bookmark().subn("", block.text)
    if count:
        warnings.append(Warning("bookmark", f"Bỏ {count} dấu bookmark của Word.", block.line))
    return text


def _remove_glued_numbers(text: str, line: int, warnings: list[Warning]) -> str:
    def replace(match: re.Match[str]) -> str:
        pair = f"{match.group('left')} {match.group('right')}"
        if pair not in _pairs():
            return match.group(0)
        warnings.append(
            Warning("glued_page_number", f"Bỏ số trang {match.group('number')} lẫn trong câu “{match.group(0)}”.", line)
        )
        return pair

    return _GLUED.sub(replace, text)


def _continues(previous: Block, block: Block) -> bool:
    """A block that starts in lower case and is no numbered item continues the one before it."""
    first = block.text.lstrip()[:1]
    if not first.isalpha() or not first.islower():
        return False
    if block.cell != previous.cell or block.table_text != previous.table_text or block.table or previous.table:
        return False
    if read_label(block.text) is not None:
        return False
    return not previous.text.rstrip().endswith((".", "!", "?"))
