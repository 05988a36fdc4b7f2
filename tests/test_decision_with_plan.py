"""A Quyết định whose article approves a plan attached after it: the plan is the plan, the
decision is kept as its approval (issue 2). The fixture is built from seed 000 (Ninh Hải), whose
first basis is this very decision: Quyết định số 840/QĐ-UBND ngày 11/7/2024 of Ninh Thuận."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting import parse_file
from drafting.parsing.plan import parse_blocks
from drafting.readers import read_document

from accounting import difference
from conftest import SEEDS

DECISION = (Path(__file__).parent / "fixtures" / "qd_840_decision.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def decision_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The decision, then the plan: seed 000's "KẾ HOẠCH", its title and body, with the reference line."""
    plan_lines = SEEDS[0].read_text(encoding="utf-8").splitlines()
    heading, title, *body = [line for line in plan_lines if line.strip()]
    reference = "(Ban hành kèm theo Quyết định số 840/QĐ-UBND ngày 11/7/2024 của Chủ tịch UBND tỉnh Ninh Thuận)"
    text = DECISION + "\n".join([heading, title, reference, *body[1:]]) + "\n"
    target = tmp_path_factory.mktemp("decision") / "qd-840.txt"
    target.write_text(text, encoding="utf-8")
    return target


def test_attached_plan_is_the_plan(decision_file: Path) -> None:
    plan = parse_file(decision_file)
    seed = parse_file(SEEDS[0])
    assert plan.meta.doc_type == "KẾ HOẠCH"
    assert plan.meta.title == seed.meta.title
    assert [s.label for s in plan.sections] == [s.label for s in seed.sections]
    assert plan.meta.ref and plan.meta.ref.startswith("Ban hành kèm theo Quyết định số 840/QĐ-UBND")
    assert plan.meta.issuer == "Ủy ban nhân dân tỉnh Ninh Thuận"
    assert plan.meta.level == "province"


def test_decision_is_kept_as_approval(decision_file: Path) -> None:
    approval = parse_file(decision_file).approval
    assert approval is not None
    assert (approval.doc_type, approval.number, approval.symbol, approval.date) == (
        "QUYẾT ĐỊNH", "840", "QĐ-UBND", "2024-07-11"
    )
    assert approval.signer == "Đào Nguyên Phong"
    assert approval.articles[0].startswith("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch")


def test_nothing_of_the_decision_is_lost(decision_file: Path) -> None:
    raw = read_document(decision_file)
    lost, added = difference(raw, parse_blocks(raw))
    assert not lost and not added


def test_a_decision_without_an_attached_plan_stays_a_decision(tmp_path: Path) -> None:
    target = tmp_path / "qd.txt"
    target.write_text(DECISION.replace("Kế hoạch triển khai, thực hiện", "Quy chế phối hợp"), encoding="utf-8")
    plan = parse_file(target)
    assert plan.meta.doc_type == "QUYẾT ĐỊNH"
    assert plan.approval is None
    assert [s.label for s in plan.sections] == ["1", "2", "3"]
    assert plan.signature.name == "Đào Nguyên Phong"
