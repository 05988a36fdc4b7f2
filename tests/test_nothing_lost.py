"""Nothing lost: every word of every corpus file lands in exactly one place of the model.

The word multisets of the source (after the reported noise is removed) and of the model are equal:
a lost line shows as words missing, a line stored twice as words added."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.document import Block, RawDocument
from drafting.errors import InputError
from drafting.parsing.plan import parse_blocks
from drafting.readers import read_document

from accounting import difference
from conftest import PORTAL, REALDOCX, SEEDS, WILD


def _check(raw: RawDocument) -> None:
    lost, added = difference(raw, parse_blocks(raw))
    assert not lost, f"words lost: {dict(lost.most_common(10))}"
    assert not added, f"words added or doubled: {dict(added.most_common(10))}"


@pytest.mark.parametrize("path", SEEDS + WILD + REALDOCX + PORTAL, ids=lambda p: Path(p).name)
def test_every_word_lands_once(path: Path) -> None:
    try:
        raw = read_document(path)
    except InputError as error:  # .doc without LibreOffice: covered by the sweep test
        pytest.skip(str(error))
    _check(raw)


@pytest.mark.parametrize("shape", ["manual", "auto"])
def test_every_word_lands_once_in_docx_shapes(seed_docx: dict, shape: str) -> None:
    for (_, built_shape), path in seed_docx.items():
        if built_shape == shape:
            _check(read_document(path))


def test_accounting_sees_a_lost_line() -> None:
    """The check can fail: a model that drops a paragraph is caught."""
    raw = read_document(SEEDS[2])
    plan = parse_blocks(raw)
    plan.sections[0].children[0].children[0].title = ""
    lost, _ = difference(raw, plan)
    assert lost


def test_noise_is_reported_not_counted() -> None:
    raw = RawDocument("x.txt", "txt", "utf-8", [
        Block("KẾ HOẠCH", 1), Block("[bookmark: _GoBack]Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;", 2),
        Block("I. MỤC ĐÍCH", 3), Block("Phát triển kinh tế - xã hội vùng đồng 4 bào dân tộc thiểu số", 4),
    ])
    plan = parse_blocks(raw)
    assert {w.code for w in plan.warnings} >= {"bookmark", "glued_page_number"}
    assert plan.sections[0].paragraphs == ["Phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số"]
