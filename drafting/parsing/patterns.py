"""Compiled regular expressions from ``data/patterns.json``."""

from __future__ import annotations

import re
from functools import cache

from drafting.data_files import load


@cache
def pattern(name: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(load("patterns")[name], flags)
