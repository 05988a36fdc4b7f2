"""Bad input: one clear Vietnamese message naming the file, exit 2 (usage) or 1 (bad input), no traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafting.cli import main

from conftest import SEEDS


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["parse", *args])
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes else "")


def _assert_refused(path: Path, code: int, words: str) -> None:
    exit_code, output = _run(str(path))
    assert exit_code == code, output
    assert str(path) in output
    assert words in output
    assert "Traceback" not in output
    assert output.startswith("Lỗi: ")


def test_missing_file(tmp_path: Path) -> None:
    _assert_refused(tmp_path / "khong-co.docx", 2, "Không tìm thấy tệp")


def test_directory(tmp_path: Path) -> None:
    _assert_refused(tmp_path, 2, "là một thư mục")


def test_empty_file(tmp_path: Path) -> None:
    target = tmp_path / "rong.txt"
    target.write_bytes(b"")
    _assert_refused(target, 1, "rỗng")


def test_whitespace_only_file(tmp_path: Path) -> None:
    target = tmp_path / "trang.docx.txt"
    target.write_text("\n\n   \n", encoding="utf-8")
    _assert_refused(target, 1, "rỗng")


def test_corrupt_docx(tmp_path: Path) -> None:
    target = tmp_path / "hong.docx"
    target.write_bytes(b"PK\x03\x04 this is not really a zip file")
    _assert_refused(target, 1, "không phải tệp Word (.docx) hợp lệ")


def test_truncated_docx(tmp_path: Path, seed_docx: dict) -> None:
    data = seed_docx[(SEEDS[0].name, "manual")].read_bytes()
    target = tmp_path / "cut.docx"
    target.write_bytes(data[: len(data) // 2])
    _assert_refused(target, 1, "hợp lệ")


def test_zip_without_document_part(tmp_path: Path) -> None:
    target = tmp_path / "zip.docx"
    with zipfile.ZipFile(target, "w") as package:
        package.writestr("hello.txt", "xin chào")
    _assert_refused(target, 1, "word/document.xml")


def test_password_protected_docx(tmp_path: Path) -> None:
    """Word saves an encrypted .docx as an OLE compound file holding an EncryptedPackage stream."""
    target = tmp_path / "matkhau.docx"
    stream_name = "EncryptedPackage".encode("utf-16-le")
    target.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + stream_name + b"\x00" * 512)
    _assert_refused(target, 1, "mật khẩu")


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    target = tmp_path / "bomb.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\x00" * (1 << 20)
            for _ in range(260):  # 260 MB of zeros: a few hundred KB compressed
                member.write(chunk)
    target.write_bytes(buffer.getvalue())
    assert target.stat().st_size < 2_000_000
    _assert_refused(target, 1, "nghi là tệp nén độc hại")


def test_binary_file(tmp_path: Path) -> None:
    target = tmp_path / "anh.txt"
    target.write_bytes(bytes(range(256)) * 20)
    _assert_refused(target, 1, "không phải văn bản đọc được")


def test_executable_with_unknown_suffix(tmp_path: Path) -> None:
    target = tmp_path / "chuong-trinh.exe"
    target.write_bytes(b"MZ\x90\x00" + bytes(range(256)) * 4)
    _assert_refused(target, 1, "Không đọc được định dạng")


def test_text_without_plan_structure(tmp_path: Path) -> None:
    target = tmp_path / "thu.txt"
    target.write_text("Chào anh,\nHẹn gặp lại vào thứ Hai tuần sau để bàn công việc.\n", encoding="utf-8")
    _assert_refused(target, 1, "không có cấu trúc của một văn bản hành chính")


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    target = tmp_path / "scan.pdf"
    with target.open("wb") as handle:
        writer.write(handle)
    _assert_refused(target, 1, "không có lớp chữ")


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--debug", "parse", str(tmp_path / "khong-co.txt")])
    assert result.exit_code != 0
    assert result.exception is not None


@pytest.mark.parametrize("fmt", ["outline", "json", "md"])
def test_good_file_exits_zero(fmt: str) -> None:
    exit_code, output = _run(str(SEEDS[2]), "--format", fmt)
    assert exit_code == 0
    assert "Kon Tum" in output
