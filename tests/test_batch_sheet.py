"""The clerk's workbook of a batch (--sheet-template, --data): its columns, every draft filled from its row, and
each kind of bad sheet said with sheet, row and column, nothing written. PDFs in one LibreOffice process."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from drafting.batch import batch, sheet_template
from drafting.batch.skeleton import Settings
from drafting.check import check_docx
from drafting.cli import main
from drafting.units import communes

from conftest import WILD

PARENT = next(path for path in WILD if path.name == "192068354fd1ffe5.md")
PROVINCE = "Lai Châu"
SETTINGS = Settings()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sheet") / "mau.xlsx"
    result = CliRunner().invoke(main, ["batch", str(PARENT), "--province", PROVINCE, "--sheet-template", str(path)])
    assert result.exit_code == 0, result.output
    assert "38 đơn vị, 9 cột cần điền" in result.output
    return path


def _filled(template: Path, target: Path, cells: dict[str, object]) -> Path:
    book = load_workbook(template)
    sheet = book["Đơn vị"]
    for where, value in cells.items():
        sheet[where] = value
    book.save(target)
    return target


def _document(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode("utf-8")


def test_template_has_a_row_per_unit_and_a_column_per_value(template: Path) -> None:
    sheet = load_workbook(template)["Đơn vị"]
    headers = [cell.value for cell in sheet[1]]
    assert headers[:3] == ["Mã đơn vị", "Tên đơn vị", "Loại"]
    assert headers[3] == "Chỉ tiêu của đơn vị thay cho “10 sản phẩm” của cấp trên [chi_tieu_1]"
    assert headers[4] == "Chỉ tiêu của đơn vị thay cho “100 doanh nghiệp” của cấp trên [chi_tieu_2]"
    assert headers[7:11] == ["Người ký (họ và tên)", "Chức vụ người ký (CHỦ TỊCH hoặc PHÓ CHỦ TỊCH)",
                            "Số văn bản (chỉ chữ số, để trống nếu chưa có)",
                            "Ngày ký (ngày/tháng/năm, để trống nếu chưa ký)"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[1], row[2]) for row in rows] == [(u.code, u.full, u.kind) for u in communes(PROVINCE)]


def test_every_draft_filled_from_its_row(template: Path, tmp_path: Path) -> None:
    data = _filled(template, tmp_path / "so-lieu.xlsx", {
        "D2": 1200, "E2": "2.500", "F2": 300, "G2": 8, "H2": "Lò Văn Ánh", "I2": "phó chủ tịch", "J2": "7",
        "K2": "05/03/2026", "D3": 15, "H3": "Tòng Thị Én & Cộng sự", "M1": "Ghi chú",
    })
    units = communes(PROVINCE)
    result, notes = batch(PARENT, units, tmp_path / "out", SETTINGS, data=data, jobs=1)
    assert notes == ["trang “Đơn vị”, dòng 1, cột M: không biết cột “Ghi chú” (cột này bị bỏ qua)."]
    first, second, third = result.entries[:3]
    xml = _document(tmp_path / "out" / first.file)
    assert ">1.200</w:t>" in xml and "2.500" in xml and "Lò Văn Ánh" in xml and "KT. CHỦ TỊCH" in xml
    assert "Số: 07/KH-UBND" in xml and "ngày 05 tháng 3 năm 2026" in xml
    assert "yellow" not in xml  # every placeholder filled: nothing left highlighted
    assert first.left == []
    assert check_docx(tmp_path / "out" / first.file).ok
    assert "Tòng Thị Én &amp; Cộng sự" in _document(tmp_path / "out" / second.file)
    assert second.left == ["chi_tieu_2", "chi_tieu_3", "chi_tieu_4", "so", "ngay"]
    # a unit the sheet leaves empty
    assert third.left == ["chi_tieu_1", "chi_tieu_2", "chi_tieu_3", "chi_tieu_4", "nguoi_ky", "so", "ngay"]
    assert "[100]" in _document(tmp_path / "out" / third.file)  # its blank keeps the parent's figure, highlighted


def test_a_csv_sheet_fills_by_name(tmp_path: Path) -> None:
    data = tmp_path / "so-lieu.csv"
    data.write_text("Tên đơn vị;Người ký (họ và tên);Số văn bản\nxã Mường Kim;Lò Văn Ánh;12\n", encoding="utf-8-sig")
    units = communes(PROVINCE)[:2]
    result, _ = batch(PARENT, units, tmp_path / "out", SETTINGS, data=data, jobs=1)
    xml = _document(tmp_path / "out" / result.entries[0].file)
    assert "Lò Văn Ánh" in xml and "Số: 12/KH-UBND" in xml


@pytest.mark.parametrize("cells, expected", [
    ({"D4": "nhiều"}, "trang “Đơn vị”, dòng 4, cột D (Chỉ tiêu của đơn vị thay cho “10 sản phẩm” của cấp trên […): "
                      "“nhiều” không phải một con số"),
    ({"J5": "số 7"}, "dòng 5, cột J (Số văn bản (chỉ chữ số, để trống nếu chưa có)): “số 7” không phải số văn bản"),
    ({"K6": "31/02/2026"}, "dòng 6, cột K (Ngày ký (ngày/tháng/năm, để trống nếu chưa ký)): “31/02/2026” không phải "
                           "một ngày có thật"),
    ({"I2": "Bí thư"}, "dòng 2, cột I (Chức vụ người ký (CHỦ TỊCH hoặc PHÓ CHỦ TỊCH)): “Bí thư” không phải chức vụ"),
    ({"L2": "../../x"}, "dòng 2, cột L (Tên tệp (để trống: tự đặt theo tên đơn vị)): “../../x” không dùng làm tên tệp "
                        "được (có dấu / hoặc \\ hay “..”"),
    ({"A40": 3637, "B40": "xã Mường Kim"}, "trang “Đơn vị”, dòng 40: xã Mường Kim đã có ở dòng 2."),
    ({"B41": "xã Ninh Hải"}, "dòng 41, cột B: “xã Ninh Hải” không phải đơn vị nào trong danh sách đang soạn"),
    ({"A42": 99999}, "dòng 42, cột A: “99999” không phải đơn vị nào"),
    ({"A2": None, "B2": None, "H2": "Lò Văn Ánh"}, "dòng 2: dòng có số liệu nhưng không có mã hay tên đơn vị."),
    ({"A1": "x", "B1": "y"}, "trang “Đơn vị”, dòng 1: thiếu dòng tiêu đề"),
])
def test_bad_sheets_are_said_and_nothing_is_written(template: Path, tmp_path: Path, cells: dict[str, object],
                                                   expected: str) -> None:
    data = _filled(template, tmp_path / "so-lieu.xlsx", cells)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(PARENT), "--province", PROVINCE, "--data", str(data),
                                       "-o", str(out)])
    assert result.exit_code == 1
    assert expected in result.output, result.output
    assert "chưa soạn tệp nào" in result.output
    assert not out.exists()


@pytest.mark.parametrize("content, expected", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "được đặt mật khẩu hoặc là định dạng Excel cũ"),
    (b"PK\x03\x04 not really a workbook", "không phải bảng tính Excel (.xlsx) đọc được"),
])
def test_locked_or_corrupt_workbooks(tmp_path: Path, content: bytes, expected: str) -> None:
    data = tmp_path / "so-lieu.xlsx"
    data.write_bytes(content)
    result = CliRunner().invoke(main, ["batch", str(PARENT), "--province", PROVINCE, "--data", str(data),
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and expected in result.output
    assert not (tmp_path / "out").exists()


def test_a_sheet_of_another_layout_without_header(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append([3637, "xã Mường Kim", "Lò Văn Ánh"])
    book.save(tmp_path / "so-lieu.xlsx")
    result = CliRunner().invoke(main, ["batch", str(PARENT), "--province", PROVINCE, "--data",
                                       str(tmp_path / "so-lieu.xlsx"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "dòng 1: thiếu dòng tiêu đề" in result.output


def test_the_template_is_also_built_through_the_api(tmp_path: Path) -> None:
    columns = sheet_template(PARENT, communes(PROVINCE)[:3], tmp_path / "mau.xlsx", SETTINGS)
    assert columns == 9  # four figures of the parent the commune sets, then signer, position, number, date, file
    assert load_workbook(tmp_path / "mau.xlsx").sheetnames == ["Đơn vị", "Hướng dẫn"]


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
def test_pdfs_in_one_libreoffice_process(tmp_path: Path) -> None:
    units = communes(PROVINCE)[:2]
    result, _ = batch(PARENT, units, tmp_path / "out", SETTINGS, jobs=1, pdf=True, make_zip=True)
    assert result.pdf_count == 2 and not result.pdf_failed
    for entry in result.entries:
        assert (tmp_path / "out" / entry.pdf).read_bytes().startswith(b"%PDF")
    with zipfile.ZipFile(result.zip_path) as archive:  # type: ignore[arg-type]
        assert sum(name.endswith(".pdf") for name in archive.namelist()) == 2
    again, _ = batch(PARENT, units, tmp_path / "out", SETTINGS, jobs=1, pdf=True)
    assert {entry.status for entry in again.entries} == {"up_to_date"} and again.pdf_seconds is None
