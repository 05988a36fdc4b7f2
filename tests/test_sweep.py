"""Sweep: every file in corpus/, shared/ and the fixtures parses with no traceback — it gives a plan
or a clear refusal (DraftingError). Prints files parsed, refused with a message, warnings by code."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from drafting import parse_file
from drafting.errors import DraftingError

from conftest import CORPUS

SHARED = CORPUS.parent.parent / "shared"
SUFFIXES = {".txt", ".md", ".docx", ".doc", ".pdf"}


def _files(extra: list[Path]) -> list[Path]:
    roots = [CORPUS] + ([SHARED] if SHARED.is_dir() else [])
    found = [p for root in roots for p in sorted(root.rglob("*")) if p.is_file() and p.suffix.lower() in SUFFIXES]
    return found + extra


def test_every_file_parses_or_is_refused_clearly(seed_docx: dict, capsys) -> None:  # type: ignore[no-untyped-def]
    parsed, refused, warnings = 0, Counter[str](), Counter[str]()
    for path in _files(list(seed_docx.values())):
        try:
            plan = parse_file(path)
        except DraftingError as error:
            assert str(path) in str(error)
            refused[error.key] += 1
            continue
        parsed += 1
        warnings.update(w.code for w in plan.warnings)
    with capsys.disabled():
        print(f"\nsweep: {parsed} parsed, {sum(refused.values())} refused {dict(refused)}")
        print(f"warnings by code: {dict(sorted(warnings.items()))}")
    assert parsed >= 70  # the corpus alone; shared/ beside the checkout adds its copies
    assert set(refused) <= {"no_structure", "doc_needs_libreoffice"}
