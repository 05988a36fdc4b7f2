"""Quality figures of the checker on the corpus's real Word files: per rule family, on how many files
its rules could be evaluated, and the findings per file before and after `drafting check --fix`;
then the new rules one by one, and the --fix round trip (fixed rules pass, text unchanged).

    python tools/score_check.py            # corpus/realdocx/*.docx (and corpus/portal, corpus/seeds DOCX)
    python tools/score_check.py --doc      # the .doc files too (LibreOffice converts them; slower)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting.check.findings import FAIL, NOT_APPLICABLE, NOT_EVALUATED, PASS, CheckReport  # noqa: E402
from drafting.check.fix import comparable_text, fix_docx, unfixed  # noqa: E402

DRAWN = ("C6", "Q3", "T4")
NEW_RULES = ("X1", "X2", "X3", "X4", "X5", "X6", "C6", "Q3", "T4", "BG1", "BG2", "BG3", "BG4")
FAMILIES = {"P": "Trang, phông (P)", "Q": "Quốc hiệu (Q)", "C": "Cơ quan (C)", "N": "Số, ký hiệu (N)",
            "D": "Ngày tháng (D)", "T": "Tên loại, trích yếu (T)", "B": "Nội dung (B, §2.6.1)",
            "R": "Nơi nhận (R)", "S": "Chữ ký (S)", "A": "Phụ lục (A)", "H": "Cải cách 2025 (H)",
            "X": "Chữ (X, mới)", "kẻ": "Đường kẻ (C6, Q3, T4, mới)", "BG": "Bảng (BG, mới)"}


def family(rule: str) -> str:
    if rule in DRAWN:
        return "kẻ"
    if rule.startswith("BG"):
        return "BG"
    return "B" if rule.startswith("§") else rule[0]


def corpus_files(with_doc: bool) -> list[Path]:
    suffixes = (".docx", ".doc") if with_doc else (".docx",)
    return sorted(p for folder in ("realdocx", "portal", "seeds") for p in (ROOT / "corpus" / folder).glob("*")
                  if p.suffix.lower() in suffixes)


def score(files: list[Path]) -> None:
    rows: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    rules: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    trips = {"files": 0, "clean": 0, "same_text": 0, "compared": 0}
    with tempfile.TemporaryDirectory() as folder:
        for path in files:
            result = fix_docx(path, Path(folder) / (path.stem + ".docx"))
            _count(rows, rules, result.before, "before")
            _count(rows, rules, result.after, "after")
            trips["files"] += 1
            trips["clean"] += not unfixed(result)
            if path.suffix.lower() == ".docx":  # a .doc's text goes through LibreOffice: not compared here
                trips["compared"] += 1
                trips["same_text"] += comparable_text(path) == comparable_text(result.output)
    _print_families(rows, len(files))
    _print_rules(rules)
    print(f"\n--fix round trip: {trips['files']} files; fixed rules pass on {trips['clean']}; "
          f"text unchanged apart from the fixes on {trips['same_text']} of {trips['compared']} DOCX.")


def _count(rows: dict[str, dict[str, float]], rules: dict[str, dict[str, float]], report: CheckReport,
           when: str) -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    for result in report.results:
        seen[family(result.rule)].add(result.status)
        if result.rule in NEW_RULES and when == "before":
            rules[result.rule][result.status] += 1
    for finding in report.findings:
        rows[family(finding.rule)][when] += 1
        if finding.rule in NEW_RULES:
            rules[finding.rule][when] += 1
    if when == "before":
        for name, statuses in seen.items():
            rows[name]["applicable"] += statuses != {NOT_APPLICABLE}
            rows[name]["evaluated"] += bool(statuses & {PASS, FAIL})
            rows[name]["not_evaluated"] += NOT_EVALUATED in statuses


def _print_families(rows: dict[str, dict[str, float]], total: int) -> None:
    print(f"Checker on {total} real Word files of the corpus\n")
    print("| Family | applies to | evaluated on | not evaluated on | findings/file before | after --fix |")
    print("|---|---:|---:|---:|---:|---:|")
    for key, name in FAMILIES.items():
        row = rows.get(key, {})
        print(f"| {name} | {int(row.get('applicable', 0))} | {int(row.get('evaluated', 0))} | "
              f"{int(row.get('not_evaluated', 0))} | {row.get('before', 0) / total:.2f} | "
              f"{row.get('after', 0) / total:.2f} |")


def _print_rules(rules: dict[str, dict[str, float]]) -> None:
    print("\n| Rule | pass | fail | not evaluated | not applicable | findings before | after --fix |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for rule in NEW_RULES:
        row = rules.get(rule, {})
        print(f"| {rule} | {int(row.get(PASS, 0))} | {int(row.get(FAIL, 0))} | {int(row.get(NOT_EVALUATED, 0))} | "
              f"{int(row.get(NOT_APPLICABLE, 0))} | {int(row.get('before', 0))} | {int(row.get('after', 0))} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--doc", action="store_true", help="also the Word 97–2003 .doc files (LibreOffice)")
    score(corpus_files(parser.parse_args().doc))


if __name__ == "__main__":
    main()
