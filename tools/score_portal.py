"""Scores the parser on the legal-portal copies (corpus/portal) against their annotations.

Prints, per file, whether it was refused and whether type, number/symbol and date are right; then
the totals, and with -v every difference (meta, top sections, closing)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from drafting import parse_file  # noqa: E402
from drafting.errors import DraftingError  # noqa: E402

from corpus import CORPUS, annotated_files, compare_portal, load_annotation, norm  # noqa: E402


def main() -> None:
    verbose = "-v" in sys.argv
    files = annotated_files("portal")
    totals = {"refused": 0, "type": 0, "number/symbol": 0, "date": 0, "differences": 0}
    for path in files:
        annotation = load_annotation(path)
        want = annotation["meta"]
        try:
            plan = parse_file(CORPUS / annotation["file"])
        except DraftingError as error:
            totals["refused"] += 1
            print(f"{annotation['file']}: REFUSED ({str(error)[:60]}…)")
            continue
        meta = plan.meta
        checks = {
            "type": meta.doc_type == want["doc_type"],
            "number/symbol": (norm(meta.number), norm(meta.symbol)) == (norm(want["number"]), norm(want["symbol"])),
            "date": meta.date == want["date"],
        }
        problems = compare_portal(plan, annotation)
        count = sum(len(v) for v in problems.values())
        totals["differences"] += count
        for key, ok in checks.items():
            totals[key] += ok
        marks = " ".join(f"{k}={'ok' if ok else 'WRONG'}" for k, ok in checks.items())
        print(f"{annotation['file']}: {marks} differences={count}")
        if verbose:
            for key, values in problems.items():
                for value in values[:12]:
                    print(f"    {key}: {value}")
    n = len(files)
    print(f"{n} copies: refused {totals['refused']}, type right {totals['type']}/{n}, "
          f"number/symbol right {totals['number/symbol']}/{n}, date right {totals['date']}/{n}, "
          f"other differences {totals['differences']}")


if __name__ == "__main__":
    main()
