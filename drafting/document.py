"""What readers hand to the parser: the document as an ordered list of text blocks.

A block is one paragraph of the source (a TXT line, a Markdown paragraph, a DOCX paragraph or
table-cell paragraph, a PDF line) with the hints its format carried. The parser never looks at
file formats, only at blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting.model import Warning


@dataclass
class Block:
    text: str
    line: int  # 1-based line (TXT, MD, PDF) or paragraph number (DOCX) of the source
    bold: bool = False
    heading_level: int | None = None  # Markdown "#" count or Word heading style level: a hint only
    auto_label: str | None = None  # label produced by Word's automatic numbering, already in text
    cell: tuple[int, int, int] | None = None  # (table, row, column) for text inside a table
    # Inside a flattened web-copy table whose rows are lost: not a page number, not joined across.
    table_text: int | None = None
    table: list[list[str]] | None = None  # a whole body table, kept cell by cell
    center: bool = False
    parts: list[str] | None = None  # the physical lines of a hard-wrapped Markdown paragraph

    def lines(self) -> list[str]:
        """The block's physical lines (closing blocks need them: "KT. CHỦ TỊCH" / name)."""
        return self.parts if self.parts and len(self.parts) > 1 else [self.text]


@dataclass
class RawDocument:
    path: str
    format: str
    encoding: str | None
    blocks: list[Block]
    warnings: list[Warning] = field(default_factory=list)
    draft_stamp: bool = False
    portal: dict[str, str] | None = None  # a legal portal's metadata table around the document
