"""The library's entry points: read a file and parse it into a `Plan`."""

from __future__ import annotations

from pathlib import Path

from drafting.model import Plan
from drafting.parsing.plan import parse_blocks
from drafting.readers import read_document


def parse_file(path: str | Path) -> Plan:
    """Parse any supported file into a plan; raises `DraftingError` with a clerk's message."""
    return parse_blocks(read_document(Path(path)))
