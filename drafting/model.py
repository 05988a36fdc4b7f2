"""The plan model: plain data, no I/O.

Readers build it, renderers consume it, transforms (draft, diff, report) go model → model.
`to_dict()` gives the public JSON contract (``shared/spec/plan-json.md``, schema ``drafting.plan/1``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "drafting.plan/1"

# The contract's kinds, and the ones other document types add: "part" (PHẦN THỨ HAI), "chapter"
# (Chương I), "article" (Điều 1.).
SECTION_KINDS = ("roman", "arabic", "decimal", "letter", "dash", "plus", "part", "chapter", "article")


@dataclass
class Source:
    path: str
    format: str  # txt | md | docx | pdf
    encoding: str | None = None


@dataclass
class Meta:
    doc_type: str | None = None
    number: str | None = None
    symbol: str | None = None
    issuer: str | None = None
    superior: str | None = None  # the body above the issuer in the header ("UBND TỈNH X" over a Sở)
    level: str | None = None  # province | district | commune
    place: str | None = None
    date: str | None = None  # ISO, or YYYY-MM / YYYY when the day (and month) is blank
    title: str | None = None
    campaign: str | None = None
    ref: str | None = None  # "(Kèm theo Quyết định số … )" under the title of an attached document
    title_marker: str | None = None  # "V/v" when the summary is written "V/v …" (a Công văn)
    recipient_to: list[str] = field(default_factory=list)  # "Kính gửi:" addressees
    draft: bool = False


@dataclass
class LegalRef:
    text: str
    doc_type: str | None = None
    number: str | None = None
    symbol: str | None = None
    year: str | None = None
    date: str | None = None
    issuer: str | None = None
    opener: str | None = None  # "Căn cứ" | "Thực hiện" | None when continued from a previous item


@dataclass
class Section:
    label: str
    kind: str
    title: str
    roles: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    line: int | None = None  # where the heading stands in the source (line or paragraph number)
    run_in: bool = False  # the heading and its first paragraph share a line ("1. Thời gian: …")

    def walk(self) -> list[Section]:
        """This section and all its descendants, in document order."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found


@dataclass
class Signature:
    authority: str | None = None  # TM. ỦY BAN NHÂN DÂN
    delegation: str | None = None  # KT. CHỦ TỊCH / TL. … / Q. …
    position: str | None = None
    name: str | None = None


@dataclass
class Approval:
    """The decision (Quyết định) that approved an attached plan."""

    doc_type: str
    number: str | None
    symbol: str | None
    date: str | None
    issuer: str | None
    signer: str | None
    title: str | None = None
    articles: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)  # the decision's paragraphs as written


@dataclass
class Appendix:
    """A Phụ lục after the signature: its own title, "kèm theo" reference, sections and tables."""

    label: str | None = None  # "PHỤ LỤC I" as written
    title: str | None = None
    ref: str | None = None  # "Kèm theo Kế hoạch số …/KH-UBND ngày … của …"
    paragraphs: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    responsibilities: list[dict[str, Any]] = field(default_factory=list)  # from a task table


@dataclass
class Warning:
    code: str
    message: str
    line: int | None = None


@dataclass
class Plan:
    source: Source
    meta: Meta = field(default_factory=Meta)
    header: list[str] = field(default_factory=list)  # the header's lines as written (body, motto, Số, date)
    legal_bases: list[LegalRef] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)  # text between bases and the first section
    sections: list[Section] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)  # body text after the last section's items
    recipients: list[str] = field(default_factory=list)
    archive: str | None = None
    signature: Signature = field(default_factory=Signature)
    approval: Approval | None = None
    closing_notes: list[str] = field(default_factory=list)  # "(Đã ký)", stray lines of the closing
    appendices: list[Appendix] = field(default_factory=list)
    attachments: list[Plan] = field(default_factory=list)  # a Điều lệ, Quy chế issued with a Quyết định
    criteria: list[dict[str, Any]] = field(default_factory=list)
    awards: list[dict[str, Any]] = field(default_factory=list)
    responsibilities: list[dict[str, Any]] = field(default_factory=list)
    timeline: dict[str, Any] = field(
        default_factory=lambda: {"start": None, "end": None, "milestones": []}
    )
    warnings: list[Warning] = field(default_factory=list)

    def all_sections(self) -> list[Section]:
        found: list[Section] = []
        for section in self.sections:
            found.extend(section.walk())
        return found

    def to_dict(self) -> dict[str, Any]:
        data = {"schema": SCHEMA, **asdict(self)}
        return data
