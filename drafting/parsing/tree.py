"""The numbered section tree: nesting by the kind of each label, never by markup."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from drafting.data_files import load
from drafting.document import Block
from drafting.model import Section, Warning
from drafting.parsing.labels import VIETNAMESE_LETTERS, Label, ordinal, read_label
from drafting.parsing.text import UPPER, fold, is_upper

_MAX_RUN_IN_WORDS = 12


@cache
def _roles() -> dict[str, list[str]]:
    return load("vocabulary")["roles"]


class TreeBuilder:
    """Feeds body blocks in order; keeps the open path from the top section to the current one."""

    def __init__(self, warnings: list[Warning]) -> None:
        self.sections: list[Section] = []
        self.loose: list[str] = []  # body text before the first section
        self._path: list[tuple[int, Section, Label]] = []
        self._last_sibling: dict[int, Label] = {}
        self._warnings = warnings
        self._tables: dict[int, list[list[str]]] = {}
        self.loose_tables: list[list[list[str]]] = []
        self._flat_rows: dict[int, int] = {}
        self._awaiting_title: Section | None = None

    def add(self, block: Block) -> None:
        if block.table_text is not None:
            # A web copy's flattened table: its rows are lost, so its cells become the rows of a
            # one-column table, in order — kept, and written back as a table.
            table = -1 - block.table_text // 1000
            self._flat_rows[table] = self._flat_rows.get(table, -1) + 1
            block = replace(block, cell=(table, self._flat_rows[table], 0), table_text=None)
        if block.cell is not None:
            self._add_cell(block)
            return
        label = read_label(block.text)
        if self._awaiting_title is not None and label is None and is_upper(block.text):
            self._awaiting_title.title = block.text.strip()  # "Chương I" / "QUY ĐỊNH CHUNG"
            self._awaiting_title = None
            return
        self._awaiting_title = None
        if label is not None and not label.rest and label.kind in ("part", "chapter", "article", "roman"):
            self._open(label, block.line)
            if label.kind in ("part", "chapter"):
                self._awaiting_title = self._path[-1][1]
            return
        if label is None or not label.rest:
            self._add_text(block.text.strip())
            return
        glued = _glued_next_item(block.text, label)
        if glued is not None:
            self._warnings.append(
                Warning("glued_item", f"Tách mục “{glued.split()[0]}” bị dính vào đoạn trước.", block.line)
            )
            label = read_label(block.text[: len(block.text) - len(glued)]) or label
            self._open(label, block.line)
            self.add(Block(text=glued, line=block.line))
            return
        self._open(label, block.line)

    def _open(self, label: Label, line: int) -> None:
        while self._path and self._path[-1][0] >= label.rank:
            self._path.pop()
        title, body, run_in = split_heading(label.rest)
        section = Section(label=label.label if label.kind not in ("dash", "plus") else label.label or "-",
                          kind=label.kind, title=title, line=line)
        if label.kind in ("dash", "plus"):
            section.label = "-" if label.kind == "dash" else "+"
        if run_in:
            section.paragraphs.append(body)
            section.run_in = True
        siblings = self._path[-1][1].children if self._path else self.sections
        self._check_order(label, siblings, line)
        siblings.append(section)
        self._path.append((label.rank, section, label))

    def _check_order(self, label: Label, siblings: list[Section], line: int) -> None:
        number = ordinal(label)
        if number is None:
            return
        previous = next((s for s in reversed(siblings) if s.kind == label.kind), None)
        if previous is None:
            return
        before = ordinal(read_label(f"{previous.label}{')' if previous.kind == 'letter' else '.'} x") or label)
        if before is None or number == before + 1:
            return
        code = "numbering_repeat" if number == before else "numbering_gap"
        self._warnings.append(
            Warning(code, f"Số thứ tự “{label.label}” đứng sau “{previous.label}”: giữ nguyên như văn bản.", line)
        )

    def _add_text(self, text: str) -> None:
        if self._path:
            self._path[-1][1].paragraphs.append(text)
        else:
            self.loose.append(text)

    def _add_cell(self, block: Block) -> None:
        table, row, column = block.cell or (0, 0, 0)
        rows = self._tables.get(table)
        if rows is None:
            rows = self._tables[table] = []
            target = self._path[-1][1].tables if self._path else None
            if target is not None:
                target.append(rows)
            else:
                self.loose_tables.append(rows)
        while len(rows) <= row:
            rows.append([])
        cells = rows[row]
        while len(cells) <= column:
            cells.append("")
        cells[column] = f"{cells[column]}\n{block.text}" if cells[column] else block.text

    def finish(self) -> list[Section]:
        for section in self.sections:
            section.roles = roles_of(section.title)
        return self.sections


def _glued_next_item(text: str, label: Label) -> str | None:
    """ "a. Thời gian …: Từ tháng 3 đến tháng 11 hàng năm b. Địa điểm …" → "b. Địa điểm …"."""
    if label.kind != "letter":
        return None
    if label.label not in VIETNAMESE_LETTERS:
        return None
    index = VIETNAMESE_LETTERS.index(label.label)
    if index + 1 >= len(VIETNAMESE_LETTERS):
        return None
    mark = text.lstrip()[len(label.label)]
    following = re.escape(VIETNAMESE_LETTERS[index + 1] + mark)
    match = re.search(rf"\s({following}\s+[{UPPER}].*)$", text)
    return match.group(1) if match else None


def split_heading(text: str) -> tuple[str, str, bool]:
    """ "Thời gian thực hiện: Phong trào …" → ("Thời gian thực hiện", "Phong trào …", True)."""
    match = re.match(r"^(?P<head>[^:]{2,120}?)\s*:\s*(?P<body>\S.*)$", text)
    if match and len(match.group("head").split()) <= _MAX_RUN_IN_WORDS and not _is_sentence(match.group("head")):
        return match.group("head").strip(), match.group("body").strip(), True
    return text, "", False


def _is_sentence(head: str) -> bool:
    """A colon after "bao gồm", "như", "sau" introduces a list inside a sentence."""
    return bool(re.search(r"(bao gồm|gồm|như|sau|là|cụ thể|trong đó)\s*$", head, re.IGNORECASE))


def roles_of(title: str) -> list[str]:
    key = fold(title)
    found = [role for role, words in _roles().items() if any(word in key for word in words)]
    return found or ["other"]
