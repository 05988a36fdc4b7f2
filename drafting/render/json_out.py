"""The plan as the public JSON contract (shared/spec/plan-json.md)."""

from __future__ import annotations

import json

from drafting.model import Plan


def to_json(plan: Plan) -> str:
    return json.dumps(plan.to_dict(), ensure_ascii=False, indent=2)
