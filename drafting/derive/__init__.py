"""Derivation of a commune plan from its parent by responsibility (see drafting/derive/plan.py)."""

from drafting.derive.plan import derive_commune_plan, explain_outcomes

__all__ = ["derive_commune_plan", "explain_outcomes"]
