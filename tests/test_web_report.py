"""The page's "Báo cáo" tab (its API: /api/report/sheet, /api/report, /api/consolidate) on real corpus plans, with
Starlette's test client: the workbook to fill, the Báo cáo from the filled workbook (read back by `parse` as a
Báo cáo with the figures typed), the consolidation of units' reports with its counts; each the same as the CLI's;
a bad workbook, a bad period, a unit twice get the CLI's Vietnamese message and a 4xx; the token and the cap hold."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import docx
import pytest
from click.testing import CliRunner
from consolidate_fixtures import toolkit_report
from openpyxl import load_workbook
from starlette.testclient import TestClient

from drafting.api import parse_file
from drafting.cli import main
from drafting.report import plan_items
from drafting.units import communes
from drafting.web import create_app
from drafting.web import reports as web_reports

from corpus import CORPUS

FRONT_PLAN = CORPUS / "realdocx" / "lm_KH_hiepthuong_25-11_MTTQ_xa_LuongMinh.docx"  # a commune Front's real plan
PROVINCE_PLAN = CORPUS / "wild" / "f069c23c942c1ec6.md"  # Đồng Nai 182/KH-UBND, phòng, chống ma túy đến năm 2030
QUARTER = "quý I/2026"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app()) as test_client:
        yield test_client


def _upload(path: Path, field: str = "file") -> tuple[str, tuple[str, bytes]]:
    return field, (path.name, path.read_bytes())


def _paragraphs(data: bytes) -> list[str]:
    return [paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs]


def _sheet(client: TestClient, plan: Path, period: str | None = None) -> tuple[bytes, dict[str, str]]:
    response = client.post("/api/report/sheet", files=[_upload(plan)], data={"period": period} if period else {})
    assert response.status_code == 200, response.text
    return response.content, dict(response.headers)


def _filled(template: bytes, done: dict[int, object], status: str = "Hoàn thành") -> bytes:
    """The workbook as a clerk fills it: "Thực hiện" figures by row, every task given ``status``."""
    book = load_workbook(io.BytesIO(template))
    for row, value in done.items():
        book["Chỉ tiêu"].cell(row=row, column=6).value = value
    for row in book["Nhiệm vụ"].iter_rows(min_row=2):
        row[5].value = status
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- the page -----------------------------------------------------------------------------------------------------


def test_the_page_has_the_report_tab(client: TestClient) -> None:
    page = client.get("/").text
    for words in ('id="tab-report"', ">Báo cáo<", 'id="report-form"', 'id="report-sheet-link"', 'name="period"',
                  "quý I/2026", 'id="consolidate-form"', 'name="reports"', "multiple"):
        assert words in page
    assert "https://" not in page and "api/report?format=json" in client.get("/static/app.js").text


# --- the workbook to fill -------------------------------------------------------------------------------------------


def test_the_sheet_is_the_clis_sheet(client: TestClient, tmp_path: Path) -> None:
    data, headers = _sheet(client, PROVINCE_PLAN, QUARTER)
    items = plan_items(parse_file(PROVINCE_PLAN))
    assert (int(headers["x-targets"]), int(headers["x-tasks"])) == (len(items.targets), len(items.tasks)) == (16, 13)
    disposition = headers["content-disposition"]
    assert 'filename="so-lieu-bao-cao-quy-i-nam-2026.xlsx"' in disposition
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == "Số liệu báo cáo quý I năm 2026.xlsx"
    cli_sheet = tmp_path / "cli.xlsx"
    run = CliRunner().invoke(main, ["report", str(PROVINCE_PLAN), "--sheet-template", "--period", QUARTER,
                                    "-o", str(cli_sheet)])
    assert run.exit_code == 0, run.output
    web, cli = load_workbook(io.BytesIO(data)), load_workbook(cli_sheet)
    assert web.sheetnames == cli.sheetnames
    for name in web.sheetnames:
        assert list(web[name].iter_rows(values_only=True)) == list(cli[name].iter_rows(values_only=True))


def test_the_sheet_without_a_period(client: TestClient) -> None:
    data, headers = _sheet(client, FRONT_PLAN)
    assert (headers["x-targets"], headers["x-tasks"]) == ("0", "5")  # the Front's plan sets no figure, five tasks
    assert 'filename="so-lieu-bao-cao.xlsx"' in headers["content-disposition"]
    assert load_workbook(io.BytesIO(data))["Nhiệm vụ"]["C2"].value == "Hội nghị hiệp thương lần thứ nhất"


# --- the Báo cáo ----------------------------------------------------------------------------------------------------


def test_a_filled_sheet_gives_a_bao_cao_with_its_figures(client: TestClient, tmp_path: Path) -> None:
    template, _ = _sheet(client, PROVINCE_PLAN, QUARTER)
    typed = {2: 30, 3: "95", 4: "100%", 5: "12,5"}
    filled = _filled(template, typed)
    fields = {"period": QUARTER, "number": "15", "date": "2026-04-03", "signer": "Nguyễn Văn An"}
    response = client.post("/api/report", files=[_upload(PROVINCE_PLAN), ("data", ("so-lieu.xlsx", filled))],
                           data=fields)
    assert response.status_code == 200, response.text
    assert 'filename="bao-cao-quy-i-nam-2026.docx"' in response.headers["content-disposition"]
    written = tmp_path / "web.docx"
    written.write_bytes(response.content)
    back = parse_file(written)
    assert back.meta.doc_type == "BÁO CÁO" and back.meta.number == "15" and back.meta.date == "2026-04-03"
    assert back.meta.issuer == "Ủy ban nhân dân tỉnh Đồng Nai"
    table = next(t for s in back.all_sections() for t in s.tables if t[0][0] == "STT" and "Tỷ lệ (%)" in t[0])
    assert [row[4] for row in table[1:5]] == ["30", "95", "100", "12,5"]
    assert all(len(row) < 5 or not row[4] for row in table[5:]) and len(table) == 17  # the rest left blank
    assert table[1][5] == "60"  # 30 done of 50 planned: the rate computed, never typed

    sheet = tmp_path / "so-lieu.xlsx"
    sheet.write_bytes(filled)
    cli_file = tmp_path / "cli.docx"
    run = CliRunner().invoke(main, ["report", str(PROVINCE_PLAN), "--period", QUARTER, "--data", str(sheet),
                                    "--number", "15", "--date", "2026-04-03", "--signer", "Nguyễn Văn An",
                                    "-o", str(cli_file)])
    assert run.exit_code == 0, run.output
    assert _paragraphs(response.content) == _paragraphs(cli_file.read_bytes())

    explained = client.post("/api/report?format=json", files=[_upload(PROVINCE_PLAN),
                                                              ("data", ("so-lieu.xlsx", filled))], data=fields)
    data = explained.json()
    assert data["period"] == "quý I năm 2026" and data["unit"] == "Ủy ban nhân dân tỉnh Đồng Nai"
    assert data["data"] == "so-lieu.xlsx" and data["file_name"] == "Báo cáo quý I năm 2026.docx"
    cli_todo = run.output.split("Còn phải điền hoặc kiểm tra:\n")[1].splitlines()
    assert [f"  - {line}" for line in data["todo"]] == cli_todo
    assert "kien_nghi" in data["placeholders"]
    assert _paragraphs(base64.b64decode(data["file_base64"])) == _paragraphs(response.content)


def test_the_front_plans_report_tells_its_tasks_results(client: TestClient) -> None:
    template, _ = _sheet(client, FRONT_PLAN)
    book = load_workbook(io.BytesIO(template))
    book["Nhiệm vụ"]["F2"].value = "Hoàn thành"
    book["Nhiệm vụ"]["G2"].value = "Đã tổ chức Hội nghị hiệp thương lần thứ nhất ngày 08/12/2025"
    filled = io.BytesIO()
    book.save(filled)
    response = client.post("/api/report?format=json", files=[_upload(FRONT_PLAN),
                                                             ("data", ("so lieu MTTQ.xlsx", filled.getvalue()))],
                           data={"period": "tháng 12/2025"})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["unit"].startswith("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh")
    assert "Đã tổ chức Hội nghị hiệp thương lần thứ nhất ngày 08/12/2025." in \
        _paragraphs(base64.b64decode(data["file_base64"]))
    without = client.post("/api/report?format=json", files=[_upload(FRONT_PLAN)], data={"period": "tháng 12/2025"})
    assert any("--sheet-template" in line for line in without.json()["todo"])  # no workbook: results to fill


# --- bad input ------------------------------------------------------------------------------------------------------


def _cli_error(args: list[str]) -> str:
    run = CliRunner().invoke(main, args)
    assert run.exit_code == 1, run.output
    return run.output.strip()


def test_text_in_a_number_column_is_named_by_sheet_row_and_column(client: TestClient, tmp_path: Path) -> None:
    template, _ = _sheet(client, PROVINCE_PLAN, QUARTER)
    spoiled = _filled(template, {2: 30, 3: "khoảng 95"})
    response = client.post("/api/report", files=[_upload(PROVINCE_PLAN), ("data", ("Số liệu xã.xlsx", spoiled))],
                           data={"period": QUARTER})
    assert response.status_code == 400
    said = response.json()["error"]
    assert said.startswith("Lỗi: Bảng số liệu “Số liệu xã.xlsx” có 1 lỗi, chưa soạn báo cáo")
    assert "trang “Chỉ tiêu”, hàng 3, cột “Thực hiện”: “khoảng 95” không phải số" in said
    sheet = tmp_path / "Số liệu xã.xlsx"
    sheet.write_bytes(spoiled)
    cli = _cli_error(["report", str(PROVINCE_PLAN), "--period", QUARTER, "--data", str(sheet), "-o",
                      str(tmp_path / "x.docx")])
    assert said == cli.replace(str(sheet), sheet.name)


@pytest.mark.parametrize(("fields", "files", "status", "words"), [
    ({}, [], 400, "Thiếu kỳ báo cáo: hãy viết kỳ báo cáo, ví dụ “quý I/2026”"),
    ({"period": "quý 7/2026"}, [], 400, "Lỗi: Không hiểu kỳ báo cáo “quý 7/2026”"),
    ({"period": "quý I/2040"}, [], 400, "nằm ngoài thời gian của kế hoạch"),
    ({"period": QUARTER, "date": "2026-02-30"}, [], 400, "không phải một ngày có thật"),
    ({"period": QUARTER}, [("data", ("so-lieu.xlsx", b"PK\x03\x04 not a workbook"))], 400,
     "Lỗi: Không mở được bảng số liệu “so-lieu.xlsx”"),
    ({"period": QUARTER}, [("data", ("so-lieu.xlsx", PROVINCE_PLAN.read_bytes()[:0]))], 400, "rỗng"),
])
def test_bad_fields_and_sheets_are_refused_in_vietnamese(client: TestClient, fields: dict[str, str],
                                                         files: list[tuple[str, tuple[str, bytes]]], status: int,
                                                         words: str) -> None:
    response = client.post("/api/report", files=[_upload(PROVINCE_PLAN), *files], data=fields)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]


def test_a_sheet_for_another_plan_and_a_missing_plan(client: TestClient) -> None:
    other, _ = _sheet(client, FRONT_PLAN)
    response = client.post("/api/report", files=[_upload(PROVINCE_PLAN), ("data", ("mttq.xlsx", other))],
                           data={"period": QUARTER})
    assert response.status_code == 400 and "được tạo cho kế hoạch khác" in response.json()["error"]
    missing = client.post("/api/report/sheet", files=[("data", ("so-lieu.xlsx", other))])
    assert missing.status_code == 400 and "Thiếu tệp “file”" in missing.json()["error"]
    broken = client.post("/api/report/sheet", files=[("file", ("ke-hoach.docx", b"not a zip"))])
    assert broken.status_code == 400 and broken.json()["error"].startswith("Lỗi: Tệp “ke-hoach.docx”")


# --- consolidation --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def unit_reports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Three Đồng Nai units' reports made by the toolkit on the province's plan; the third sent after 10/04."""
    folder = tmp_path_factory.mktemp("unit-reports")
    parent = parse_file(PROVINCE_PLAN)
    # ranks 0, 1, 3: the fixture's rank 2 types a done figure below zero, which no chart draws
    return [toolkit_report(parent, unit, rank, "2026-04-08" if rank < 2 else "2026-04-14", folder)[0]
            for rank, unit in zip((0, 1, 3), communes("Đồng Nai")[:3], strict=True)]


