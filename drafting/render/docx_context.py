"""A plan → the values the Decree 30 templates show (no I/O: the DOCX writer fills the template).

Every line is written so that parsing the rendered document gives the plan back: labels as written,
a run-in heading as "1. Title: first paragraph", the header split the way clerks type it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from drafting.model import Appendix, Plan, Section
from drafting.parsing.issuer import split_unit

LABEL_FORMS = {
    "roman": "{label}. ",
    "arabic": "{label}. ",
    "decimal": "{label}. ",
    "letter": "{label}) ",
    "dash": "- ",
    "plus": "+ ",
    "article": "Điều {label}. ",
    "chapter": "Chương {label}",
    "part": "PHẦN {label}",
}


@dataclass
class BodyItem:
    """One paragraph of the body: `head` is set in bold, `rest` in the body font."""

    style: str  # body | muc | center | italic | ref | table | break | section
    head: str = ""
    rest: str = ""
    table: list[list[str]] | None = None
    landscape: bool = False  # a section item: the part it starts is laid out landscape


# P2: landscape only for a part whose tables need it; a task table (STT, task, lead, partners,
# deadline: five columns) is read far more easily across an A4 turned sideways.
LANDSCAPE_COLUMNS = 5


@dataclass
class DocumentValues:
    superior_lines: list[str] = field(default_factory=list)
    issuer_lines: list[str] = field(default_factory=list)
    number_line: str | None = None
    summary: str | None = None
    place_date: str | None = None
    doc_type: str | None = None
    title_lines: list[str] = field(default_factory=list)
    ref: str | None = None
    addressees: list[str] = field(default_factory=list)
    body: list[BodyItem] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    archive: str | None = None
    signature_lines: list[str] = field(default_factory=list)
    signer_name: str | None = None
    after: list[BodyItem] = field(default_factory=list)

    def as_context(self) -> dict[str, Any]:
        return dict(self.__dict__)


def date_text(place: str | None, iso: str | None) -> str | None:
    """ "Kon Tum, ngày 05 tháng 02 năm 2024": zero before days < 10 and months 1–2 (D3); a blank
    day or month stays blank for the clerk to fill."""
    if not iso:
        return None
    parts = iso.split("-")
    year = parts[0]
    month = int(parts[1]) if len(parts) > 1 else None
    day = int(parts[2]) if len(parts) > 2 else None
    month_text = "    " if month is None else (f"{month:02d}" if month <= 2 else str(month))
    day_text = "    " if day is None else f"{day:02d}"
    return f"{place or '…'}, ngày {day_text} tháng {month_text} năm {year}"


def number_line(number: str | None, symbol: str | None) -> str | None:
    if symbol is None:
        return None
    if number is None or number == "":
        return f"Số:        /{symbol}"
    if number.isdigit() and int(number) < 10 and not number.startswith("0"):
        number = f"0{number}"  # N4
    return f"Số: {number}/{symbol}"


def header_lines(name: str | None) -> list[str]:
    """ "Ủy ban nhân dân tỉnh Kon Tum" → ["ỦY BAN NHÂN DÂN", "TỈNH KON TUM"] (C4, H1, H2)."""
    if not name:
        return []
    body, unit = split_unit(name)
    lines = [body.upper()] if body else []
    if unit:
        lines.append(unit.upper())
    return lines


def section_items(section: Section) -> list[BodyItem]:
    items: list[BodyItem] = []
    label = LABEL_FORMS.get(section.kind, "{label}. ").format(label=section.label)
    paragraphs = list(section.paragraphs)
    if section.kind in ("chapter", "part"):
        items.append(BodyItem("center", head=label.strip()))
        if section.title:
            items.append(BodyItem("center", head=section.title))
    elif section.run_in and paragraphs:
        items.append(BodyItem("body", head=f"{label}{section.title}: ", rest=paragraphs.pop(0)))
    elif section.kind in ("roman", "article"):
        items.append(BodyItem("muc", head=f"{label}{section.title}"))
    elif section.kind in ("arabic", "decimal") and _is_heading(section):
        items.append(BodyItem("body", head=f"{label}{section.title}"))
    else:
        items.append(BodyItem("body", rest=f"{label}{section.title}"))
    items.extend(BodyItem("body", rest=text) for text in paragraphs)
    items.extend(BodyItem("table", table=table) for table in section.tables)
    for child in section.children:
        items.extend(section_items(child))
    return items


def _is_heading(section: Section) -> bool:
    """A titled khoản (bold, own line): short, no sentence end, with content under it (§2.6.1)."""
    has_content = bool(section.children or section.paragraphs or section.tables)
    return has_content and len(section.title) <= 120 and not section.title.rstrip().endswith((".", ";"))


def appendix_items(appendix: Appendix) -> list[BodyItem]:
    """An appendix in a section of its own: its pages numbered from 1 (P6a, A4)."""
    items = [BodyItem("section", landscape=is_wide(appendix))]
    if appendix.label:
        items.append(BodyItem("center", head=appendix.label))
    if appendix.title:
        items.append(BodyItem("center", head=appendix.title))
    if appendix.ref:
        items.append(BodyItem("ref", rest=f"({appendix.ref})"))
    items.extend(BodyItem("body", rest=text) for text in appendix.paragraphs)
    items.extend(BodyItem("table", table=table) for table in appendix.tables)
    for section in appendix.sections:
        items.extend(section_items(section))
    return items


def is_wide(appendix: Appendix) -> bool:
    tables = list(appendix.tables) + [t for section in appendix.sections for s in section.walk() for t in s.tables]
    return any(len(row) >= LANDSCAPE_COLUMNS for table in tables for row in table)


def attachment_items(plan: Plan) -> list[BodyItem]:
    items = [BodyItem("break")]
    items += [BodyItem("center", head=line) for line in header_lines(plan.meta.issuer)]
    if plan.meta.doc_type:
        items.append(BodyItem("center", head=plan.meta.doc_type))
    if plan.meta.title:
        items.append(BodyItem("center", head=plan.meta.title))
    if plan.meta.ref:
        items.append(BodyItem("ref", rest=f"({plan.meta.ref})"))
    items.extend(BodyItem("body", rest=ref.text) for ref in plan.legal_bases)
    items.extend(BodyItem("body", rest=text) for text in plan.preamble)
    for section in plan.sections:
        items.extend(section_items(section))
    return items


def basis_paragraphs(plan: Plan) -> list[str]:
    """Bases as their paragraphs were typed: a reference split from the one before it at ";"
    (no opener of its own) goes back into that paragraph."""
    paragraphs: list[str] = []
    for ref in plan.legal_bases:
        if ref.continues and paragraphs:
            separator = " " if paragraphs[-1].endswith(";") else "; "
            paragraphs[-1] = f"{paragraphs[-1]}{separator}{ref.text}"
        else:
            paragraphs.append(ref.text)
    return paragraphs


def document_values(plan: Plan) -> DocumentValues:
    meta, sig = plan.meta, plan.signature
    values = DocumentValues(
        superior_lines=[meta.superior.upper()] if meta.superior else [],
        issuer_lines=header_lines(meta.issuer),
        number_line=number_line(meta.number, meta.symbol),
        summary=f"V/v {meta.title}" if meta.title_marker and meta.title else None,
        place_date=date_text(meta.place, meta.date),
        doc_type=None if meta.title_marker else meta.doc_type,
        title_lines=[meta.title] if meta.title and not meta.title_marker else [],
        ref=meta.ref,
        addressees=list(meta.recipient_to),
        recipients=list(plan.recipients),
        archive=plan.archive,
        signature_lines=[p for p in (sig.authority, sig.delegation, sig.position) if p],
        signer_name=plan.signature.name,
    )
    # B3: bases in italics in a decision; in a Kế hoạch or Báo cáo they are body text (B1).
    basis_style = "italic" if (meta.doc_type or "") in ("QUYẾT ĐỊNH", "NGHỊ QUYẾT") else "body"
    values.body = [BodyItem(basis_style, rest=text) for text in basis_paragraphs(plan)]
    values.body += [BodyItem("body", rest=text) for text in plan.preamble]
    for section in plan.sections:
        values.body.extend(section_items(section))
    for appendix in plan.appendices:
        values.after.extend(appendix_items(appendix))
    for attachment in plan.attachments:
        values.after.extend(attachment_items(attachment))
    return values


def without_markup(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
