"""The parser against the hand annotations of every corpus plan (seeds and wild 2025 plans)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting import parse_file

from corpus import CORPUS, annotated_files, compare_all, load_annotation

PLAN_ANNOTATIONS = annotated_files("seeds") + annotated_files("wild")


def test_every_corpus_plan_is_annotated() -> None:
    plans = sorted((CORPUS / "seeds").glob("*.txt")) + sorted((CORPUS / "wild").glob("[0-9a-f]*.md"))
    annotated = {load_annotation(path)["file"] for path in PLAN_ANNOTATIONS}
    assert {str(p.relative_to(CORPUS)) for p in plans} == annotated


@pytest.mark.parametrize("annotation_path", PLAN_ANNOTATIONS, ids=lambda p: Path(p).name)
def test_parser_matches_annotation(annotation_path: Path) -> None:
    annotation = load_annotation(annotation_path)
    plan = parse_file(CORPUS / annotation["file"])
    problems = compare_all(plan, annotation)
    assert problems == {"meta": [], "legal_bases": [], "headings": [], "closing": []}
