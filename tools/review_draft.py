"""Counts the defect families of issue 18 in a commune's draft read beside its provincial parent.

    python tools/review_draft.py PARENT DRAFT.docx [--stdout todo.txt] [--date 2026-03-05] [-v]
    python tools/review_draft.py --all [--parents GLOB...] [--repo DIR] [--out DIR] [--date 2026-03-05] [--save PREFIX]
                                 [--json] [-v]

One pair: reads PARENT and DRAFT.docx with the project's reader and parser (and the DOCX XML where the
parser does not look), and prints one count per family (-v: every hit with its paragraph). --stdout: what
`drafting draft` printed (its to-do list), for the deadline warnings.

--all: drafts (in a subprocess, `python cli.py draft …` from --repo, default this checkout; the parser of
--repo reads the drafts too) from every real provincial plan we have — ../shared/wild/*.md and
../shared/seeds/*.txt — for the first xã, the first phường and (where the province has one) the đặc khu of
the parent's own province, at a fixed --date, and prints the families × unit kinds table.

--parents GLOB… (with --all; files, directories or globs such as '/tmp/unseen/*.md', quoted or expanded by
the shell; repeatable): --all drafts from those plans instead of shared/wild and shared/seeds, e.g. plans kept
out of the repository to score the engine on text it was never tuned on. Files named INDEX.md or README.md
are skipped; the units are chosen the same way.

Black-box: never imports the drafting engine (drafting/draft.py, drafting/derive/).
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
KINDS = ("xã", "phường", "đặc khu")
DEFAULT_DATE = "2026-03-05"


def _activate(repo: Path | None) -> None:
    """Import `drafting` from --repo: re-run this script with PYTHONPATH set, once."""
    if repo is None or os.environ.get("REVIEW_DRAFT_REPO") == str(repo):
        return
    env = {**os.environ, "PYTHONPATH": str(repo), "REVIEW_DRAFT_REPO": str(repo)}
    sys.exit(subprocess.run([sys.executable, *sys.argv], env=env).returncode)


def _arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("parent", nargs="?", type=Path)
    parser.add_argument("draft", nargs="?", type=Path)
    parser.add_argument("--stdout", type=Path, default=None, help="What `drafting draft` printed (to-do list).")
    parser.add_argument("--all", action="store_true", help="Draft from every real plan and print the table.")
    parser.add_argument("--parents", action="extend", nargs="+", default=None, metavar="GLOB",
                        help="--all: draft from these plans (files, directories or globs; repeatable) instead of "
                             "shared/wild + shared/seeds.")
    parser.add_argument("--repo", type=Path, default=None, help="The checkout whose cli.py drafts (default: here).")
    parser.add_argument("--out", type=Path, default=None, help="Where --all keeps its drafts (default: a temp dir).")
    parser.add_argument("--date", default=DEFAULT_DATE, help="Date of the drafts (YYYY-MM-DD).")
    parser.add_argument("--save", type=Path, default=None, help="--all: also write PREFIX.txt and PREFIX.json.")
    parser.add_argument("--json", action="store_true", help="Print JSON instead of the table.")
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("-v", "--verbose", action="store_true", help="List every hit with its paragraph.")
    return parser.parse_args(argv)


# --- imports that depend on --repo ------------------------------------------------------------------


def _modules() -> Any:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import review_families  # noqa: PLC0415

    return review_families


@dataclass
class Pair:
    parent: Path
    draft: Path
    kind: str  # xã | phường | đặc khu
    unit: str
    province: str
    stdout: str = ""
    failed: str | None = None
    hits: list[Any] = field(default_factory=list)


def _current_provinces() -> dict[str, Any]:
    from vietnam_provinces import Province  # noqa: PLC0415

    return {" ".join(p.name.split()).removeprefix("Thành phố ").removeprefix("Tỉnh "): p for p in Province.iter_all()}


def _units_of(province: str) -> list[tuple[str, str]]:
    """(kind, name) of every commune of today's province, in the package's order."""
    from vietnam_provinces import Ward  # noqa: PLC0415

    code = _current_provinces()[province].code
    found = []
    for ward in Ward.iter_all():
        if ward.province_code == code:
            kind = ward.division_type.value
            found.append((kind, " ".join(ward.name.split())[len(kind) + 1:]))
    return found


def _former_data() -> dict[str, Any]:
    from drafting.data_files import load  # noqa: PLC0415

    return load("provinces_2024")  # type: ignore[no-any-return]


def parent_province(plan: Any, text: str) -> tuple[str, list[str], list[str]]:
    """Today's province of the parent's issuer, the province names to watch, the issuer's own unit name."""
    from drafting.units import resolve_unit  # noqa: PLC0415

    data = _former_data()
    issuer = " ".join((plan.meta.issuer or "").split())
    match = re.search(r"(?i)(?:tỉnh|thành phố)\s+(.+)$", issuer)
    unit_names = []
    if match:
        written = match.group(1).strip()
    else:
        district = re.search(r"(?i)(?:huyện|quận|thị xã)\s+(.+)$", issuer)
        if district:
            unit_names.append(district.group(1).strip())
        names = data["provinces"] + data["cities"]
        counts = Counter({name: text.count(f"tỉnh {name}") + text.count(f"Thành phố {name}") for name in names})
        written = counts.most_common(1)[0][0]
    province = resolve_unit(written, level="province")
    today = data["successor"].get(province.name, province.name)
    names = list(dict.fromkeys([today, province.name]))
    return today, names, unit_names


