"""A plan as the paragraphs a clerk compares: every heading, paragraph and table row, with its place."""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting.diff.words import content_key, syllables
from drafting.model import Plan, Section


@dataclass
class Unit:
    part: str  # sections | appendices
    top: int  # index of the top-level block it belongs to (a section, the preamble, an appendix)
    label: str | None  # the label as written ("a", "1.1", "-"), None for a paragraph or a table row
    kind: str  # the section kind, "paragraph" or "row"
    path: str  # labels from the top: "III > 2 > a"
    text: str
    key: str = ""
    words: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        self.key = content_key(self.text)
        self.words = frozenset(syllables(self.text))


@dataclass
class Block:
    """A top-level section (or the preamble, the closing text, an appendix): what alignment pairs first."""

    part: str
    title: str
    roles: tuple[str, ...]
    label: str | None
    units: list[Unit]


def blocks_of(plan: Plan) -> list[Block]:
    blocks: list[Block] = []
    if plan.preamble:
        blocks.append(Block("sections", "preamble", ("preamble",), None, []))
        for text in plan.preamble:
            blocks[-1].units.append(Unit("sections", len(blocks) - 1, None, "paragraph", "preamble", text))
    for section in plan.sections:
        block = Block("sections", section.title, tuple(section.roles), section.label, [])
        blocks.append(block)
        _walk(section, [], block.units, "sections", len(blocks) - 1)
    if plan.closing:
        blocks.append(Block("sections", "closing", ("closing",), None, []))
        for text in plan.closing:
            blocks[-1].units.append(Unit("sections", len(blocks) - 1, None, "paragraph", "closing", text))
    for number, appendix in enumerate(plan.appendices, 1):
        name = appendix.label or f"Phụ lục {number}"
        block = Block("appendices", " ".join(filter(None, [appendix.label, appendix.title])), ("appendix",),
                      appendix.label, [])
        blocks.append(block)
        top = len(blocks) - 1
        if appendix.title:
            block.units.append(Unit("appendices", top, None, "paragraph", name, appendix.title))
        for text in appendix.paragraphs:
            block.units.append(Unit("appendices", top, None, "paragraph", name, text))
        for table in appendix.tables:
            block.units.extend(_rows(table, "appendices", top, name))
        for section in appendix.sections:
            _walk(section, [name], block.units, "appendices", top)
    return blocks


def _walk(section: Section, path: list[str], out: list[Unit], part: str, top: int) -> None:
    here = [*path, section.label or "·"]
    where = " > ".join(here)
    if section.title.strip():
        out.append(Unit(part, top, section.label, section.kind, where, section.title))
    for text in section.paragraphs:
        if text.strip():
            out.append(Unit(part, top, None, "paragraph", where, text))
    for table in section.tables:
        out.extend(_rows(table, part, top, where))
    for child in section.children:
        _walk(child, here, out, part, top)


def _rows(table: list[list[str]], part: str, top: int, where: str) -> list[Unit]:
    rows = []
    for number, row in enumerate(table, 1):
        text = " | ".join(cell.strip() for cell in row)
        if text.strip(" |"):
            rows.append(Unit(part, top, None, "row", f"{where} > bảng, dòng {number}", text))
    return rows


def section_units(section: Section, part: str = "sections", top: int = 0) -> list[Unit]:
    out: list[Unit] = []
    _walk(section, [], out, part, top)
    return out
