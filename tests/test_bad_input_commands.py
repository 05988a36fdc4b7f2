"""Bad input for render, check, draft and entities (parse: test_bad_input.py).

The rule: one Vietnamese message starting with "Lỗi: " that names the file (or the unit, or the option)
and says what to do; exit 2 (usage) or 1 (bad input); no traceback without --debug; nothing written
when the command fails (no output, no "*.part" temporary, no new folder).

A case that breaks the rule today is kept as it should be and marked as a strict xfail whose reason
says what happens now: the fix turns it into a failure that asks for the mark to be removed.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import traceback
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result

from drafting.cli import main

from conftest import CORPUS, SEEDS

KON_TUM = SEEDS[2]  # 002: the Kon Tum provincial plan, a good parent
NINH_HAI = SEEDS[0]  # 000: a district plan without header, number or date
CONG_VAN = CORPUS / "realdocx" / "vbai2_017e1b83_Giao_CAT_HD_46_BCA.docx"  # a Công văn: no sections
PDF = CORPUS / "realdocx" / "pdf_vbai_QD_2536_UBND_LamDong.pdf"
TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "ke_hoach_tpl.docx"
EA_KAR = ["--unit", "xa ea kar", "--province", "dak lak"]
# What a clerk should never read: Python's exception names and messages, Jinja's and click's English.
ENGLISH = ("Traceback", "Error", "BadZipFile", "object has no attribute", "nexpected", "Usage:", "Invalid value")


# --- helpers -----------------------------------------------------------------------------------


def _invoke(*args: object) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


def _files(root: Path) -> list[str]:
    """Every file and folder under root: compared before and after a refused command."""
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*"))


def _crash(result: Result) -> str:
    """The last lines of the traceback CliRunner caught, or "" when the command exited by itself."""
    if result.exception is None or isinstance(result.exception, SystemExit):
        return ""
    return "".join(traceback.format_exception(result.exception)[-3:])


def _refused(tmp_path: Path, args: list[object], code: int, named: object, words: str = "") -> str:
    """Runs a command that must be refused; returns its output after checking the rule."""
    before = _files(tmp_path)
    result = _invoke(*args)
    output = result.output
    assert not _crash(result), _crash(result)
    assert result.exit_code == code, output
    assert output.startswith("Lỗi: "), output
    assert output.count("Lỗi: ") == 1, output
    assert str(named) in output, output
    assert words in output, output
    assert "Traceback" not in output
    assert _files(tmp_path) == before, "something was written although the command failed"
    return output


def _assert_vietnamese(output: str) -> None:
    for word in ENGLISH:
        assert word not in output, f"{word!r} in: {output}"


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def _zip_bomb(target: Path) -> Path:
    """260 MB of zeros in word/document.xml: a few hundred KB on disk (as in test_bad_input.py)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\x00" * (1 << 20)
            for _ in range(260):
                member.write(chunk)
    target.write_bytes(buffer.getvalue())
    assert target.stat().st_size < 2_000_000
    return target