def make_context(parent_plan: Any, parent_text: str, draft_plan: Any, date: str | None,
                 kind: str | None = None, unit: str | None = None) -> Any:
    families = _modules()
    province, names, unit_names = parent_province(parent_plan, parent_text)
    if kind is None or unit is None:
        issuer = " ".join((draft_plan.meta.issuer or "").split())
        found = re.search(r"(?i)(xã|phường|đặc khu)\s+(.+)$", issuer)
        kind, unit = (found.group(1).lower(), found.group(2)) if found else ("xã", "")
    real = {families.norm(f"{k} {n}") for k, n in _units_of(province)}
    when = draft_plan.meta.date if draft_plan.meta.date and len(draft_plan.meta.date) == 10 else date
    return families.Context(
        unit_kind=kind, unit_name=unit, province=province, province_names=names, parent_unit_names=unit_names,
        real_communes=real, draft_date=dt.date.fromisoformat(when) if when else None,
        city=_current_provinces()[province].division_type.name == "THANH_PHO_TRUNG_UONG",
    )


def review_pair(parent: Path, draft: Path, todo: str, date: str | None, kind: str | None = None,
                unit: str | None = None) -> list[Any]:
    from drafting.api import parse_file  # noqa: PLC0415
    from drafting.readers import read_document  # noqa: PLC0415

    families = _modules()
    parent_plan = parse_file(parent, extract=False)
    parent_paragraphs = [block.text for block in read_document(parent).blocks]
    draft_plan = parse_file(draft, extract=False)
    draft_paragraphs = [block.text for block in read_document(draft).blocks]
    xml = zipfile.ZipFile(draft).read("word/document.xml").decode("utf-8")
    context = make_context(parent_plan, "\n".join(parent_paragraphs), draft_plan, date, kind, unit)
    data = _former_data()
    current = set(_current_provinces())
    former = [name for name in data["provinces"] + data["cities"] if name not in current]
    return families.review(
        families.Draft(draft_paragraphs, draft_plan, xml, todo),
        families.Parent(parent_paragraphs, parent_plan),
        context,
        former,
    )


# --- --all ----------------------------------------------------------------------------------------


SKIPPED_NAMES = {"INDEX.md", "README.md"}


def real_parents(patterns: list[str] | None = None) -> list[Path]:
    """The parents of --all: shared/wild/*.md and shared/seeds/*.txt, or the files --parents names."""
    if not patterns:
        wild = sorted(path for path in (SHARED / "wild").glob("*.md") if path.name not in SKIPPED_NAMES)
        return wild + sorted((SHARED / "seeds").glob("*.txt"))
    found: list[Path] = []
    for pattern in patterns:
        expanded = os.path.expanduser(pattern)
        if Path(expanded).is_dir():
            matches = [str(path) for path in Path(expanded).iterdir()]
        else:
            matches = glob.glob(expanded, recursive=True) or ([expanded] if Path(expanded).exists() else [])
        if not matches:
            raise SystemExit(f"Lỗi: --parents {pattern!r} không khớp tệp nào.")
        found += sorted(Path(match).resolve() for match in matches
                        if Path(match).is_file() and Path(match).name not in SKIPPED_NAMES)
    return list(dict.fromkeys(found))


def _plain_text(parent: Path, plan: object) -> str:
    """The parent's words: the file itself when it is text, else what the parser read of it (a Word file)."""
    if parent.suffix.lower() in (".md", ".txt"):
        return parent.read_text(encoding="utf-8-sig")
    sections = plan.all_sections()  # type: ignore[attr-defined]
    return "\n".join([plan.meta.issuer or "", *plan.preamble] +  # type: ignore[attr-defined]
                     [t for s in sections for t in (s.title, *s.paragraphs)])


def plan_pairs(out: Path, parents: list[Path] | None = None) -> list[Pair]:
    from drafting.api import parse_file  # noqa: PLC0415

    pairs = []
    for parent in real_parents() if parents is None else parents:
        plan = parse_file(parent, extract=False)
        province, _names, _units = parent_province(plan, _plain_text(parent, plan))
        units = _units_of(province)
        for kind in KINDS:
            chosen = next((name for k, name in units if k == kind), None)
            if chosen is None:
                continue
            slug = {"xã": "xa", "phường": "phuong", "đặc khu": "dackhu"}[kind]
            draft = out / f"{parent.stem}_{slug}.docx"
            pairs.append(Pair(parent, draft, kind, f"{kind} {chosen}", province))
    return pairs


