"""Each real 2025 provincial plan: number, symbol, place, date, top-level sections, signer."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting import parse_file

from conftest import WILD
from corpus import ANNOTATIONS, load_annotation, norm


@pytest.mark.parametrize("path", WILD, ids=lambda p: Path(p).name)
def test_wild_plan_essentials(path: Path) -> None:
    expected = load_annotation(ANNOTATIONS / "wild" / f"{path.name}.json")
    plan = parse_file(path)
    meta = expected["meta"]
    assert (plan.meta.number, plan.meta.symbol) == (meta["number"], meta["symbol"])
    assert (plan.meta.place, plan.meta.date) == (meta["place"], meta["date"])
    assert plan.meta.doc_type == "KẾ HOẠCH"
    top = [(h["label"], norm(h["title"])) for h in expected["headings"] if h["depth"] == 1]
    assert [(s.label, norm(s.title)[: len(t or "")]) for s, (_, t) in zip(plan.sections, top, strict=False)] == top
    assert len(plan.sections) == len(top)
    assert plan.signature.name == expected["signature"]["name"]
    assert plan.signature.name
