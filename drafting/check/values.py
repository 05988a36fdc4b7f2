"""The checker's values (sizes, margins, regexes, the §4 abbreviation table, motto texts), read once
from ``drafting/data/decree30_rules.json``: change a value there, not in code."""

from __future__ import annotations

from functools import cache
from typing import Any

from drafting.data_files import load


@cache
def rules_data() -> dict[str, Any]:
    return load("decree30_rules")  # type: ignore[no-any-return]