def make_draft(pair: Pair, repo: Path, date: str) -> Pair:
    command = [sys.executable, "cli.py", "draft", str(pair.parent), "--unit", pair.unit, "--province", pair.province,
               "-o", str(pair.draft), "--date", date]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    result = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    pair.stdout = result.stdout
    if result.returncode != 0 or not pair.draft.is_file():
        pair.failed = (result.stderr.strip().splitlines() or [f"exit {result.returncode}"])[-1]
    return pair


def table(pairs: list[Pair], families: tuple[str, ...]) -> str:
    columns = [*KINDS, "total"]
    counts = {family: Counter() for family in families}
    drafts = Counter(pair.kind for pair in pairs if pair.failed is None)
    failed = Counter(pair.kind for pair in pairs if pair.failed is not None)
    for pair in pairs:
        for hit in pair.hits:
            counts[hit.family][pair.kind] += 1
            counts[hit.family]["total"] += 1
    width = max(len(family) for family in families) + 2
    lines = ["family".ljust(width) + "".join(column.rjust(10) for column in columns)]
    for family in families:
        lines.append(family.ljust(width) + "".join(str(counts[family][c]).rjust(10) for c in columns))
    lines.append("TOTAL".ljust(width) + "".join(
        str(sum(counts[f][c] for f in families)).rjust(10) for c in columns))
    lines.append("drafts made".ljust(width) + "".join(
        str(drafts[c] if c != "total" else sum(drafts.values())).rjust(10) for c in columns))
    lines.append("drafts failed".ljust(width) + "".join(
        str(failed[c] if c != "total" else sum(failed.values())).rjust(10) for c in columns))
    return "\n".join(lines)


def as_json(pairs: list[Pair], families: tuple[str, ...], date: str, repo: Path) -> dict[str, Any]:
    return {
        "date": date,
        "repo": str(repo),
        "parents": sorted({str(pair.parent) for pair in pairs}),
        "families": list(families),
        "drafts": [
            {
                "parent": pair.parent.name, "unit": pair.unit, "kind": pair.kind, "province": pair.province,
                "failed": pair.failed,
                "counts": dict(Counter(hit.family for hit in pair.hits)),
                "hits": [{"family": hit.family, "detail": hit.detail, "text": hit.text} for hit in pair.hits],
            }
            for pair in pairs
        ],
    }


def run_all(args: argparse.Namespace) -> int:
    repo = (args.repo or ROOT).resolve()
    out = args.out or Path(tempfile.mkdtemp(prefix="review_drafts_"))
    out.mkdir(parents=True, exist_ok=True)
    families = _modules()
    parents = real_parents(args.parents)
    pairs = plan_pairs(out, parents)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        list(pool.map(lambda pair: make_draft(pair, repo, args.date), pairs))
    for pair in pairs:
        (out / (pair.draft.stem + ".stdout.txt")).write_text(pair.stdout, encoding="utf-8")
        if pair.failed is None:
            try:
                pair.hits = review_pair(pair.parent, pair.draft, pair.stdout, args.date, pair.kind,
                                        pair.unit.split(" ", 1 if pair.kind != "đặc khu" else 2)[-1])
            except Exception as error:  # a draft the parser cannot read back is a failed draft
                pair.failed = f"review: {type(error).__name__}: {error}"
    text = table(pairs, families.FAMILIES)
    source = ", ".join(args.parents) if args.parents else "shared/wild, shared/seeds"
    header = (f"Drafts from {len(parents)} real plans ({source}), --date {args.date}, "
              f"engine and parser of {repo}")
    failures = [f"  failed: {pair.parent.name} {pair.unit}: {pair.failed}" for pair in pairs if pair.failed]
    report = "\n".join([header, "", text, *failures])
    data = as_json(pairs, families.FAMILIES, args.date, repo)
    if args.save:
        args.save.with_suffix(".txt").write_text(report + "\n", encoding="utf-8")
        args.save.with_suffix(".json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                                  encoding="utf-8")
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print(report)
        if args.verbose:
            for pair in pairs:
                if pair.hits:
                    print(f"\n== {pair.parent.name} → {pair.unit}")
                    for hit in pair.hits:
                        print(hit.line())
    return 0


def run_one(args: argparse.Namespace) -> int:
    families = _modules()
    todo = args.stdout.read_text(encoding="utf-8") if args.stdout else ""
    hits = review_pair(args.parent, args.draft, todo, args.date)
    if args.json:
        print(json.dumps([{"family": h.family, "detail": h.detail, "text": h.text} for h in hits],
                         ensure_ascii=False, indent=1))
        return 0
    counts = Counter(hit.family for hit in hits)
    for family in families.FAMILIES:
        print(f"{family:28}{counts[family]:6}")
    print(f"{'TOTAL':28}{len(hits):6}")
    if args.verbose:
        for hit in hits:
            print(hit.line())
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    _activate(args.repo.resolve() if args.repo else None)
    if args.parents and not args.all:
        print("Lỗi: --parents chỉ dùng cùng --all.", file=sys.stderr)
        return 2
    if args.all:
        return run_all(args)
    if args.parent is None or args.draft is None:
        print("Lỗi: cần PARENT và DRAFT.docx, hoặc --all.", file=sys.stderr)
        return 2
    return run_one(args)


if __name__ == "__main__":
    sys.exit(main())
