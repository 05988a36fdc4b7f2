"""Prints the extractor's scores against corpus/annotations/extraction, per file and per set:
python tools/score_extraction.py [-v]   (-v lists every miss)"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from extraction_score import NON_PLAN_FOLDERS, PLAN_FOLDERS, Score, extraction_annotations, load, score  # noqa: E402

from drafting import parse_file  # noqa: E402

for name, folders in (("plans", PLAN_FOLDERS), ("Word files that are no plans", NON_PLAN_FOLDERS)):
    total = Score()
    for path in extraction_annotations(folders):
        annotation = load(path)
        result = score(parse_file(ROOT / "corpus" / annotation["file"]), annotation)
        total.add(result)
        print(annotation["file"], result.figures())
        if "-v" in sys.argv:
            for miss in result.misses:
                print("   ", miss)
    print(f"TOTAL {name}: {total.figures()} — {total.agencies_annotated} agencies annotated, "
          f"{total.agencies_extracted} extracted, {total.dates_annotated} dated deadlines annotated")
