"""Word accounting between a source document and its parsed model ("nothing lost").

Every word of the source, after the reported noise is removed, must land in exactly one place of
the model: the multiset of words on both sides is equal. Words are compared without punctuation;
the fixed words the model stores as structure (labels, "Nơi nhận", "Lưu", "Kính gửi", "V/v",
"Điều") are counted on the model's side where the structure stands for them.
"""

from __future__ import annotations

import re
from collections import Counter

from drafting.document import RawDocument
from drafting.model import Plan, Section
from drafting.parsing.plan import prepare_blocks

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def source_words(raw: RawDocument) -> Counter[str]:
    counter: Counter[str] = Counter()
    for block in prepare_blocks(raw, []):
        counter.update(words(block.text))
    return counter


def model_words(plan: Plan) -> Counter[str]:
    counter: Counter[str] = Counter()
    add = counter.update
    for line in plan.header:
        add(words(line))
    meta = plan.meta
    if meta.doc_type and not _inferred_type(plan):
        add(words(meta.doc_type))
    if meta.type_heading:
        add(words(meta.type_heading))
    if meta.title:
        add(words(meta.title))
    if meta.title_marker:
        add(words(meta.title_marker))
    if plan.approval:
        for line in plan.approval.text:
            add(words(line))
    if meta.recipient_to:
        add(["kính", "gửi"])
        for item in meta.recipient_to:
            add(words(item))
    for ref in plan.legal_bases:
        add(words(ref.text))
    for paragraph in plan.preamble:
        add(words(paragraph))
    for section in plan.all_sections():
        add(_section_words(section))
    if plan.recipients or plan.archive is not None:
        add(["nơi", "nhận"])
    for recipient in plan.recipients:
        add(words(recipient))
    if plan.archive is not None:
        add(["lưu"] + words(plan.archive))
    sig = plan.signature
    for part in (sig.authority, sig.delegation, sig.position, sig.name):
        if part:
            add(words(part))
    for line in plan.closing_notes:
        add(words(line))
    if meta.ref:
        add(words(meta.ref))
    for appendix in plan.appendices:
        for text in (appendix.label, appendix.title, appendix.ref, *appendix.paragraphs):
            add(words(text or ""))
        for table in appendix.tables:
            add(_table_words(table))
        for top in appendix.sections:
            for section in top.walk():
                add(_section_words(section))
    for attachment in plan.attachments:
        counter += model_words(attachment)
    return counter


def _inferred_type(plan: Plan) -> bool:
    """A type no heading states: a Công văn's "V/v", a consolidated text's symbol, a portal's table."""
    meta = plan.meta
    if meta.title_marker and meta.doc_type == "CÔNG VĂN":
        return True
    if meta.type_heading:
        return True
    return bool(meta.portal) and any(w.code == "portal_fill" and "loại văn bản" in w.message for w in plan.warnings)


def _table_words(table: list[list[str]]) -> list[str]:
    return [word for row in table for cell in row for word in words(cell)]


def _section_words(section: Section) -> list[str]:
    found = [] if section.kind in ("dash", "plus") else words(section.label)
    found += {"article": ["điều"], "chapter": ["chương"], "part": ["phần"]}.get(section.kind, [])
    found += words(section.title)
    for paragraph in section.paragraphs:
        found += words(paragraph)
    for table in section.tables:
        found += _table_words(table)
    return found


def difference(raw: RawDocument, plan: Plan) -> tuple[Counter[str], Counter[str]]:
    """(words lost: in the source, not in the model; words added or doubled by the model)."""
    source, model = source_words(raw), model_words(plan)
    return source - model, model - source
