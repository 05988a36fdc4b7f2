"""Consolidating the units' reports (drafting consolidate): sums checked against the units' own sheets, the late,
the missing and the broken listed, the previous period compared; on units' reports drafted from a real provincial
plan for real communes of its province, one typed by a clerk in Word with a merged header, one with a broken
table; and the real reports of corpus/realdocx read into figures."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from consolidate_fixtures import Typed, clerk_report, toolkit_report, written

from drafting.api import parse_file
from drafting.check import check_docx
from drafting.model import Plan
from drafting.parsing.text import fold
from drafting.readers.docx_tables import read_docx_tables
from drafting.render.docx_writer import render_docx
from drafting.report import ReportOptions, period_for
from drafting.report.consolidate import (
    Consolidation,
    compose_consolidated,
    consolidate,
    consolidated_table,
    province_of,
    report_due,
)
from drafting.report.errors import ReportInputError
from drafting.report.figures import figure_tables
from drafting.report.reading import figures_of, previous_figures, read_unit_report
from drafting.units import communes, resolve_unit

from corpus import CORPUS

PARENT = CORPUS / "wild" / "192068354fd1ffe5.md"  # Đồng Tháp: lộ trình đổi mới công nghệ đến năm 2035
DUE = dt.date(2026, 4, 10)
TOOLKIT_UNITS = 8
CLERK, BROKEN = TOOLKIT_UNITS, TOOLKIT_UNITS + 1  # ranks of the typed and the broken reports


@pytest.fixture(scope="module")
def parent() -> Plan:
    return parse_file(PARENT)


@pytest.fixture(scope="module")
def sent(parent: Plan, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[Typed]]:
    """Eight reports made by the toolkit (two sent after the deadline), one typed by a clerk, one broken."""
    folder = tmp_path_factory.mktemp("reports")
    units = communes("Đồng Tháp")
    paths, typed = [], []
    for rank, unit in enumerate(units[:TOOLKIT_UNITS]):
        date = "2026-04-08" if rank < TOOLKIT_UNITS - 2 else "2026-04-14"
        path, figures = toolkit_report(parent, unit, rank, date, folder)
        paths.append(path)
        typed.append(figures)
    counts = [label for label, measure in typed[0].measure.items() if measure != "%" and label in typed[0].done]
    rows = [(label, typed[0].measure[label], "12", "1.250") for label in counts]
    clerk = folder / "clerk.docx"
    clerk.write_bytes(clerk_report(units[CLERK], dt.date(2026, 4, 9), rows))
    typed.append(Typed(units[CLERK], "2026-04-09", dict.fromkeys(counts, Decimal(12)),
                       dict.fromkeys(counts, Decimal(1250)), {label: typed[0].measure[label] for label in counts}))
    broken = folder / "broken.docx"
    broken.write_bytes(clerk_report(units[BROKEN], dt.date(2026, 4, 9), rows, broken=True))
    return [*paths, clerk, broken], typed


@pytest.fixture(scope="module")
def gathered(sent: tuple[list[Path], list[Typed]]) -> Consolidation:
    paths, _ = sent
    return consolidate([read_unit_report(path, "Đồng Tháp") for path in paths], communes("Đồng Tháp"), DUE)


def _independent_sums(typed: list[Typed]) -> dict[str, tuple[Decimal, Decimal]]:
    """What each indicator adds up to, from the sheets (counts summed, rates averaged), computed here apart."""
    sums: dict[str, tuple[Decimal, Decimal]] = {}
    # each unit's plan names the unit itself ("trên địa bàn phường Mỹ Tho"): the consolidation says "các xã, phường"
    typed = [Typed(unit.unit, unit.date, *({key.replace(unit.unit.full, "các xã, phường"): value
                                             for key, value in table.items()}
                                            for table in (unit.planned, unit.done, unit.measure))) for unit in typed]
    labels = {label for unit in typed for label in unit.done}
    for label in labels:
        units = [unit for unit in typed if label in unit.done]
        planned = [unit.planned[label] for unit in units if label in unit.planned]
        done = [unit.done[label] for unit in units]
        if units[0].measure[label] == "%":
            def mean(values: list[Decimal]) -> Decimal:
                return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            sums[fold(label)] = (mean(planned), mean(done))
        else:
            sums[fold(label)] = (sum(planned, Decimal(0)), sum(done, Decimal(0)))
    return sums


def test_sums_are_those_of_the_units_sheets(gathered: Consolidation, sent: tuple[list[Path], list[Typed]]) -> None:
    expected = _independent_sums(sent[1])
    rows = {fold(row.label): row for row in gathered.rows}
    assert set(rows) == set(expected)
    for key, (planned, done) in expected.items():
        assert (rows[key].planned, rows[key].done) == (planned, done), key
    startups = next(row for row in gathered.rows if row.label.startswith("Hình thành ít nhất 100 doanh nghiệp"))
    assert startups.reporting == TOOLKIT_UNITS + 1  # the clerk's typed table counts too
    assert startups.done == sum(Decimal(rank + 1) for rank in range(TOOLKIT_UNITS)) + 1250


def test_late_missing_and_broken_are_listed_and_not_fatal(gathered: Consolidation) -> None:
    units = communes("Đồng Tháp")
    assert len(gathered.reported) == TOOLKIT_UNITS + 2
    assert [r.unit.full for r in gathered.late] == [u.full for u in units[TOOLKIT_UNITS - 2:TOOLKIT_UNITS]]
    assert [u.full for u in gathered.missing] == [u.full for u in units[BROKEN + 1:]]
    assert [r.unit.full for r in gathered.malformed] == [units[BROKEN].full]
    assert "đang tổng hợp" in gathered.malformed[0].problems[0]


def test_consolidated_report_checks_and_reads_back(parent: Plan, gathered: Consolidation, tmp_path: Path) -> None:
    period = period_for(parent, "quý I/2026")
    report, todo, placeholders, images = compose_consolidated(
        parent, gathered, period, ReportOptions(date="2026-04-20"), "Bộ Khoa học và Công nghệ")
    target = render_docx(report, tmp_path / "tong-hop.docx", images=images)
    assert images and check_docx(target).ok
    back = parse_file(target)
    assert back.meta.doc_type == "BÁO CÁO" and back.meta.issuer == "Ủy ban nhân dân tỉnh Đồng Tháp"
    text = "\n".join(p for s in back.all_sections() for p in [s.title, *s.paragraphs])
    units = communes("Đồng Tháp")
    assert f"Có {TOOLKIT_UNITS + 2}/{len(units)} đơn vị gửi báo cáo, trong đó 2 đơn vị gửi sau thời hạn 10/04/2026" \
        in text
    assert f"Các đơn vị chưa gửi báo cáo ({len(units) - BROKEN - 1}): {units[BROKEN + 1].full}" in text
    table = next(t for s in back.all_sections() for t in s.tables if "Số đơn vị báo cáo" in t[0])
    assert table[0][-1] == "Tỷ lệ (%)"  # no previous period given: no "Kỳ trước" columns
    rows = {fold(row[1]): row for row in table[1:]}
    for row in gathered.rows:
        assert rows[fold(row.label)][5] == written(row.done)  # type: ignore[arg-type]
    assert {"uu_diem", "han_che", "nguoi_ky"} <= set(placeholders)
    assert any("chưa gửi báo cáo" in line for line in todo)


def test_previous_period_is_compared(parent: Plan, gathered: Consolidation, sent: tuple[list[Path], list[Typed]],
                                     tmp_path: Path) -> None:
    earlier = consolidate([read_unit_report(path, "Đồng Tháp") for path in sent[0][:3]], communes("Đồng Tháp"), None)
    report, *_ = compose_consolidated(parent, earlier, period_for(parent, "quý IV/2025"), ReportOptions(), None)
    previous = render_docx(report, tmp_path / "quy-4.docx")
    before = previous_figures(previous)
    now = consolidate([read_unit_report(path, "Đồng Tháp") for path in sent[0]], communes("Đồng Tháp"), DUE, before)
    assert consolidated_table(now.rows)[0][-2:] == ["Kỳ trước", "Tăng, giảm"]
    for row in now.rows:
        match = next(r for r in earlier.rows if fold(r.label) == fold(row.label))
        assert row.previous == match.done
        assert row.change == row.done - match.done  # type: ignore[operator]


def test_a_unit_twice_or_from_another_province_is_refused(sent: tuple[list[Path], list[Typed]],
                                                         tmp_path: Path) -> None:
    paths = sent[0]
    with pytest.raises(ReportInputError, match="Hai báo cáo của cùng đơn vị"):
        consolidate([read_unit_report(p, "Đồng Tháp") for p in (paths[0], paths[0])], communes("Đồng Tháp"), DUE)
    stranger = tmp_path / "khac-tinh.docx"
    stranger.write_bytes(clerk_report(resolve_unit("xã Tà Xùa", "Sơn La"), dt.date(2026, 4, 9), []))
    with pytest.raises(ReportInputError, match="là của “xã Tà Xùa”, không thuộc Đồng Tháp"):
        consolidate([read_unit_report(stranger, "Đồng Tháp")], communes("Đồng Tháp"), DUE, province="Đồng Tháp")
    unknown = tmp_path / "khong-ro.docx"  # "xã Xuân Lộc" is in Hà Tĩnh, Đồng Nai …, none of them Đồng Tháp
    unknown.write_bytes(clerk_report(resolve_unit("xã Xuân Lộc", "Đồng Nai"), dt.date(2026, 4, 9), []))
    with pytest.raises(ReportInputError, match="Không nhận ra đơn vị gửi báo cáo .*Ủy ban nhân dân xã Xuân Lộc"):
        consolidate([read_unit_report(unknown, "Đồng Tháp")], communes("Đồng Tháp"), DUE, province="Đồng Tháp")


def test_cli_consolidates_and_refuses_nothing_to_do(sent: tuple[list[Path], list[Typed]], tmp_path: Path) -> None:
    target = tmp_path / "tong-hop.docx"
    run = subprocess.run([sys.executable, "-m", "drafting.cli", "consolidate", *map(str, sent[0]),
                          "--plan", str(PARENT), "--period", "quý I/2026", "--due", "2026-04-10", "-o", str(target)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert f"tổng hợp {TOOLKIT_UNITS + 2} báo cáo" in run.stdout and "2 gửi muộn" in run.stdout
    assert parse_file(target).meta.doc_type == "BÁO CÁO"
    empty = subprocess.run([sys.executable, "-m", "drafting.cli", "consolidate", "--plan", str(PARENT), "--period",
                            "quý I/2026", "-o", str(tmp_path / "x.docx")], capture_output=True, text=True)
    assert empty.returncode == 1 and "Không có báo cáo nào để tổng hợp" in empty.stderr
    assert not (tmp_path / "x.docx").exists()


def test_the_province_and_the_report_day_are_the_plans(parent: Plan) -> None:
    assert province_of(parent) == "Đồng Tháp"
    # "… báo cáo kết quả … trước ngày 20/11": the yearly report's day; a quarter's report has none in this plan
    assert report_due(parent, period_for(parent, "năm 2026")) == dt.date(2026, 11, 20)
    assert report_due(parent, period_for(parent, "quý I/2026")) is None


# --- real reports ------------------------------------------------------------------------------------------

def test_the_real_cchc_statistics_form_reads_into_figures() -> None:
    """Lâm Đồng's yearly CCHC report: the ministry's statistics form over nine tables, one per field."""
    report = read_unit_report(CORPUS / "realdocx" / "vbai_BC_CCHC_nam2025_LamDong.docx", None)
    by_label = {figure.label: figure for figure in report.figures}
    assert by_label["Số văn bản chỉ đạo CCHC đã ban hành (Kết luận, chỉ thị, công văn chỉ đạo, quán triệt)"].done \
        == 82
    assert by_label["Tổng số VBQPPL do địa phương ban hành"].done == 249
    assert by_label["Số VBQPPL do cấp tỉnh ban hành"].done == 174
    assert by_label["Số hồ sơ TTHC giải quyết đúng hạn"].done == 467565
    assert by_label["Tỷ lệ hồ sơ trực tuyến toàn trình"].measure == "%"
    assert report.problems == [] and report.issuer == "Ủy ban nhân dân tỉnh Lâm Đồng"


PHU_MY_BAC = CORPUS / "realdocx" / "pmb_BC_thang6_2026_PhongVHXH_xaPhuMyBac.docx"


def test_a_real_commune_report_gives_its_indicators() -> None:
    """xã Phù Mỹ Bắc's monthly report, Bảng 01 (khám bệnh, chữa bệnh): a ditto mark repeats the unit above, a
    "Trong đó" line under two items is told by the item it details."""
    figures = {f.label: f for f in read_unit_report(PHU_MY_BAC, None).figures}
    assert (figures["Số lượt người khám bệnh"].measure, figures["Số lượt người khám bệnh"].done) == ("Lượt", 119)
    assert (figures["- Người ≥ 60 tuổi"].measure, figures["- Người ≥ 60 tuổi"].done) == ("Lượt", 77)
    assert figures["Trong đó: Có bệnh án ngoại trú"].done == 4
    assert figures["Tổng số ngày điều trị bệnh nhân ngoại trú / Trong đó: Có bệnh án ngoại trú"].measure == "Ngày"
    assert figures["Tổng số ngày điều trị bệnh nhân ngoại trú"].done == 30


def test_a_real_table_with_units_as_rows_gives_its_total_row() -> None:
    """The same report's food-safety table: one row per health station and a "Tổng" row."""
    tables = figure_tables(read_docx_tables(PHU_MY_BAC.read_bytes(), str(PHU_MY_BAC)))
    stations = [table for table in tables if any(row.label.startswith("TYT PM Bắc") for row in table.rows)]
    figures, problems = figures_of(stations)
    assert {f.label: f.done for f in figures} == {"Tỉnh quản lý": 7, "Xã quản lý": 56, "Đã ký cam kết": 47,
                                                  "Đã cấp chứng nhận": 58}
    assert problems == []


def test_a_report_without_figures_is_said_so() -> None:
    report = read_unit_report(CORPUS / "realdocx" / "vbai_BC_quanly_hoi_2025.docx", None)
    assert report.figures == [] and report.problems == ["không thấy bảng số liệu (cần cột chỉ tiêu và cột thực hiện)"]
