"""The seeds as clerks' Word files, typed labels and Word's automatic numbering, parse like the TXT."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting import parse_file
from drafting.model import Plan

from conftest import SEEDS
from corpus import headings_of


def _summary(plan: Plan, with_letter_labels: bool) -> dict:
    headings = [
        (h["kind"], h["depth"], h["title"], h["label"] if with_letter_labels or h["kind"] != "letter" else "")
        for h in headings_of(plan)
    ]
    meta = plan.meta
    return {
        "meta": (meta.doc_type, meta.number, meta.symbol, meta.issuer, meta.place, meta.date, meta.title),
        "bases": [(r.doc_type, r.number, r.symbol, r.date, r.issuer) for r in plan.legal_bases],
        "headings": headings,
        "dash_items": [s.title for s in plan.all_sections() if s.kind in ("dash", "plus")],
        "recipients": plan.recipients,
        "archive": plan.archive,
        "signature": plan.signature,
    }


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: Path(p).name)
def test_manual_labels_docx_parses_like_txt(seed: Path, seed_docx: dict) -> None:
    expected = _summary(parse_file(seed), with_letter_labels=True)
    assert _summary(parse_file(seed_docx[(seed.name, "manual")]), with_letter_labels=True) == expected


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: Path(p).name)
def test_automatic_numbering_docx_parses_like_txt(seed: Path, seed_docx: dict) -> None:
    """Labels come from numbering.xml; Word shows "e)" where the clerk typed "đ)", so letters differ."""
    expected = _summary(parse_file(seed), with_letter_labels=False)
    plan = parse_file(seed_docx[(seed.name, "auto")])
    assert _summary(plan, with_letter_labels=False) == expected
    assert any(section.kind == "roman" for section in plan.sections)


def test_automatic_labels_are_those_word_displays(seed_docx: dict) -> None:
    plan = parse_file(seed_docx[("002_0eb59aa12a805793.txt", "auto")])
    criteria = plan.sections[2].children[0]
    assert [s.label for s in plan.sections] == ["I", "II", "III", "IV", "V"]
    assert [c.label for c in criteria.children] == ["a", "b", "c", "d", "e"]  # Word has no "đ"


def _extraction(plan: Plan) -> dict:
    return {
        "responsibilities": [(r["agency"], r["role"], [d["date"] for d in r["deadlines"]])
                             for r in plan.responsibilities],
        "criteria": [(c["target"], len(c["items"])) for c in plan.criteria],
        "awards": [(a["form"], a["quota"]) for a in plan.awards],
        "timeline": (plan.timeline["start"], plan.timeline["end"], len(plan.timeline["milestones"])),
    }


@pytest.mark.parametrize("shape", ["manual", "auto"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: Path(p).name)
def test_word_files_give_the_same_extraction_as_the_txt(seed: Path, shape: str, seed_docx: dict) -> None:
    """Who does what by when does not depend on the reader: typed labels or Word's numbering alike."""
    assert _extraction(parse_file(seed_docx[(seed.name, shape)])) == _extraction(parse_file(seed))
