"""Reading a section as the clerk wrote it: its lines, a run-in heading joined to its text again."""

from __future__ import annotations

from drafting.model import Section


def texts_of(section: Section) -> list[str]:
    """The section's lines and its descendants', in order; "1. Thời gian: …" is one line again."""
    if section.run_in and section.paragraphs:
        texts = [f"{section.title}: {section.paragraphs[0]}", *section.paragraphs[1:]]
    else:
        texts = [section.title, *section.paragraphs]
    for child in section.children:
        texts.extend(texts_of(child))
    return texts
