"""Drafting a local plan from its parent plan (issue 5), on the corpus: the Kon Tum provincial plan
(002), the Ninh Hải district plan (000) and the Đắk Lắk 2025 provincial plan (2957e4f4f0e41373)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafting import parse_file
from drafting.check import CheckReport, check_docx
from drafting.cli import main
from drafting.draft import DraftOptions, draft_plan, fill_placeholders, working_days_before
from drafting.model import Plan
from drafting.nlp.awards import award_pattern
from drafting.parsing.bases import find_legal_refs
from drafting.render.docx_writer import render_docx
from drafting.units import resolve_unit

from conftest import CORPUS, SEEDS

KON_TUM, NINH_HAI, DAK_LAK = SEEDS[2], SEEDS[0], CORPUS / "wild" / "2957e4f4f0e41373.md"
OPTIONS = DraftOptions(today=dt.date(2026, 11, 23))


def _texts(plan: Plan) -> list[str]:
    return [t for s in plan.all_sections() for t in (s.title, *s.paragraphs)]


def _outside_citations(text: str) -> str:
    """The text without cited documents (with their issuer), quoted names and award forms."""
    for start, end, _ in sorted(find_legal_refs(text), reverse=True):
        clause = re.search(r"[;.]|\s+về\s|$", text[end:])
        text = text[:start] + text[end + (clause.start() if clause else 0) :]
    text = re.sub(r"“[^”]*”|\"[^\"]*\"", "", text)
    return award_pattern().sub("", text)


def _roles(plan: Plan) -> list[list[str]]:
    return [s.roles for s in plan.sections]


@pytest.fixture(scope="module")
def parents() -> dict[str, Plan]:
    return {"002": parse_file(KON_TUM), "000": parse_file(NINH_HAI), "2957": parse_file(DAK_LAK)}


def test_district_plan_from_kon_tum_follows_the_real_district_plan(parents: dict[str, Plan]) -> None:
    """002 → a district of Kon Tum (pre-2025 chain), compared section by section with the real 000."""
    unit = resolve_unit("huyện Đăk Hà", "Kon Tum", level="district")
    result = draft_plan(parents["002"], unit, OPTIONS)
    plan = result.plan
    assert _roles(plan) == _roles(parents["000"])
    first_basis = "Thực hiện Kế hoạch số …/… ngày 22/7/2024 của Ủy ban nhân dân tỉnh Kon Tum"
    assert plan.legal_bases[0].text.startswith(first_basis)
    assert plan.meta.title.endswith("trên địa bàn huyện Đăk Hà")
    scope = r"toàn tỉnh|trên địa bàn tỉnh(?! [A-ZĐ])|từ tỉnh đến|các sở, ban, ngành"
    leftovers = [t for t in _texts(plan) if re.search(scope, _outside_citations(t), re.IGNORECASE)]
    assert leftovers == []
    parent_groups = [c["target"] for c in parents["002"].criteria]
    assert len(plan.criteria) == len(parent_groups)
    assert plan.criteria[0]["target"] == "các phòng, ban, ngành"
    assert len(plan.responsibilities) >= len(parents["002"].responsibilities)
    assert "Phòng Nội vụ" in [r["agency"] for r in plan.responsibilities]


@pytest.mark.parametrize("parent", ["002", "000", "2957"])
def test_commune_plan_under_the_two_level_structure(parents: dict[str, Plan], parent: str, tmp_path: Path) -> None:
    unit = resolve_unit("xã Ea Kar", "Đắk Lắk")
    result = draft_plan(parents[parent], unit, OPTIONS)
    plan = result.plan
    texts = [_outside_citations(t) for t in _texts(plan)]
    joined = "\n".join(texts)
    assert not re.search(r"Phòng [^,;:.]*huyện|UBND huyện|Ủy ban nhân dân huyện|cấp huyện(?!, cấp xã)", joined)
    assert not re.search(r"toàn tỉnh|trên địa bàn tỉnh(?! [A-ZĐ])|toàn huyện|trên địa bàn huyện", joined)
    organisation = plan.sections[-1]
    tasked = {item.title for item in organisation.children if item.title != "Chế độ báo cáo"}
    assert {t for t in tasked if not t.startswith(("Đề nghị", "Các cơ quan"))} <= set(plan.recipients)
    assert plan.meta.issuer == "Ủy ban nhân dân xã Ea Kar" and plan.meta.level == "commune"
    assert plan.legal_bases[0].text.startswith("Thực hiện ")
    assert any(a["form"].startswith("Giấy khen của Chủ tịch Ủy ban nhân dân xã") for a in plan.awards)
    report = check_docx(render_docx(plan, tmp_path / f"{parent}.docx"))
    assert _format_ok(report), [f"{f.rule}: {f.message}" for f in report.findings]


def _format_ok(report: CheckReport) -> bool:
    """No error but the parent's own report days, already past in November 2026 (Kon Tum's 2024 campaign, the
    election plan's 31/3/2026): the draft keeps them and its to-do says so; the content rule ND-TH1 says so too."""
    errors = [f for f in report.findings if f.severity == "error"]
    return all(f.rule == "ND-TH1" and re.search(r"\(\d\d/\d{1,2}/202[456]\)", f.message) for f in errors)


