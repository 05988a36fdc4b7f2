"""Batch drafting (issue 14) on real parents: a whole province (Lai Châu, the smallest: 38 units) through the process
pool, every draft checked and naming its own unit only; batch drafts read back as single drafts; re-runs, failures,
killed runs, file names, the CLI."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafting.api import parse_file
from drafting.batch import batch, runner
from drafting.batch.filenames import draft_name, file_name_problem, slug
from drafting.batch.manifest import MANIFEST_CSV, MANIFEST_JSON
from drafting.batch.progress import ProgressLine
from drafting.batch.skeleton import Row, Settings, build_skeleton, draft_docx, variant_of
from drafting.check import check_docx
from drafting.cli import main
from drafting.draft import DraftOptions, draft_plan, fill_placeholders
from drafting.render.docx_writer import render_docx
from drafting.render.markdown import to_markdown
from drafting.units import communes, resolve_unit

from conftest import SEEDS, WILD

PARENT = next(path for path in WILD if path.name == "192068354fd1ffe5.md")  # Đồng Tháp, four figures to fill
SEED = next(path for path in SEEDS if path.name.startswith("002_"))  # Kon Tum, a campaign with awards
SMALLEST = "Lai Châu"
SETTINGS = Settings(date="2026-03-05")


def _text(path: Path) -> str:
    """The visible text of a DOCX's body, paragraphs one per line."""
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, re.DOTALL)
    lines = ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", paragraph)) for paragraph in paragraphs]
    return "\n".join(lines).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


@pytest.fixture(scope="module")
def province_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, runner.Result]:
    out = tmp_path_factory.mktemp("batch") / "lai-chau"
    result, _ = batch(PARENT, communes(SMALLEST), out, SETTINGS, jobs=2)
    return out, result


def test_smallest_province_is_the_one_tested() -> None:
    counts: dict[str, int] = {}
    for unit in communes():
        counts[unit.province] = counts.get(unit.province, 0) + 1
    assert min(counts, key=lambda name: counts[name]) == SMALLEST


def test_every_unit_of_a_province_drafted_checked_and_named(province_run: tuple[Path, runner.Result]) -> None:
    out, result = province_run
    units = communes(SMALLEST)
    assert [entry.status for entry in result.entries] == ["drafted"] * len(units)
    full_names = {unit.full for unit in units}
    for unit, entry in zip(units, result.entries, strict=True):
        path = out / entry.file
        report = check_docx(path)
        assert report.ok, (unit.full, [finding.rule for finding in report.findings])
        text = _text(path)
        assert f"trên địa bàn {unit.full}" in text and unit.full.upper() in text, unit.full
        others = [name for name in full_names - {unit.full}
                  if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)]
        assert not others, (unit.full, others)
        assert "zqxwy" not in text.lower()


def test_manifest_lists_each_unit_with_what_is_left(province_run: tuple[Path, runner.Result]) -> None:
    out, result = province_run
    data = json.loads((out / MANIFEST_JSON).read_text(encoding="utf-8"))
    assert data["counts"]["drafted"] == len(communes(SMALLEST))
    first = data["units"][0]
    assert first["left"] == ["chi_tieu_1", "chi_tieu_2", "chi_tieu_3", "chi_tieu_4", "nguoi_ky", "so"]  # date given
    assert len(first["sha256"]) == 64 and first["input_hash"]
    csv_text = (out / MANIFEST_CSV).read_bytes().decode("utf-8")
    assert csv_text.startswith("\ufeffMã đơn vị,Tên đơn vị")  # Excel reads a BOM'd CSV as UTF-8
    assert "họ tên người ký; số văn bản" in csv_text


def test_rerun_skips_what_is_up_to_date_and_redoes_what_is_not(province_run: tuple[Path, runner.Result],
                                                              tmp_path: Path) -> None:
    source, _ = province_run
    out = tmp_path / "copy"
    out.mkdir()
    for path in source.iterdir():
        (out / path.name).write_bytes(path.read_bytes())
    units = communes(SMALLEST)[:6]
    files = [draft_name(unit, False) for unit in units]
    (out / files[0]).write_bytes(b"half-written")  # damaged by hand: its SHA-256 no longer matches
    (out / files[1]).unlink()
    (out / ".batch-killed.part").write_bytes(b"left by a killed run")
    result = runner.run(runner.Request(PARENT, units, out, SETTINGS, jobs=1))
    assert [entry.status for entry in result.entries] == ["drafted", "drafted"] + ["up_to_date"] * 4
    assert not list(out.glob(".batch-*"))
    assert check_docx(out / files[0]).ok
    again = runner.run(runner.Request(PARENT, units, out, SETTINGS, jobs=1))
    assert {entry.status for entry in again.entries} == {"up_to_date"}
    forced = runner.run(runner.Request(PARENT, units, out, SETTINGS, jobs=1, force=True))
    assert {entry.status for entry in forced.entries} == {"drafted"}
    other_date = runner.run(runner.Request(PARENT, units[:1], out, Settings(date="2026-04-01"), jobs=1))
    assert other_date.entries[0].status == "drafted"  # a new option is a new input


