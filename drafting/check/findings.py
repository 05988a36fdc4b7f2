"""What the checker reports: one `Finding` per deviation from Decree 30, gathered in a `CheckReport`."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

ERROR = "error"
WARNING = "warning"  # allowed in a draft, worth a look before signing (an empty signer name)


@dataclass
class Finding:
    """One deviation: the spec's rule ID, where it is (in Vietnamese), what was found and expected.

    ``paragraph`` is the 1-based paragraph number in document order (table paragraphs included, in
    reading order), None for page-level findings (paper, margins, page numbers)."""

    rule: str
    where: str
    paragraph: int | None
    excerpt: str
    found: str
    expected: str
    message: str
    severity: str = ERROR


@dataclass
class CheckReport:
    path: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing but warnings was found."""
        return not any(finding.severity == ERROR for finding in self.findings)

    def counts(self) -> dict[str, int]:
        """Number of findings per rule ID, in the order rules first appear."""
        return dict(Counter(finding.rule for finding in self.findings))

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "drafting.check/1",
            "path": self.path,
            "ok": self.ok,
            "counts": self.counts(),
            "findings": [asdict(finding) for finding in self.findings],
        }
