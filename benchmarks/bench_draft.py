"""Drafting speed: one commune plan from an already-parsed parent (target ≤ 100 ms), then rendering.

Run: python benchmarks/bench_draft.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from timing import median_ms

from drafting import parse_file
from drafting.draft import draft_plan
from drafting.render.docx_writer import render_docx
from drafting.units import resolve_unit

ROOT = Path(__file__).resolve().parent.parent
PARENTS = [ROOT / "corpus/seeds/002_0eb59aa12a805793.txt", ROOT / "corpus/seeds/000_3e0dd850a7de1391.txt",
           ROOT / "corpus/wild/2957e4f4f0e41373.md"]




def main() -> None:
    unit = resolve_unit("xã Ea Kar", "Đắk Lắk")
    print(f"unit resolution: {median_ms(lambda: resolve_unit('xa ea kar', 'dak lak')):.2f} ms")
    with tempfile.TemporaryDirectory() as out:
        for path in PARENTS:
            parent = parse_file(path)
            drafting_ms = median_ms(lambda parent=parent: draft_plan(parent, unit))
            draft = draft_plan(parent, unit).plan
            render_ms = median_ms(lambda draft=draft: render_docx(draft, Path(out) / "draft.docx"), 3)
            print(f"{path.name}: draft {drafting_ms:.1f} ms (target ≤ 100 ms), render {render_ms:.1f} ms")


if __name__ == "__main__":
    main()
