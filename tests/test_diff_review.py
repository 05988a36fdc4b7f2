"""Diff, review mode (issue 15): a commune plan drafted from a real provincial plan, edited the way a commune would
(a task dropped, a task moved to another body, a later deadline), against its parent: the coverage and the findings
report exactly those edits."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from drafting import parse_file
from drafting.diff import diff_plans
from drafting.diff.render.text import to_text
from drafting.draft import draft_plan
from drafting.render.docx_writer import render_docx
from drafting.units import resolve_unit

ROOT = Path(__file__).resolve().parent.parent
PARENT = ROOT / "corpus/wild/f069c23c942c1ec6.md"


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("review")
    parent = parse_file(PARENT)
    draft = draft_plan(parent, resolve_unit("xã Xuân Lộc", "Đồng Nai")).plan
    original = render_docx(draft, folder / "xuan-loc.docx")
    document = docx.Document(str(original))
    paragraphs = document.paragraphs

    def find(start: str) -> docx.text.paragraph.Paragraph:
        return next(p for p in paragraphs if p.text.startswith(start))

    # a task dropped: the Văn phòng's only task (from Sở Tư pháp)
    dropped = find("- Chủ trì, phối hợp với các đơn vị liên quan tham mưu Ủy ban nhân dân xã phối hợp Bộ Tư pháp")
    dropped._p.getparent().remove(dropped._p)
    # a task moved: Phòng Văn hóa - Xã hội's task (from Sở Y tế) given to Công an xã
    moved = find("- Chủ trì, phối hợp với các đơn vị liên quan tham mưu Ủy ban nhân dân xã phối hợp Bộ Y tế")
    last_police_task = find("- Chủ trì, phối hợp với các cơ quan, đơn vị liên quan thường xuyên rà soát")
    last_police_task._p.addnext(moved._p)
    # a later deadline than the parent's: "trong tháng 11/2025" → "trong tháng 01/2026"
    late = next(p for p in document.paragraphs if "trong tháng 11/2025" in p.text and p.text.startswith("- "))
    for run in late.runs:
        run.text = run.text.replace("trong tháng 11/2025", "trong tháng 01/2026")
    assert "trong tháng 01/2026" in late.text
    edited = folder / "xuan-loc-sua.docx"
    document.save(str(edited))
    return original, edited


def _coverage(result) -> dict:  # type: ignore[no-untyped-def]
    return {(item.kind, item.parent): (item.status, tuple(item.local)) for item in result.coverage}


def test_the_draft_against_its_parent_is_review_mode(drafted: tuple[Path, Path]) -> None:
    result = diff_plans(parse_file(PARENT), parse_file(drafted[0]))
    assert result.mode == "review"
    coverage = _coverage(result)
    assert coverage[("responsibility", "Sở Tư pháp")] == ("reassigned", ("Văn phòng Hội đồng nhân dân và Ủy ban nhân "
                                                                          "dân xã",))
    assert coverage[("responsibility", "Sở Y tế")] == ("reassigned", ("Phòng Văn hóa - Xã hội",))
    # an inland xã gets none of the border work of Bộ Chỉ huy Quân sự tỉnh
    assert coverage[("responsibility", "Bộ Chỉ huy Quân sự tỉnh")][0] == "dropped"
    # what the derivation leaves out on purpose is dropped with the reason the structure data gives
    courts = next(item for item in result.coverage if item.parent.startswith("Viện kiểm sát"))
    assert courts.status == "dropped" and "cấp xã không có" in courts.expected
    assert not [f for f in result.findings if f.code in ("first_basis", "late_deadline", "report_deadline")]


def test_the_communes_edits_are_exactly_what_review_reports(drafted: tuple[Path, Path]) -> None:
    parent = parse_file(PARENT)
    before = diff_plans(parent, parse_file(drafted[0]))
    after = diff_plans(parent, parse_file(drafted[1]))
    old, new = _coverage(before), _coverage(after)
    differences = {key: (old.get(key), new.get(key)) for key in old.keys() | new.keys() if old.get(key) != new.get(key)}
    assert differences == {
        ("responsibility", "Sở Tư pháp"): (("reassigned", ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",)),
                                          ("dropped", ())),
        ("responsibility", "Sở Y tế"): (("reassigned", ("Phòng Văn hóa - Xã hội",)), ("reassigned", ("Công an xã",))),
        ("deadline", "Sở Văn hóa, Thể thao và Du lịch: trong tháng 11/2025"): (("same", ("Phòng Văn hóa - Xã hội",)),
                                                                              ("later", ("Phòng Văn hóa - Xã hội",))),
    }
    added = [f for f in after.findings if (f.code, f.message) not in {(g.code, g.message) for g in before.findings}]
    assert [f.code for f in added] == ["late_deadline"]
    assert "2025-11 → 2026-01" in added[0].message
    shown = to_text(after)
    assert shown.index("BỎ") < shown.index("giao lại")  # dropped items are the headline


def test_findings_on_the_first_basis_scope_words_and_abolished_bodies(drafted: tuple[Path, Path]) -> None:
    parent = parse_file(PARENT)
    local = parse_file(drafted[0])
    local.legal_bases[0].number = "128"
    local.sections[0].children[0].children[0].title += " trên địa bàn tỉnh và các sở, ban, ngành"
    local.sections[1].children[0].title += " Phòng Lao động - Thương binh và Xã hội huyện phối hợp."
    local.responsibilities.append({"agency": "Tòa án nhân dân tỉnh", "tasks": ["Xét xử."], "source": {"section": "9"}})
    codes = [(f.code, f.message) for f in diff_plans(parent, local).findings]
    assert ("first_basis", "Căn cứ đầu tiên dẫn sai số 128 (đúng: 182).") in codes
    assert any(code == "scope_words" and "“trên địa bàn tỉnh”" in message and "“các sở, ban, ngành”" in message
               for code, message in codes)
    assert any(code == "abolished" and "Phòng Lao động - Thương binh và Xã hội huyện" in message
               for code, message in codes)
    assert any(code == "no_such_body" and "Tòa án nhân dân tỉnh" in message for code, message in codes)


def test_html_page_and_comparison_table(drafted: tuple[Path, Path], tmp_path: Path) -> None:
    from click.testing import CliRunner

    from drafting.cli import main

    page, table = tmp_path / "review.html", tmp_path / "bang-so-sanh.docx"
    run = CliRunner().invoke(main, ["diff", str(PARENT), str(drafted[1]), "--html", str(page), "--table", str(table)])
    assert run.exit_code == 0, run.output
    html = page.read_text(encoding="utf-8")
    assert "Phần việc của cấp trên" in html and "<del>" in html and "<ins>" in html
    assert "http://" not in html and "https://" not in html and "<script" not in html and "<link" not in html
    document = docx.Document(str(table))
    rows = document.tables[0].rows
    assert [cell.text for cell in rows[0].cells] == ["TT", "Văn bản cũ", "Văn bản mới", "Nhận xét"]
    assert len(rows) > 10
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size.pt == 13


def test_tracked_changes_accept_all_gives_new_exactly(drafted: tuple[Path, Path], tmp_path: Path) -> None:
    pytest.importorskip("python_redlines")
    import zipfile

    from lxml import etree

    from drafting.diff.render.redline import write_redline

    redline = write_redline(drafted[0], drafted[1], tmp_path / "redline.docx")
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    root = etree.fromstring(zipfile.ZipFile(redline).read("word/document.xml"))
    assert root.findall(".//w:ins", ns) and root.findall(".//w:del", ns)
    for deleted in root.findall(".//w:del", ns):  # reject nothing, accept all: drop deletions, keep insertions
        deleted.getparent().remove(deleted)
    for inserted in root.findall(".//w:ins", ns):
        parent = inserted.getparent()
        index = parent.index(inserted)
        for child in list(inserted):
            parent.insert(index, child)
            index += 1
        parent.remove(inserted)
    # a paragraph whose mark was deleted joins the next one when accepted
    accepted: list[str] = []
    joined = False
    for paragraph in root.iter(f"{{{ns['w']}}}p"):
        text = "".join(t.text or "" for t in paragraph.iter(f"{{{ns['w']}}}t"))
        accepted[-1:] = [accepted[-1] + text] if joined and accepted else [*accepted[-1:], text]
        joined = paragraph.find("w:pPr/w:rPr/w:del", ns) is not None
    new_root = etree.fromstring(zipfile.ZipFile(drafted[1]).read("word/document.xml"))
    expected = ["".join(t.text or "" for t in p.iter(f"{{{ns['w']}}}t")) for p in new_root.iter(f"{{{ns['w']}}}p")]
    assert [t for t in accepted if t.strip()] == [t for t in expected if t.strip()]
