"""Diff speed (issue 15): the review of two ~25 KB plans, parsing included, warm (target ≤ 1 s), with the terminal
text, the JSON and the HTML page; then a version pair of every real plan (a plan against an edited copy).

Run: python benchmarks/bench_diff.py
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

from timing import median_ms

from drafting import parse_file
from drafting.diff import diff_plans
from drafting.diff.render.html import to_html
from drafting.diff.render.text import to_json, to_text
from drafting.draft import draft_plan
from drafting.render.docx_writer import render_docx
from drafting.units import resolve_unit

ROOT = Path(__file__).resolve().parent.parent
PARENT = ROOT / "corpus/wild/2957e4f4f0e41373.md"  # 24 KB
PLANS = sorted((ROOT / "corpus/seeds").glob("*.txt")) + sorted((ROOT / "corpus/wild").glob("[0-9a-f]*.md"))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        draft = draft_plan(parse_file(PARENT), resolve_unit("xã Ea Kar", "Đắk Lắk")).plan
        local = render_docx(draft, Path(folder) / "draft.docx")

        def review() -> None:
            result = diff_plans(parse_file(PARENT), parse_file(local))
            to_text(result), to_json(result), to_html(result)

        size = (PARENT.stat().st_size + local.stat().st_size) // 1024
        print(f"review {PARENT.name} against its commune draft ({size} KB together), parse + diff + text + JSON + "
              f"HTML: {median_ms(review, 5):.0f} ms (target ≤ 1000 ms)")
    timings = []
    for path in PLANS:
        old = parse_file(path)
        new = copy.deepcopy(old)
        if new.legal_bases:
            new.legal_bases.pop()
        timings.append((median_ms(lambda old=old, new=new: diff_plans(old, new, "versions"), 3), path.name))
    timings.sort()
    print(f"versions, {len(timings)} real plans against an edited copy (diff only): median "
          f"{timings[len(timings) // 2][0]:.1f} ms, max {timings[-1][0]:.1f} ms ({timings[-1][1]})")


if __name__ == "__main__":
    main()
