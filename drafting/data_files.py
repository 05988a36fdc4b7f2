"""Loads the data files shipped in ``drafting/data`` (patterns, vocabularies, code tables)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    """The parsed JSON data file ``drafting/data/<name>.json``, read once per process."""
    text = resources.files("drafting.data").joinpath(f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)
