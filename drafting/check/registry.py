"""Which rules each check speaks for, and the result of every rule after a run.

A check is a function of the `Context` that yields `Finding`s and, for a rule it could not look at
or that does not concern the document, an `Unchecked` (see ``findings.not_evaluated``). It declares
its rule IDs with ``@declares("S1", "S2")``: a declared rule with neither a finding nor an
`Unchecked` has PASSED. A finding of a rule no check declares still fails that rule, so a new
check that forgets to declare can never make a rule pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from drafting.check.findings import FAIL, PASS, STATUS_ORDER, Finding, RuleResult, Unchecked

Check = Callable[[Any], Iterable[Finding | Unchecked]]
F = TypeVar("F", bound=Callable[..., Any])


def declares(*rules: str) -> Callable[[F], F]:
    """Mark a check with the rule IDs it evaluates."""

    def mark(check: F) -> F:
        check.rule_ids = rules  # type: ignore[attr-defined]
        return check

    return mark


def declared(check: Callable[..., Any]) -> tuple[str, ...]:
    return tuple(getattr(check, "rule_ids", ()))


def run_checks(context: Any, checks: Iterable[Check]) -> tuple[list[Finding], list[RuleResult]]:
    """Every check's findings in order, and one result per rule (in the order rules are declared)."""
    findings: list[Finding] = []
    statuses: dict[str, list[tuple[str, str]]] = {}
    for check in checks:
        emitted: list[Finding] = []
        skipped: dict[str, Unchecked] = {}
        for item in check(context):
            if isinstance(item, Unchecked):
                skipped.setdefault(item.rule, item)
            else:
                emitted.append(item)
        failed = {finding.rule for finding in emitted}
        for rule in dict.fromkeys([*declared(check), *failed]):
            if rule in failed:
                statuses.setdefault(rule, []).append((FAIL, ""))
            elif rule in skipped:
                statuses.setdefault(rule, []).append((skipped[rule].status, skipped[rule].reason))
            else:
                statuses.setdefault(rule, []).append((PASS, ""))
        findings.extend(emitted)
    return findings, [_result(rule, said) for rule, said in statuses.items()]


def _result(rule: str, said: list[tuple[str, str]]) -> RuleResult:
    status, reason = min(said, key=lambda pair: STATUS_ORDER.index(pair[0]))
    return RuleResult(rule=rule, status=status, reason=reason)


def counted(results: list[RuleResult], findings: list[Finding]) -> list[RuleResult]:
    """The results with the number of findings each rule kept (after repeated findings are merged)."""
    for result in results:
        result.findings = sum(1 for finding in findings if finding.rule == result.rule)
    return results
