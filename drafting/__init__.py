"""drafting: parse, draft and check Vietnamese People's Committee plans (Decree 30/2020/NĐ-CP)."""

from drafting.api import parse_file
from drafting.errors import DraftingError
from drafting.model import Plan

__all__ = ["DraftingError", "Plan", "parse_file"]
__version__ = "0.1.0"
