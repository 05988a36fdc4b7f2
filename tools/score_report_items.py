"""Scores `drafting.report.plan_items` against the hand annotations in corpus/annotations/report_items.

Each annotation (written by reading the plan, see corpus/annotations/report_items/README.md) lists the
plan's targets (first words of the clause, unit, figure) and tasks (first words of the item's title).
The plan is parsed as the report command parses it (`drafting.api.parse_file`), `plan_items` reads its
targets and tasks, and both lists are matched one to one:

- a target matches when the figures are equal (both blank counts as equal), the units agree (equal after
  `fold`, or one is the other's first words: "trạm" / "trạm BTS") and the words agree (below);
- a task matches when the words agree.

Words agree (after `fold`, Markdown marks and punctuation-only words dropped, punctuation stripped from the
ends of words) when the annotated words appear as a run in the first 20 words of the tool's text (the tool
starts a little earlier: a label, "Chỉ tiêu 1:", a lead-in clause), or the tool's text starts with the
annotated words' tail or is their head, at least 3 words of it (the tool starts a little later, or its
title is shorter).

Usage: python tools/score_report_items.py [-v] [--files A.json B.json ...]
  -v       every miss (annotated, not found) and every extra (found, not annotated)
  --files  score only these annotation files (default: every file under corpus/annotations/report_items)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting.api import parse_file  # noqa: E402
from drafting.parsing.text import fold  # noqa: E402
from drafting.report import plan_items  # noqa: E402

CORPUS = ROOT / "corpus"
ANNOTATIONS = CORPUS / "annotations" / "report_items"
WINDOW = 20  # the tool's text may start this many words earlier
MIN_OVERLAP = 3  # words a later-starting text must share with the annotation

_MARKS = re.compile(r"[*#|_`]+")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def words(text: str) -> list[str]:
    """fold()ed words of a text, Markdown marks and edge punctuation stripped, punctuation-only words dropped."""
    out = []
    for word in fold(_MARKS.sub(" ", text)).split():
        core = _EDGE.sub("", word)
        if core:
            out.append(core)
    return out


def words_agree(annotated: list[str], found: list[str]) -> int | None:
    """Where the annotated words sit in the found text (0 = same start, >0 the tool starts earlier, <0 later);
    None when they don't agree."""
    if not annotated or not found:
        return None
    head = found[:WINDOW + len(annotated)]
    for start in range(0, min(WINDOW, len(head)) + 1):
        if head[start:start + len(annotated)] == annotated:
            return start
    need = min(MIN_OVERLAP, len(annotated))
    for offset in range(1, len(annotated)):
        n = min(len(annotated) - offset, len(found))
        if n >= need and found[:n] == annotated[offset:offset + n]:
            return -offset
    n = len(found)
    if need <= n < len(annotated) and found == annotated[:n]:
        return 0
    return None


def figure_of(value: object) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value).replace(",", "."))
    except InvalidOperation:
        return None


def units_agree(annotated: str, found: str) -> bool:
    a = [w.strip(",.;:()") for w in fold(annotated).split()]
    b = [w.strip(",.;:()") for w in fold(found).split()]
    a, b = [w for w in a if w], [w for w in b if w]
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return bool(shorter) and longer[:len(shorter)] == shorter


@dataclass
class Score:
    annotated: int = 0
    found: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.annotated += other.annotated
        self.found += other.found
        self.matched += other.matched

    def figures(self) -> str:
        precision = f"{self.matched / self.found:.2f}" if self.found else "  - "
        recall = f"{self.matched / self.annotated:.2f}" if self.annotated else "  - "
        return f"P {precision} R {recall} ({self.matched} of {self.found} found, {self.annotated} annotated)"


def _pair(annotated: list[dict], found: list, agree) -> tuple[list[int | None], set[int]]:
    """One-to-one matching: each annotated item takes the unused found item that agrees nearest its start."""
    used: set[int] = set()
    chosen: list[int | None] = []
    for item in annotated:
        best: tuple[int, int] | None = None
        for index, candidate in enumerate(found):
            if index in used:
                continue
            where = agree(item, candidate)
            if where is None:
                continue
            rank = (abs(where), index)
            if best is None or rank < best:
                best = rank
        if best is None:
            chosen.append(None)
        else:
            chosen.append(best[1])
            used.add(best[1])
    return chosen, used


def _short(text: str, most: int = 14) -> str:
    parts = " ".join(text.split()).split(" ")
    return " ".join(parts[:most]) + (" …" if len(parts) > most else "")


def score_targets(annotated: list[dict], found: list) -> Score:
    def agree(item: dict, target) -> int | None:
        if figure_of(item.get("figure")) != target.planned:
            return None
        if not units_agree(item.get("unit") or "", target.unit or ""):
            return None
        return words_agree(words(item["starts"]), words(target.text))

    chosen, used = _pair(annotated, found, agree)
    score = Score(annotated=len(annotated), found=len(found), matched=len(used))
    for item, index in zip(annotated, chosen, strict=True):
        if index is None:
            score.misses.append(f"{item.get('figure')} {item.get('unit')} | {item['starts']}")
    for index, target in enumerate(found):
        if index not in used:
            planned = "null" if target.planned is None else target.planned
            score.extras.append(f"{target.key}: {planned} {target.unit} | {_short(target.text)}")
    return score


def score_tasks(annotated: list[str], found: list) -> Score:
    chosen, used = _pair([{"starts": text} for text in annotated], found,
                         lambda item, task: words_agree(words(item["starts"]), words(task.text)))
    score = Score(annotated=len(annotated), found=len(found), matched=len(used))
    for text, index in zip(annotated, chosen, strict=True):
        if index is None:
            score.misses.append(text)
    for index, task in enumerate(found):
        if index not in used:
            score.extras.append(f"{task.key}: {_short(task.text)}")
    return score


def annotation_files(given: list[str] | None) -> list[Path]:
    if given:
        return [Path(name) for name in given]
    return sorted(path for path in ANNOTATIONS.rglob("*.json"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and every extra")
    parser.add_argument("--files", nargs="+", metavar="JSON", help="annotation files to score")
    args = parser.parse_args(argv)

    total_targets, total_tasks = Score(), Score()
    for path in annotation_files(args.files):
        annotation = json.loads(path.read_text(encoding="utf-8"))
        name = annotation["file"]
        try:
            items = plan_items(parse_file(CORPUS / name))
            found_targets, found_tasks = items.targets, items.tasks
        except Exception as error:  # a plan the parser can't read scores as all misses
            print(f"{name}: could not be read ({type(error).__name__}: {error})")
            found_targets, found_tasks = [], []
        targets = score_targets(annotation.get("targets", []), found_targets)
        tasks = score_tasks(annotation.get("tasks", []), found_tasks)
        total_targets.add(targets)
        total_tasks.add(tasks)
        print(f"{name}\n    targets {targets.figures()}\n    tasks   {tasks.figures()}")
        if args.verbose:
            for kind, score in (("target", targets), ("task", tasks)):
                for miss in score.misses:
                    print(f"      miss  {kind}: {miss}")
                for extra in score.extras:
                    print(f"      extra {kind}: {extra}")
    print(f"TOTAL\n    targets {total_targets.figures()}\n    tasks   {total_tasks.figures()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
