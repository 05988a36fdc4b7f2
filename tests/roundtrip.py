"""What a round trip through the renderer must keep: metadata, bases, section tree, closing."""

from __future__ import annotations

from typing import Any

from drafting.model import Plan, Section

META = ("doc_type", "number", "symbol", "issuer", "superior", "level", "place", "date", "title", "campaign",
        "ref", "recipient_to")


def _tree(sections: list[Section]) -> list[Any]:
    return [(s.kind, s.label, s.title, s.paragraphs, s.tables, _tree(s.children)) for s in sections]


def essentials(plan: Plan) -> dict[str, Any]:
    return {
        "meta": {key: getattr(plan.meta, key) for key in META},
        "bases": [(r.text, r.doc_type, r.number, r.symbol, r.year, r.date, r.issuer) for r in plan.legal_bases],
        "preamble": plan.preamble,
        "sections": _tree(plan.sections),
        "recipients": plan.recipients,
        "archive": plan.archive,
        "signature": plan.signature,
        "appendices": [(a.label, a.title, a.ref, a.paragraphs, a.tables, _tree(a.sections)) for a in plan.appendices],
    }


def differences(before: Plan, after: Plan) -> list[str]:
    first, second = essentials(before), essentials(after)
    found = []
    for key in first:
        if first[key] != second[key]:
            found.append(f"{key}: {str(first[key])[:300]} != {str(second[key])[:300]}")
    return found
