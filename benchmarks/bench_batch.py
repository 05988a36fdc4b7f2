"""Batch drafting speed, memory and quality (issue 14).

- The country: ``drafting batch PARENT --all`` run as a command (start-up, parse, one derivation per variant,
  3,321 drafts, manifest), its wall time and the peak resident memory of the whole process tree (the command and
  its workers, sampled every 50 ms from /proc), then the re-run that finds everything up to date.
- The baseline, in the same run: a plain loop that builds a docxtpl ``DocxTemplate`` from a filled template (the
  derived plan rendered once, with Jinja tags where the unit's name, number and values go) and renders it once per
  unit — what a clerk's script would do. It does not even derive again; the batch's ratio is per core.
- Quality: ``drafting check`` on a sample of the country's drafts.
- PDF: the same drafts converted in one LibreOffice process, and in one process per file.

Run: python benchmarks/bench_batch.py [--units N] [--jobs 2] [--baseline 40] [--pdf-files 10] [--sample 40]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from io import BytesIO
from pathlib import Path

from docxtpl import DocxTemplate

from drafting.api import parse_file
from drafting.batch.skeleton import NAME_TOKEN, Settings, build_skeleton, variant_of
from drafting.check import check_docx
from drafting.office import convert, convert_many, office_binary
from drafting.units import communes

ROOT = Path(__file__).resolve().parent.parent
PARENT = ROOT / "corpus/wild/192068354fd1ffe5.md"  # Đồng Tháp, 133 units; two figures and the signer to fill
DRAFTING = Path(sys.executable).parent / "drafting"


def _descendants(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                stack += [int(child) for child in Path(f"/proc/{current}/task/{task}/children").read_text().split()]
        except OSError:
            pass
    return found


def tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of a process and its descendants, in bytes. RSS counts the pages forked workers share with the
    command once per process (an upper bound); PSS shares them out (the memory the tree really holds)."""
    rss = pss = 0
    for current in _descendants(pid):
        try:
            for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1]) * 1024
        except OSError:
            pass
    return rss, pss


def run_command(args: list[str]) -> tuple[float, int, int, str]:
    """Wall seconds, peak tree RSS and PSS, and output of one command."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak_rss = peak_pss = 0
    while process.poll() is None:
        rss, pss = tree_memory(process.pid)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.2)
    output = process.stdout.read() if process.stdout else ""
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({process.returncode}):\n{output}")
    return time.perf_counter() - started, peak_rss, peak_pss, output


def baseline(count: int, out: Path) -> float:
    """Units per second of the clerk's-script loop on one core."""
    parent = parse_file(PARENT)
    units = communes("Đồng Tháp")[:count]
    settings = Settings()
    skeleton = build_skeleton(parent, variant_of(units[0], None, settings), settings)
    package = BytesIO(skeleton.prefix)
    with zipfile.ZipFile(package, "a", zipfile.ZIP_DEFLATED) as docx:
        for name, xml in skeleton.parts.items():
            xml = xml.replace(NAME_TOKEN, "{{ ten }}").replace(NAME_TOKEN.upper(), "{{ ten_hoa }}")
            xml = xml.replace(NAME_TOKEN.lower(), "{{ ten_thuong }}").replace("ZQNUM", "{{ so }}")
            for number in skeleton.markers:
                xml = xml.replace(f"[ZQPH{number}ZQ]", f"{{{{ v{number} }}}}")
            docx.writestr(name, xml)
    template = package.getvalue()
    started = time.perf_counter()
    for unit in units:
        document = DocxTemplate(BytesIO(template))
        context = {"ten": unit.name, "ten_hoa": unit.name.upper(), "ten_thuong": unit.name.lower(), "so": "",
                   **{f"v{number}": f"[{label}]" for number, (_, label) in skeleton.markers.items()}}
        document.render(context)
        document.save(str(out / f"{unit.code}.docx"))
    return len(units) / (time.perf_counter() - started)


def pdf_timings(drafts: list[Path], out: Path) -> tuple[float, float]:
    started = time.perf_counter()
    produced = convert_many(drafts, "pdf", out / "one")
    one = time.perf_counter() - started
    assert len(produced) == len(drafts), "LibreOffice left some drafts unconverted"
    started = time.perf_counter()
    for draft in drafts:
        convert(draft, "pdf", "pdf_needs_libreoffice", "pdf_conversion_failed")
    return one, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=0, help="only the first N units of the country (0: all)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--baseline", type=int, default=40, help="units drafted by the baseline loop")
    parser.add_argument("--pdf-files", type=int, default=10)
    parser.add_argument("--sample", type=int, default=40, help="drafts checked with drafting check")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as folder:
        work = Path(folder)
        selection = ["--all"]
        if options.units:
            listing = work / "units.csv"
            listing.write_text("Mã đơn vị\n" + "\n".join(str(u.code) for u in communes()[: options.units]) + "\n",
                               encoding="utf-8")
            selection = ["--units", str(listing)]
        count = options.units or len(communes())
        command = [str(DRAFTING), "batch", str(PARENT), *selection, "-o", str(work / "out"),
                   "--jobs", str(options.jobs)]
        seconds, peak_rss, peak_pss, _ = run_command(command)
        again = run_command(command)[0]
        rate = count / seconds
        (work / "baseline").mkdir()
        base = baseline(options.baseline, work / "baseline")
        per_core = rate / options.jobs
        print(f"units: {count} (parent {PARENT.name}, {options.jobs} workers on {os.cpu_count()} cores, "
              f"load average before the run {os.getloadavg()[0]:.1f})")
        print(f"batch: {seconds:.1f} s wall, {rate:.1f} units/s, {per_core:.1f} units/s per core "
              f"(targets: all 3,321 ≤ 60 s, ≥ 3× baseline per core)")
        print(f"baseline (docxtpl render per unit, one core, {options.baseline} units): {base:.1f} units/s")
        print(f"ratio per core: {per_core / base:.1f}×")
        print(f"peak memory of the command and its workers: PSS {peak_pss / 2**20:.0f} MB, "
              f"RSS {peak_rss / 2**20:.0f} MB "
              "(RSS counts pages shared after fork once per process; target < 500 MB)")
        print(f"re-run, everything up to date: {again:.1f} s")
        drafts = sorted((work / "out").rglob("*.docx"))
        random.seed(14)
        sample = random.sample(drafts, min(options.sample, len(drafts)))
        failing = [draft.name for draft in sample if not check_docx(draft).ok]
        print(f"drafting check on {len(sample)} drafts: {len(sample) - len(failing)} pass"
              + (f"; FAIL: {', '.join(failing)}" if failing else ""))
        if office_binary() and options.pdf_files:
            one, each = pdf_timings(sample[: options.pdf_files], work / "pdf")
            n = min(options.pdf_files, len(sample))
            print(f"PDF, {n} drafts: one LibreOffice process {one:.1f} s ({one / n:.2f} s/draft); "
                  f"one process per file {each:.1f} s ({each / n:.2f} s/draft)")


if __name__ == "__main__":
    main()
