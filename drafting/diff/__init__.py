"""Diff (issue 15): a local plan against the parent plan it implements (review), or one version of a plan against
the next (versions). Alignment is on the parsed model, never on raw lines.

    result = diff_plans(parse_file(old), parse_file(new))      # mode decided from the two documents
    result.to_dict()                                            # the JSON contract (README, "Diff")
"""

from __future__ import annotations

from pathlib import Path

from drafting.diff.align import (
    META_FIELDS,
    SIGNATURE_FIELDS,
    criteria_score,
    diff_bases,
    diff_blocks,
    diff_fields,
    diff_lines,
    meta_dict,
)
from drafting.diff.model import Change, CoverageItem, DiffResult, Finding, Side
from drafting.diff.review import coverage, findings
from drafting.diff.units import blocks_of
from drafting.diff.words import dice, syllables
from drafting.model import Plan
from drafting.parsing.text import fold

__all__ = ["Change", "CoverageItem", "DiffResult", "Finding", "Side", "diff_files", "diff_plans", "detect_mode"]

_LEVELS = {"province": 0, "district": 1, "commune": 2}


def cites(plan: Plan, other: Plan) -> bool:
    """`plan` cites `other` among its bases (by number and symbol)."""
    number, symbol = other.meta.number, fold(other.meta.symbol or "")
    return bool(number) and any(ref.number == number and fold(ref.symbol or "") == symbol for ref in plan.legal_bases)


def detect_mode(old: Plan, new: Plan) -> tuple[str, bool, str]:
    """(mode, swap, why): review when one plan cites the other or sits a level below it on the same subject;
    versions otherwise. `swap` when NEW is the parent."""
    if cites(new, old):
        return "review", False, "văn bản mới dẫn văn bản cũ làm căn cứ"
    if cites(old, new):
        return "review", True, "văn bản cũ dẫn văn bản mới làm căn cứ: đổi chỗ, cấp trên là văn bản mới"
    same_document = old.meta.number and old.meta.number == new.meta.number and \
        fold(old.meta.symbol or "") == fold(new.meta.symbol or "")
    old_level, new_level = _LEVELS.get(old.meta.level or ""), _LEVELS.get(new.meta.level or "")
    if not same_document and old_level is not None and new_level is not None and old_level != new_level:
        subject = dice(frozenset(syllables(old.meta.title or "")), frozenset(syllables(new.meta.title or "")))
        if subject >= 0.4:
            if new_level > old_level:
                return "review", False, "hai văn bản cùng nội dung, văn bản mới ở cấp dưới"
            return "review", True, "hai văn bản cùng nội dung, văn bản cũ ở cấp dưới: đổi chỗ, cấp trên là văn bản mới"
    return "versions", False, "hai phiên bản của một văn bản"


def diff_plans(old: Plan, new: Plan, mode: str | None = None) -> DiffResult:
    notes = []
    if mode is None:
        mode, swap, why = detect_mode(old, new)
        notes.append(f"Chế độ {'rà soát' if mode == 'review' else 'so sánh phiên bản'}: {why}.")
        if swap:
            old, new = new, old
    old_blocks, new_blocks = blocks_of(old), blocks_of(new)
    section_changes, pairs = diff_blocks(old_blocks, new_blocks)
    changes: list[Change] = []
    changes.extend(diff_fields(meta_dict(old), meta_dict(new), "meta", META_FIELDS))
    changes.extend(diff_bases(old.legal_bases, new.legal_bases))
    changes.extend(section_changes)
    changes.extend(diff_lines(old.recipients, new.recipients, "recipients", "nơi nhận"))
    changes.extend(diff_fields(vars(old.signature), vars(new.signature), "signature", SIGNATURE_FIELDS))
    result = DiffResult(mode, meta_dict(old), meta_dict(new), changes, notes=notes)
    result.alignment = {"sections": [_pair(old_blocks[i], new_blocks[j], score) for i, j, score in pairs] +
                        [_pair(block, None, 0.0) for n, block in enumerate(old_blocks) if n not in {i for i, _, _
                                                                                                     in pairs}] +
                        [_pair(None, block, 0.0) for n, block in enumerate(new_blocks) if n not in {j for _, j, _
                                                                                                     in pairs}],
                        "criteria": _criteria_pairs(old, new)}
    if mode == "review":
        result.coverage = coverage(old, new)
        result.findings = findings(old, new, result.coverage)
    return result


def _pair(old, new, score: float) -> dict[str, object]:  # type: ignore[no-untyped-def]
    def side(block):  # type: ignore[no-untyped-def]
        return None if block is None else {"label": block.label, "title": block.title, "roles": list(block.roles)}

    return {"old": side(old), "new": side(new), "score": score}


def _criteria_pairs(old: Plan, new: Plan) -> list[dict[str, object]]:
    scored = sorted(((criteria_score(a, b), n, m) for n, a in enumerate(old.criteria)
                     for m, b in enumerate(new.criteria)), reverse=True)
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for score, n, m in scored:
        if score < 0.3 or n in used_old or m in used_new:
            continue
        used_old.add(n)
        used_new.add(m)
        pairs.append({"old": old.criteria[n].get("target"), "new": new.criteria[m].get("target"),
                      "score": round(score, 3)})
    pairs += [{"old": group.get("target"), "new": None, "score": 0.0} for n, group in enumerate(old.criteria)
              if n not in used_old]
    pairs += [{"old": None, "new": group.get("target"), "score": 0.0} for m, group in enumerate(new.criteria)
              if m not in used_new]
    return pairs


def diff_files(old: str | Path, new: str | Path, mode: str | None = None) -> DiffResult:
    from drafting.api import load_plan

    return diff_plans(load_plan(old), load_plan(new), mode)
