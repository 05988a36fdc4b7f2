"""Reading the figures tables of 100 unit reports (issue 17): each a small DOCX with a ~30-row table,
a two-row merged header, group rows and a "Tổng cộng" row, as a commune clerk types it.

The reports are written once into a temporary folder with python-docx; the timing covers reading
each file from disk, resolving its grids and interpreting its figures table, and checking its total.
Budget: well under 10 s for the 100.

Run: python benchmarks/bench_figures.py [--reports 100] [--rows 30]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from report_fixtures import commune_names, unit_report  # noqa: E402

from drafting.readers.docx_tables import read_docx_tables  # noqa: E402
from drafting.report.figures import check_totals, figure_tables  # noqa: E402


def write_reports(folder: Path, reports: int, rows: int) -> list[Path]:
    names = commune_names("Đắk Lắk", rows)
    paths = []
    for k in range(reports):
        path = folder / f"bao-cao-{k:03d}.docx"
        path.write_bytes(unit_report(names, ("Khối xã", "Khối phường")))
        paths.append(path)
    return paths


def read_all(paths: list[Path]) -> int:
    """Every report read; the number of data rows read, checked against what was written."""
    count = 0
    for path in paths:
        for table in figure_tables(read_docx_tables(path.read_bytes(), path.name)):
            if check_totals(table) or table.problems:
                raise SystemExit(f"{path.name}: {check_totals(table)} {table.problems}")
            count += len(table.data_rows)
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--rows", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = write_reports(Path(folder), args.reports, args.rows)
        start = time.perf_counter()
        rows = read_all(paths)
        elapsed = time.perf_counter() - start
    assert rows == args.reports * args.rows, rows
    print(f"{args.reports} reports, {rows} unit rows: {elapsed:.2f} s "
          f"({elapsed * 1000 / args.reports:.1f} ms a report; budget 10 s)")


if __name__ == "__main__":
    main()