def test_award_forms_and_citations_are_not_touched(parents: dict[str, Plan]) -> None:
    plan = draft_plan(parents["002"], resolve_unit("xã Ea Kar", "Đắk Lắk"), OPTIONS).plan
    forms = [a["form"] for a in plan.awards]
    assert "Bằng khen của Chủ tịch Uỷ ban nhân dân tỉnh" in forms
    assert "Bằng khen của Thủ tướng Chính phủ" in forms
    campaign = "Chung tay xóa nhà tạm, nhà dột nát trên địa bàn tỉnh Kon Tum trong năm 2025"
    assert f"“{campaign}”" in plan.meta.title  # a quoted campaign name keeps its "tỉnh Kon Tum"
    assert any("\"lá lành đùm lá rách\"" in t for t in _texts(plan))


def test_report_deadline_becomes_earlier_by_working_days(parents: dict[str, Plan]) -> None:
    result = draft_plan(parents["002"], resolve_unit("xã Ea Kar", "Đắk Lắk"), OPTIONS)
    assert any("trước ngày 25 tháng 11 năm 2024" in t for t in _texts(result.plan))  # 30/11/2024 is a Saturday
    assert working_days_before(dt.date(2024, 11, 30), 5) == dt.date(2024, 11, 25)
    assert working_days_before(dt.date(2025, 12, 15), 5) == dt.date(2025, 12, 8)
    assert any(c.rule == "earlier_report_deadline" for c in result.changes)


def test_placeholders_are_listed_and_filled(parents: dict[str, Plan]) -> None:
    result = draft_plan(parents["002"], resolve_unit("xã Ea Kar", "Đắk Lắk"), OPTIONS)
    assert "nguoi_ky" in result.placeholders
    left = fill_placeholders(result.plan, {"nguoi_ky": "Nguyễn Văn An"})
    assert result.plan.signature.name == "Nguyễn Văn An"
    assert "nguoi_ky" not in left


def test_cli_draft_writes_a_checked_docx_and_explains(tmp_path: Path) -> None:
    values = tmp_path / "values.yaml"
    values.write_text("nguoi_ky: Nguyễn Văn An\n", encoding="utf-8")
    out = tmp_path / "ke-hoach.docx"
    arguments = ["draft", str(KON_TUM), "--unit", "xa ea kar", "--province", "dak lak", "-o", str(out),
                 "--data", str(values), "--explain", "--position", "PHÓ CHỦ TỊCH"]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert "Còn phải điền" in result.output and "[commune_scope]" in result.output
    assert "Sở Nội vụ → giao Phòng Văn hóa - Xã hội" in result.output  # each responsibility's fate
    plan = parse_file(out)
    assert (plan.signature.delegation, plan.signature.name) == ("KT. CHỦ TỊCH", "Nguyễn Văn An")
    assert _format_ok(check_docx(out))


def test_cli_draft_refuses_an_ambiguous_unit(tmp_path: Path) -> None:
    arguments = ["draft", str(KON_TUM), "--unit", "phường An Bình", "-o", str(tmp_path / "x.docx")]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 2
    assert "--province" in result.output
    assert not (tmp_path / "x.docx").exists()


def test_a_drafted_commune_plan_reads_back_with_the_parent_responsibilities(tmp_path: Path) -> None:
    """Đắk Lắk's flood-relief plan (62f25a030c183151) → xã Ea Kar: the Word file the clerk gets parses back
    with one responsibility per commune body, none of them a provincial body (a plan the extractor's rules were
    not written on: the commune family)."""
    parent = parse_file(CORPUS / "wild" / "62f25a030c183151.md")
    result = draft_plan(parent, resolve_unit("xã Ea Kar", "Đắk Lắk"), OPTIONS)
    out = tmp_path / "ke-hoach-ea-kar.docx"
    render_docx(result.plan, out)
    drafted = parse_file(out)
    agencies = [r["agency"] for r in drafted.responsibilities]
    assert not [a for a in agencies if re.match(r"Sở |Công an tỉnh|Bộ Chỉ huy", a)]
    assert {"Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Công an xã", "Ban Chỉ huy quân sự xã"} <= set(agencies)
    assert [o for o in result.outcomes if o.fate in ("assigned", "shared", "asked")]
