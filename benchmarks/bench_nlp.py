"""NLP speed: the pipeline's first load, parse + extraction of a 25 KB plan (warm), and the
tokenizer choice (syllables vs underthesea's word segmentation).

Run: python benchmarks/bench_nlp.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from timing import median_ms

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "seeds" / "002_0eb59aa12a805793.txt"
LARGEST = ROOT / "corpus" / "wild" / "f004d93b21e7fc5f.md"  # 136 KB, 21 agencies' items and a task table
PLANS = sorted((ROOT / "corpus" / "seeds").glob("*.txt")) + sorted((ROOT / "corpus" / "wild").glob("[0-9a-f]*.md"))

FIRST_LOAD = """
import time
start = time.perf_counter()
from drafting.nlp.pipeline import load_pipeline, analyse
load_pipeline()
analyse("Sở Nội vụ chủ trì, báo cáo trước ngày 30/11/2024.")
print(time.perf_counter() - start)
"""


def first_load_seconds() -> float:
    """In a fresh interpreter: importing spaCy and building the pipeline, as a CLI run pays it."""
    result = subprocess.run([sys.executable, "-c", FIRST_LOAD], capture_output=True, text=True, check=True)
    return float(result.stdout.strip())




def _fresh(path: Path):  # type: ignore[no-untyped-def]
    """Parse + extraction of `path` as of a file never read: the agency cache starts empty."""
    from drafting import parse_file
    from drafting.nlp.agencies import _agencies_in

    _agencies_in.cache_clear()
    return parse_file(path)


def main() -> None:
    from drafting import parse_file
    from drafting.nlp.pipeline import analyse
    from drafting.render.entities import entity_rows

    print(f"pipeline first load (fresh process): {first_load_seconds():.2f} s (target ≤ 2 s)")
    size = SEED.stat().st_size / 1024
    print(f"parse + extraction, {SEED.name} ({size:.0f} KB): {median_ms(lambda: _fresh(SEED)):.1f} ms "
          "(target ≤ 500 ms)")
    print(f"structure only: {median_ms(lambda: parse_file(SEED, extract=False)):.1f} ms")
    print(f"parse + extraction, {LARGEST.name} ({LARGEST.stat().st_size / 1024:.0f} KB): "
          f"{median_ms(lambda: _fresh(LARGEST)):.1f} ms")
    print(f"parse + extraction of all {len(PLANS)} corpus plans: "
          f"{median_ms(lambda: [_fresh(p) for p in PLANS], 3):.0f} ms")
    plan = parse_file(SEED, extract=False)
    print(f"all entities of the plan through the spaCy pipeline: {median_ms(lambda: entity_rows(plan)):.1f} ms")
    text = SEED.read_text(encoding="utf-8")
    print(f"spaCy pipeline on the whole text (syllable tokenizer): {median_ms(lambda: analyse(text)):.1f} ms")
    try:
        from underthesea import word_tokenize
    except ImportError:
        print("underthesea not installed: no comparison")
        return
    print(f"underthesea word_tokenize on the whole text: {median_ms(lambda: word_tokenize(text), 3):.1f} ms")
    sample = "Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Ủy ban nhân dân tỉnh"
    print(f"underthesea segments an agency as: {word_tokenize(sample)}")


if __name__ == "__main__":
    main()
