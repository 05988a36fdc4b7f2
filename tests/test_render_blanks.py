"""`drafting render` of a plan without number, date or signer writes the blanks `draft` writes
(render/blanks.py): the Số line, the date line with its day blank, the signature block with a blank name."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from drafting.api import parse_file
from drafting.check import check_docx
from drafting.cli import main
from drafting.render.blanks import SIGNER_BLANK, with_blanks
from drafting.render.docx_context import document_values
from drafting.render.json_out import to_json

from corpus import CORPUS

KON_TUM = CORPUS / "seeds" / "002_0eb59aa12a805793.txt"  # Kế hoạch of UBND tỉnh Kon Tum, 22/7/2024


def _json_without_number_date_signer(tmp_path: Path) -> Path:
    data = json.loads(to_json(parse_file(KON_TUM, extract=False)))
    data["meta"].update(number=None, symbol=None, date=None)
    data["signature"] = {"authority": None, "delegation": None, "position": None, "name": None}
    path = tmp_path / "ke-hoach.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_render_writes_the_blanks_a_draft_writes(tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach.docx"
    result = CliRunner().invoke(main, ["render", str(_json_without_number_date_signer(tmp_path)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Còn để trống cho văn thư điền" in result.output and "họ tên người ký" in result.output
    back = parse_file(out, extract=False)
    today = dt.date.today()
    assert (back.meta.number, back.meta.symbol) == ("", "KH-UBND")
    assert back.meta.date == f"{today.year}-{today.month:02d}" and back.meta.place == "Kon Tum"
    assert "Số:        /KH-UBND" in back.header
    assert (back.signature.authority, back.signature.position) == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    assert back.signature.name == "[Họ và tên]"
    codes = {finding.rule for finding in check_docx(out).findings if finding.severity == "error"}
    assert not codes & {"N1", "N2", "N3", "N4", "D1", "D2", "D3", "S1", "S2"}, codes


def test_the_blanks_are_the_drafts_own() -> None:
    """Same Số line, date line and signer as `draft` leaves for the văn thư (draft.py uses these helpers)."""
    plan = parse_file(KON_TUM, extract=False)
    plan.meta.number = plan.meta.symbol = plan.meta.date = None
    blank, left = with_blanks(plan, dt.date(2026, 3, 5))
    values = document_values(blank)
    assert values.number_line == "Số:        /KH-UBND"
    assert values.place_date == "Kon Tum, ngày      tháng 3 năm 2026"
    assert values.signer_name == SIGNER_BLANK and len(left) == 3


def test_a_plan_with_its_number_date_and_signer_is_rendered_as_it_is() -> None:
    plan = parse_file(CORPUS / "wild" / "09daab284f92e2dd.md", extract=False)  # 141/KH-UBND, 20/11/2025
    blank, left = with_blanks(plan)
    assert (blank.meta.number, blank.meta.date, blank.signature) == (plan.meta.number, plan.meta.date,
                                                                     plan.signature)
    assert left == []
