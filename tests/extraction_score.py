"""Scores the extractor against the hand annotations in corpus/annotations/extraction."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from drafting.model import Plan
from drafting.parsing.text import fold

ROOT = Path(__file__).resolve().parent.parent
EXTRACTION = ROOT / "corpus" / "annotations" / "extraction"


# The plans the extractor's rules were written on, and real Word files that give work but are no plans
# (Công văn, Thông báo kết luận, a Báo cáo), annotated by someone who never ran the extractor and scored
# apart: the rules were first written without them, then corrected where they showed a whole family wrong.
PLAN_FOLDERS = ("seeds", "wild")
NON_PLAN_FOLDERS = ("realdocx",)


def extraction_annotations(folders: tuple[str, ...] = PLAN_FOLDERS + NON_PLAN_FOLDERS) -> list[Path]:
    return sorted(path for folder in folders for path in (EXTRACTION / folder).glob("*.json"))


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def agency_key(name: str) -> str:
    name = re.sub(r"\s*\([^)]*\)", "", name)
    name = re.sub(r"^(đề nghị|giao|yêu cầu|khuyến khích)\s+", "", fold(name))
    return re.sub(r"[\s:;,.]+$", "", name)


@dataclass
class Score:
    agencies_found: int = 0
    agencies_extracted: int = 0
    agencies_annotated: int = 0
    dates_right: int = 0
    dates_annotated: int = 0
    dates_extracted: int = 0
    criteria_found: int = 0
    criteria_annotated: int = 0
    criteria_extracted: int = 0
    criteria_items_right: int = 0  # over the groups found: as many items as annotated
    awards_found: int = 0
    awards_annotated: int = 0
    awards_extracted: int = 0
    roles_right: int = 0  # over the annotated agencies the extractor found
    roles_compared: int = 0
    partners_found: int = 0
    partners_annotated: int = 0
    partners_extracted: int = 0
    bounds_right: int = 0  # the timeline's start and end, each
    bounds_annotated: int = 0
    milestones_found: int = 0
    milestones_annotated: int = 0
    milestones_extracted: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for key, value in other.__dict__.items():
            if key == "misses":
                self.misses.extend(value)
            else:
                setattr(self, key, getattr(self, key) + value)

    def figures(self) -> dict[str, float | None]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None  # nothing to compare: no figure, not a perfect one

        return {
            "agency_precision": ratio(self.agencies_found, self.agencies_extracted),
            "agency_recall": ratio(self.agencies_found, self.agencies_annotated),
            "deadline_dates": ratio(self.dates_right, self.dates_annotated),
            "deadline_date_precision": ratio(self.dates_right, self.dates_extracted),
            "criteria_groups": ratio(self.criteria_found, self.criteria_annotated),
            "criteria_precision": ratio(self.criteria_found, self.criteria_extracted),
            "criteria_items": ratio(self.criteria_items_right, self.criteria_found),
            "award_forms": ratio(self.awards_found, self.awards_annotated),
            "award_precision": ratio(self.awards_found, self.awards_extracted),
            "roles": ratio(self.roles_right, self.roles_compared),
            "partner_precision": ratio(self.partners_found, self.partners_extracted),
            "partner_recall": ratio(self.partners_found, self.partners_annotated),
            "timeline_bounds": ratio(self.bounds_right, self.bounds_annotated),
            "milestone_recall": ratio(self.milestones_found, self.milestones_annotated),
            "milestone_precision": ratio(self.milestones_found, self.milestones_extracted),
        }


def score(plan: Plan, annotation: dict[str, Any]) -> Score:
    result = Score()
    name = annotation["file"]
    got = Counter(agency_key(r["agency"]) for r in plan.responsibilities)
    want = Counter(agency_key(r["agency"]) for r in annotation.get("responsibilities", []))
    result.agencies_found = sum((got & want).values())
    result.agencies_extracted = sum(got.values())
    result.agencies_annotated = sum(want.values())
    result.misses += [f"{name}: agency missed {a!r}" for a in (want - got).elements()]
    result.misses += [f"{name}: agency extra {a!r}" for a in (got - want).elements()]
    pairs = _pairs(plan, annotation)
    _score_roles_and_partners(pairs, result)
    _score_deadlines(plan, pairs, name, result)
    _score_criteria_and_awards(plan, annotation, name, result)
    _score_timeline(plan, annotation, name, result)
    return result


def _pairs(plan: Plan, annotation: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Each annotated responsibility with the extracted one it stands for: both lists are in document
    order, so they are aligned on their agencies (an entry missed or extra on one side shifts nothing)."""
    wanted = annotation.get("responsibilities", [])
    got = plan.responsibilities
    matcher = SequenceMatcher(None, [agency_key(w["agency"]) for w in wanted],
                              [agency_key(g["agency"]) for g in got], autojunk=False)
    paired: dict[int, dict[str, Any]] = {}
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            paired[block.a + offset] = got[block.b + offset]
    return [(entry, paired.get(index)) for index, entry in enumerate(wanted)]