def _single(parent_path: Path, unit_name: str, province: str, row: Row, settings: Settings) -> str:
    parent = parse_file(parent_path)
    unit = resolve_unit(unit_name, province)
    options = DraftOptions(number=row.number or "", date=row.date or settings.date,
                           signer=row.values.get("nguoi_ky"), position=row.position or settings.position)
    draft = draft_plan(parent, unit, options)
    fill_placeholders(draft.plan, {key: value for key, value in row.values.items() if key != "nguoi_ky"})
    return draft.plan  # type: ignore[return-value]


@pytest.mark.parametrize("parent_path", [PARENT, SEED], ids=["dong-thap-figures", "kon-tum-campaign"])
def test_batch_draft_reads_back_as_the_single_draft(parent_path: Path, tmp_path: Path) -> None:
    parent = parse_file(parent_path)
    rows = [  # Lâm Đồng and Hồ Chí Minh: provinces other than the parent's (a stand-in province); Đồng Tháp its own
        ("xã Tà Hine", "Lâm Đồng", Row(values={"chi_tieu_1": "120", "nguoi_ky": "Nguyễn Văn An"}, number="7",
                                       position="PHÓ CHỦ TỊCH")),
        ("Phường 1 Bảo Lộc", "Lâm Đồng", Row(values={"chi_tieu_2": "2.500 & hơn"}, date="2026-04-15")),
        ("đặc khu Phú Quý", "Lâm Đồng", Row()),
        ("xã D'Ran", "Lâm Đồng", Row(values={"nguoi_ky": "K'Brỏi"})),
        ("phường Bến Thành", "Hồ Chí Minh", Row(number="12")),
        ("xã Tân Hồng", "Đồng Tháp", Row(values={"chi_tieu_1": "8"})),
        ("phường Cao Lãnh", "Đồng Tháp", Row()),
    ]
    skeletons = {}
    for name, province, row in rows:
        unit = resolve_unit(name, province)
        variant = variant_of(unit, row, SETTINGS, parent.meta.issuer)
        assert (variant.province == unit.province) == (parent_path == PARENT and province == "Đồng Tháp")
        if variant not in skeletons:
            skeletons[variant] = build_skeleton(parent, variant, SETTINGS)
        batch_path = tmp_path / "batch.docx"
        batch_path.write_bytes(draft_docx(skeletons[variant], unit, row, SETTINGS))
        single_path = render_docx(_single(parent_path, name, province, row, SETTINGS), tmp_path / "single.docx")
        batch_plan, single_plan = parse_file(batch_path), parse_file(single_path)
        assert to_markdown(batch_plan) == to_markdown(single_plan), name
        assert batch_plan.meta == single_plan.meta, name
        assert batch_plan.signature == single_plan.signature, name
        assert _text(batch_path) == _text(single_path), name


def test_one_failing_unit_never_stops_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    units = communes(SMALLEST)[:4]
    real = runner.draft_docx

    def failing(skeleton, unit, row, settings):  # type: ignore[no-untyped-def]
        if unit == units[1]:
            raise RuntimeError("hỏng")
        return real(skeleton, unit, row, settings)

    monkeypatch.setattr(runner, "draft_docx", failing)
    result = runner.run(runner.Request(PARENT, units, tmp_path / "out", SETTINGS, jobs=1))
    assert [entry.status for entry in result.entries] == ["drafted", "failed", "drafted", "drafted"]
    assert "hỏng" in result.entries[1].error
    assert not (tmp_path / "out" / result.entries[1].file).exists()
    monkeypatch.setattr(runner, "draft_docx", real)
    again = runner.run(runner.Request(PARENT, units, tmp_path / "out", SETTINGS, jobs=1))
    assert [entry.status for entry in again.entries] == ["up_to_date", "drafted", "up_to_date", "up_to_date"]