@pytest.fixture(scope="module")
def plan_json(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The Kon Tum plan in its public JSON form, as `parse --format json` writes it."""
    result = _invoke("parse", KON_TUM, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _write_plan(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def broken_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clerk's copy of the Kế hoạch template with a paragraph "{{ broken" added at the end."""
    document = docx.Document(str(TEMPLATE))
    document.add_paragraph("{{ broken")
    target = tmp_path_factory.mktemp("templates") / "mau-cua-van-thu.docx"
    document.save(str(target))
    return target


# --- render: the plan file ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["khong-co.json", "khong-co.docx"])
def test_render_missing_plan(tmp_path: Path, name: str) -> None:
    _refused(tmp_path, ["render", tmp_path / name, "-o", tmp_path / "out.docx"], 2, tmp_path / name,
             "Không tìm thấy tệp")


def test_render_directory_as_plan(tmp_path: Path) -> None:
    folder = tmp_path / "ke-hoach"
    folder.mkdir()
    _refused(tmp_path, ["render", folder, "-o", tmp_path / "out.docx"], 2, folder, "là một thư mục")


def test_render_directory_named_json(tmp_path: Path) -> None:
    folder = tmp_path / "ke-hoach.json"
    folder.mkdir()
    _refused(tmp_path, ["render", folder, "-o", tmp_path / "out.docx"], 2, folder, "là một thư mục")


@pytest.mark.parametrize("text", ['{"title": "Kế hoạch"}', "[1, 2, 3]", '"chỉ là một chuỗi"'],
                         ids=["object", "list", "string"])
def test_render_json_that_is_not_a_plan(tmp_path: Path, text: str) -> None:
    source = tmp_path / "khong-phai-ke-hoach.json"
    source.write_text(text, encoding="utf-8")
    _refused(tmp_path, ["render", source, "-o", tmp_path / "out.docx"], 1, source,
             "không phải JSON của một kế hoạch")


def test_render_json_syntax_error_names_the_line(tmp_path: Path) -> None:
    source = tmp_path / "hong.json"
    source.write_text('{\n  "schema": "drafting.plan/1",\n  "meta": {oops}\n}\n', encoding="utf-8")
    _refused(tmp_path, ["render", source, "-o", tmp_path / "out.docx"], 1, source, "dòng 3")


def test_render_plan_with_a_field_of_the_wrong_type(tmp_path: Path, plan_json: dict) -> None:
    source = _write_plan(tmp_path / "sai-kieu.json", {**plan_json, "sections": "x"})
    _refused(tmp_path, ["render", source, "-o", tmp_path / "out.docx"], 1, source,
             "không phải JSON của một kế hoạch")


def test_render_plan_with_a_field_of_the_wrong_type_names_the_key(tmp_path: Path, plan_json: dict) -> None:
    source = _write_plan(tmp_path / "sai-kieu.json", {**plan_json, "sections": "x"})
    output = _refused(tmp_path, ["render", source, "-o", tmp_path / "out.docx"], 1, source)
    assert "sections" in output
    _assert_vietnamese(output)


def _latin1_plan(tmp_path: Path, plan_json: dict) -> tuple[Path, int]:
    """The plan's JSON with one line in Windows-1252 (as a clerk's editor may save it): file, line."""
    lines = json.dumps(plan_json, ensure_ascii=False, indent=2).split("\n")
    number = next(index for index, line in enumerate(lines, 1) if '"title"' in line)
    lines[number - 1] = '  "note": "b\u00e1o c\u00e1o",'
    data = "\n".join(lines).encode("utf-8")
    data = data.replace("b\u00e1o c\u00e1o".encode(), "b\u00e1o c\u00e1o".encode("cp1252"))
    source = tmp_path / "sai-ma.json"
    source.write_bytes(data)
    return source, number


def test_render_json_not_in_utf8(tmp_path: Path, plan_json: dict) -> None:
    source, _ = _latin1_plan(tmp_path, plan_json)
    _refused(tmp_path, ["render", source, "-o", tmp_path / "out.docx"], 1, source)


def test_render_json_not_in_utf8_says_save_as_utf8(tmp_path: Path, plan_json: dict) -> None:
    source, number = _latin1_plan(tmp_path, plan_json)
    output = _refused(tmp_path, ["render", source, "-o", tmp_path / "out.docx"], 1, source)
    assert f"dòng {number}" in output
    assert "UTF-8" in output
    _assert_vietnamese(output)


# --- render: the template ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["mau.txt", "mau.docx"])
def test_render_template_that_is_not_a_docx(tmp_path: Path, name: str) -> None:
    template = tmp_path / name
    template.write_text("Đây không phải là mẫu Word.", encoding="utf-8")
    _refused(tmp_path, ["render", KON_TUM, "-o", tmp_path / "out.docx", "--template", template], 1, template,
             "không mở được")


def test_render_template_with_a_broken_tag(tmp_path: Path, broken_template: Path) -> None:
    _refused(tmp_path, ["render", KON_TUM, "-o", tmp_path / "out.docx", "--template", broken_template], 1,
             broken_template, "có thẻ sai")


@pytest.mark.xfail(strict=True, reason="the detail is Jinja's “unexpected '/'” (the XML after the tag): the "
                                       "paragraph “{{ broken” is not quoted, so the clerk cannot find it")
def test_render_template_with_a_broken_tag_quotes_it(tmp_path: Path, broken_template: Path) -> None:
    output = _refused(tmp_path, ["render", KON_TUM, "-o", tmp_path / "out.docx", "--template", broken_template],
                      1, broken_template, "có thẻ sai")
    assert "{{ broken" in output
    _assert_vietnamese(output)


def test_render_failure_keeps_the_previous_output(tmp_path: Path, broken_template: Path) -> None:
    """Rendering again over last week's file with a broken template leaves that file as it was."""
    previous = tmp_path / "ke-hoach.docx"
    assert _invoke("render", KON_TUM, "-o", previous).exit_code == 0
    before = previous.read_bytes()
    _refused(tmp_path, ["render", KON_TUM, "-o", previous, "--template", broken_template], 1, broken_template)
    assert previous.read_bytes() == before


# --- render: where the output goes -------------------------------------------------------------


def test_render_output_into_a_new_folder_creates_it(tmp_path: Path) -> None:
    """A clerk writing “-o 2026/thang-3/ke-hoach.docx” expects the folders to be made, as Word does not."""
    target = tmp_path / "2026" / "thang-3" / "ke-hoach.docx"
    result = _invoke("render", KON_TUM, "-o", target)
    assert result.exit_code == 0, result.output or _crash(result)
    assert target.is_file() and str(target) in result.output
    assert not list(tmp_path.rglob("*.part"))
    assert _invoke("parse", target).exit_code == 0


def test_render_failure_creates_no_folder(tmp_path: Path, broken_template: Path) -> None:
    target = tmp_path / "2026" / "ke-hoach.docx"
    _refused(tmp_path, ["render", KON_TUM, "-o", target, "--template", broken_template], 1, broken_template)
    assert not (tmp_path / "2026").exists()


def test_render_output_is_an_existing_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ke-hoach"
    folder.mkdir()
    _refused(tmp_path, ["render", KON_TUM, "-o", folder], 2, folder)
    assert folder.is_dir()


def test_render_output_under_a_file(tmp_path: Path) -> None:
    """“-o bao-cao.txt/ke-hoach.docx”: the folder of the output is an ordinary file."""
    plain = tmp_path / "bao-cao.txt"
    plain.write_text("x", encoding="utf-8")
    _refused(tmp_path, ["render", KON_TUM, "-o", plain / "ke-hoach.docx"], 2, plain)


def test_render_output_name_too_long(tmp_path: Path) -> None:
    """A Vietnamese title as file name passes 255 bytes quickly (most letters take 2–3 bytes in UTF-8)."""
    target = tmp_path / ("Kế hoạch triển khai thực hiện phong trào thi đua " * 5 + ".docx")
    assert len(target.name.encode()) > 255
    _refused(tmp_path, ["render", KON_TUM, "-o", target], 2, target)


def test_render_output_folder_not_writable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only folder (a shared drive, a CD). As root chmod does not stop writing, so the refusal
    the system would give is simulated where the temporary file is made."""
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        (folder / "probe").touch()
    except PermissionError:
        pass
    else:  # root: writable anyway
        (folder / "probe").unlink()
        real_mkstemp = tempfile.mkstemp

        def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
            if Path(str(kwargs.get("dir", ""))) == folder:
                raise PermissionError(13, "Permission denied", str(folder))
            return real_mkstemp(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

        monkeypatch.setattr(tempfile, "mkstemp", read_only)
    try:
        _refused(tmp_path, ["render", KON_TUM, "-o", folder / "ke-hoach.docx"], 2, folder / "ke-hoach.docx")
    finally:
        folder.chmod(0o755)


# --- check -------------------------------------------------------------------------------------


def _plain_text(tmp_path: Path) -> Path:
    target = tmp_path / "ke-hoach.txt"
    target.write_text(KON_TUM.read_text(encoding="utf-8"), encoding="utf-8")
    return target


NOT_WORD = {"txt": _plain_text, "markdown": lambda _: CORPUS / "wild" / "2957e4f4f0e41373.md", "pdf": lambda _: PDF}


@pytest.mark.parametrize("kind", sorted(NOT_WORD))
def test_check_a_file_that_is_not_word(tmp_path: Path, kind: str) -> None:
    source = NOT_WORD[kind](tmp_path)
    _refused(tmp_path, ["check", source], 1, source, ".docx")


@pytest.mark.parametrize("kind", sorted(NOT_WORD))
def test_check_a_file_that_is_not_word_says_check_takes_word(tmp_path: Path, kind: str) -> None:
    source = NOT_WORD[kind](tmp_path)
    output = _refused(tmp_path, ["check", source], 1, source, ".docx")
    assert "hỏng" not in output and "ZIP" not in output


def test_check_missing_file(tmp_path: Path) -> None:
    _refused(tmp_path, ["check", tmp_path / "khong-co.docx"], 2, tmp_path / "khong-co.docx", "Không tìm thấy tệp")


def test_check_directory(tmp_path: Path) -> None:
    _refused(tmp_path, ["check", tmp_path], 2, tmp_path, "là một thư mục")


def test_check_empty_file(tmp_path: Path) -> None:
    target = tmp_path / "rong.docx"
    target.write_bytes(b"")
    _refused(tmp_path, ["check", target], 1, target, "rỗng")


def test_check_corrupt_docx(tmp_path: Path) -> None:
    target = tmp_path / "hong.docx"
    target.write_bytes(b"PK\x03\x04 this is not really a zip file")
    _refused(tmp_path, ["check", target], 1, target, "không phải tệp Word (.docx) hợp lệ")


def test_check_truncated_docx(tmp_path: Path) -> None:
    target = tmp_path / "cat-doi.docx"
    data = CONG_VAN.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    _refused(tmp_path, ["check", target], 1, target, "hợp lệ")


def test_check_zip_without_document_part(tmp_path: Path) -> None:
    target = tmp_path / "zip.docx"
    with zipfile.ZipFile(target, "w") as package:
        package.writestr("hello.txt", "xin chào")
    _refused(tmp_path, ["check", target], 1, target, "word/document.xml")


def test_check_zip_bomb(tmp_path: Path) -> None:
    target = _zip_bomb(tmp_path / "bom.docx")
    _refused(tmp_path, ["check", target], 1, target, "nghi là tệp nén độc hại")


def test_check_password_protected_docx(tmp_path: Path) -> None:
    target = tmp_path / "mat-khau.docx"
    stream_name = "EncryptedPackage".encode("utf-16-le")
    target.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + stream_name + b"\x00" * 512)
    _refused(tmp_path, ["check", target], 1, target, "mật khẩu")


def test_check_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = _invoke("--debug", "check", tmp_path / "khong-co.docx")
    assert result.exit_code != 0
    assert result.exception is not None and not isinstance(result.exception, SystemExit)


# --- draft: the unit, the options --------------------------------------------------------------


@pytest.mark.parametrize(("unit", "province"), [("xã Không Có Thật", "Kon Tum"), ("xã Zzzyx", None)])
def test_draft_unknown_unit(tmp_path: Path, unit: str, province: str | None) -> None:
    where = ["--province", province] if province else []
    _refused(tmp_path, ["draft", KON_TUM, "--unit", unit, *where, "-o", tmp_path / "out.docx"], 2, unit,
             "Không tìm thấy")


def test_draft_ambiguous_unit(tmp_path: Path) -> None:
    output = _refused(tmp_path, ["draft", KON_TUM, "--unit", "xã Tân Thành", "-o", tmp_path / "out.docx",
                                 "--json", tmp_path / "out.json"], 2, "xã Tân Thành", "--province")
    assert "tỉnh Tây Ninh" in output  # the candidates are listed


def test_draft_unknown_province(tmp_path: Path) -> None:
    _refused(tmp_path, ["draft", KON_TUM, "--unit", "xã Ea Kar", "--province", "Tỉnh Mặt Trăng",
                        "-o", tmp_path / "out.docx"], 2, "Tỉnh Mặt Trăng", "Không tìm thấy tỉnh, thành phố")


def test_draft_commune_given_with_level_district(tmp_path: Path) -> None:
    output = _refused(tmp_path, ["draft", KON_TUM, "--level", "district", "--unit", "xã Ea Kar", "--province",
                                 "Đắk Lắk", "-o", tmp_path / "out.docx"], 2, "xã Ea Kar", "--level")
    assert "huyện xã" not in output


def test_draft_date_in_the_wrong_form(tmp_path: Path) -> None:
    output = _refused(tmp_path, ["draft", KON_TUM, *EA_KAR, "--date", "05/03/2026", "-o", tmp_path / "out.docx"],
                      2, "05/03/2026", "--date")
    _assert_vietnamese(output)


@pytest.mark.parametrize("day", ["2026-13-45", "2026-02-30"])
def test_draft_date_that_does_not_exist(tmp_path: Path, day: str) -> None:
    _refused(tmp_path, ["draft", KON_TUM, *EA_KAR, "--date", day, "-o", tmp_path / "out.docx"], 2, day, "--date")


def test_draft_quota_not_a_number(tmp_path: Path) -> None:
    output = _refused(tmp_path, ["draft", KON_TUM, *EA_KAR, "--quota", "a", "5", "-o", tmp_path / "out.docx"],
                      2, "--quota")
    _assert_vietnamese(output)


def test_draft_negative_days_earlier(tmp_path: Path) -> None:
    _refused(tmp_path, ["draft", KON_TUM, *EA_KAR, "--days-earlier", "-3", "-o", tmp_path / "out.docx"], 2,
             "--days-earlier")


def test_draft_with_a_broken_template(tmp_path: Path, broken_template: Path) -> None:
    _refused(tmp_path, ["draft", KON_TUM, *EA_KAR, "-o", tmp_path / "out.docx", "--json", tmp_path / "out.json",
                        "--template", broken_template], 1, broken_template, "có thẻ sai")


# --- draft: the --data file --------------------------------------------------------------------


def test_draft_data_missing(tmp_path: Path) -> None:
    values = tmp_path / "values.yaml"
    _refused(tmp_path, ["draft", KON_TUM, *EA_KAR, "--data", values, "-o", tmp_path / "out.docx"], 2, values,
             "Không tìm thấy tệp")


def test_draft_data_yaml_syntax_error(tmp_path: Path) -> None:
    values = tmp_path / "values.yaml"
    values.write_text("nguoi_ky: [Nguyễn Văn An\n  : :\n", encoding="utf-8")
    _refused(tmp_path, ["draft", KON_TUM, *EA_KAR, "--data", values, "-o", tmp_path / "out.docx"], 1, values,
             "khóa: giá trị")


def test_draft_data_not_a_mapping(tmp_path: Path) -> None:
    values = tmp_path / "values.yaml"
    values.write_text("- Nguyễn Văn An\n- 12\n", encoding="utf-8")
    _refused(tmp_path, ["draft", KON_TUM, *EA_KAR, "--data", values, "-o", tmp_path / "out.docx"], 1, values,
             "khóa: giá trị")


@pytest.mark.parametrize("kind", ["docx", "binary"])
def test_draft_data_not_a_text_file(tmp_path: Path, kind: str) -> None:
    """A clerk who keeps the values in Word or Excel passes that file as --data."""
    values = tmp_path / ("values.docx" if kind == "docx" else "values.yaml")
    values.write_bytes(CONG_VAN.read_bytes() if kind == "docx" else bytes(range(256)) * 4)
    _refused(tmp_path, ["draft", KON_TUM, *EA_KAR, "--data", values, "-o", tmp_path / "out.docx"], 1, values)


def test_draft_data_unknown_key_is_named(tmp_path: Path) -> None:
    """A typo in a key (nguoi_ki for nguoi_ky): the draft is still written, but the clerk is told."""
    values = tmp_path / "values.yaml"
    values.write_text("nguoi_ki: Nguyễn Văn An\n", encoding="utf-8")
    result = _invoke("draft", KON_TUM, *EA_KAR, "--data", values, "-o", tmp_path / "out.docx")
    assert result.exit_code == 0, result.output or _crash(result)
    assert (tmp_path / "out.docx").is_file()
    assert "nguoi_ki" in result.output


def test_draft_data_blank_value_stays_a_placeholder(tmp_path: Path) -> None:
    values = tmp_path / "values.yaml"
    values.write_text("nguoi_ky:\n", encoding="utf-8")
    result = _invoke("draft", KON_TUM, *EA_KAR, "--data", values, "-o", tmp_path / "out.docx")
    assert result.exit_code == 0, result.output or _crash(result)
    assert "None" not in _docx_text(tmp_path / "out.docx")
    assert "nguoi_ky" in result.output  # still to fill


# --- draft: the parent -------------------------------------------------------------------------


def test_draft_parent_missing(tmp_path: Path) -> None:
    parent = tmp_path / "ke-hoach-tinh.docx"
    _refused(tmp_path, ["draft", parent, *EA_KAR, "-o", tmp_path / "out.docx"], 2, parent, "Không tìm thấy tệp")


def test_draft_parent_directory(tmp_path: Path) -> None:
    _refused(tmp_path, ["draft", tmp_path, *EA_KAR, "-o", tmp_path / "out.docx"], 2, tmp_path, "là một thư mục")


def test_draft_parent_binary(tmp_path: Path) -> None:
    parent = tmp_path / "ke-hoach.txt"
    parent.write_bytes(bytes(range(256)) * 20)
    _refused(tmp_path, ["draft", parent, *EA_KAR, "-o", tmp_path / "out.docx"], 1, parent,
             "không phải văn bản đọc được")


def test_draft_parent_that_is_not_a_plan(tmp_path: Path) -> None:
    """A Công văn has no sections to carry down: a draft from it is empty, so it is refused."""
    _refused(tmp_path, ["draft", CONG_VAN, *EA_KAR, "-o", tmp_path / "out.docx", "--json", tmp_path / "out.json"],
             1, CONG_VAN)


def _draft_from_ninh_hai(tmp_path: Path) -> tuple[Result, dict]:
    out, plan = tmp_path / "ke-hoach.docx", tmp_path / "ke-hoach.json"
    result = _invoke("draft", NINH_HAI, "--unit", "xa ninh hai", "--province", "khanh hoa", "-o", out, "--json", plan)
    assert result.exit_code == 0, result.output or _crash(result)
    return result, json.loads(plan.read_text(encoding="utf-8"))


def test_draft_parent_without_number_or_date(tmp_path: Path) -> None:
    """Seed 000 has no header: no number, no date; its issuer comes from a sentence. Still a good parent."""
    result, plan = _draft_from_ninh_hai(tmp_path)
    assert plan["sections"] and plan["legal_bases"][0]["issuer"] == "Ủy ban nhân dân huyện Ninh Hải"
    assert "Traceback" not in result.output and not list(tmp_path.rglob("*.part"))
    assert _invoke("check", tmp_path / "ke-hoach.docx").exit_code == 0


def test_draft_parent_without_number_leaves_blanks_to_fill(tmp_path: Path) -> None:
    """Decree 30 cites a document by type, number, date and issuer: the blanks are left for the clerk."""
    _, plan = _draft_from_ninh_hai(tmp_path)
    basis = plan["legal_bases"][0]["text"]
    assert "Kế hoạch số …" in basis and "ngày …" in basis


# --- draft: where the output goes --------------------------------------------------------------


def test_draft_output_is_an_existing_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ke-hoach"
    folder.mkdir()
    _refused(tmp_path, ["draft", KON_TUM, *EA_KAR, "-o", folder], 2, folder)


def test_draft_json_output_is_an_existing_folder(tmp_path: Path) -> None:
    folder = tmp_path / "json"
    folder.mkdir()
    _refused(tmp_path, ["draft", KON_TUM, *EA_KAR, "-o", tmp_path / "out.docx", "--json", folder], 2, folder)


# --- entities ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_entities_missing_file(tmp_path: Path, fmt: str) -> None:
    _refused(tmp_path, ["entities", tmp_path / "khong-co.docx", "--format", fmt], 2, tmp_path / "khong-co.docx",
             "Không tìm thấy tệp")


def test_entities_directory(tmp_path: Path) -> None:
    _refused(tmp_path, ["entities", tmp_path], 2, tmp_path, "là một thư mục")


def test_entities_binary_file(tmp_path: Path) -> None:
    target = tmp_path / "anh.txt"
    target.write_bytes(bytes(range(256)) * 20)
    _refused(tmp_path, ["entities", target], 1, target, "không phải văn bản đọc được")


def test_entities_image(tmp_path: Path) -> None:
    target = tmp_path / "anh.png"
    target.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    _refused(tmp_path, ["entities", target], 1, target, "Không đọc được định dạng")


def test_entities_zip_bomb(tmp_path: Path) -> None:
    target = _zip_bomb(tmp_path / "bom.docx")
    _refused(tmp_path, ["entities", target], 1, target, "nghi là tệp nén độc hại")


# --- messages in Vietnamese, not Python's -------------------------------------------------------


def _json_syntax(tmp_path: Path) -> list[object]:
    source = tmp_path / "hong.json"
    source.write_text('{\n  "schema": "drafting.plan/1",\n  "meta": {oops}\n}\n', encoding="utf-8")
    return ["render", source, "-o", tmp_path / "out.docx"]


def _template_not_docx(tmp_path: Path) -> list[object]:
    template = tmp_path / "mau.docx"
    template.write_text("Đây không phải là mẫu Word.", encoding="utf-8")
    return ["render", KON_TUM, "-o", tmp_path / "out.docx", "--template", template]


def _yaml_syntax(tmp_path: Path) -> list[object]:
    values = tmp_path / "values.yaml"
    values.write_text("nguoi_ky: [Nguyễn Văn An\n  : :\n", encoding="utf-8")
    return ["draft", KON_TUM, *EA_KAR, "--data", values, "-o", tmp_path / "out.docx"]


ENGLISH_DETAIL = {
    "json-syntax": (_json_syntax, "“(dòng 3: JSONDecodeError)”"),
    "template-not-docx": (_template_not_docx, "“không mở được (BadZipFile)”"),
    "yaml-syntax": (_yaml_syntax, "“(dòng 2: ParserError)”"),
}


@pytest.mark.parametrize(
    "case",
    [pytest.param(case)
     for case, (_, shown) in ENGLISH_DETAIL.items()],
)
def test_message_detail_is_vietnamese(tmp_path: Path, case: str) -> None:
    args = ENGLISH_DETAIL[case][0](tmp_path)
    result = _invoke(*args)
    assert result.exit_code == 1 and not _crash(result), result.output
    _assert_vietnamese(result.output)


def test_no_temporary_files_anywhere(tmp_path: Path) -> None:
    """After a good render and a good draft the folder holds exactly the outputs."""
    assert _invoke("render", KON_TUM, "-o", tmp_path / "a.docx").exit_code == 0
    assert _invoke("draft", KON_TUM, *EA_KAR, "-o", tmp_path / "b.docx", "--json", tmp_path / "b.json").exit_code == 0
    assert _files(tmp_path) == ["a.docx", "b.docx", "b.json"]
    assert os.stat(tmp_path / "a.docx").st_mode & 0o044  # readable by others: not mkstemp's private mode
