"""Structure-parsing speed on the corpus: prints per-file and summary figures.

Run: python benchmarks/bench_parse.py [--repeat N]
Warm figures: each file is parsed once to warm caches (data files, regexes), then N times; the
median is reported. The 25 KB targets of issue 2 are the seeds (TXT) and their DOCX shapes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from drafting import parse_file  # noqa: E402
from drafting.errors import DraftingError  # noqa: E402

from docx_fixtures import build_plan_docx  # noqa: E402


def _median_ms(path: Path, repeat: int, extract: bool = True) -> float:
    parse_file(path, extract=extract)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        parse_file(path, extract=extract)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _sixty_pages(scratch: Path, corpus: Path) -> Path:
    """A long plan built from the corpus: seed 002's header and closing around the bodies of all seeds,
    three times — over 60 A4 pages at 14 pt, the size of a provincial plan with its appendices."""
    seed = (corpus / "seeds" / "002_0eb59aa12a805793.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(seed) if line.startswith("I. "))
    end = next(i for i, line in enumerate(seed) if line.startswith("Nơi nhận"))
    bodies = []
    for path in sorted((corpus / "seeds").glob("*.txt")) * 3:
        lines = path.read_text(encoding="utf-8").splitlines()
        first = next(i for i, line in enumerate(lines) if line.strip().startswith("I."))
        last = next((i for i, line in enumerate(lines) if line.startswith("Nơi nhận")), len(lines))
        bodies.extend(lines[first:last])
    text = "\n".join(seed[:start] + bodies + seed[end:])
    source = scratch / "sixty.txt"
    source.write_text(text, encoding="utf-8")
    target = scratch / "sixty-pages.docx"
    build_plan_docx(source, target, "manual")
    return target


def _page_count(path: Path) -> int:
    """Pages as LibreOffice lays the file out (its PDF export), or an estimate of 2,900 characters a
    page (14 pt on A4) when LibreOffice is not installed."""
    import shutil
    import subprocess

    from pypdf import PdfReader

    if shutil.which("soffice"):
        out = path.parent
        subprocess.run(["soffice", f"-env:UserInstallation=file://{out}/profile", "--headless", "--convert-to",
                        "pdf", "--outdir", str(out), str(path)], capture_output=True, timeout=300, check=False)
        pdf = path.with_suffix(".pdf")
        if pdf.exists():
            return len(PdfReader(str(pdf)).pages)
    from docx import Document

    return round(sum(len(p.text) for p in Document(str(path)).paragraphs) / 2900)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    corpus = ROOT / "corpus"
    files = sorted((corpus / "seeds").glob("*.txt")) + sorted((corpus / "wild").glob("[0-9a-f]*.md"))
    files += sorted(p for p in (corpus / "realdocx").iterdir() if p.suffix in (".docx", ".pdf"))
    files += sorted((corpus / "portal").glob("[0-9a-f]*.md"))  # pages copied from a legal portal
    with tempfile.TemporaryDirectory() as scratch:
        for seed in sorted((corpus / "seeds").glob("*.txt")):
            for shape in ("manual", "auto"):
                target = Path(scratch) / f"{seed.stem}.{shape}.docx"
                build_plan_docx(seed, target, shape)  # type: ignore[arg-type]
                files.append(target)
        print(f"{'file':60} {'KB':>7} {'ms (median, warm)':>18}")
        rows = []
        for path in files:
            try:
                ms = _median_ms(path, args.repeat)
            except DraftingError as error:
                print(f"{path.name[:60]:60} refused: {error}")
                continue
            size = path.stat().st_size / 1024
            rows.append((path, size, ms))
            print(f"{path.name[:60]:60} {size:7.1f} {ms:18.2f}")
        seeds_txt = [ms for p, _, ms in rows if p.suffix == ".txt"]
        seeds_docx = [ms for p, _, ms in rows if p.name.endswith((".manual.docx", ".auto.docx"))]
        print(f"\nseed TXT (20–26 KB): max {max(seeds_txt):.2f} ms (target ≤ 50 ms)")
        print(f"seed DOCX shapes: max {max(seeds_docx):.2f} ms (target ≤ 100 ms)")
        print(f"all {len(rows)} files: total {sum(ms for *_, ms in rows):.1f} ms")
        groups = {
            "portal copies (corpus/portal)": [r for r in rows if r[0].parent.name == "portal"],
            "wild Markdown plans": [r for r in rows if r[0].parent.name == "wild"],
            "real DOCX files": [r for r in rows if r[0].parent.name == "realdocx" and r[0].suffix == ".docx"],
        }
        for label, group in groups.items():
            times = [ms for *_, ms in group]
            per_kb = statistics.median(ms / size for _, size, ms in group)
            print(f"{label}: {len(group)} files, median {statistics.median(times):.1f} ms, max {max(times):.1f} ms, "
                  f"median {per_kb:.2f} ms/KB")
        long_docx = _sixty_pages(Path(scratch), corpus)
        pages = _page_count(long_docx)
        print(f"{pages}-page DOCX ({long_docx.stat().st_size / 1024:.0f} KB): structure only "
              f"{_median_ms(long_docx, 3, extract=False):.1f} ms, with extraction {_median_ms(long_docx, 3):.1f} ms "
              "(target ≤ 1000 ms)")
        tracemalloc.start()
        parse_file(corpus / "wild" / "f004d93b21e7fc5f.md")
        _, peak = tracemalloc.get_traced_memory()
        print(f"peak memory parsing the largest wild plan (136 KB): {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