def _consolidation(reports: list[Path]) -> list[tuple[str, tuple[str, bytes]]]:
    return [*(_upload(path, "reports") for path in reports), _upload(PROVINCE_PLAN, "plan")]


def test_consolidation_counts_and_docx(client: TestClient, unit_reports: list[Path], tmp_path: Path) -> None:
    fields = {"period": QUARTER, "due": "2026-04-10"}
    response = client.post("/api/consolidate?format=json", files=_consolidation(unit_reports), data=fields)
    assert response.status_code == 200, response.text
    data = response.json()
    expected = len(communes("Đồng Nai"))
    assert (data["reported"], data["late"], data["missing"], data["expected"]) == (3, 1, expected - 3, expected)
    assert data["due"] == "2026-04-10" and data["units"]["late"] == [communes("Đồng Nai")[2].full]
    assert data["file_name"] == "Báo cáo tổng hợp quý I năm 2026.docx" and data["indicators"] > 0
    made = base64.b64decode(data["file_base64"])
    written = tmp_path / "tong-hop.docx"
    written.write_bytes(made)
    assert parse_file(written).meta.doc_type == "BÁO CÁO"
    cli_file = tmp_path / "cli.docx"
    run = CliRunner().invoke(main, ["consolidate", *map(str, unit_reports), "--plan", str(PROVINCE_PLAN),
                                    "--period", QUARTER, "--due", "2026-04-10", "-o", str(cli_file)])
    assert run.exit_code == 0, run.output
    assert f"tổng hợp 3 báo cáo ({expected - 3} đơn vị chưa báo cáo, 1 gửi muộn)" in run.output
    assert _paragraphs(made) == _paragraphs(cli_file.read_bytes())
    plain = client.post("/api/consolidate", files=_consolidation(unit_reports), data=fields)
    assert plain.status_code == 200 and 'filename="bao-cao-tong-hop-quy-i-nam-2026.docx"' in \
        plain.headers["content-disposition"]


