"""Drafting speed: one commune plan derived from an already-parsed parent (target ≤ 100 ms warm), for every real
plan of the corpus (seeds and the 21 wild 2025 plans), then rendering.

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
PARENTS = sorted((ROOT / "corpus/seeds").glob("*.txt")) + sorted((ROOT / "corpus/wild").glob("[0-9a-f]*.md"))
SHOWN = 4  # files printed one by one (the rest are summed up)




def main() -> None:
    unit = resolve_unit("xã Ea Kar", "Đắk Lắk")
    print(f"unit resolution: {median_ms(lambda: resolve_unit('xa ea kar', 'dak lak')):.2f} ms")
    draft_plan(parse_file(PARENTS[0]), unit)  # warm: the pipeline and the data files are loaded once per process
    timings: list[tuple[float, float, str]] = []
    with tempfile.TemporaryDirectory() as out:
        for path in PARENTS:
            parent = parse_file(path)
            drafting_ms = median_ms(lambda parent=parent: draft_plan(parent, unit), 5)
            draft = draft_plan(parent, unit).plan
            render_ms = median_ms(lambda draft=draft: render_docx(draft, Path(out) / "draft.docx"), 3)
            timings.append((drafting_ms, render_ms, f"{path.name} ({path.stat().st_size // 1024} KB)"))
    for drafting_ms, render_ms, name in timings[:SHOWN]:
        print(f"{name}: draft {drafting_ms:.1f} ms (target ≤ 100 ms), render {render_ms:.1f} ms")
    drafts = sorted(t[0] for t in timings)
    renders = sorted(t[1] for t in timings)
    slowest = max(timings)
    print(f"all {len(timings)} parents: draft median {drafts[len(drafts) // 2]:.1f} ms, max {drafts[-1]:.1f} ms "
          f"({slowest[2]}); render median {renders[len(renders) // 2]:.1f} ms, max {renders[-1]:.1f} ms")


if __name__ == "__main__":
    main()
