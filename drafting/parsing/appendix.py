"""What follows the signature: appendices (Phụ lục) and documents issued with the decision."""

from __future__ import annotations

import re

from drafting.document import Block
from drafting.model import Appendix, Warning
from drafting.parsing.closing import starts_appendix
from drafting.parsing.task_table import responsibilities_from_table
from drafting.parsing.text import is_upper, squash
from drafting.parsing.tree import TreeBuilder

_REF = re.compile(r"^\(?\s*((?:[Bb]an hành\s+)?[Kk]èm theo\b.*?)\)?\.?$")
_LABEL = re.compile(r"^((?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:số\s+)?[IVX\d]+)?)\s*[.:\-–]?\s*(?P<rest>.*)$")


def is_reference(text: str) -> bool:
    return bool(_REF.match(text.strip()))


def reference(text: str) -> str:
    match = _REF.match(text.strip())
    return squash(match.group(1)) if match else text


def read_appendices(blocks: list[Block], warnings: list[Warning]) -> list[Appendix]:
    """Split at each "PHỤ LỤC" line; text before the first one makes an appendix without a label."""
    groups: list[list[Block]] = []
    for block in blocks:
        if starts_appendix(block.text) or not groups:
            groups.append([])
        groups[-1].append(block)
    return [_appendix(group, warnings) for group in groups if group]


def _appendix(blocks: list[Block], warnings: list[Warning]) -> Appendix:
    appendix = Appendix()
    index = 0
    label = _LABEL.match(blocks[0].text.strip())
    if label:
        appendix.label = squash(label.group(1))
        appendix.title = squash(label.group("rest")) or None
        if appendix.title and is_reference(appendix.title):  # "PHỤ LỤC" run into "ban hành kèm theo Kế hoạch …"
            appendix.ref, appendix.title = reference(appendix.title), None
        index = 1
    titles: list[str] = [appendix.title] if appendix.title else []
    while index < len(blocks) and index < 6 and label and not appendix.ref:
        text = blocks[index].text.strip()
        if is_reference(text):
            appendix.ref = reference(text)
            index += 1
            break
        if not (is_upper(text) or blocks[index].bold or blocks[index].center) or blocks[index].table:
            break
        titles.append(text)
        index += 1
    appendix.title = squash(" ".join(titles)) or None
    builder = TreeBuilder(warnings)
    for block in blocks[index:]:
        builder.add(block)
    appendix.sections = builder.finish()
    appendix.paragraphs = builder.loose
    appendix.tables = builder.loose_tables
    for table in appendix.tables + [t for s in appendix.sections for n in s.walk() for t in n.tables]:
        appendix.responsibilities.extend(responsibilities_from_table(table))
    return appendix
