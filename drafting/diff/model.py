"""What a comparison finds: plain data, no I/O. `DiffResult.to_dict()` is the JSON contract of issue 15."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "drafting.diff/1"
KINDS = ("kept", "changed", "added", "dropped", "moved")
PARTS = ("meta", "legal_bases", "sections", "appendices", "recipients", "signature")


@dataclass
class Side:
    """One side of a change: where it stands and what it says."""

    label: str | None
    path: str
    text: str


@dataclass
class Change:
    kind: str  # kept | changed | added | dropped | moved
    part: str  # meta | legal_bases | sections | appendices | recipients | signature
    old: Side | None
    new: Side | None
    renumbered: bool = False
    spelling_only: bool = False
    words: list[list[str]] = field(default_factory=list)  # [["=", "…"], ["-", "…"], ["+", "…"]]
    note: str = ""  # "số: 840 → 841", "thời hạn: 2024-11-30 → 2024-12-15"

    @property
    def counted(self) -> bool:
        """A change a clerk has to read: not kept, whatever its spelling or numbering."""
        return self.kind != "kept"


@dataclass
class CoverageItem:
    """One piece of the parent's work and what the local plan did with it."""

    kind: str  # responsibility | task_row | criteria | award | deadline
    parent: str  # the parent's words: agency, target group, award form, deadline
    status: str  # carried | reassigned | partial | dropped | later | earlier | same
    local: list[str] = field(default_factory=list)  # the local bodies (or groups, forms) that carry it
    detail: str = ""
    expected: str = ""  # why the derivation drops it when it should ("cấp xã không có …")
    tasks: list[dict[str, Any]] = field(default_factory=list)  # per task: text, status, local


@dataclass
class Finding:
    code: str  # report_deadline | late_deadline | first_basis | scope_words | campaign | no_such_body | abolished
    message: str
    where: str = ""
    text: str = ""


@dataclass
class DiffResult:
    mode: str  # review | versions
    old_meta: dict[str, Any]
    new_meta: dict[str, Any]
    changes: list[Change] = field(default_factory=list)
    coverage: list[CoverageItem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    alignment: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # how the mode was chosen, sides swapped

    def counts(self) -> dict[str, int]:
        found = {kind: 0 for kind in KINDS}
        for change in self.changes:
            found[change.kind] += 1
        found["renumbered"] = sum(change.renumbered for change in self.changes)
        found["spelling_only"] = sum(change.spelling_only for change in self.changes)
        return found

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "mode": self.mode,
            "old": self.old_meta,
            "new": self.new_meta,
            "counts": self.counts(),
            "changes": [asdict(change) for change in self.changes],
            "coverage": [asdict(item) for item in self.coverage],
            "findings": [asdict(finding) for finding in self.findings],
            "alignment": self.alignment,
            "notes": self.notes,
        }
