"""Round trip: parse(render(parse(x))) keeps the metadata, bases, section tree, closing and
appendices of every corpus file — the test that keeps parser and renderer honest."""

from __future__ import annotations

from pathlib import Path

import pytest
from roundtrip import differences

from drafting import parse_file
from drafting.errors import DraftingError, InputError
from drafting.render.docx_writer import render_docx

from conftest import REALDOCX, SEEDS, WILD

# A Phiếu trình laid out as a form: its whole body sits in the cells of one layout table, which the
# renderer writes back as a table, not as the numbered items it holds.
FORMS = {"vbai2_bc617cc7_Phieu_trinh_TTr_321.docx"}


@pytest.mark.parametrize("path", SEEDS + WILD + [p for p in REALDOCX if p.name not in FORMS], ids=lambda p: p.name)
def test_round_trip_keeps_the_plan(path: Path, tmp_path: Path) -> None:
    try:
        plan = parse_file(path)
    except InputError as error:
        pytest.skip(str(error))
    rendered = render_docx(plan, tmp_path / "out.docx")
    assert differences(plan, parse_file(rendered)) == []


def test_values_are_escaped(tmp_path: Path) -> None:
    plan = parse_file(SEEDS[2])
    plan.recipients.append("Sở Văn hóa & Thể thao <tỉnh>")
    plan.sections[0].title = "MỤC ĐÍCH & YÊU CẦU <chung>"
    rendered = render_docx(plan, tmp_path / "escaped.docx")
    again = parse_file(rendered)
    assert again.recipients[-1] == "Sở Văn hóa & Thể thao <tỉnh>"
    assert again.sections[0].title == "MỤC ĐÍCH & YÊU CẦU <chung>"


def test_no_half_written_output(tmp_path: Path) -> None:
    """A render that fails leaves neither the target nor a temporary file behind."""
    plan = parse_file(SEEDS[2])
    broken = tmp_path / "broken_tpl.docx"
    broken.write_bytes(b"not a docx")
    target = tmp_path / "out.docx"
    with pytest.raises(DraftingError, match="broken_tpl.docx"):
        render_docx(plan, target, template=broken)
    assert list(tmp_path.iterdir()) == [broken]