def test_consolidation_refusals(client: TestClient, unit_reports: list[Path], monkeypatch: pytest.MonkeyPatch
                                ) -> None:
    twice = [*_consolidation(unit_reports), ("reports", ("ban-sao.docx", unit_reports[0].read_bytes()))]
    response = client.post("/api/consolidate", files=twice, data={"period": QUARTER})
    assert response.status_code == 400
    assert "Hai báo cáo của cùng đơn vị" in response.json()["error"]
    assert f"“{unit_reports[0].name}” và “ban-sao.docx”" in response.json()["error"]
    none = client.post("/api/consolidate", files=[_upload(PROVINCE_PLAN, "plan")], data={"period": QUARTER})
    assert none.status_code == 400 and "Không có báo cáo nào để tổng hợp" in none.json()["error"]
    no_plan = client.post("/api/consolidate", files=[_upload(unit_reports[0], "reports")], data={"period": QUARTER})
    assert no_plan.status_code == 400 and "Thiếu tệp “plan”" in no_plan.json()["error"]
    bad_due = client.post("/api/consolidate", files=_consolidation(unit_reports),
                          data={"period": QUARTER, "due": "10/04/2026"})
    assert bad_due.status_code == 400 and "YYYY-MM-DD" in bad_due.json()["error"]
    stranger = client.post("/api/consolidate", files=_consolidation(unit_reports),
                           data={"period": QUARTER, "province": "Tỉnh Không Có"})
    assert stranger.status_code == 422 and "Không tìm thấy tỉnh, thành phố “Tỉnh Không Có”" in \
        stranger.json()["error"]
    garbled = client.post("/api/consolidate", content=b"--x\r\nContent-Disposition: form-data\r\n\r\nabc\r\n--x--\r\n",
                          headers={"Content-Type": "multipart/form-data; boundary=x"})
    assert garbled.status_code == 400 and "multipart/form-data" in garbled.json()["error"]
    monkeypatch.setattr(web_reports, "MAX_REPORTS", 1)
    many = client.post("/api/consolidate", files=_consolidation(unit_reports), data={"period": QUARTER})
    assert many.status_code == 413 and "tối đa 1 báo cáo" in many.json()["error"]


# --- guards ---------------------------------------------------------------------------------------------------------


def test_token_and_cap_hold_for_the_report_tab() -> None:
    with TestClient(create_app(token="bi-mat-123")) as guarded:
        for url in ("/api/report/sheet", "/api/report", "/api/consolidate"):
            assert guarded.post(url, files=[_upload(FRONT_PLAN)]).status_code == 401
        allowed = guarded.post("/api/report/sheet", files=[_upload(FRONT_PLAN)], headers={"X-Token": "bi-mat-123"})
        assert allowed.status_code == 200
    with TestClient(create_app(max_upload=10_000)) as small:
        response = small.post("/api/report", files=[_upload(FRONT_PLAN)], data={"period": "tháng 12/2025"})
        assert response.status_code == 413 and "quá lớn" in response.json()["error"]

