"""The page as a clerk uses it, in a real headless Chromium (Debian's chromium and chromedriver, driven by selenium):
upload a corpus plan, pick a unit by typing part of its name without accents, download the DOCX and check it with
`drafting check`; check a real clerk's file; compare two files; draft a whole province; download the workbook to
fill and the Báo cáo of a real Front plan.

Skipped when chromium is absent on a developer's machine; `.ci/run` installs it, and under CI a missing browser
fails. `DRAFTING_SCREENSHOTS=docs` writes the screenshots of each tab to docs/web-*.png (else to a scratch folder)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafting.api import parse_file
from drafting.check import check_docx

from corpus import CORPUS
from web_server import live_server

ROOT = Path(__file__).resolve().parent.parent
PLAN = CORPUS / "wild" / "f069c23c942c1ec6.md"
CLERK_DOCX = CORPUS / "realdocx" / "vbai_BC_CCHC_nam2025_LamDong.docx"
FRONT_PLAN = CORPUS / "realdocx" / "lm_KH_hiepthuong_25-11_MTTQ_xa_LuongMinh.docx"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1100", "--lang=vi"]

if not (CHROMIUM and CHROMEDRIVER):
    reason = "chromium và chromedriver chưa được cài (apt-get install chromium chromium-driver; .ci/run cài sẵn)"
    if os.environ.get("CI"):
        pytest.fail(f"CI cần trình duyệt cho thử nghiệm đầu-cuối: {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as until  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wanted = os.environ.get("DRAFTING_SCREENSHOTS")
    return ROOT / wanted if wanted else tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory, downloads: Path) -> Iterator[object]:
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False,
                                              "intl.accept_languages": "vi-VN,vi"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    try:
        with live_server() as url:
            driver.get(url)
            yield driver
    finally:
        driver.quit()


def _wait(driver, seconds: float = 60) -> WebDriverWait:  # type: ignore[no-untyped-def]
    return WebDriverWait(driver, seconds)


def _downloaded(folder: Path, suffix: str, seconds: float = 30) -> Path:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = [path for path in folder.iterdir() if path.suffix == suffix]
        if found:
            return found[0]
        time.sleep(0.1)
    raise AssertionError(f"no {suffix} downloaded into {folder}: {list(folder.iterdir())}")


def _tab(driver, name: str) -> None:  # type: ignore[no-untyped-def]
    driver.find_element(By.ID, f"tab-{name}").click()
    _wait(driver).until(until.visibility_of_element_located((By.ID, f"panel-{name}")))


def test_draft_tab(browser, downloads: Path, shots: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    driver = browser
    _tab(driver, "draft")
    driver.find_element(By.ID, "draft-file").send_keys(str(PLAN))
    _wait(driver).until(until.text_to_be_present_in_element((By.ID, "draft-outline"), "Số, ký hiệu: 182/KH-UBND"))
    driver.find_element(By.ID, "draft-unit-search").send_keys("xuan loc")
    choice = (By.CSS_SELECTOR, '#draft-unit-list li[data-full="xã Xuân Lộc"][data-province="Đồng Nai"]')
    _wait(driver).until(until.element_to_be_clickable(choice)).click()
    assert "xã Xuân Lộc (tỉnh Đồng Nai)" in driver.find_element(By.ID, "draft-unit-chosen").text
    assert Select(driver.find_element(By.ID, "draft-province")).first_selected_option.text == "tỉnh Đồng Nai"
    driver.find_element(By.ID, "draft-signer").send_keys("Nguyễn Văn An")
    driver.find_element(By.ID, "draft-submit").click()
    _wait(driver).until(until.visibility_of_element_located((By.ID, "draft-result")))
    assert driver.find_elements(By.CSS_SELECTOR, "#draft-outcomes li")
    assert driver.find_elements(By.CSS_SELECTOR, "#draft-todo li")
    driver.execute_script("document.getElementById('draft-unit-search').scrollIntoView()")
    driver.save_screenshot(str(shots / "web-soan-ke-hoach.png"))
    driver.find_element(By.ID, "draft-download").click()
    drafted = _downloaded(downloads, ".docx")
    assert drafted.name == "Kế hoạch xã Xuân Lộc.docx"
    checked = subprocess.run([sys.executable, "-m", "drafting.cli", "check", str(drafted)], capture_output=True,
                             text=True, cwd=ROOT)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # No format error; the house text rules may add warnings about the parent's own wording.
    assert "không phát hiện sai lệch" in checked.stdout or ": 0 lỗi thể thức" in checked.stdout


def test_check_tab(browser, shots: Path) -> None:  # type: ignore[no-untyped-def]
    driver = browser
    _tab(driver, "check")
    driver.find_element(By.ID, "check-file").send_keys(str(CLERK_DOCX))
    driver.find_element(By.ID, "check-submit").click()
    _wait(driver).until(until.visibility_of_element_located((By.ID, "check-result")))
    rows = driver.find_elements(By.CSS_SELECTOR, "#check-findings tr")
    expected = check_docx(CLERK_DOCX).findings
    assert len(rows) == len(expected) > 0
    assert expected[0].rule in rows[0].text
    assert CLERK_DOCX.name in driver.find_element(By.ID, "check-summary").text
    coverage = check_docx(CLERK_DOCX).coverage()
    assert driver.find_element(By.ID, "check-coverage").text.startswith(
        f"Đã kiểm tra {coverage['evaluated']}/{coverage['applicable']} quy tắc")
    driver.save_screenshot(str(shots / "web-kiem-tra.png"))


def test_diff_tab(browser, tmp_path: Path, shots: Path) -> None:  # type: ignore[no-untyped-def]
    driver = browser
    edited = tmp_path / "ke-hoach-sua.md"
    edited.write_bytes(PLAN.read_text(encoding="utf-8").replace("có ít nhất 50%", "có ít nhất 70%").encode())
    _tab(driver, "diff")
    driver.find_element(By.ID, "diff-old").send_keys(str(PLAN))
    driver.find_element(By.ID, "diff-new").send_keys(str(edited))
    driver.find_element(By.ID, "diff-submit").click()
    _wait(driver).until(until.visibility_of_element_located((By.ID, "diff-result")))
    driver.switch_to.frame(driver.find_element(By.ID, "diff-frame"))
    page = driver.find_element(By.TAG_NAME, "body").text
    assert "ke-hoach-sua.md" in page and "1 sửa" in page
    driver.switch_to.default_content()
    driver.execute_script("document.getElementById('diff-form').scrollIntoView()")
    driver.save_screenshot(str(shots / "web-so-sanh.png"))


def test_batch_tab(browser, downloads: Path, shots: Path) -> None:  # type: ignore[no-untyped-def]
    driver = browser
    _tab(driver, "batch")
    driver.find_element(By.ID, "batch-file").send_keys(str(PLAN))
    Select(driver.find_element(By.ID, "batch-province")).select_by_visible_text("tỉnh Hà Tĩnh")
    driver.find_element(By.ID, "batch-submit").click()
    _wait(driver, 180).until(until.visibility_of_element_located((By.ID, "batch-result")))
    assert "0 lỗi" in driver.find_element(By.ID, "batch-summary").text
    assert len(driver.find_elements(By.CSS_SELECTOR, "#batch-entries tr")) > 20
    driver.execute_script("document.getElementById('batch-province').scrollIntoView()")
    driver.save_screenshot(str(shots / "web-soan-hang-loat.png"))
    driver.find_element(By.ID, "batch-download").click()
    assert _downloaded(downloads, ".zip").stat().st_size > 0


def test_report_tab(browser, downloads: Path, shots: Path) -> None:  # type: ignore[no-untyped-def]
    driver = browser
    _tab(driver, "report")
    driver.find_element(By.ID, "report-file").send_keys(str(FRONT_PLAN))
    driver.find_element(By.ID, "report-period").send_keys("tháng 12/2025")
    driver.find_element(By.ID, "report-sheet-link").click()
    _wait(driver).until(until.text_to_be_present_in_element((By.ID, "report-sheet-done"), "0 chỉ tiêu, 5 nhiệm vụ"))
    assert _downloaded(downloads, ".xlsx").name == "Số liệu báo cáo tháng 12 năm 2025.xlsx"  # the workbook to fill
    driver.find_element(By.ID, "report-submit").click()
    _wait(driver).until(until.visibility_of_element_located((By.ID, "report-result")))
    assert "Báo cáo tháng 12 năm 2025 của Ban Thường trực" in driver.find_element(By.ID, "report-summary").text
    assert driver.find_elements(By.CSS_SELECTOR, "#report-todo li")
    driver.execute_script("document.getElementById('report-period').scrollIntoView()")
    driver.save_screenshot(str(shots / "web-bao-cao.png"))
    driver.find_element(By.ID, "report-download").click()
    reported = downloads / "Báo cáo tháng 12 năm 2025.docx"
    deadline = time.monotonic() + 30
    while not reported.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert parse_file(reported).meta.doc_type == "BÁO CÁO"


def test_consolidate_on_the_report_tab(browser, tmp_path: Path, shots: Path) -> None:  # type: ignore[no-untyped-def]
    from consolidate_fixtures import toolkit_report

    from drafting.units import communes

    driver = browser
    parent = parse_file(PLAN)
    reports = [toolkit_report(parent, unit, rank, "2026-04-08", tmp_path)[0]
               for rank, unit in enumerate(communes("Đồng Nai")[:2])]
    _tab(driver, "report")
    driver.find_element(By.ID, "consolidate-reports").send_keys("\n".join(map(str, reports)))
    driver.find_element(By.ID, "consolidate-plan").send_keys(str(PLAN))
    driver.find_element(By.ID, "consolidate-period").send_keys("quý I/2026")
    driver.find_element(By.ID, "consolidate-submit").click()
    _wait(driver).until(until.visibility_of_element_located((By.ID, "consolidate-result")))
    counts = driver.find_element(By.ID, "consolidate-counts").text
    assert f"Đã báo cáo 2/{len(communes('Đồng Nai'))} {communes('Đồng Nai')[0].full}" in counts
    assert driver.find_element(By.ID, "consolidate-download").text == "Tải về Báo cáo tổng hợp quý I năm 2026.docx"
    driver.execute_script("document.getElementById('consolidate-submit').scrollIntoView()")
    driver.save_screenshot(str(shots / "web-tong-hop.png"))
