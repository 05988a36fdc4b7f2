"""What the checker reports: one `Finding` per deviation from Decree 30, gathered in a `CheckReport`,
and one `RuleResult` per rule: PASS, FAIL, NOT_EVALUATED (the check could not look) or
NOT_APPLICABLE (the rule does not concern this kind of document)."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

ERROR = "error"
WARNING = "warning"  # allowed in a draft, worth a look before signing (an empty signer name)

PASS = "pass"
FAIL = "fail"
NOT_EVALUATED = "not_evaluated"
NOT_APPLICABLE = "not_applicable"
# When several checks speak for one rule, the strongest word wins: a deviation anywhere fails the
# rule, and a place the checker could not look at keeps it from passing.
STATUS_ORDER = (FAIL, NOT_EVALUATED, PASS, NOT_APPLICABLE)
STATUS_NAMES = {PASS: "đạt", FAIL: "không đạt", NOT_EVALUATED: "chưa kiểm tra được",
                NOT_APPLICABLE: "không áp dụng"}


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


@dataclass(frozen=True)
class Unchecked:
    """Yielded by a check, beside its findings, for a rule it declares but did not evaluate here:
    ``status`` is NOT_EVALUATED (nothing to measure: no signature block, a line drawn as a picture)
    or NOT_APPLICABLE (a Công văn has no type heading); ``reason`` says why, in Vietnamese."""

    rule: str
    status: str
    reason: str


def not_evaluated(rule: str, reason: str) -> Unchecked:
    return Unchecked(rule, NOT_EVALUATED, reason)


def not_applicable(rule: str, reason: str) -> Unchecked:
    return Unchecked(rule, NOT_APPLICABLE, reason)


@dataclass
class RuleResult:
    rule: str
    status: str
    findings: int = 0
    reason: str = ""


@dataclass
class CheckReport:
    path: str
    findings: list[Finding] = field(default_factory=list)
    results: list[RuleResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing but warnings was found."""
        return not any(finding.severity == ERROR for finding in self.findings)

    def counts(self) -> dict[str, int]:
        """Number of findings per rule ID, in the order rules first appear."""
        return dict(Counter(finding.rule for finding in self.findings))

    def coverage(self) -> dict[str, Any]:
        """How many applicable rules were evaluated (passed or failed), and which were not."""
        applicable = [result for result in self.results if result.status != NOT_APPLICABLE]
        evaluated = [result for result in applicable if result.status in (PASS, FAIL)]
        return {"evaluated": len(evaluated), "applicable": len(applicable),
                "not_evaluated": [result.rule for result in applicable if result.status == NOT_EVALUATED]}

    def to_dict(self) -> dict[str, Any]:
        # Keys of "drafting.check/1" stay as they were; "results" and "coverage" are additions.
        return {
            "schema": "drafting.check/1",
            "path": self.path,
            "ok": self.ok,
            "counts": self.counts(),
            "findings": [asdict(finding) for finding in self.findings],
            "results": [asdict(result) for result in self.results],
            "coverage": self.coverage(),
        }
