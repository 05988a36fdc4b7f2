"""Prints the extractor's scores against corpus/annotations/extraction: python tools/score_extraction.py [-v]"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from extraction_score import Score, extraction_annotations, load, score  # noqa: E402

from drafting import parse_file  # noqa: E402

total = Score()
for path in extraction_annotations():
    annotation = load(path)
    result = score(parse_file(ROOT / "corpus" / annotation["file"]), annotation)
    total.add(result)
    print(annotation["file"], result.figures())
    if "-v" in sys.argv:
        for miss in result.misses:
            print("   ", miss)
print("TOTAL", total.figures())
