"""Consolidation speed (issue 17): 100 units' reports — drafted by the toolkit for 100 real communes of Đồng Tháp
from the province's technology-innovation plan, each with a filled sheet — read, summed and the consolidated report
drafted and written as DOCX (target ≤ 10 s); and the single unit's report (sheet read, report drafted, DOCX written).

Preparing the 100 reports (derive, sheet, report, render) is not timed. Run: python benchmarks/bench_consolidate.py
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from timing import median_ms

from drafting import parse_file
from drafting.render.docx_writer import render_docx
from drafting.report import ReportOptions, period_for
from drafting.report.consolidate import compose_consolidated, consolidate
from drafting.report.reading import read_unit_report
from drafting.units import communes

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from consolidate_fixtures import toolkit_report  # noqa: E402

PARENT = ROOT / "corpus/wild/192068354fd1ffe5.md"
UNITS = 100


def main() -> None:
    parent = parse_file(PARENT)
    units = communes("Đồng Tháp")[:UNITS]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        started = time.perf_counter()
        paths = [toolkit_report(parent, unit, rank, "2026-04-08", folder)[0] for rank, unit in enumerate(units)]
        prepared = time.perf_counter() - started
        print(f"prepared {len(paths)} unit reports (derive, sheet, report, DOCX) in {prepared:.1f} s "
              f"({prepared / len(paths) * 1000:.0f} ms each, not part of the figure)")

        started = time.perf_counter()
        reports = [read_unit_report(path, "Đồng Tháp") for path in paths]
        read = time.perf_counter() - started
        gathered = consolidate(reports, communes("Đồng Tháp"), dt.date(2026, 4, 10))
        period = period_for(parent, "quý I/2026")
        report, _, _, images = compose_consolidated(parent, gathered, period, ReportOptions(date="2026-04-20"), None)
        render_docx(report, folder / "tong-hop.docx", images=images)
        total = time.perf_counter() - started
        print(f"consolidate {len(reports)} reports: {total:.2f} s in all (reading {read:.2f} s, "
              f"{read / len(reports) * 1000:.0f} ms a report); {len(gathered.rows)} indicators, "
              f"{len(gathered.missing)} units missing — target ≤ 10 s")

        single = median_ms(lambda: read_unit_report(paths[0], "Đồng Tháp"), repeat=5)
        print(f"one unit's report read back: median {single:.0f} ms")


if __name__ == "__main__":
    main()