def _score_roles_and_partners(pairs: list[tuple[dict[str, Any], dict[str, Any] | None]], result: Score) -> None:
    for wanted, got in pairs:
        if got is None:
            continue
        result.roles_compared += 1
        result.roles_right += got["role"] == wanted["role"]
        want = Counter(agency_key(p) for p in wanted.get("partners", []))
        have = Counter(agency_key(p) for p in got["partners"])
        result.partners_found += sum((want & have).values())
        result.partners_annotated += sum(want.values())
        result.partners_extracted += sum(have.values())


def _score_deadlines(plan: Plan, pairs: list[tuple[dict[str, Any], dict[str, Any] | None]], name: str,
                     result: Score) -> None:
    """Dated deadlines entry by entry: a date counts when the responsibility it belongs to carries it."""
    result.dates_extracted = sum(1 for r in plan.responsibilities for d in r["deadlines"] if d["date"])
    for wanted, got in pairs:
        have = Counter(d["date"] for d in (got or {}).get("deadlines", []) if d["date"])
        for deadline in wanted.get("deadlines", []):
            if not deadline.get("date"):
                continue
            result.dates_annotated += 1
            if have[deadline["date"]] > 0:
                have[deadline["date"]] -= 1
                result.dates_right += 1
            else:
                result.misses.append(f"{name}: deadline {deadline['date']} «{deadline['text']}» of "
                                     f"{wanted['agency']!r} not found")


def _score_criteria_and_awards(plan: Plan, annotation: dict[str, Any], name: str, result: Score) -> None:
    targets = {fold(c["target"]).strip(" :"): len(c["items"]) for c in plan.criteria}
    result.criteria_extracted = len(plan.criteria)
    for group in annotation.get("criteria", []):
        result.criteria_annotated += 1
        target = fold(group["target"]).strip(" :")
        if target in targets:
            result.criteria_found += 1
            result.criteria_items_right += targets[target] == group["items"]
        else:
            result.misses.append(f"{name}: criteria group {group['target']!r} not found")
    forms = Counter(fold(a["form"]) for a in plan.awards)
    wanted = Counter(fold(a["form"]) for a in annotation.get("awards", []))
    result.awards_annotated, result.awards_extracted = sum(wanted.values()), sum(forms.values())
    result.awards_found = sum((forms & wanted).values())
    result.misses += [f"{name}: award {form!r} not found" for form in (wanted - forms).elements()]
    result.misses += [f"{name}: award extra {form!r}" for form in (forms - wanted).elements()]


def _score_timeline(plan: Plan, annotation: dict[str, Any], name: str, result: Score) -> None:
    timeline = annotation.get("timeline") or {}
    for bound in ("start", "end"):
        result.bounds_annotated += 1
        if plan.timeline.get(bound) == timeline.get(bound):
            result.bounds_right += 1
        else:
            found = plan.timeline.get(bound)
            result.misses.append(f"{name}: timeline {bound} {found!r}, annotated {timeline.get(bound)!r}")
    want = Counter(m["when"] for m in timeline.get("milestones", []))
    got = Counter(m["when"] for m in plan.timeline.get("milestones", []))
    result.milestones_annotated, result.milestones_extracted = sum(want.values()), sum(got.values())
    result.milestones_found = sum((want & got).values())
    result.misses += [f"{name}: milestone {when} not found" for when in (want - got).elements()]
