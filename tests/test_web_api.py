"""The web API (issue 16) on real corpus files, with Starlette's test client: each endpoint answers what the
library (and so the CLI) answers; bad input gets the CLI's Vietnamese message and a 4xx; the token is enforced."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from urllib.parse import unquote

import docx
import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from drafting.api import load_plan, parse_file
from drafting.check import check_docx
from drafting.cli import main
from drafting.errors import DraftingError
from drafting.render.json_out import to_json
from drafting.web import create_app
from drafting.web.responses import content_disposition
from drafting.web.server import address, settings

from corpus import CORPUS

PLAN = CORPUS / "wild" / "f069c23c942c1ec6.md"  # a 2025 Đồng Nai plan
SEED = CORPUS / "seeds" / "002_0eb59aa12a805793.txt"
CLERK_DOCX = CORPUS / "realdocx" / "vbai_BC_CCHC_nam2025_LamDong.docx"


@pytest.fixture(scope="module")
def client() -> TestClient:
    with TestClient(create_app()) as test_client:
        yield test_client


def _files(path: Path, name: str | None = None, field: str = "file") -> dict[str, tuple[str, bytes]]:
    return {field: (name or path.name, path.read_bytes())}


def _text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def test_page_is_vietnamese_and_self_contained(client: TestClient) -> None:
    page = client.get("/").text
    for tab in ("Soạn kế hoạch", "Soạn hàng loạt", "So sánh", "Kiểm tra thể thức"):
        assert tab in page
    assert "http://" not in page and "https://" not in page  # nothing fetched from the internet
    script = client.get("/static/app.js")
    assert script.status_code == 200 and "https://" not in script.text


def test_units_match_without_accents(client: TestClient) -> None:
    found = client.get("/api/units", params={"province": "Dong Nai", "q": "xuan loc"}).json()
    assert [unit["full"] for unit in found] == ["xã Xuân Lộc"]
    assert found[0]["province"] == "Đồng Nai"
    assert len(client.get("/api/provinces").json()) == 34
    everywhere = client.get("/api/units", params={"q": "phu quy"}).json()
    assert any(unit["full"] == "đặc khu Phú Quý" for unit in everywhere)


@pytest.mark.parametrize("path", [PLAN, SEED, CORPUS / "realdocx" / "vbai_CV_chidao_chiso_CCHC_2025.docx"],
                         ids=lambda path: path.name)
def test_parse_returns_the_plan_json_contract(client: TestClient, path: Path) -> None:
    response = client.post("/api/parse", files=_files(path))
    assert response.status_code == 200
    expected = json.loads(to_json(parse_file(path)))
    got = response.json()
    assert got["source"]["path"] == path.name
    got["source"]["path"] = expected["source"]["path"]
    assert got == expected


def test_draft_is_the_clis_draft(client: TestClient, tmp_path: Path) -> None:
    fields = {"unit": "xa xuan loc", "province": "Dong Nai", "number": "12", "date": "2026-03-05",
              "signer": "Nguyễn Văn An"}
    response = client.post("/api/draft", files=_files(PLAN), data=fields)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    disposition = response.headers["content-disposition"]
    assert 'filename="ke-hoach-xa-xuan-loc.docx"' in disposition
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == "Kế hoạch xã Xuân Lộc.docx"
    cli_file = tmp_path / "cli.docx"
    result = CliRunner().invoke(main, ["draft", str(PLAN), "--unit", "xa xuan loc", "--province", "Dong Nai",
                                       "--number", "12", "--date", "2026-03-05", "--signer", "Nguyễn Văn An",
                                       "-o", str(cli_file)])
    assert result.exit_code == 0, result.output
    assert _text(response.content) == _text(cli_file.read_bytes())
    web_file = tmp_path / "web.docx"
    web_file.write_bytes(response.content)
    assert check_docx(web_file).ok


def test_explain_lists_todo_changes_and_outcomes(client: TestClient) -> None:
    response = client.post("/api/draft/explain", files=_files(PLAN), data={"unit": "xã Xuân Lộc",
                                                                           "province": "Đồng Nai"})
    assert response.status_code == 200
    data = response.json()
    assert data["unit"]["full"] == "xã Xuân Lộc"
    assert data["todo"] and data["changes"] and data["outcomes"]
    assert len(data["outcomes_text"]) == len(data["outcomes"])
    assert {"agency", "fate", "to", "reason", "tasks"} <= set(data["outcomes"][0])


def test_check_is_the_clis_check(client: TestClient) -> None:
    response = client.post("/api/check", files=_files(CLERK_DOCX, "Báo cáo của tôi.docx"))
    assert response.status_code == 200
    report = response.json()
    assert report["path"] == "Báo cáo của tôi.docx"
    expected = check_docx(CLERK_DOCX).to_dict()
    assert report["findings"] == expected["findings"] and report["ok"] == expected["ok"]


def test_diff_json_html_and_table(client: TestClient) -> None:
    edited = PLAN.read_text(encoding="utf-8").replace("có ít nhất 50%", "có ít nhất 70%").encode()
    files = {"old": (PLAN.name, PLAN.read_bytes()), "new": ("ban-moi.md", edited)}
    data = client.post("/api/diff", files=files).json()
    assert data["schema"] == "drafting.diff/1" and data["new"]["path"] == "ban-moi.md"
    changed = [change for change in data["changes"] if change["kind"] != "kept"]
    assert len(changed) == 1 and "70%" in json.dumps(changed[0], ensure_ascii=False)
    html = client.post("/api/diff?format=html", files=files)
    assert html.status_code == 200 and html.text.startswith("<!DOCTYPE html>") and "ban-moi.md" in html.text
    table = client.post("/api/diff?format=table", files=files)
    assert table.status_code == 200 and "Bảng so sánh" in unquote(table.headers["content-disposition"])


def test_batch_zip_with_manifest(client: TestClient) -> None:
    response = client.post("/api/batch?format=json", files=_files(PLAN), data={"province": "Hà Tĩnh"})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["failed"] == 0 and data["drafted"] == len(data["entries"]) > 20
    import base64

    with zipfile.ZipFile(io.BytesIO(base64.b64decode(data["zip_base64"]))) as archive:
        names = archive.namelist()
    assert "danh-sach.csv" in names and "danh-sach.json" in names
    assert len([name for name in names if name.endswith(".docx")]) == data["drafted"]
    sheet = client.post("/api/batch/sheet", files=_files(PLAN), data={"province": "Hà Tĩnh"})
    assert sheet.status_code == 200 and sheet.content[:2] == b"PK"


def test_batch_as_zip(client: TestClient) -> None:
    response = client.post("/api/batch", files=_files(PLAN), data={"province": "Hà Tĩnh"})
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"


# --- bad input --------------------------------------------------------------------------------------------------


def _cli_message(path: Path) -> str:
    with pytest.raises(DraftingError) as caught:
        load_plan(path)
    return f"Lỗi: {caught.value}"


@pytest.mark.parametrize("name, data", [("hong.docx", b"not a zip at all"), ("hong.pdf", b"%PDF-1.4 broken"),
                                        ("hong.docx", b"PK\x03\x04" + b"\0" * 200)])
def test_corrupt_files_get_the_clis_message(client: TestClient, tmp_path: Path, name: str, data: bytes) -> None:
    local = tmp_path / name
    local.write_bytes(data)
    expected = _cli_message(local).replace(str(local), name)
    for url in ("/api/parse", "/api/draft"):
        response = client.post(url, files={"file": (name, data)}, data={"unit": "xã Xuân Lộc"})
        assert response.status_code == 400
        assert response.json()["error"] == expected
    assert client.post("/api/parse", files=_files(PLAN)).status_code == 200  # the server keeps serving


def test_bad_fields_are_refused_in_vietnamese(client: TestClient) -> None:
    cases = [
        ({}, {"unit": "xã Xuân Lộc"}, 400, "Thiếu tệp"),
        (_files(PLAN), {}, 400, "Thiếu thông tin"),
        (_files(PLAN), {"unit": "xã Xuân Lộc", "date": "2026-02-30"}, 400, "không phải một ngày có thật"),
        (_files(PLAN), {"unit": "xã Không Có Thật"}, 422, "Không tìm thấy"),
        ({"file": ("rong.md", b"")}, {"unit": "xã Xuân Lộc"}, 400, "rỗng"),
        (_files(PLAN), {"unit": "xã Xuân Lộc", "days_earlier": "-3"}, 400, "số nguyên"),
    ]
    for files, fields, status, words in cases:
        response = client.post("/api/draft", files=files, data=fields)
        assert response.status_code == status, (fields, response.text)
        assert words in response.json()["error"]
    text = client.post("/api/check", files=_files(PLAN)).json()["error"]
    assert text.startswith("Lỗi: ") and PLAN.name in text


def test_client_names_never_become_paths(client: TestClient, tmp_path: Path) -> None:
    response = client.post("/api/parse", files={"file": ("../../../../tmp/evil/..\\x.docx", b"garbage")})
    assert response.status_code == 400
    assert "x.docx" in response.json()["error"] and "/tmp/" not in response.json()["error"]
    assert not Path("/tmp/evil").exists()


def test_uploads_are_capped() -> None:
    with TestClient(create_app(max_upload=10_000)) as small:
        response = small.post("/api/parse", files={"file": ("lon.md", b"x" * 20_000)})
        assert response.status_code == 413 and "quá lớn" in response.json()["error"]
        assert small.post("/api/parse", files={"file": ("nho.md", PLAN.read_bytes()[:5000])}).status_code != 413


# --- the token ----------------------------------------------------------------------------------------------------


def test_token_is_required_on_every_request() -> None:
    with TestClient(create_app(token="bi-mat-123")) as guarded:
        assert guarded.get("/").status_code == 401
        assert "mã truy cập" in guarded.get("/api/provinces").json()["error"].lower()
        assert guarded.get("/static/app.js").status_code == 401
        assert guarded.get("/api/units?q=x", headers={"Authorization": "Bearer sai-roi-123"}).status_code == 401
        assert guarded.get("/api/units?q=x", headers={"Authorization": "Bearer bi-mat-123"}).status_code == 200
        assert guarded.get("/api/units?q=x", headers={"X-Token": "bi-mat-123"}).status_code == 200
        first = guarded.get("/?token=bi-mat-123")
        assert first.status_code == 200 and "drafting_token" in first.headers["set-cookie"]
        assert guarded.get("/api/provinces").status_code == 200  # the page's own requests carry the cookie


def test_serve_settings() -> None:
    assert settings("127.0.0.1", None) is None
    made = settings("0.0.0.0", None)
    assert made and len(made) >= 16 and made != settings("0.0.0.0", None)
    assert settings("0.0.0.0", "ma-cua-toi-1") == "ma-cua-toi-1"
    assert address("0.0.0.0", 8080, "abc") == "http://0.0.0.0:8080/?token=abc"
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--token", "x y"])
    assert result.exit_code == 2 and "mã truy cập" in result.output


def test_content_disposition_fallback() -> None:
    header = content_disposition("Kế hoạch xã Xuân Lộc.docx", 'ke "hoach".docx')
    assert header == ("attachment; filename=\"ke _hoach_.docx\"; "
                      "filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20x%C3%A3%20Xu%C3%A2n%20L%E1%BB%99c.docx")


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(260):  # 260 MB of zeros: a few hundred KB compressed
                member.write(b"\x00" * (1 << 20))
    return buffer.getvalue()


def _entities() -> bytes:
    laughs = '<!DOCTYPE d [<!ENTITY a "hahahahaha">' + "".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8)) + "]>"
    document = (f'<?xml version="1.0"?>{laughs}<w:document xmlns:w="http://schemas.openxmlformats.org/'
                'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", document)
    return buffer.getvalue()


@pytest.mark.parametrize("make", [_bomb, _entities], ids=["zip_bomb", "xml_entities"])
def test_hostile_word_files_are_refused(client: TestClient, tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    data = make()
    local = tmp_path / "doc-hai.docx"
    local.write_bytes(data)
    expected = _cli_message(local).replace(str(local), "doc-hai.docx")
    for url in ("/api/parse", "/api/check", "/api/draft"):
        response = client.post(url, files={"file": ("doc-hai.docx", data)}, data={"unit": "xã Xuân Lộc"})
        assert response.status_code == 400, (url, response.text)
        if url != "/api/check":
            assert response.json()["error"] == expected
    assert client.post("/api/check", files=_files(CLERK_DOCX)).status_code == 200
