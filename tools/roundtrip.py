"""Prints the round-trip differences parse(render(parse(x))) vs parse(x): python tools/roundtrip.py [FILTER]"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from roundtrip import differences  # noqa: E402

from drafting import parse_file  # noqa: E402
from drafting.render.docx_writer import render_docx  # noqa: E402

files = sorted((ROOT / "corpus/seeds").glob("*.txt")) + sorted((ROOT / "corpus/wild").glob("[0-9a-f]*.md"))
files += sorted(p for p in (ROOT / "corpus/realdocx").iterdir() if p.suffix in (".docx", ".pdf", ".doc"))
with tempfile.TemporaryDirectory() as out:
    bad = 0
    for path in files:
        if len(sys.argv) > 1 and sys.argv[1] not in path.name:
            continue
        plan = parse_file(path)
        target = Path(out) / f"{path.stem}.docx"
        render_docx(plan, target)
        found = differences(plan, parse_file(target))
        bad += bool(found)
        print(f"{'OK ' if not found else 'BAD'} {path.name}")
        for line in found:
            print("    ", line[:700])
    print("files with differences:", bad)