def test_file_names_are_readable_and_safe() -> None:
    assert slug("xã Chân Mây – Lăng Cô") == "xa-chan-may-lang-co"
    assert slug("phường B'Lao") == "phuong-b-lao"
    assert slug("đặc khu Phú Quý") == "dac-khu-phu-quy"
    unit = resolve_unit("Phường 1 Bảo Lộc", "Lâm Đồng")
    assert draft_name(unit, False) == "phuong-1-bao-loc.docx"
    assert draft_name(unit, True) == "tinh-lam-dong/phuong-1-bao-loc.docx"
    for bad in ("../../x", "a/b", "con", "a:b", "x" * 101):
        assert file_name_problem(bad)
    assert file_name_problem("KH Mường Kim") is None
    names = [draft_name(unit, False) for unit in communes()]
    nested = [draft_name(unit, True) for unit in communes()]
    assert len(set(nested)) == len(nested)  # two units that differ only by accents get their code
    assert all(re.fullmatch(r"[a-z0-9-]+\.docx", name) for name in names)


def test_progress_line_on_a_terminal_only() -> None:
    class Stream:
        def __init__(self, tty: bool) -> None:
            self.tty, self.text = tty, ""

        def isatty(self) -> bool:
            return self.tty

        def write(self, text: str) -> None:
            self.text += text

        def flush(self) -> None:
            pass

    terminal, log = Stream(True), Stream(False)
    for stream in (terminal, log):
        line = ProgressLine(stream, every=0)  # type: ignore[arg-type]
        line(5, 1, 10)
        line(10, 1, 10)
    assert "\r" in terminal.text and "10/10 xong, 1 lỗi" in terminal.text and terminal.text.endswith("\n")
    assert log.text == ""


def test_cli_batch_with_a_list_zip_and_nested_folders(tmp_path: Path) -> None:
    listing = tmp_path / "ds.csv"
    listing.write_text("Tên đơn vị,Tỉnh\nxa Muong Kim,Lai Chau\nphuong Tan Phong,Lai Châu\nđặc khu Phú Quý,Lâm Đồng\n",
                       encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(PARENT), "--units", str(listing), "-o", str(out), "--zip",
                                       "--jobs", "1", "--signer", "Nguyễn Văn An"])
    assert result.exit_code == 0, result.output
    assert "Đã soạn 3 dự thảo" in result.output
    assert (out / "tinh-lai-chau" / "xa-muong-kim.docx").is_file()
    assert (out / "tinh-lam-dong" / "dac-khu-phu-quy.docx").is_file()
    with zipfile.ZipFile(out / "ke-hoach-cac-don-vi.zip") as archive:
        assert sorted(archive.namelist()) == sorted([MANIFEST_CSV, MANIFEST_JSON, "tinh-lai-chau/xa-muong-kim.docx",
                                                     "tinh-lai-chau/phuong-tan-phong.docx",
                                                     "tinh-lam-dong/dac-khu-phu-quy.docx"])
    assert "Nguyễn Văn An" in _text(out / "tinh-lam-dong" / "dac-khu-phu-quy.docx")


def test_cli_exit_code_says_some_failed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "draft_docx", lambda *args: (_ for _ in ()).throw(RuntimeError("hỏng")))
    listing = tmp_path / "ds.txt"
    listing.write_text("xã Mường Kim\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(PARENT), "--units", str(listing), "--province", SMALLEST,
                                       "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 1
    assert "lỗi 1" in result.output and "xã Mường Kim (tỉnh Lai Châu): RuntimeError: hỏng" in result.output


@pytest.mark.parametrize("args, expected", [
    (["--all", "--province", "Lai Châu"], "Chỉ dùng một trong"),
    ([], "Hãy chọn các đơn vị"),
    (["--province", "Lai Châu"], "Hãy ghi thư mục kết quả"),
])
def test_cli_usage_messages(args: list[str], expected: str) -> None:
    result = CliRunner().invoke(main, ["batch", str(PARENT), *args])
    assert result.exit_code == 2 and expected in result.output


def test_unit_list_problems_are_listed_by_line(tmp_path: Path) -> None:
    listing = tmp_path / "ds.txt"
    listing.write_text("# các xã của cụm\nxã Mường Kim\nxa muong kim\nxã Không Có\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(PARENT), "--units", str(listing), "--province", SMALLEST,
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "dòng 3: “xa muong kim” trùng với dòng 2" in result.output
    assert "dòng 4: Không tìm thấy" in result.output
    assert not (tmp_path / "out").exists()


def test_unwritable_output_folder_is_said(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = CliRunner().invoke(main, ["batch", str(PARENT), "--province", SMALLEST, "-o", str(blocker / "out")])
    assert result.exit_code == 1 and "Không ghi được vào thư mục" in result.output
    result = CliRunner().invoke(main, ["batch", str(PARENT), "--province", SMALLEST, "-o", str(blocker)])
    assert result.exit_code == 2 and "là một tệp, không phải thư mục" in result.output
