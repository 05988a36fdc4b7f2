"""Prints the word accounting (lost / doubled words) for files: python tools/account.py FILE…"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from drafting.parsing.plan import parse_blocks  # noqa: E402
from drafting.readers import read_document  # noqa: E402

from accounting import difference  # noqa: E402

for name in sys.argv[1:]:
    raw = read_document(Path(name))
    lost, added = difference(raw, parse_blocks(read_document(Path(name))))
    print(f"{name}: lost {sum(lost.values())} {dict(lost.most_common(8))}", end=" ")
    print(f"added {sum(added.values())} {dict(added.most_common(8))}")
