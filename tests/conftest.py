"""Shared fixtures: corpus paths and DOCX shapes built from the seeds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CORPUS  # noqa: E402
from docx_fixtures import build_plan_docx  # noqa: E402

SEEDS = sorted((CORPUS / "seeds").glob("*.txt"))
WILD = sorted(p for p in (CORPUS / "wild").glob("*.md") if p.name != "INDEX.md")
PORTAL = sorted((CORPUS / "portal").glob("[0-9a-f]*.md"))  # pages copied from a legal portal
REALDOCX = sorted(p for p in (CORPUS / "realdocx").iterdir() if p.suffix in (".docx", ".doc", ".pdf"))


@pytest.fixture(scope="session")
def seed_docx(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every seed as a clerk's Word file, in both shapes: typed labels and automatic numbering."""
    out = tmp_path_factory.mktemp("seed_docx")
    built = {}
    for seed in SEEDS:
        for shape in ("manual", "auto"):
            target = out / f"{seed.stem}.{shape}.docx"
            build_plan_docx(seed, target, shape)  # type: ignore[arg-type]
            built[(seed.name, shape)] = target
    return built
