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
    portal: dict[str, str] | None = None  # the legal portal's metadata table, as the portal states it
    type_heading: str | None = None  # the heading as written when the type is read from the symbol (VBHN)


@dataclass
class LegalRef:
    text: str
    doc_type: str | None = None
    number: str | None = None
    symbol: str | None = None
    year: str | None = None
    date: str | None = None
    issuer: str | None = None
    opener: str | None = None  # "Căn cứ" | "Thực hiện" | None when the paragraph has none
    continues: bool = False  # split at ";" from the reference before it, in the same paragraph
    name: str | None = None  # a document cited by name: "Luật Thủy sản" (its year in `year`: "năm 2017")
    subject: str | None = None  # what it is about: the words after "về" / "về việc", "phê duyệt …"


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


def _section_from_dict(data: dict[str, Any]) -> Section:
    return Section(
        label=data.get("label", ""),
        kind=data.get("kind", "arabic"),
        title=data.get("title", ""),
        roles=list(data.get("roles", [])),
        paragraphs=list(data.get("paragraphs", [])),
        children=[_section_from_dict(child) for child in data.get("children", [])],
        tables=[[list(row) for row in table] for table in data.get("tables", [])],
        line=data.get("line"),
        run_in=bool(data.get("run_in", False)),
    )


def _pick(cls: type, data: dict[str, Any] | None) -> Any:
    """An instance of a flat dataclass from the keys it knows (unknown keys are ignored)."""
    known = {f for f in cls.__dataclass_fields__}
    return cls(**{key: value for key, value in (data or {}).items() if key in known})


def plan_from_dict(data: dict[str, Any]) -> Plan:
    """A plan from its JSON form (the output of `to_dict`, or a hand-edited copy of it)."""
    appendices = []
    for item in data.get("appendices", []):
        appendix = _pick(Appendix, {k: v for k, v in item.items() if k != "sections"})
        appendix.sections = [_section_from_dict(s) for s in item.get("sections", [])]
        appendices.append(appendix)
    return Plan(
        source=_pick(Source, data.get("source") or {"path": "", "format": "json"}),
        meta=_pick(Meta, data.get("meta")),
        header=list(data.get("header", [])),
        legal_bases=[_pick(LegalRef, ref) for ref in data.get("legal_bases", [])],
        preamble=list(data.get("preamble", [])),
        sections=[_section_from_dict(s) for s in data.get("sections", [])],
        closing=list(data.get("closing", [])),
        recipients=list(data.get("recipients", [])),
        archive=data.get("archive"),
        signature=_pick(Signature, data.get("signature")),
        approval=_pick(Approval, data["approval"]) if data.get("approval") else None,
        closing_notes=list(data.get("closing_notes", [])),
        appendices=appendices,
        attachments=[plan_from_dict(item) for item in data.get("attachments", [])],
        criteria=list(data.get("criteria", [])),
        awards=list(data.get("awards", [])),
        responsibilities=list(data.get("responsibilities", [])),
        timeline=data.get("timeline") or {"start": None, "end": None, "milestones": []},
        warnings=[_pick(Warning, w) for w in data.get("warnings", [])],
    )
