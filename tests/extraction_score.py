"""Scores the extractor against the hand annotations in corpus/annotations/extraction."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafting.model import Plan
from drafting.parsing.text import fold

ROOT = Path(__file__).resolve().parent.parent
EXTRACTION = ROOT / "corpus" / "annotations" / "extraction"


# The plans the extractor's rules were written on, and real Word files that give work but are no plans,
# annotated as a check on documents the rules were not written for.
PLAN_FOLDERS = ("seeds", "wild")
HELD_OUT_FOLDERS = ("realdocx",)


def extraction_annotations(folders: tuple[str, ...] = PLAN_FOLDERS + HELD_OUT_FOLDERS) -> list[Path]:
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
    awards_found: int = 0
    awards_annotated: int = 0
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

    def figures(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 1.0

        return {
            "agency_precision": ratio(self.agencies_found, self.agencies_extracted),
            "agency_recall": ratio(self.agencies_found, self.agencies_annotated),
            "deadline_dates": ratio(self.dates_right, self.dates_annotated),
            "deadline_date_precision": ratio(self.dates_right, self.dates_extracted),
            "criteria_groups": ratio(self.criteria_found, self.criteria_annotated),
            "award_forms": ratio(self.awards_found, self.awards_annotated),
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
    _score_roles_and_partners(plan, annotation, result)
    extracted_dates = Counter(d["date"] for r in plan.responsibilities for d in r["deadlines"] if d["date"])
    result.dates_extracted = sum(extracted_dates.values())
    for item in annotation.get("responsibilities", []):
        for deadline in item.get("deadlines", []):
            if not deadline.get("date"):
                continue
            result.dates_annotated += 1
            if extracted_dates[deadline["date"]] > 0:
                extracted_dates[deadline["date"]] -= 1
                result.dates_right += 1
            else:
                result.misses.append(f"{name}: deadline {deadline['date']} «{deadline['text']}» not found")
    targets = {fold(c["target"]).strip(" :") for c in plan.criteria}
    for group in annotation.get("criteria", []):
        result.criteria_annotated += 1
        if fold(group["target"]).strip(" :") in targets:
            result.criteria_found += 1
        else:
            result.misses.append(f"{name}: criteria group {group['target']!r} not found")
    forms = [fold(a["form"]) for a in plan.awards]
    for award in annotation.get("awards", []):
        result.awards_annotated += 1
        if any(fold(award["form"]) == form for form in forms):
            result.awards_found += 1
        else:
            result.misses.append(f"{name}: award {award['form']!r} not found")
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
    return result


def _score_roles_and_partners(plan: Plan, annotation: dict[str, Any], result: Score) -> None:
    """Roles and partners of each annotated responsibility whose agency was found, paired in order."""
    found: dict[str, list[dict[str, Any]]] = {}
    for entry in plan.responsibilities:
        found.setdefault(agency_key(entry["agency"]), []).append(entry)
    for wanted in annotation.get("responsibilities", []):
        candidates = found.get(agency_key(wanted["agency"]))
        if not candidates:
            continue
        got = candidates.pop(0)
        result.roles_compared += 1
        result.roles_right += got["role"] == wanted["role"]
        want = Counter(agency_key(p) for p in wanted.get("partners", []))
        have = Counter(agency_key(p) for p in got["partners"])
        result.partners_found += sum((want & have).values())
        result.partners_annotated += sum(want.values())
        result.partners_extracted += sum(have.values())
