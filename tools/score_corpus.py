"""Prints how the parser scores against every annotation in corpus/annotations (a dev aid)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from drafting import parse_file  # noqa: E402

from corpus import CORPUS, annotated_files, compare_all, compare_real, load_annotation  # noqa: E402


def main() -> None:
    verbose = "-v" in sys.argv
    only = [a for a in sys.argv[1:] if not a.startswith("-")]
    totals: dict[str, int] = {}
    for folder in ("seeds", "wild", "realdocx", "fixtures"):
        for path in annotated_files(folder):
            annotation = load_annotation(path)
            if only and not any(o in annotation["file"] for o in only):
                continue
            plan = parse_file(CORPUS / annotation["file"])
            compare = compare_real if folder == "realdocx" else compare_all
            problems = compare(plan, annotation)
            count = sum(len(v) for v in problems.values())
            print(f"{annotation['file']}: {count} problems " + " ".join(f"{k}={len(v)}" for k, v in problems.items()))
            for key, values in problems.items():
                totals[key] = totals.get(key, 0) + len(values)
                if verbose:
                    for value in values[:15]:
                        print(f"    {key}: {value}")
    print("total", totals)


if __name__ == "__main__":
    main()
